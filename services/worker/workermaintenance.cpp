// The worker's schedule beside the requests (docs/worker.md §16).
#include "services/worker/workermaintenance.h"

#include <atomic>
#include <optional>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>

#include "services/billing/chargeexecutor.h"
#include "services/billing/executorcompleter.h"
#include "services/billing/refundexecutor.h"
#include "services/credentials/credentialstore.h"
#include "services/database/pgconnection.h"
#include "services/metrics/metricsregistry.h"
#include "services/outbox/outboxrelay.h"
#include "services/queue/amqpqueue.h"
#include "services/resilience/resiliencemanager.h"
#include "services/session/connectionprofile.h"
#include "services/worker/workerproviders.h"

Q_LOGGING_CATEGORY(lcMaintenance, "okla.worker.maintenance")

namespace okla::services {

namespace {

constexpr const char *kRuns = "okla_worker_maintenance_total";
constexpr const char *kRelayed = "okla_worker_outbox_published_total";
constexpr int kRefundsPerRound = 20;
constexpr int kRelayBatchesPerRound = 20;

/// A job's period: due when it never ran, when its period passed, or when `forced`.
struct Period
{
    int ms = 0;
    QElapsedTimer since;

    bool due(bool forced) const { return forced || !since.isValid() || since.elapsed() >= ms; }
    void ran() { since.start(); }
};

} // namespace

/// Only the maintenance thread touches the connection, the queue and the periods.
struct WorkerMaintenance::State
{
    QMutex mutex;
    QString conninfo; // under mutex: setConninfo comes from the main thread
    QString profileName;
    CredentialStore credentials{QString()};
    std::optional<AmqpConfig> amqpConfig;
    std::shared_ptr<MetricsRegistry> metrics;
    std::atomic<bool> nudged{false};

    PgConnection db;
    std::unique_ptr<AmqpQueue> queue;
    bool queueDeclared = false;
    std::optional<WorkerProviderClients> providers;
    QString providersProblem; // the last reason the providers could not be built (said once)
    Period relay, pendingRefunds, resume, reconcileUnknown, reap;

    models::Status ensureConnected()
    {
        if (db.isOpen())
            return {};
        QString info;
        {
            QMutexLocker lock(&mutex);
            info = conninfo;
        }
        auto opened = PgConnection::openQuiet(info);
        if (!opened)
            return opened.error();
        db = std::move(opened).value();
        return {};
    }

    /// Logs a failed job and drops the connection (it may be the cause); the next round reopens it.
    void failed(const char *job, const models::Error &error)
    {
        metrics->increment(kRuns, {{"job", job}, {"result", "error"}});
        qCWarning(lcMaintenance).noquote() << QCoreApplication::translate("okla.worker", "%1 failed:").arg(QString::fromLatin1(job))
                                           << error.toString();
        db = PgConnection();
    }

    void succeeded(const char *job, qint64 worked)
    {
        metrics->increment(kRuns, {{"job", job}, {"result", worked > 0 ? "worked" : "idle"}});
    }

    bool relayOutbox()
    {
        if (!amqpConfig || !relay.due(false))
            return false;
        relay.ran();
        if (!queue)
            queue = std::make_unique<AmqpQueue>(*amqpConfig);
        if (!queueDeclared) {
            if (auto declared = queue->declare(workerTopology()); !declared) {
                failed("relay", declared.error());
                return false;
            }
            queueDeclared = true;
        }
        OutboxRelay relayer(db, *queue);
        qint64 published = 0;
        for (int batch = 0; batch < kRelayBatchesPerRound; ++batch) {
            auto done = relayer.relayBatch();
            if (!done) {
                failed("relay", done.error());
                return published > 0;
            }
            if (done.value() == 0)
                break;
            published += done.value();
        }
        metrics->increment(kRelayed, {}, double(published));
        succeeded("relay", published);
        return published > 0;
    }

