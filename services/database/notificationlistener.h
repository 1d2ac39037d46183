#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>

#include "services/pgconnection.h"

class QSocketNotifier;

namespace okla::services {

/// LISTEN on its own PostgreSQL connection in a service thread, read with a QSocketNotifier on
/// PQsocket. NOTIFY is a hint only: notices sent while disconnected are lost, so `reconnected()`
/// tells views to re-query (docs/architecture.md §5).
class NotificationListener : public QObject
{
    Q_OBJECT
public:
    explicit NotificationListener(QString conninfo, QObject *parent = nullptr);
    ~NotificationListener() override;

    /// Adds a channel (plain identifier, e.g. "dealers_changed") and connects if needed.
    void listen(const QString &channel);
    void setReconnectDelays(QList<int> delaysMs);

signals:
    void notification(const QString &channel, const QString &payload);
    void connected();
    /// The LISTEN connection came back after a loss: re-query, something may have been missed.
    void reconnected();
    void disconnected(const QString &detail);

private:
    // Service-thread only.
    void connectNow();
    void readNotifications();
    void dropConnection(const QString &detail);
    void scheduleReconnect();

    QString m_conninfo;
    QThread m_thread;
    QObject *m_context = nullptr;
    PgConnection m_connection;
    QSocketNotifier *m_notifier = nullptr;
    QSet<QString> m_channels;
    QList<int> m_delaysMs{500, 1000, 2000, 5000, 10000, 30000};
    int m_attempt = 0;
    bool m_everConnected = false;
    bool m_reconnectPending = false;
};

} // namespace okla::services
