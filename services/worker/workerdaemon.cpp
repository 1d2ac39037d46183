#include "services/worker/workerdaemon.h"

#include <algorithm>
#include <optional>

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QMutex>
#include <QTimer>

#include "services/concurrency/servicethread.h"
#include "services/database/notificationlistener.h"
#include "services/metrics/metricsregistry.h"
#include "services/queue/amqpqueue.h"
#include "services/worker/requestexecutor.h"
#include "services/worker/requesthandler.h"
#include "services/worker/workerhttp.h"
#include "services/worker/workerinstance.h"
#include "services/worker/workermaintenance.h"
#include "services/worker/workerrequests.h"
#include "services/worker/workerwebhooks.h"

Q_LOGGING_CATEGORY(lcWorker, "okla.worker")

namespace okla::services {

namespace {

/// Calls `done` on `receiver`'s thread when `future` ends (finished or cancelled).
template<typename V, typename F>
void whenDone(QObject *receiver, const QFuture<models::Result<V>> &future, F done)
{
    auto *watcher = new QFutureWatcher<models::Result<V>>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, done]() {
        watcher->deleteLater();
        if (watcher->isCanceled() || watcher->future().resultCount() == 0)
            done(models::Result<V>(canceledError()));
        else
            done(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace

/// The control thread's side: its own connection for heartbeats, stale claims and the queue
/// depth, and the broker connection when the profile has one. Only touched on that thread,
/// except `conninfo` (under `mutex`).
struct WorkerDaemon::Control
{
    QMutex mutex;
    QString conninfo;
    PgConnection db;
    WorkerInstance instance;
    std::optional<AmqpConfig> amqpConfig; ///< empty: the in-process queue
    int beats = 0;
    std::shared_ptr<WorkerHealth> health;
    std::shared_ptr<InFlightRequests> inFlight;
    std::shared_ptr<MetricsRegistry> metrics;

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

    /// A failed statement may mean a lost connection: the next call opens a new one.
    template<typename R>
    R dropOnError(R result)
    {
        if (!result.ok())
            db = PgConnection();
        return result;
    }

    models::Status beat(const QString &state)
    {
        const int inFlightNow = inFlight->count();
        models::Status beaten = ensureConnected();
        if (beaten)
            beaten = dropOnError(instance.beat(db, inFlightNow, state));
        health->databaseOk = beaten.ok();
        health->inFlight = inFlightNow;
        metrics->set(WorkerMetrics::kInFlight, {}, inFlightNow);
        // The broker is probed with a connection of its own every 30 s (an idle kept connection
        // would look alive after the broker closed it); the in-process queue is always there.
        if (!amqpConfig)
            health->queueOk = true;
        else if (beats++ % 6 == 0)
            health->queueOk = AmqpQueue(*amqpConfig).connect().ok();
        if (!beaten)
            qCWarning(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "heartbeat failed:") << beaten.error().toString();
        return beaten;
    }

    models::Result<qint64> poll()
    {
        if (auto connected = ensureConnected(); !connected)
            return connected.error();
        auto stale = dropOnError(WorkerRequests::reclaimStale(db));
        if (!stale)
            return stale.error();
        if (stale.value() > 0)
            qCInfo(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "gave back %1 requests of workers without a heartbeat").arg(stale.value());
        auto orphans = dropOnError(WorkerRequests::giveBackOrphans(db, instance.instanceId, inFlight->ids()));
        if (!orphans)
            return orphans.error();
        auto pending = dropOnError(WorkerRequests::pendingCount(db));
        if (pending)
            metrics->set(WorkerMetrics::kPending, {}, double(pending.value()));
        return pending;
    }

    models::Status finish()
    {
        if (auto connected = ensureConnected(); !connected)
            return connected;
        auto back = WorkerRequests::giveBack(db, instance.instanceId);
        if (back && back.value() > 0)
            qCInfo(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "gave back %1 claimed requests").arg(back.value());
        return instance.markStopped(db);
    }
};

WorkerDaemon::WorkerDaemon(WorkerOptions options, WorkerStartup startup,
                           std::shared_ptr<const RequestHandlerRegistry> registry, QString version, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_startup(std::move(startup)), m_registry(std::move(registry)),
      m_metrics(std::make_shared<MetricsRegistry>()), m_health(std::make_shared<WorkerHealth>()),
      m_shared(std::make_unique<ExecutorShared>()), m_control(std::make_shared<Control>())
{
    WorkerMetrics::declare(*m_metrics);
    WorkerMaintenance::declareMetrics(*m_metrics);
    m_control->instance = WorkerInstance::forThisProcess(version, m_options.concurrency);
    m_control->conninfo = m_startup.conninfo;
    m_control->db = std::move(m_startup.connection);
    m_control->health = m_health;
    m_control->metrics = m_metrics;
    m_control->inFlight = m_shared->inFlight;
    if (!m_startup.profile.amqpHost.isEmpty()) {
        m_control->amqpConfig = AmqpConfig::fromProfile(m_startup.profile);
        m_control->amqpConfig->connectTimeoutMs = 3000;
    }
    m_health->instanceId = m_control->instance.instanceId;
    m_health->version = version;
    m_health->queueKind = m_startup.profile.amqpHost.isEmpty() ? QStringLiteral("in-process") : QStringLiteral("amqp");
    m_shared->instanceId = m_control->instance.instanceId;
    m_shared->registry = m_registry.get();
    m_shared->credentials = &m_startup.credentials;
    m_shared->metrics = m_metrics.get();
}

WorkerDaemon::~WorkerDaemon() = default;

QString WorkerDaemon::instanceId() const { return m_control->instance.instanceId; }

models::Status WorkerDaemon::start()
{
    m_controlThread = std::make_unique<ServiceThread>(QStringLiteral("worker-control"));
    auto first = m_controlThread->post<bool>([control = m_control](const JobControl &) -> models::Result<bool> {
        if (auto beaten = control->beat(QStringLiteral("running")); !beaten)
            return beaten.error();
        return true;
    });
    first.waitForFinished();
    if (first.isCanceled() || !first.result())
        return first.isCanceled() ? canceledError() : first.result().error();

    startMaintenance();
    m_http = std::make_unique<WorkerHttp>(m_health, m_metrics);
    auto port = m_http->start(quint16(m_options.httpPort), m_webhooks);
    if (!port) {
        // Nothing was claimed: the row says stopped rather than going stale.
        m_controlThread->post<bool>([control = m_control](const JobControl &) -> models::Result<bool> {
            return control->finish().ok();
        }).waitForFinished();
        return port.error();
    }
    m_httpPort = port.value();
    // A machine-read line (tests and supervisors find the port in it): never translated.
    qCInfo(lcWorker).noquote() << QStringLiteral("listening on 127.0.0.1:%1").arg(m_httpPort);

    for (int i = 0; i < m_options.concurrency; ++i)
        m_executors.push_back(std::make_unique<RequestExecutor>(i, m_startup.conninfo, *m_shared));
    m_busy.assign(m_executors.size(), false);
    m_wakeAgain.assign(m_executors.size(), false);

    m_listener = new NotificationListener(m_startup.conninfo, this);
    connect(m_listener, &NotificationListener::notification, this, &WorkerDaemon::wake);
    connect(m_listener, &NotificationListener::reconnected, this, &WorkerDaemon::wake);
    m_listener->listen(QStringLiteral("worker_requests"));

    m_pollTimer = new QTimer(this);
    connect(m_pollTimer, &QTimer::timeout, this, &WorkerDaemon::poll);
    m_pollTimer->start(kPollMs);
    m_heartbeatTimer = new QTimer(this);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &WorkerDaemon::heartbeat);
    m_heartbeatTimer->start(kHeartbeatMs);
    if (m_maintenance) {
        m_maintenanceTimer = new QTimer(this);
        connect(m_maintenanceTimer, &QTimer::timeout, this, &WorkerDaemon::maintain);
        m_maintenanceTimer->start(kMaintenanceTickMs);
    }
    m_metrics->set(WorkerMetrics::kUp, {}, 1);

    qCInfo(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "worker %1 started (version %2, concurrency %3, queue %4); handles: %5")
                                      .arg(instanceId(), m_health->version)
                                      .arg(m_options.concurrency)
                                      .arg(m_health->queueKind, m_registry->kinds().join(QStringLiteral(", ")));
    poll();
    return {};
}

void WorkerDaemon::startMaintenance()
{
    // --once runs the pending requests and nothing else, so what it did is exactly what was asked.
    if (m_options.once)
        return;
    m_maintenance = std::make_shared<WorkerMaintenance>(m_startup.conninfo, m_startup.profile, m_options.profileName,
                                                        m_startup.credentials, m_metrics);
    auto webhooks = WorkerWebhooks::create(m_options.profileName, m_startup.credentials, m_startup.conninfo,
                                           [weak = std::weak_ptr<WorkerMaintenance>(m_maintenance)]() {
                                               if (const auto maintenance = weak.lock())
                                                   maintenance->nudge();
                                           });
    if (webhooks)
        m_webhooks = webhooks.value();
    else
        qCWarning(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "no Stripe webhooks on this worker:")
                                      << webhooks.error().message;
}

void WorkerDaemon::maintain()
{
    if (m_stopping || m_maintaining)
        return;
    m_maintaining = true;
    whenDone(this, m_maintenance->round(), [this](const models::Result<bool> &) {
        m_maintaining = false; // a failed job said why in the log and is tried again next period
        finishIfIdle();
    });
}

void WorkerDaemon::heartbeat()
{
    m_controlThread->invoke([control = m_control]() { (void)control->beat(QStringLiteral("running")); });
}

void WorkerDaemon::poll()
{
    if (m_stopping)
        return;
    auto polled = m_controlThread->post<qint64>([control = m_control](const JobControl &) { return control->poll(); });
    whenDone(this, polled, [this](const models::Result<qint64> &pending) {
        m_polledOnce = true;
        if (!pending)
            qCWarning(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "could not look for requests:") << pending.error().toString();
        else if (pending.value() > 0)
            wake();
        finishIfIdle();
    });
}

void WorkerDaemon::wake()
{
    if (m_stopping)
        return;
    for (size_t i = 0; i < m_executors.size(); ++i) {
        if (m_busy[i])
            m_wakeAgain[i] = true;
        else
            drain(i);
    }
}

void WorkerDaemon::drain(size_t index)
{
    m_busy[index] = true;
    m_wakeAgain[index] = false;
    whenDone(this, m_executors[index]->drain(), [this, index](const models::Result<int> &ran) { drained(index, ran); });
}

void WorkerDaemon::drained(size_t index, const models::Result<int> &ran)
{
    m_busy[index] = false;
    if (!ran)
        qCWarning(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "executor %1 stopped claiming:").arg(index) << ran.error().toString();
    if (m_wakeAgain[index] && !m_stopping) {
        drain(index);
        return;
    }
    finishIfIdle();
}

bool WorkerDaemon::anyBusy() const
{
    return m_maintaining || std::find(m_busy.begin(), m_busy.end(), true) != m_busy.end();
}

void WorkerDaemon::finishIfIdle()
{
    if (anyBusy())
        return;
    if (!m_stopping) {
        if (m_options.once && m_polledOnce) {
            qCInfo(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "--once: no request is pending any more");
            stop();
        }
        return;
    }
    if (m_finishing)
        return;
    m_finishing = true;
    auto marked = m_controlThread->post<bool>([control = m_control](const JobControl &) -> models::Result<bool> {
        if (auto done = control->finish(); !done)
            return done.error();
        return true;
    });
    whenDone(this, marked, [this](const models::Result<bool> &done) {
        if (!done)
            qCWarning(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "could not mark the worker stopped:") << done.error().toString();
        qCInfo(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "worker %1 stopped").arg(instanceId());
        emit this->finished(0);
    });
}

void WorkerDaemon::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_shared->stopping->store(true);
    qCInfo(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "stopping: no new claims; %1 requests in flight finish first")
                                      .arg(m_shared->inFlight->count());
    if (m_pollTimer)
        m_pollTimer->stop();
    if (m_heartbeatTimer)
        m_heartbeatTimer->stop();
    if (m_maintenanceTimer)
        m_maintenanceTimer->stop();
    delete m_listener;
    m_listener = nullptr;
    m_metrics->set(WorkerMetrics::kUp, {}, 0);
    finishIfIdle();
}

void WorkerDaemon::reloadProfile()
{
    auto profile = WorkerStartup::reloadProfile(m_options.profileName);
    if (!profile) {
        qCWarning(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "SIGHUP: the profile could not be read again; keeping the old one:")
                                      << profile.error().toString();
        return;
    }
    auto conninfo = WorkerStartup::loginConninfo(profile.value(), m_startup.credentials);
    if (!conninfo) {
        qCWarning(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "SIGHUP: the reloaded profile does not connect; keeping the old one:")
                                      << conninfo.error().toString();
        return;
    }
    m_startup.profile = profile.value();
    m_startup.conninfo = conninfo.value();
    {
        QMutexLocker lock(&m_control->mutex);
        m_control->conninfo = conninfo.value();
    }
    for (auto &executor : m_executors)
        executor->setConninfo(conninfo.value());
    if (m_maintenance)
        m_maintenance->setConninfo(conninfo.value());
    if (m_webhooks)
        m_webhooks->setConninfo(conninfo.value());
    qCInfo(lcWorker).noquote() << QCoreApplication::translate("okla.worker", "SIGHUP: profile \"%1\" reloaded; new connections use it").arg(profile->name);
}

} // namespace okla::services