    /// The provider clients, built once from the credentials folder; a worker without a
    /// provider's secret says so once and runs the relay alone.
    WorkerProviderClients *ensureProviders()
    {
        if (providers)
            return &*providers;
        auto loaded = loadWorkerProviders(profileName, credentials);
        if (!loaded) {
            if (loaded.error().message != providersProblem)
                qCWarning(lcMaintenance).noquote()
                    << QCoreApplication::translate("okla.worker",
                                                   "refunds and unfinished charges wait: the providers are not configured:")
                    << loaded.error().message;
            providersProblem = loaded.error().message;
            return nullptr;
        }
        providersProblem.clear();
        providers.emplace(std::move(loaded).value());
        return &*providers;
    }

    bool runExecutors(bool forced)
    {
        const bool anyDue = pendingRefunds.due(false) || resume.due(forced) || reconcileUnknown.due(forced) || reap.due(false);
        if (!anyDue)
            return false;
        WorkerProviderClients *clients = ensureProviders();
        if (!clients)
            return false;
        ChargeExecutor charges(db, *clients->resilience, clients->executorProviders());
        RefundExecutor refunds(db, *clients->resilience, clients->executorProviders());
        ExecutorCompleter completer(db, charges, refunds);
        bool worked = false;
        auto runJob = [&](Period &period, bool force, const char *job, auto call) {
            if (!period.due(force) || !db.isOpen())
                return;
            period.ran();
            auto done = call();
            if (!done) {
                failed(job, done.error());
                return;
            }
            succeeded(job, qint64(done.value()));
            worked = worked || done.value() > 0;
        };
        runJob(pendingRefunds, false, "pending_refunds", [&] { return completer.executePendingRefunds(kRefundsPerRound); });
        runJob(resume, forced, "resume_unfinished", [&] { return completer.resumeUnfinished(); });
        runJob(reconcileUnknown, forced, "reconcile_unknown_refunds", [&] { return refunds.reconcileUnknown(); });
        runJob(reap, false, "reap_keys", [&] { return completer.reapFinished(); });
        return worked;
    }

    models::Result<bool> round()
    {
        const bool forced = nudged.exchange(false);
        if (auto connected = ensureConnected(); !connected) {
            failed("connect", connected.error());
            return connected.error();
        }
        bool worked = relayOutbox();
        if (db.isOpen())
            worked = runExecutors(forced) || worked;
        return worked;
    }

    /// The events exchange with one durable queue for every billing event (docs/messaging.md §6):
    /// the relay publishes mandatory, so an event must have a queue to land in.
    static QueueTopology workerTopology()
    {
        QueueTopology topology;
        topology.queues.append(QueueDeclaration{QStringLiteral("okla.billing.events"), {QStringLiteral("billing.#")}, 5});
        return topology;
    }
};

WorkerMaintenance::WorkerMaintenance(QString conninfo, const ConnectionProfile &profile, QString profileName,
                                     const CredentialStore &credentials, std::shared_ptr<MetricsRegistry> metrics,
                                     MaintenancePeriods periods)
    : m_state(std::make_shared<State>()), m_thread(QStringLiteral("worker-maintenance"))
{
    m_state->conninfo = std::move(conninfo);
    m_state->profileName = std::move(profileName);
    m_state->credentials = credentials;
    m_state->metrics = std::move(metrics);
    if (!profile.amqpHost.isEmpty())
        m_state->amqpConfig = AmqpConfig::fromProfile(profile);
    m_state->relay.ms = periods.relayMs;
    m_state->pendingRefunds.ms = periods.pendingRefundsMs;
    m_state->resume.ms = periods.resumeMs;
    m_state->reconcileUnknown.ms = periods.reconcileUnknownMs;
    m_state->reap.ms = periods.reapMs;
}

WorkerMaintenance::~WorkerMaintenance() = default;

QFuture<models::Result<bool>> WorkerMaintenance::round()
{
    return m_thread.post<bool>([state = m_state](const JobControl &) { return state->round(); });
}

void WorkerMaintenance::nudge() { m_state->nudged = true; }

void WorkerMaintenance::setConninfo(const QString &conninfo)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->conninfo = conninfo;
}

void WorkerMaintenance::declareMetrics(MetricsRegistry &metrics)
{
    using Type = MetricsRegistry::Type;
    (void)metrics.declare(kRuns, Type::Counter, "Worker maintenance jobs run, by job and result (worked, idle, error).");
    (void)metrics.declare(kRelayed, Type::Counter, "Outbox rows the broker confirmed and the relay marked published.");
}

} // namespace okla::services
