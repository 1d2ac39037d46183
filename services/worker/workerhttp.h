#pragma once

#include <atomic>
#include <memory>

#include <QString>

#include "models/result.h"
#include "services/concurrency/servicethread.h"

namespace okla::services {

class MetricsRegistry;
class WorkerWebhooks;

/// What /healthz reports, written by the daemon's control thread, read by the HTTP thread.
struct WorkerHealth
{
    QString instanceId;
    QString version;
    QString queueKind; ///< "in-process" or "amqp"
    std::atomic<bool> databaseOk{false};
    std::atomic<bool> queueOk{false};
    std::atomic<int> inFlight{0};
};

/// The worker's HTTP endpoints on their own thread (docs/worker.md §6): GET /healthz (200, or 503
/// while the database is unreachable), GET /metrics (the registry in Prometheus text format) and,
/// when the worker has Stripe's webhook secret, POST /webhooks/stripe (docs/worker.md §12).
class WorkerHttp
{
public:
    WorkerHttp(std::shared_ptr<const WorkerHealth> health, std::shared_ptr<MetricsRegistry> metrics);

    /// Listens on 127.0.0.1:`port` (0: any free port) and returns the bound port. `webhooks`, when
    /// given, serves POST /webhooks/stripe on this thread.
    models::Result<quint16> start(quint16 port, std::shared_ptr<WorkerWebhooks> webhooks = {});

    /// The /healthz body: {"instance", "version", "db", "queue", "queue_kind", "in_flight"}.
    static QByteArray healthBody(const WorkerHealth &health);

private:
    std::shared_ptr<const WorkerHealth> m_health;
    std::shared_ptr<MetricsRegistry> m_metrics;
    ServiceThread m_thread;
};

} // namespace okla::services
