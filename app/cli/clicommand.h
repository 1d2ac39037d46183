#pragma once

#include <functional>

#include <QString>
#include <QStringList>
#include <QTextStream>

#include "models/result.h"

namespace okla::cli {

/// What a CLI command gets: its own arguments (after the command words) and the output streams.
struct CliContext
{
    QStringList args;
    QTextStream &out;
    QTextStream &err;
};

/// One `okla <words…>` command. Commands live in their own files and register themselves with
/// OKLA_CLI_COMMAND, so adding one never edits main.cpp.
struct CliCommand
{
    QString words;   ///< e.g. "migrate" or "providers status"
    QString summary; ///< one line for `okla --help`
    std::function<int(CliContext &)> run; ///< exit code: 0 ok, 1 failure, 2 bad usage
};

/// A failed command's answer: with --json one object {ok: false, code, message} on stdout (the
/// shape every command prints, docs/howto.md §5), and "okla: <message>" on stderr. Returns 1.
int printFailure(CliContext &context, bool json, const models::Error &error);

class CliRegistry
{
public:
    static CliRegistry &instance();
    bool add(CliCommand command);
    const QList<CliCommand> &commands() const { return m_commands; }
    /// The command whose words are the longest prefix of args, or nullptr.
    const CliCommand *match(const QStringList &args, int *wordCount) const;

private:
    QList<CliCommand> m_commands;
};

} // namespace okla::cli

#define OKLA_CLI_CONCAT2(a, b) a##b
#define OKLA_CLI_CONCAT(a, b) OKLA_CLI_CONCAT2(a, b)
#define OKLA_CLI_COMMAND(words, summary, function)                                                                     \
    static const bool OKLA_CLI_CONCAT(okla_cli_registered_, __LINE__) =                                               \
        okla::cli::CliRegistry::instance().add({QStringLiteral(words), QStringLiteral(summary), function})
