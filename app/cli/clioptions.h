#pragma once

#include <optional>

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include "app/cli/clicommand.h"

namespace okla::cli {

/// The flags of one command: `--name value` options and `--switch` booleans, each value checked
/// against the kind it was declared with before anything connects (docs/security.md §15).
/// Anything else is refused with one sentence (exit code 2 by convention) that shows at most
/// kEchoLimit characters of what was typed.
class CliOptions
{
public:
    static constexpr int kMaxValueLength = 1024; ///< no option value is longer than this
    static constexpr int kEchoLimit = 40;        ///< characters of a refused value shown back
    static constexpr int kMaxLoginLength = 63;   ///< PostgreSQL's identifier limit (NAMEDATALEN - 1)

    CliOptions(QString command, QString usage) : m_command(std::move(command)), m_usage(std::move(usage)) {}

    // Declaring options. A later declaration of the same name replaces the earlier kind; the
    // options every command shares keep their own kind however they are declared (`--profile`,
    // `--user`, `--as-of`), so no command can take them unchecked.
    CliOptions &option(const QString &name) { return declare(name, Kind::Text); } ///< free text, bounded length
    CliOptions &flag(const QString &name) { m_flags.insert(name); return *this; }
    CliOptions &dateOption(const QString &name) { return declare(name, Kind::Date); }   ///< YYYY-MM-DD
    CliOptions &monthOption(const QString &name) { return declare(name, Kind::Month); } ///< YYYY-MM
    CliOptions &positiveIntOption(const QString &name) { return declare(name, Kind::PositiveInt); }
    CliOptions &choiceOption(const QString &name, const QStringList &choices);
    /// `--profile NAME`: a file name in the profile folder, never a path.
    CliOptions &profileOption() { return declare(QStringLiteral("--profile"), Kind::Profile); }
    /// `--user LOGIN`: a database login name (checked before connecting).
    CliOptions &userOption() { return declare(QStringLiteral("--user"), Kind::Login); }
    /// Another option naming a database login (`--worker-login`): read it with value().
    CliOptions &loginOption(const QString &name) { return declare(name, Kind::Login); }

    /// Parses context.args; prints the problem to context.err (one sentence) and returns false on bad input.
    bool parse(CliContext &context);

    QString value(const QString &name, const QString &fallback = {}) const { return m_values.value(name, fallback); }
    bool isSet(const QString &name) const { return m_values.contains(name); }

    // Typed values of options declared with that kind (already checked by parse()).
    std::optional<QDate> date(const QString &name) const;  ///< nullopt when not given
    std::optional<QDate> month(const QString &name) const; ///< the month's first day; nullopt when not given
    std::optional<qint64> positiveInt(const QString &name) const;
    QString choice(const QString &name, const QString &fallback) const { return value(name, fallback); }
    /// `--profile`, else the active profile's name.
    QString profile() const;
    /// `--user`, else @p fallback.
    QString user(const QString &fallback = {}) const { return value(QStringLiteral("--user"), fallback); }

    /// @p text quoted, cut to kEchoLimit characters with an ellipsis and its full length: what a
    /// refusal may show of untrusted input.
    static QString echo(const QString &text);
    /// Prints "okla <command>: <sentence>" to context.err and returns 2 (a bad usage).
    int refuse(CliContext &context, const QString &sentence) const;

    /// The checks behind the kinds, usable on their own (empty = fine, else one sentence).
    static QString checkDate(const QString &name, const QString &value);
    static QString checkMonth(const QString &name, const QString &value);
    static QString checkLogin(const QString &name, const QString &value);
    static QString checkProfile(const QString &name, const QString &value);
    static QString checkPositiveInt(const QString &name, const QString &value);

private:
    enum class Kind { Text, Date, Month, PositiveInt, Choice, Profile, Login };

    CliOptions &declare(const QString &name, Kind kind);
    QString check(const QString &name, const QString &value) const;

    QString m_command;
    QString m_usage;
    QHash<QString, Kind> m_valued;
    QHash<QString, QStringList> m_choices;
    QSet<QString> m_flags;
    QHash<QString, QString> m_values;
};

} // namespace okla::cli
