#pragma once

#include <memory>
#include <vector>

#include <QObject>
#include <QString>

#include "models/result.h"
#include "services/worker/workerstartup.h"

class QTimer;

namespace okla::services {

class MetricsRegistry;
class NotificationListener;
class RequestExecutor;
class RequestHandlerRegistry;
class ServiceThread;
class WorkerHttp;
class WorkerMaintenance;
class WorkerWebhooks;
struct WorkerHealth;
struct ExecutorShared;

/// okla-worker's main object (docs/worker.md §4-§6), on the main thread: starts the HTTP thread,
/// the control thread (heartbeat, stale claims, queue depth) and N executors; wakes executors on
/// NOTIFY and every 3 s; runs its maintenance rounds (docs/worker.md §16) and serves Stripe's
/// webhooks; stops claiming on stop(), lets the requests in flight and the maintenance round
/// finish, gives back what it still holds, marks its instance stopped and emits finished(0).
class WorkerDaemon : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPollMs = 3000;
    static constexpr int kHeartbeatMs = 5000;
    static constexpr int kMaintenanceTickMs = 1000;

    WorkerDaemon(WorkerOptions options, WorkerStartup startup, std::shared_ptr<const RequestHandlerRegistry> registry,
                 QString version, QObject *parent = nullptr);
    ~WorkerDaemon() override;

    /// The first heartbeat, the HTTP server, LISTEN and the first poll. Fails before claiming
    /// anything (the HTTP port is taken, the first heartbeat is refused).
    models::Status start();
    /// SIGTERM/SIGINT: stop claiming, finish what runs, then finished(0).
    void stop();
    /// SIGHUP: read the profile again; new connections use it.
    void reloadProfile();

    QString instanceId() const;
    quint16 httpPort() const { return m_httpPort; }

signals:
    void finished(int exitCode);

private:
    struct Control;
    void heartbeat();
    void poll();
    void wake();
    void drain(size_t index);
    void drained(size_t index, const models::Result<int> &ran);
    void finishIfIdle();
    void startMaintenance();
    void maintain();
    bool anyBusy() const;

    WorkerOptions m_options;
    WorkerStartup m_startup;
    std::shared_ptr<const RequestHandlerRegistry> m_registry;
    std::shared_ptr<MetricsRegistry> m_metrics;
    std::shared_ptr<WorkerHealth> m_health;
    std::unique_ptr<ExecutorShared> m_shared;
    std::shared_ptr<Control> m_control;
    std::unique_ptr<ServiceThread> m_controlThread;
    std::unique_ptr<WorkerHttp> m_http;
    std::shared_ptr<WorkerWebhooks> m_webhooks;
    std::shared_ptr<WorkerMaintenance> m_maintenance;
    QTimer *m_maintenanceTimer = nullptr;
    bool m_maintaining = false;
    std::vector<std::unique_ptr<RequestExecutor>> m_executors;
    std::vector<bool> m_busy;
    std::vector<bool> m_wakeAgain;
    NotificationListener *m_listener = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    quint16 m_httpPort = 0;
    bool m_stopping = false;
    bool m_finishing = false;
    bool m_polledOnce = false;
};

} // namespace okla::services
