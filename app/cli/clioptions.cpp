#include "app/cli/clioptions.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "services/session/connectionprofile.h"
#include "models/oklatr.h"

namespace okla::cli {

namespace {

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(pattern).match(value).hasMatch();
}

} // namespace

CliOptions &CliOptions::declare(const QString &name, Kind kind)
{
    if (name == QLatin1String("--profile"))
        kind = Kind::Profile;
    else if (name == QLatin1String("--user"))
        kind = Kind::Login;
    else if (name == QLatin1String("--as-of"))
        kind = Kind::Date;
    m_valued.insert(name, kind);
    return *this;
}

CliOptions &CliOptions::choiceOption(const QString &name, const QStringList &choices)
{
    m_choices.insert(name, choices);
    return declare(name, Kind::Choice);
}

QString CliOptions::echo(const QString &text)
{
    QString shown = text.left(kEchoLimit);
    // Control characters (a terminal escape, a newline) are never written back as they are.
    for (QChar &c : shown)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u'?';
    if (text.size() <= kEchoLimit)
        return u'"' + shown + u'"';
    // One pass: a typed "%2" must not become a placeholder.
    return Tr::tr("\"%1…\" (%2 characters)").arg(shown, QString::number(text.size()));
}

int CliOptions::refuse(CliContext &context, const QString &sentence) const
{
    context.err << "okla " << m_command << ": " << sentence << '\n';
    return 2;
}

QString CliOptions::checkDate(const QString &name, const QString &value)
{
    if (matches(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), value) && QDate::fromString(value, Qt::ISODate).isValid())
        return {};
    return Tr::tr("%1 takes a date YYYY-MM-DD such as 2026-10-31, not %2.").arg(name, echo(value));
}

QString CliOptions::checkMonth(const QString &name, const QString &value)
{
    if (matches(QStringLiteral("^[0-9]{4}-[0-9]{2}$"), value)
        && QDate::fromString(value + QStringLiteral("-01"), Qt::ISODate).isValid())
        return {};
    return Tr::tr("%1 takes a month YYYY-MM such as 2026-10, not %2.").arg(name, echo(value));
}

QString CliOptions::checkLogin(const QString &name, const QString &value)
{
    // Checked here, before libpq sees it: an over-long or odd login never reaches the server.
    if (matches(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]{0,62}$"), value))
        return {};
    return Tr::tr("%1 takes a database login name (letters, digits, '_', '.' or '-', at most %2 characters), not %3.")
        .arg(name)
        .arg(kMaxLoginLength)
        .arg(echo(value));
}

QString CliOptions::checkProfile(const QString &name, const QString &value)
{
    if (services::ConnectionProfile::checkName(value))
        return {};
    return Tr::tr("%1 takes a profile name (letters, digits, '.', '_' or '-', at most 64, not a path), not %2.")
        .arg(name, echo(value));
}

QString CliOptions::checkPositiveInt(const QString &name, const QString &value)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (ok && n > 0 && matches(QStringLiteral("^[0-9]{1,18}$"), value))
        return {};
    return Tr::tr("%1 takes a whole number greater than zero, not %2.").arg(name, echo(value));
}

QString CliOptions::check(const QString &name, const QString &value) const
{
    if (value.size() > kMaxValueLength)
        return Tr::tr("%1 is too long (%2 characters; at most %3).").arg(name).arg(value.size()).arg(kMaxValueLength);
    switch (m_valued.value(name)) {
    case Kind::Text: return {};
    case Kind::Date: return checkDate(name, value);
    case Kind::Month: return checkMonth(name, value);
    case Kind::PositiveInt: return checkPositiveInt(name, value);
    case Kind::Profile: return checkProfile(name, value);
    case Kind::Login: return checkLogin(name, value);
    case Kind::Choice: {
        const QStringList choices = m_choices.value(name);
        if (choices.contains(value))
            return {};
        return Tr::tr("%1 takes one of %2, not %3.").arg(name, choices.join(QStringLiteral(", ")), echo(value));
    }
    }
    return {};
}

bool CliOptions::parse(CliContext &context)
{
    const QStringList &args = context.args;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString problem;
        if (m_values.contains(arg)) {
            problem = Tr::tr("%1 is given twice; give it once.").arg(arg);
        } else if (m_flags.contains(arg)) {
            m_values.insert(arg, QStringLiteral("1"));
            continue;
        } else if (m_valued.contains(arg) && i + 1 < args.size()) {
            problem = check(arg, args[i + 1]);
            if (problem.isEmpty()) {
                m_values.insert(arg, args[++i]);
                continue;
            }
        } else if (m_valued.contains(arg)) {
            problem = Tr::tr("%1 needs a value; usage: okla %2 %3").arg(arg, m_command, m_usage);
        } else {
            problem = Tr::tr("unknown option %1; usage: okla %2 %3").arg(echo(arg), m_command, m_usage);
        }
        refuse(context, problem);
        return false;
    }
    return true;
}

std::optional<QDate> CliOptions::date(const QString &name) const
{
    if (!isSet(name))
        return std::nullopt;
    return QDate::fromString(value(name), Qt::ISODate);
}

std::optional<QDate> CliOptions::month(const QString &name) const
{
    if (!isSet(name))
        return std::nullopt;
    return QDate::fromString(value(name) + QStringLiteral("-01"), Qt::ISODate);
}

std::optional<qint64> CliOptions::positiveInt(const QString &name) const
{
    if (!isSet(name))
        return std::nullopt;
    return value(name).toLongLong();
}

QString CliOptions::profile() const
{
    return value(QStringLiteral("--profile"), services::ConnectionProfile::activeName());
}

} // namespace okla::cli
