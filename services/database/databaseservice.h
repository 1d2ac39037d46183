#pragma once

#include <functional>
#include <memory>

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QThread>

#include "models/result.h"
#include "services/pgconnection.h"

namespace okla::services {

/// What the status bar shows about the console's database connection.
enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting };

/// One PostgreSQL connection owned by a dedicated QThread: jobs are queued to that thread, run with
/// plain blocking libpq calls there, and answered through QFuture<Result<T>>. The GUI never waits.
class DatabaseService : public QObject
{
    Q_OBJECT
public:
    /// `conninfo` may carry a password; it stays in memory and is never logged.
    explicit DatabaseService(QString conninfo, QObject *parent = nullptr);
    ~DatabaseService() override;

    /// Opens the connection (first sign-in): the error carries the server's reason.
    QFuture<models::Status> open();

    /// Runs `job` on the service thread with the connection; a lost connection is reported as an
    /// error and repaired in the background (with backoff), the job is not repeated.
    template<typename T>
    QFuture<models::Result<T>> run(std::function<models::Result<T>(PgConnection &)> job)
    {
        return runJob<T>(std::move(job), false);
    }

    /// Like run(), for jobs that only read: when the connection turns out to have been lost (a
    /// server restart), it reconnects and runs the job once more instead of reporting the loss.
    template<typename T>
    QFuture<models::Result<T>> runRead(std::function<models::Result<T>(PgConnection &)> job)
    {
        return runJob<T>(std::move(job), true);
    }

    ConnectionState state() const { return m_state; }

signals:
    /// Emitted from the service thread; receivers in the GUI thread get it queued.
    void stateChanged(okla::services::ConnectionState state, const QString &detail);

private:
    template<typename T>
    QFuture<models::Result<T>> runJob(std::function<models::Result<T>(PgConnection &)> job, bool retryRead)
    {
        auto promise = std::make_shared<QPromise<models::Result<T>>>();
        QFuture<models::Result<T>> future = promise->future();
        promise->start();
        post([this, promise, retryRead, job = std::move(job)]() {
            if (promise->isCanceled()) {
                promise->finish();
                return;
            }
            models::Status ready = ensureConnected();
            if (!ready.ok()) {
                promise->addResult(models::Result<T>(ready.error()));
            } else {
                models::Result<T> result = job(m_connection);
                if (!result.ok() && retryRead && connectionLost() && connectNow().ok())
                    result = job(m_connection); // a read is safe to repeat on a fresh connection
                noteJobOutcome();
                promise->addResult(std::move(result));
            }
            promise->finish();
        });
        return future;
    }

    void post(std::function<void()> task);
    // Service-thread only from here on.
    models::Status ensureConnected();
    models::Status connectNow();
    void noteJobOutcome();
    bool connectionLost() const;
    void scheduleReconnect();
    void setState(ConnectionState state, const QString &detail = {});

    QString m_conninfo;
    QThread m_thread;
    QObject *m_context = nullptr; ///< lives in m_thread; queued tasks run in its thread
    PgConnection m_connection;
    std::atomic<ConnectionState> m_state{ConnectionState::Disconnected};
    QList<int> m_delaysMs{500, 1000, 2000, 5000, 10000, 30000};
    int m_attempt = 0;
    bool m_reconnectPending = false;
};

/// Session settings every console connection gets right after connecting (docs/resilience.md §2).
models::Status applyConsoleSessionSettings(PgConnection &connection);

} // namespace okla::services

Q_DECLARE_METATYPE(okla::services::ConnectionState)
