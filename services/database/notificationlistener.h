#pragma once

#include <memory>

#include <QObject>
#include <QString>

#include "services/concurrency/servicethread.h"

namespace okla::services {

class ListenerCore;
class RetryPolicy;

/// LISTEN on its own PostgreSQL connection in a ServiceThread, read with a QSocketNotifier on
/// PQsocket. NOTIFY is a hint only: notices sent while disconnected are lost, so `reconnected()`
/// tells views to re-query (docs/architecture.md §5), and any role may send one, so its payload is
/// dropped here: a notification only ever triggers a re-query (docs/security.md §12). Destroying
/// it never waits.
class NotificationListener : public QObject
{
    Q_OBJECT
public:
    /// `reconnect` defaults to FullJitterRetryPolicy::reconnect().
    explicit NotificationListener(QString conninfo, QObject *parent = nullptr,
                                  std::shared_ptr<RetryPolicy> reconnect = {});
    ~NotificationListener() override;

    /// Adds a channel (plain identifier, e.g. "dealers_changed") and connects if needed.
    void listen(const QString &channel);

signals:
    /// Something on `channel` may have changed: re-query. Carries no data by design.
    void notification(const QString &channel);
    void connected();
    /// The LISTEN connection came back after a loss: re-query, something may have been missed.
    void reconnected();
    void disconnected(const QString &detail);

private:
    ListenerCore *m_core = nullptr; ///< lives on m_thread, deleted as it ends
    ServiceThread m_thread;
};

} // namespace okla::services
