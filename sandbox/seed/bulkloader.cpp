#include "sandbox/seed/bulkloader.h"

#include <algorithm>

#include <libpq-fe.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "models/secretmask.h"
#include "services/database/pgconnection.h"

namespace okla::sandbox {

using models::makeError;
using models::Status;

namespace {

QString tableArray(const QStringList &tables)
{
    QStringList quoted;
    for (const QString &t : tables)
        quoted << u'\'' + t + u'\'';
    return QStringLiteral("ARRAY[%1]::regclass[]").arg(quoted.join(u','));
}

} // namespace

Status BulkLoader::begin(const QStringList &tables, const QStringList &alsoTruncate)
{
    m_tables = tables;
    m_recreate.clear();
    m_rebuilt = false;
    if (auto ok = m_connection.execScript(QStringLiteral(
            "BEGIN; SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL work_mem = '256MB'; "
        "SET LOCAL synchronous_commit = off;"));
        !ok)
        return ok;
    m_open = true;
    const QString arr = tableArray(tables);
    // Foreign keys first (from or to the tables), then primary/unique keys, then plain indexes;
    // they are restored in the reverse order.
    auto constraints = m_connection.exec(QStringLiteral(
        "SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid), c.contype::text "
        "FROM pg_constraint c WHERE c.contype IN ('f', 'p', 'u', 'x') "
        "  AND (c.conrelid = ANY(%1) OR (c.contype = 'f' AND c.confrelid = ANY(%1))) "
        "ORDER BY (c.contype = 'f') DESC, c.conrelid::regclass::text, c.conname").arg(arr));
    if (!constraints) {
        rollback();
        return constraints.error();
    }
    auto indexes = m_connection.exec(QStringLiteral(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = ANY(%1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid "
        "AND c.contype IN ('p', 'u', 'x')) ORDER BY 1").arg(arr));
    if (!indexes) {
        rollback();
        return indexes.error();
    }
    QStringList drops;
    QStringList keys;
    QStringList foreignKeys;
    for (int r = 0; r < constraints->rows(); ++r) {
        const QString table = constraints->text(r, 0);
        const QString name = constraints->text(r, 1);
        drops << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(table, name);
        const QString add = QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3;").arg(table, name, constraints->text(r, 2));
        (constraints->text(r, 3) == QLatin1String("f") ? foreignKeys : keys) << add;
    }
    QStringList createIndexes;
    for (int r = 0; r < indexes->rows(); ++r) {
        drops << QStringLiteral("DROP INDEX %1;").arg(indexes->text(r, 0));
        createIndexes << indexes->text(r, 1) + u';';
    }
    m_recreate = keys + createIndexes + foreignKeys;
    // Any other table whose rows point at the loaded ones is emptied too (its keys come back
    // afterwards and would not validate against the new rows).
    auto referencing = m_connection.exec(QStringLiteral(
        "SELECT DISTINCT c.conrelid::regclass::text FROM pg_constraint c WHERE c.contype = 'f' "
        "AND c.confrelid = ANY(%1) AND c.conrelid <> ALL(%1) ORDER BY 1").arg(arr));
    if (!referencing) {
        rollback();
        return referencing.error();
    }
    QStringList truncate = tables;
    for (const QString &t : alsoTruncate)
        if (!truncate.contains(t))
            truncate << t;
    for (int r = 0; r < referencing->rows(); ++r) {
        const QString t = referencing->text(r, 0);
        if (!truncate.contains(t) && !truncate.contains(QStringLiteral("public.") + t))
            truncate << t;
    }
    QStringList statements = drops;
    statements << QStringLiteral("TRUNCATE %1 RESTART IDENTITY;").arg(truncate.join(QStringLiteral(", ")));
    // No per-row audit trigger and no NOTIFY storm while loading, so the tables' user triggers
    // (audit, notify, state machine, refund policy) are off; the generator keeps the same rules
    // itself (e.g. a second approver above the limit), and the seeder writes the refunds' audit
    // rows, chained, once they are loaded (seeder.cpp, docs/security.md §5).
    for (const QString &t : tables)
        statements << QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER;").arg(t);
    if (auto ok = m_connection.execScript(statements.join(u'\n')); !ok) {
        rollback();
        return ok;
    }
    return {};
}

Status BulkLoader::copy(const char *table, const char *columns, const QByteArray &rows)
{
    if (rows.isEmpty())
        return {};
    pg_conn *conn = m_connection.handle();
    const QByteArray sql = QByteArray("COPY ") + table + " (" + columns + ") FROM STDIN WITH (FREEZE)";
    PGresult *res = PQexec(conn, sql.constData());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        const QString detail = models::maskSecrets(QString::fromUtf8(PQresultErrorMessage(res)));
        PQclear(res);
        return makeError(QStringLiteral("seed.copy"),
                         QCoreApplication::translate("okla", "Could not load the seed data into %1.").arg(QLatin1String(table)),
                         detail);
    }
    PQclear(res);
    // libpq copies each piece into its own buffer; pieces of 1 MB keep that copy cache-friendly.
    constexpr qsizetype kPiece = 1 << 20;
    for (qsizetype offset = 0; offset < rows.size(); offset += kPiece) {
        const int len = int(std::min(kPiece, rows.size() - offset));
        if (PQputCopyData(conn, rows.constData() + offset, len) != 1)
            break;
    }
    PQputCopyEnd(conn, nullptr);
    Status result;
    while ((res = PQgetResult(conn)) != nullptr) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && result)
            result = makeError(QStringLiteral("seed.copy"),
                               QCoreApplication::translate("okla", "Could not load the seed data into %1.")
                                   .arg(QLatin1String(table)),
                               models::maskSecrets(QString::fromUtf8(PQresultErrorMessage(res))));
        PQclear(res);
    }
    return result;
}

Status BulkLoader::rebuild(const std::function<void(const QString &)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    QList<QPair<qint64, QString>> slowest;
    for (const QString &statement : std::as_const(m_recreate)) {
        QElapsedTimer one;
        one.start();
        if (auto ok = m_connection.execScript(statement); !ok) {
            rollback();
            return ok;
        }
        slowest.append({one.elapsed(), statement});
    }
    std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype i = 0; i < std::min<qsizetype>(slowest.size(), 12) && progress; ++i)
        if (slowest[i].first >= 500)
            progress(QStringLiteral("  %1 s  %2").arg(double(slowest[i].first) / 1000.0, 5, 'f', 1).arg(slowest[i].second.left(110)));
    if (progress)
        progress(QStringLiteral("%1 indexes and keys rebuilt in %2 s")
                     .arg(m_recreate.size())
                     .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    m_rebuilt = true;
    return {};
}

Status BulkLoader::commit(const QString &extraSql, const std::function<void(const QString &)> &progress)
{
    if (!m_rebuilt) {
        if (auto ok = rebuild(progress); !ok)
            return ok;
    }
    QStringList statements;
    for (const QString &t : m_tables)
        statements << QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER;").arg(t);
    if (!extraSql.isEmpty())
        statements << extraSql;
    statements << QStringLiteral("COMMIT;");
    if (auto ok = m_connection.execScript(statements.join(u'\n')); !ok) {
        rollback();
        return ok;
    }
    m_open = false;
    return {};
}

void BulkLoader::rollback()
{
    if (m_open)
        m_connection.rollbackAfterError();
    m_open = false;
}

} // namespace okla::sandbox
