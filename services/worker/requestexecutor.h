#pragma once

#include <atomic>
#include <memory>

#include <QFuture>
#include <QMutex>
#include <QSet>
#include <QString>

#include "models/result.h"
#include "services/concurrency/servicethread.h"

namespace okla::services {

class CredentialStore;
class MetricsRegistry;
class RequestHandlerRegistry;

/// The ids of the requests this process is running right now, shared by its executors (which
/// add and remove them) and its control thread (which gives back any other row it holds).
class InFlightRequests
{
public:
    void add(qint64 id);
    void remove(qint64 id);
    QList<qint64> ids() const;
    int count() const;

private:
    mutable QMutex m_mutex;
    QSet<qint64> m_ids;
};

/// What every executor of one daemon shares. The registry, credentials and metrics outlive the
/// executors (the daemon owns them).
struct ExecutorShared
{
    QString instanceId;
    const RequestHandlerRegistry *registry = nullptr;
    const CredentialStore *credentials = nullptr;
    MetricsRegistry *metrics = nullptr;
    std::shared_ptr<InFlightRequests> inFlight = std::make_shared<InFlightRequests>();
    std::shared_ptr<std::atomic<bool>> stopping = std::make_shared<std::atomic<bool>>(false);
};

/// One of the daemon's N workers: a ServiceThread with its own PostgreSQL connection that claims
/// one request at a time and runs it (docs/worker.md §5).
class RequestExecutor
{
public:
    RequestExecutor(int index, QString conninfo, ExecutorShared shared);

    /// Claims and runs requests until none is pending or the daemon stops claiming; the number
    /// run. One drain at a time per executor (the daemon keeps track).
    QFuture<models::Result<int>> drain();
    /// The profile was reloaded: the next connection uses this conninfo.
    void setConninfo(const QString &conninfo);

private:
    struct State;
    std::shared_ptr<State> m_state;
    ServiceThread m_thread;
};

/// Metric names the executors record into (declared by the daemon, docs/worker.md §6).
namespace WorkerMetrics {
inline constexpr const char *kJobs = "okla_worker_jobs_total";
inline constexpr const char *kJobSeconds = "okla_worker_job_duration_seconds";
inline constexpr const char *kPending = "okla_worker_requests_pending";
inline constexpr const char *kInFlight = "okla_worker_requests_in_flight";
inline constexpr const char *kUp = "okla_worker_up";
void declare(MetricsRegistry &metrics);
} // namespace WorkerMetrics

} // namespace okla::services
