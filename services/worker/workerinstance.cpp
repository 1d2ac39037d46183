#include "services/worker/workerinstance.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonDocument>
#include <QRandomGenerator>

#include "services/database/pgconnection.h"

namespace okla::services {

WorkerInstance WorkerInstance::forThisProcess(const QString &version, int concurrency)
{
    WorkerInstance instance;
    instance.hostname = QHostInfo::localHostName().left(200);
    if (instance.hostname.isEmpty())
        instance.hostname = QStringLiteral("localhost");
    instance.pid = QCoreApplication::applicationPid();
    instance.version = version;
    instance.concurrency = concurrency;
    instance.startedAt = QDateTime::currentDateTimeUtc();
    const QString random = QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, u'0');
    instance.instanceId = QStringLiteral("%1:%2:%3").arg(instance.hostname.left(150)).arg(instance.pid).arg(random);
    return instance;
}

QJsonObject WorkerInstance::status(int inFlight, const QString &state) const
{
    return QJsonObject{{QStringLiteral("state"), state},
                       {QStringLiteral("in_flight"), inFlight},
                       {QStringLiteral("concurrency"), concurrency},
                       {QStringLiteral("started_at"), startedAt.toString(Qt::ISODateWithMs)}};
}

models::Status WorkerInstance::beat(PgConnection &db, int inFlight, const QString &state) const
{
    auto upserted = db.exec(QStringLiteral(
        "INSERT INTO worker_instances (instance_id, hostname, pid, started_at, heartbeat_at, version, concurrency, status)"
        " VALUES ($1, $2, $3, $4::timestamptz, now(), $5, $6, $7::jsonb)"
        " ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = now(), concurrency = EXCLUDED.concurrency,"
        "     status = EXCLUDED.status"),
        {instanceId, hostname, pid, startedAt.toString(Qt::ISODateWithMs), version, concurrency,
         QString::fromUtf8(QJsonDocument(status(inFlight, state)).toJson(QJsonDocument::Compact))});
    if (!upserted)
        return upserted.error();
    return {};
}

models::Status WorkerInstance::markStopped(PgConnection &db) const
{
    return beat(db, 0, QStringLiteral("stopped"));
}

} // namespace okla::services
