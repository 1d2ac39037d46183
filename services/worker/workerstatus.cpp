#include "services/worker/workerstatus.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "services/database/pgconnection.h"
#include "services/worker/workerrequests.h"

namespace okla::services {

models::Result<WorkerStatusReport> WorkerStatusReport::read(PgConnection &db)
{
    auto instances = db.exec(QStringLiteral(
        "SELECT instance_id, hostname, pid, version, concurrency,"
        "       to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        "       to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        "       extract(epoch FROM now() - heartbeat_at)::float8,"
        "       CASE WHEN status->>'state' = 'stopped' THEN 'stopped'"
        "            WHEN heartbeat_at > now() - make_interval(secs => $1) THEN 'alive' ELSE 'stale' END,"
        "       status::text"
        "  FROM worker_instances ORDER BY heartbeat_at DESC, instance_id"), {WorkerRequests::kStaleAfterSeconds});
    if (!instances)
        return instances.error();
    auto counts = db.exec(QStringLiteral("SELECT kind, state, count(*) FROM worker_requests GROUP BY kind, state"
                                         " ORDER BY kind, state"));
    if (!counts)
        return counts.error();
    WorkerStatusReport report;
    for (int row = 0; row < instances->rows(); ++row) {
        Instance i;
        i.instanceId = instances->text(row, 0);
        i.hostname = instances->text(row, 1);
        i.pid = instances->toInt64(row, 2);
        i.version = instances->text(row, 3);
        i.concurrency = int(instances->toInt64(row, 4));
        i.startedAt = instances->text(row, 5);
        i.heartbeatAt = instances->text(row, 6);
        i.heartbeatAgeSeconds = instances->text(row, 7).toDouble();
        i.state = instances->text(row, 8);
        i.status = QJsonDocument::fromJson(instances->bytes(row, 9)).object();
        report.instances.append(i);
    }
    for (int row = 0; row < counts->rows(); ++row)
        report.requests.append({counts->text(row, 0), counts->text(row, 1), counts->toInt64(row, 2)});
    return report;
}

QJsonObject WorkerStatusReport::toJson() const
{
    QJsonArray instanceArray;
    for (const Instance &i : instances)
        instanceArray.append(QJsonObject{{QStringLiteral("instance"), i.instanceId},
                                         {QStringLiteral("host"), i.hostname},
                                         {QStringLiteral("pid"), i.pid},
                                         {QStringLiteral("version"), i.version},
                                         {QStringLiteral("concurrency"), i.concurrency},
                                         {QStringLiteral("started_at"), i.startedAt},
                                         {QStringLiteral("heartbeat_at"), i.heartbeatAt},
                                         {QStringLiteral("heartbeat_age_s"), i.heartbeatAgeSeconds},
                                         {QStringLiteral("state"), i.state},
                                         {QStringLiteral("status"), i.status}});
    QJsonArray requestArray;
    for (const RequestCount &c : requests)
        requestArray.append(QJsonObject{{QStringLiteral("kind"), c.kind},
                                        {QStringLiteral("state"), c.state},
                                        {QStringLiteral("count"), c.count}});
    return QJsonObject{{QStringLiteral("ok"), true},
                       {QStringLiteral("instances"), instanceArray},
                       {QStringLiteral("requests"), requestArray}};
}

} // namespace okla::services
