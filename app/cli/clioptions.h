#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include "app/cli/clicommand.h"

namespace okla::cli {

/// The flags of one command: `--name value` options and `--switch` booleans. Anything else is
/// refused with one sentence that shows the usage (exit code 2 by convention).
class CliOptions
{
public:
    CliOptions(QString command, QString usage) : m_command(std::move(command)), m_usage(std::move(usage)) {}

    CliOptions &option(const QString &name) { m_valued.insert(name); return *this; }
    CliOptions &flag(const QString &name) { m_flags.insert(name); return *this; }

    /// Parses context.args; prints the problem to context.err and returns false on bad input.
    bool parse(CliContext &context);

    QString value(const QString &name, const QString &fallback = {}) const { return m_values.value(name, fallback); }
    bool isSet(const QString &name) const { return m_values.contains(name); }

private:
    QString m_command;
    QString m_usage;
    QSet<QString> m_valued;
    QSet<QString> m_flags;
    QHash<QString, QString> m_values;
};

} // namespace okla::cli
