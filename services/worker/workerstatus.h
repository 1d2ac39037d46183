#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// What `okla worker status` shows (docs/worker.md §6): the workers that recorded a heartbeat
/// and the request queue by kind and state. Readable by every staff group and the worker.
struct WorkerStatusReport
{
    struct Instance
    {
        QString instanceId;
        QString hostname;
        qint64 pid = 0;
        QString version;
        int concurrency = 0;
        QString startedAt;   ///< ISO 8601, UTC
        QString heartbeatAt; ///< ISO 8601, UTC
        double heartbeatAgeSeconds = 0;
        QString state;       ///< alive (heartbeat within 60 s), stale, or stopped (clean exit)
        QJsonObject status;  ///< the worker's own status object (in_flight…)
    };
    struct RequestCount
    {
        QString kind;
        QString state;
        qint64 count = 0;
    };
    QList<Instance> instances; ///< newest heartbeat first
    QList<RequestCount> requests;

    static models::Result<WorkerStatusReport> read(PgConnection &db);
    QJsonObject toJson() const;
};

} // namespace okla::services
