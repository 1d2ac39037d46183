#include "sandbox/sims/simdatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <libpq-fe.h>

static void initSimResources() { Q_INIT_RESOURCE(sims); }

namespace okla::sandbox {

using services::PgConnection;

models::Result<PgConnection> openSimDatabase(const QString &conninfo)
{
    initSimResources();
    auto db = PgConnection::open(conninfo);
    if (!db) {
        const QString detail = db.error().detail + db.error().message;
        static const QRegularExpression dbName(QStringLiteral("dbname\\s*=\\s*'?([A-Za-z0-9_]+)'?"));
        const auto match = dbName.match(conninfo);
        if (!detail.contains(QStringLiteral("does not exist")) || !match.hasMatch())
            return db;
        QString adminInfo = conninfo;
        adminInfo.replace(match.capturedStart(0), match.capturedLength(0), QStringLiteral("dbname=postgres"));
        auto admin = PgConnection::open(adminInfo);
        if (!admin)
            return db;
        // The name comes from our own conninfo and matched [A-Za-z0-9_]+: safe to quote.
        if (auto s = admin->execScript(QStringLiteral("CREATE DATABASE \"%1\"").arg(match.captured(1))); !s) {
            if (!s.error().detail.contains(QStringLiteral("already exists")))
                return s.error();
        }
        db = PgConnection::open(conninfo);
        if (!db)
            return db;
    }
    QFile schema(QStringLiteral(":/okla/sims/sim_schema.sql"));
    if (!schema.open(QIODevice::ReadOnly))
        return models::makeError(QStringLiteral("sim.schema"), QCoreApplication::translate("okla", "The simulator schema is missing."));
    // Concurrent starts (two simulators, two processes) race on CREATE ... IF NOT EXISTS: serialise.
    const QString script = QStringLiteral("SET client_min_messages = warning;\nSELECT pg_advisory_lock(4242017);\n") + QString::fromUtf8(schema.readAll())
                           + QStringLiteral("\nSELECT pg_advisory_unlock(4242017);");
    if (auto s = db->execScript(script); !s)
        return s.error();
    // A simulator trades the fsync per answer for throughput: a crash of PostgreSQL itself may
    // lose the last fraction of a second, a stop of okla-sim or a clean down/up loses nothing.
    if (auto s = db->execScript(QStringLiteral("SET synchronous_commit = off")); !s)
        return s.error();
    return db;
}

bool ensureSimConnection(PgConnection &db, const QString &conninfo, QElapsedTimer &lastUse)
{
    const bool recent = lastUse.isValid() && lastUse.elapsed() < 1000;
    lastUse.start();
    if (recent && db.isOpen() && PQstatus(db.handle()) == CONNECTION_OK)
        return true;
    // libpq only notices a terminated backend when a query fails: ask with a cheap query so
    // that the request about to run never meets a dead connection (and never answers "not found").
    if (db.isOpen() && PQstatus(db.handle()) == CONNECTION_OK && db.exec(QStringLiteral("SELECT 1")))
        return true;
    auto reopened = openSimDatabase(conninfo);
    if (!reopened)
        return false;
    db = std::move(reopened).value();
    return true;
}

QString simSetting(PgConnection &db, const QString &schema, const QString &key)
{
    const auto r = db.exec(QStringLiteral("SELECT value::text FROM %1.settings WHERE key = $1").arg(schema), {key});
    if (!r || r->rows() == 0)
        return {};
    return r->text(0, 0);
}

void setSimSetting(PgConnection &db, const QString &schema, const QString &key, const QString &jsonValue)
{
    const auto saved = db.exec(QStringLiteral("INSERT INTO %1.settings (key, value) VALUES ($1, $2::jsonb) "
                                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value").arg(schema),
                               {key, jsonValue});
    // The setting still applies to this run; only its survival across down/up is lost: say so.
    if (!saved)
        qWarning("simulator setting %s.%s not saved: %s", qPrintable(schema), qPrintable(key),
                 qPrintable(saved.error().detail));
}

} // namespace okla::sandbox
