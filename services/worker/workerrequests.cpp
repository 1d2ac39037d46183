#include "services/worker/workerrequests.h"

#include <QJsonDocument>

#include "models/cardmask.h"
#include "models/secretmask.h"
#include "services/database/pgconnection.h"

namespace okla::services::WorkerRequests {

namespace {

QString idArray(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return u'{' + parts.join(u',') + u'}';
}

/// Claims the oldest pending row that `filter` (SQL over worker_requests, $2 its parameter) lets through.
models::Result<std::optional<WorkerRequest>> claimWhere(PgConnection &db, const QString &instanceId, const QString &filter,
                                                       const QVariant &filterParam)
{
    auto claimed = db.exec(QStringLiteral(
        "UPDATE worker_requests SET state = 'running', claimed_by = $1"
        " WHERE id = (SELECT id FROM worker_requests WHERE state = 'pending' AND (%1)"
        "              ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
        " RETURNING id, kind, params::text, requested_by").arg(filter), {instanceId, filterParam});
    if (!claimed)
        return claimed.error();
    if (claimed->rows() == 0)
        return std::optional<WorkerRequest>();
    WorkerRequest request;
    request.id = claimed->toInt64(0, 0);
    request.kind = claimed->text(0, 1);
    request.params = QJsonDocument::fromJson(claimed->bytes(0, 2)).object();
    if (!claimed->isNull(0, 3))
        request.requestedBy = claimed->toInt64(0, 3);
    return std::optional<WorkerRequest>(std::move(request));
}

} // namespace

models::Result<std::optional<WorkerRequest>> claimNext(PgConnection &db, const QString &instanceId)
{
    return claimWhere(db, instanceId, QStringLiteral("$2::boolean"), true);
}

models::Result<std::optional<WorkerRequest>> claimSliceOf(PgConnection &db, const QString &instanceId, qint64 runId)
{
    return claimWhere(db, instanceId, QStringLiteral("kind = 'billing_slice' AND (params->>'parent')::bigint = $2"), runId);
}

models::Result<bool> lockOwned(PgConnection &db, qint64 id, const QString &instanceId)
{
    auto locked = db.exec(QStringLiteral("SELECT 1 FROM worker_requests WHERE id = $1 AND state = 'running'"
                                         " AND claimed_by = $2 FOR UPDATE"), {id, instanceId});
    if (!locked)
        return locked.error();
    return locked->rows() == 1;
}

models::Result<bool> succeed(PgConnection &db, qint64 id, const QString &instanceId, const QJsonObject &result)
{
    auto done = db.exec(QStringLiteral("UPDATE worker_requests SET state = 'succeeded', result = $3::jsonb"
                                       " WHERE id = $1 AND state = 'running' AND claimed_by = $2"),
                        {id, instanceId, QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact))});
    if (!done)
        return done.error();
    return done->affectedRows() == 1;
}

models::Result<bool> fail(PgConnection &db, qint64 id, const QString &instanceId, const QString &error)
{
    auto done = db.exec(QStringLiteral("UPDATE worker_requests SET state = 'failed', error = $3"
                                       " WHERE id = $1 AND state = 'running' AND claimed_by = $2"),
                        {id, instanceId, storableError(error)});
    if (!done)
        return done.error();
    return done->affectedRows() == 1;
}

models::Result<qint64> giveBack(PgConnection &db, const QString &instanceId, const QList<qint64> &ids)
{
    auto back = ids.isEmpty()
        ? db.exec(QStringLiteral("UPDATE worker_requests SET state = 'pending'"
                                 " WHERE state = 'running' AND claimed_by = $1"), {instanceId})
        : db.exec(QStringLiteral("UPDATE worker_requests SET state = 'pending'"
                                 " WHERE state = 'running' AND claimed_by = $1 AND id = ANY ($2::bigint[])"),
                  {instanceId, idArray(ids)});
    if (!back)
        return back.error();
    return back->affectedRows();
}

models::Result<qint64> giveBackOrphans(PgConnection &db, const QString &instanceId, const QList<qint64> &inFlight)
{
    // SKIP LOCKED: a request an executor is settling right now holds its row lock. A request
    // claimed in the last seconds may not be in the in-flight set yet (the claim commits first).
    auto back = db.exec(QStringLiteral(
        "UPDATE worker_requests SET state = 'pending'"
        " WHERE id IN (SELECT id FROM worker_requests WHERE state = 'running' AND claimed_by = $1"
        "                 AND NOT (id = ANY ($2::bigint[])) AND started_at < now() - interval '10 seconds'"
        "               FOR UPDATE SKIP LOCKED)"),
        {instanceId, idArray(inFlight)});
    if (!back)
        return back.error();
    return back->affectedRows();
}

models::Result<qint64> reclaimStale(PgConnection &db)
{
    auto back = db.exec(QStringLiteral(
        "UPDATE worker_requests SET state = 'pending'"
        " WHERE id IN (SELECT r.id FROM worker_requests r WHERE r.state = 'running'"
        "                 AND NOT EXISTS (SELECT 1 FROM worker_instances i WHERE i.instance_id = r.claimed_by"
        "                                    AND i.heartbeat_at > now() - make_interval(secs => $1)"
        "                                    AND coalesce(i.status->>'state', '') <> 'stopped')"
        "               FOR UPDATE SKIP LOCKED)"),
        {kStaleAfterSeconds});
    if (!back)
        return back.error();
    return back->affectedRows();
}

models::Result<qint64> pendingCount(PgConnection &db)
{
    auto count = db.exec(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state = 'pending'"));
    if (!count)
        return count.error();
    return count->toInt64(0, 0);
}

QString storableError(const QString &message)
{
    QString text = models::maskCardNumbers(models::maskSecrets(message));
    if (text.size() > 2000)
        text = text.left(1999) + QChar(0x2026);
    return text;
}

} // namespace okla::services::WorkerRequests
