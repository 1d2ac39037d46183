#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// One row of worker_requests as the console and the CLI see it (docs/domain.md §22).
struct WorkRequest
{
    qint64 id = 0;
    QString kind;
    QString state;         ///< pending, running, succeeded, failed
    QJsonObject params;
    QJsonObject progress;  ///< what the worker reported so far, e.g. {"due": 480, "done": 120}
    QJsonObject result;    ///< when succeeded
    QString error;         ///< when failed
    QString claimedBy;     ///< the worker instance running it
    QDateTime createdAt;

    bool finished() const { return state == QLatin1String("succeeded") || state == QLatin1String("failed"); }
};

/// The asking side of worker requests: the console and the CLI only insert a request through
/// okla_request_work (which checks who may ask for what) and watch it settle; they never call a
/// provider (docs/domain.md §22, docs/idempotency.md §1).
class WorkRequestClient
{
public:
    explicit WorkRequestClient(PgConnection &connection) : m_connection(connection) {}

    /// The request's id. The same key with the same kind and params returns the first request;
    /// with others it is refused (code "request.key_reused").
    models::Result<qint64> submit(const QString &kind, const QJsonObject &params, const QUuid &key);
    /// The request as it is now; "request.not_found" when the id is unknown.
    models::Result<WorkRequest> fetch(qint64 id);

private:
    PgConnection &m_connection;
};

} // namespace okla::services
