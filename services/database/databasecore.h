#pragma once

#include <atomic>
#include <memory>

#include <QObject>
#include <QString>

#include "models/connectionstate.h"
#include "models/result.h"
#include "services/database/pgconnection.h"

namespace okla::services {

class RetryPolicy;

/// The thread-side half of DatabaseService: the connection and its reconnect state. Lives on the
/// service thread and is only touched there (state() excepted, an atomic).
class DatabaseCore : public QObject
{
    Q_OBJECT
public:
    DatabaseCore(QString conninfo, std::shared_ptr<RetryPolicy> reconnect);
    ~DatabaseCore() override;

    models::Status ensureConnected();
    models::Status connectNow();
    bool connectionLost() const;
    /// After each job: a connection that broke meanwhile is dropped and repaired in the background.
    void noteJobOutcome();
    PgConnection &connection() { return m_connection; }
    models::ConnectionState state() const { return m_state.load(); }

signals:
    void stateChanged(okla::models::ConnectionState state, const QString &detail);

private:
    void scheduleReconnect();
    void setState(models::ConnectionState state, const QString &detail = {});

    QString m_conninfo;
    std::shared_ptr<RetryPolicy> m_reconnect;
    PgConnection m_connection;
    std::atomic<models::ConnectionState> m_state{models::ConnectionState::Disconnected};
    int m_attempt = 0;
    bool m_everConnected = false;
    bool m_reconnectPending = false;
};

} // namespace okla::services
