#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// This process's row in worker_instances (docs/worker.md §6): who it is and its heartbeat.
struct WorkerInstance
{
    QString instanceId; ///< host:pid:random, unique even when a pid is reused
    QString hostname;
    qint64 pid = 0;
    QString version;
    int concurrency = 1;
    QDateTime startedAt;

    /// A new identity for this process.
    static WorkerInstance forThisProcess(const QString &version, int concurrency);

    /// Upserts the row with heartbeat_at = the server's now() and `status` (the object the status
    /// command shows: state, in_flight, concurrency, started_at).
    models::Status beat(PgConnection &db, int inFlight, const QString &state = QStringLiteral("running")) const;
    /// The last beat, with state "stopped": `okla worker status` shows it stopped, not stale.
    models::Status markStopped(PgConnection &db) const;

    QJsonObject status(int inFlight, const QString &state) const;
};

} // namespace okla::services
