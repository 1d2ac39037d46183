#pragma once

#include <memory>

#include <QFuture>
#include <QString>

#include "models/result.h"
#include "services/concurrency/servicethread.h"

namespace okla::services {

class CredentialStore;
class MetricsRegistry;
struct ConnectionProfile;

/// How often each maintenance job runs (docs/worker.md §16).
struct MaintenancePeriods
{
    int relayMs = 2000;
    int pendingRefundsMs = 2000;
    int resumeMs = 30 * 1000;
    int reconcileUnknownMs = 5 * 60 * 1000;
    int reapMs = 60 * 60 * 1000;
};

/// The worker's own schedule beside the requests (docs/worker.md §16), on a thread and a database
/// connection of its own: the outbox relay (only with a broker in the profile), approved refunds
/// to execute, unfinished charges and refunds to resume, unknown refunds to reconcile with the
/// provider, finished idempotency keys to reap. Each job has its period; a webhook that concerns
/// an executor nudges the next round to resume and reconcile at once.
class WorkerMaintenance
{
public:
    /// `profileName` is what the provider clients are built from (loadWorkerProviders).
    WorkerMaintenance(QString conninfo, const ConnectionProfile &profile, QString profileName,
                      const CredentialStore &credentials, std::shared_ptr<MetricsRegistry> metrics,
                      MaintenancePeriods periods = {});
    ~WorkerMaintenance();

    /// Runs the jobs that are due; true when any did work. Call again only after it finished.
    QFuture<models::Result<bool>> round();
    /// From any thread: the next round resumes unfinished operations and reconciles unknown
    /// refunds whatever their period says.
    void nudge();
    void setConninfo(const QString &conninfo);

    static void declareMetrics(MetricsRegistry &metrics);

private:
    struct State;
    std::shared_ptr<State> m_state;
    ServiceThread m_thread;
};

} // namespace okla::services
