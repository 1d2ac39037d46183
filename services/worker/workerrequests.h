#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/result.h"
#include "services/worker/requesthandler.h"

namespace okla::services {

class PgConnection;

/// The SQL of the request queue in worker_requests (docs/worker.md §5). Every write names the
/// claiming instance, so a request given back to the queue (or claimed by another worker after a
/// lost heartbeat) is never settled by the worker that lost it.
namespace WorkerRequests {

/// A claimer is presumed dead when its heartbeat is older than this (docs/worker.md §5, §6).
constexpr int kStaleAfterSeconds = 60;

/// Claims the oldest pending request (FOR UPDATE SKIP LOCKED): `running`, claimed_by = instance.
models::Result<std::optional<WorkerRequest>> claimNext(PgConnection &db, const QString &instanceId);

/// Claims the oldest pending slice of billing run `runId` (docs/worker.md §18), the same way.
models::Result<std::optional<WorkerRequest>> claimSliceOf(PgConnection &db, const QString &instanceId, qint64 runId);

/// Inside the handler's transaction: locks the row and checks it is still ours and running.
models::Result<bool> lockOwned(PgConnection &db, qint64 id, const QString &instanceId);

/// running -> succeeded with `result`; false when the row is no longer ours.
models::Result<bool> succeed(PgConnection &db, qint64 id, const QString &instanceId, const QJsonObject &result);

/// running -> failed with `error` (masked and cut to the column's 2000 characters).
models::Result<bool> fail(PgConnection &db, qint64 id, const QString &instanceId, const QString &error);

/// running -> pending for the given requests (or, when `ids` is empty, every request of the
/// instance); returns how many went back.
models::Result<qint64> giveBack(PgConnection &db, const QString &instanceId, const QList<qint64> &ids = {});

/// running -> pending for requests of the instance that no executor of it is running (a
/// settlement lost with its connection).
models::Result<qint64> giveBackOrphans(PgConnection &db, const QString &instanceId, const QList<qint64> &inFlight);

/// running -> pending for requests whose claimer has no heartbeat for kStaleAfterSeconds
/// (a crashed worker's); rows being settled right now (locked) are skipped.
models::Result<qint64> reclaimStale(PgConnection &db);

/// How many requests wait (state pending).
models::Result<qint64> pendingCount(PgConnection &db);

/// What `error` may hold: secrets and card numbers masked, at most 2000 characters.
QString storableError(const QString &message);

} // namespace WorkerRequests

} // namespace okla::services
