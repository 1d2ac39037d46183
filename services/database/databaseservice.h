#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QFuture>
#include <QObject>
#include <QString>

#include "models/connectionstate.h"
#include "models/result.h"
#include "services/concurrency/servicethread.h"
#include "services/database/pgconnection.h"

namespace okla::services {

class RetryPolicy;
class DatabaseCore;

/// One PostgreSQL connection owned by a ServiceThread: jobs run there with plain blocking libpq
/// calls and answer through QFuture<Result<T>>; the GUI never waits, not even when this object is
/// destroyed mid-query (the query is cancelled, the thread winds down alone). A lost connection is
/// repaired in the background with the shared reconnect policy. Private to services/: pages reach
/// data through the feature facades (docs/architecture.md §2).
class DatabaseService : public QObject
{
    Q_OBJECT
public:
    /// `conninfo` may carry a password; it stays in memory and is never logged. `reconnect`
    /// defaults to FullJitterRetryPolicy::reconnect().
    explicit DatabaseService(QString conninfo, QObject *parent = nullptr,
                             std::shared_ptr<RetryPolicy> reconnect = {});
    ~DatabaseService() override;

    /// Opens the connection (first sign-in): the error carries the server's reason.
    QFuture<models::Status> open();

    /// Runs `job` with the connection; a lost connection is reported as an error and repaired in
    /// the background, the job is not repeated.
    template<typename T>
    QFuture<models::Result<T>> run(std::function<models::Result<T>(PgConnection &)> job)
    {
        return submit<T>([job = std::move(job)](PgConnection &c, const JobControl &) { return job(c); }, false);
    }

    /// Like run(), for jobs that only read: when the connection turns out to have been lost (a
    /// server restart), it reconnects and runs the job once more instead of reporting the loss.
    template<typename T>
    QFuture<models::Result<T>> runRead(std::function<models::Result<T>(PgConnection &)> job)
    {
        return submit<T>([job = std::move(job)](PgConnection &c, const JobControl &) { return job(c); }, true);
    }

    /// For long jobs: they see cancellation and report progress through `JobControl`.
    template<typename T>
    QFuture<models::Result<T>> runControlled(std::function<models::Result<T>(PgConnection &, const JobControl &)> job,
                                             bool isRead = false)
    {
        return submit<T>(std::move(job), isRead);
    }

    models::ConnectionState state() const;

signals:
    void stateChanged(okla::models::ConnectionState state, const QString &detail);

private:
    template<typename T>
    QFuture<models::Result<T>> submit(std::function<models::Result<T>(PgConnection &, const JobControl &)> job,
                                      bool isRead);
    // Type-erased body of submit(), so the connection logic stays in the .cpp.
    using Attempt = std::function<bool(PgConnection &, const JobControl &)>; ///< true: succeeded
    static models::Status runAttempts(DatabaseCore *core, const Attempt &attempt, bool isRead,
                                      const JobControl &control);

    DatabaseCore *m_core = nullptr; ///< lives on m_thread, deleted as it ends
    ServiceThread m_thread;
};

template<typename T>
QFuture<models::Result<T>> DatabaseService::submit(
    std::function<models::Result<T>(PgConnection &, const JobControl &)> job, bool isRead)
{
    // Jobs capture the core, never `this`: they may still run while this object is destroyed.
    DatabaseCore *core = m_core;
    return m_thread.post<T>([core, isRead, job = std::move(job)](const JobControl &control) -> models::Result<T> {
        std::optional<models::Result<T>> outcome;
        models::Status status = runAttempts(core, 
            [&](PgConnection &connection, const JobControl &c) {
                outcome.emplace(job(connection, c));
                return outcome->ok();
            },
            isRead, control);
        if (outcome)
            return std::move(*outcome);
        return status.error();
    });
}

/// Session settings every console connection gets right after connecting (docs/resilience.md §1).
models::Status applyConsoleSessionSettings(PgConnection &connection);

} // namespace okla::services
