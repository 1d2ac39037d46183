#include "services/database/functionbodies.h"

#include <QRegularExpression>
#include <QSet>

#include "services/database/pgconnection.h"
#include "models/oklatr.h"

namespace okla::services {

using models::Result;

namespace {

// The text between the parenthesis at `open` and its match (exclusive), or empty when unbalanced.
QString parenthesised(const QString &sql, qsizetype open, qsizetype *end)
{
    int depth = 0;
    for (qsizetype i = open; i < sql.size(); ++i) {
        if (sql[i] == u'(')
            ++depth;
        else if (sql[i] == u')' && --depth == 0) {
            *end = i + 1;
            return sql.mid(open + 1, i - open - 1);
        }
    }
    *end = sql.size();
    return {};
}

// pg_proc.pronargs counts input arguments only: OUT parameters are not counted.
int inputArguments(const QString &list)
{
    int count = 0;
    int depth = 0;
    QString current;
    auto finish = [&] {
        const QString arg = current.trimmed();
        if (!arg.isEmpty() && !arg.startsWith(QLatin1String("OUT "), Qt::CaseInsensitive))
            ++count;
        current.clear();
    };
    for (const QChar c : list) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        if (c == u',' && depth == 0)
            finish();
        else
            current += c;
    }
    finish();
    return count;
}

QString bareName(QString name)
{
    name = name.trimmed();
    if (name.startsWith(QLatin1String("public."), Qt::CaseInsensitive))
        name = name.mid(7);
    name.remove(u'"');
    return name.toLower();
}

} // namespace

QHash<QString, QString> FunctionBodies::expected(const QList<Migration> &migrations)
{
    static const QRegularExpression statement(
        QStringLiteral("^[ \\t]*(CREATE(?:[ \\t]+OR[ \\t]+REPLACE)?|DROP)[ \\t]+FUNCTION[ \\t]+(?:IF[ \\t]+EXISTS[ \\t]+)?"
                       "([A-Za-z_][A-Za-z0-9_.\"]*)[ \\t]*\\("),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dollarTag(QStringLiteral("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$"));
    QHash<QString, QString> bodies;
    for (const Migration &m : migrations) {
        const QString sql = QString::fromUtf8(m.sql);
        auto it = statement.globalMatch(sql);
        while (it.hasNext()) {
            const auto match = it.next();
            const QString name = match.captured(2);
            if (name.contains(u'.') && !name.startsWith(QLatin1String("public."), Qt::CaseInsensitive))
                continue; // another schema (the DBA step's okla_dba)
            qsizetype end = 0;
            const QString args = parenthesised(sql, match.capturedEnd(0) - 1, &end);
            const QString key = bareName(name) + u'/' + QString::number(inputArguments(args));
            if (match.captured(1).startsWith(QLatin1String("DROP"), Qt::CaseInsensitive)) {
                bodies.remove(key);
                continue;
            }
            const auto open = dollarTag.match(sql, end);
            if (!open.hasMatch())
                continue;
            const qsizetype close = sql.indexOf(open.captured(0), open.capturedEnd(0));
            if (close < 0)
                continue;
            bodies.insert(key, sql.mid(open.capturedEnd(0), close - open.capturedEnd(0)));
        }
    }
    return bodies;
}

Result<QStringList> FunctionBodies::compare(PgConnection &connection, const QList<Migration> &migrations)
{
    const QHash<QString, QString> wanted = expected(migrations);
    // Functions of extensions are theirs, not the migrations'.
    auto rows = connection.exec(QStringLiteral(
        "SELECT p.proname, p.pronargs, p.prosrc, p.oid::regprocedure::text FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid "
        "AND d.deptype = 'e') ORDER BY 4"));
    if (!rows)
        return models::makeError(QStringLiteral("schema.functions"), Tr::tr("Cannot read the functions of the database."),
                                 rows.error().detail);
    QStringList problems;
    QSet<QString> seen;
    for (int i = 0; i < rows->rows(); ++i) {
        const QString key = rows->text(i, 0) + u'/' + rows->text(i, 1);
        const QString signature = rows->text(i, 3);
        seen.insert(key);
        const auto found = wanted.constFind(key);
        if (found == wanted.constEnd())
            problems << Tr::tr("Function %1 is not defined by any migration; someone added it by hand.").arg(signature);
        else if (found.value() != rows->text(i, 2))
            problems << Tr::tr("The body of function %1 differs from the one the migrations define; someone replaced it.")
                            .arg(signature);
    }
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        if (!seen.contains(it.key()))
            problems << Tr::tr("Function %1 (%2 arguments) that the migrations define is missing.")
                            .arg(it.key().section(u'/', 0, 0), it.key().section(u'/', 1));
    }
    return problems;
}

} // namespace okla::services
