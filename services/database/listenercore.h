#pragma once

#include <memory>

#include <QObject>
#include <QSet>
#include <QString>

#include "services/database/pgconnection.h"

class QSocketNotifier;

namespace okla::services {

class RetryPolicy;

/// The thread-side half of NotificationListener: the LISTEN connection, its socket notifier and
/// reconnect state. Only touched on the listener's service thread.
class ListenerCore : public QObject
{
    Q_OBJECT
public:
    ListenerCore(QString conninfo, std::shared_ptr<RetryPolicy> reconnect);
    ~ListenerCore() override;

    void addChannel(const QString &channel);

signals:
    void notification(const QString &channel); ///< the payload is dropped (docs/security.md §12)
    void connected();
    void reconnected();
    void disconnected(const QString &detail);

private:
    void connectNow();
    void readNotifications();
    void dropConnection(const QString &detail);
    void scheduleReconnect();

    QString m_conninfo;
    std::shared_ptr<RetryPolicy> m_reconnect;
    PgConnection m_connection;
    QSocketNotifier *m_notifier = nullptr;
    QSet<QString> m_channels;
    int m_attempt = 0;
    bool m_everConnected = false;
    bool m_reconnectPending = false;
};

} // namespace okla::services
