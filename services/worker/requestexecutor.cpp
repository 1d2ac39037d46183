#include "services/worker/requestexecutor.h"

#include <exception>

#include <libpq-fe.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include "models/secretmask.h"
#include "services/credentials/credentialstore.h"
#include "services/database/pgconnection.h"
#include "services/metrics/metricsregistry.h"
#include "services/worker/requesthandler.h"
#include "services/worker/workerrequests.h"

Q_LOGGING_CATEGORY(lcExecutor, "okla.worker.executor")

namespace okla::services {

void InFlightRequests::add(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_ids.insert(id);
}

void InFlightRequests::remove(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_ids.remove(id);
}

QList<qint64> InFlightRequests::ids() const
{
    QMutexLocker lock(&m_mutex);
    return m_ids.values();
}

int InFlightRequests::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_ids.size());
}

void WorkerMetrics::declare(MetricsRegistry &metrics)
{
    using Type = MetricsRegistry::Type;
    (void)metrics.declare(kJobs, Type::Counter, "Worker requests run, by kind and result.");
    (void)metrics.declare(kJobSeconds, Type::Histogram, "Time to run one worker request, by kind.");
    (void)metrics.declare(kPending, Type::Gauge, "Worker requests waiting to be claimed (state pending).");
    (void)metrics.declare(kInFlight, Type::Gauge, "Worker requests this process is running now.");
    (void)metrics.declare(kUp, Type::Gauge, "1 while this worker runs and claims requests.");
}

/// Lives as long as any job of the executor: only its thread touches `db`.
struct RequestExecutor::State
{
    QString conninfo; // guarded by mutex (setConninfo comes from the main thread)
    QMutex mutex;
    ExecutorShared shared;
    PgConnection db;

    QString currentConninfo()
    {
        QMutexLocker lock(&mutex);
        return conninfo;
    }
    bool connectionLost() const { return !db.isOpen() || PQstatus(db.handle()) != CONNECTION_OK; }

    models::Status ensureConnected()
    {
        if (db.isOpen() && !connectionLost())
            return {};
        auto opened = PgConnection::openQuiet(currentConninfo());
        if (!opened)
            return opened.error();
        db = std::move(opened).value();
        return {};
    }

    /// The sentence stored in `error`: the handler's message, and the server's own sentence for a
    /// database refusal (never its context lines).
    static QString describe(const models::Error &error)
    {
        if (error.code.startsWith(QLatin1String("db.")) && !error.detail.isEmpty())
            return error.message + QStringLiteral(": ") + serverSentence(error.detail);
        return error.message;
    }

    models::Result<QJsonObject> callHandler(const RequestHandlerRegistry::Entry &entry, const WorkerRequest &request,
                                            const JobControl &control)
    {
        RequestContext context{request, db, control, *shared.credentials, shared.instanceId, shared.inFlight.get(),
                               shared.stopping.get()};
        try {
            return entry.handler(context);
        } catch (const std::exception &e) {
            return models::makeError(QStringLiteral("worker.handler_threw"),
                                     QCoreApplication::translate("okla.worker", "The handler stopped with an exception: %1")
                                         .arg(QString::fromUtf8(e.what())));
        }
    }

    /// Runs one claimed request and settles it; the metric's result label.
    QByteArray run(const WorkerRequest &request, const JobControl &control)
    {
        const RequestHandlerRegistry::Entry *entry = shared.registry->find(request.kind);
        if (!entry) {
            const QString why = QCoreApplication::translate("okla.worker", "This worker has no handler for requests of kind "
                                                                           "\"%1\" (it handles: %2).")
                                    .arg(request.kind, shared.registry->kinds().join(QStringLiteral(", ")));
            return settleFailure(request, why) ? "unsupported" : "interrupted";
        }
        if (entry->atomicity == HandlerAtomicity::OwnTransactions) {
            auto outcome = callHandler(*entry, request, control);
            if (connectionLost() || (!outcome && outcome.error().code == QLatin1String(kHandlerInterrupted)))
                return "interrupted";
            if (!outcome)
                return settleFailure(request, describe(outcome.error())) ? "failed" : "interrupted";
            auto done = WorkerRequests::succeed(db, request.id, shared.instanceId, outcome.value());
            return done && done.value() ? "succeeded" : "interrupted";
        }
        // One transaction: the handler's writes and `succeeded` commit together, and the row lock
        // keeps a stale-claim sweep of another worker away while it runs.
        if (!db.execScript(QStringLiteral("BEGIN")))
            return "interrupted";
        auto owned = WorkerRequests::lockOwned(db, request.id, shared.instanceId);
        if (!owned || !owned.value()) {
            db.rollbackAfterError();
            return owned ? "lost" : "interrupted";
        }
        auto outcome = callHandler(*entry, request, control);
        if (outcome) {
            auto done = WorkerRequests::succeed(db, request.id, shared.instanceId, outcome.value());
            if (done && done.value() && db.execScript(QStringLiteral("COMMIT")))
                return "succeeded";
            db.rollbackAfterError();
            return "interrupted";
        }
        db.rollbackAfterError();
        if (connectionLost())
            return "interrupted";
        return settleFailure(request, describe(outcome.error())) ? "failed" : "interrupted";
    }

    bool settleFailure(const WorkerRequest &request, const QString &why)
    {
        qCWarning(lcExecutor).noquote() << QCoreApplication::translate("okla.worker", "request %1 (%2) failed: %3")
                                               .arg(request.id).arg(request.kind, WorkerRequests::storableError(why));
        auto done = WorkerRequests::fail(db, request.id, shared.instanceId, why);
        return done && done.value();
    }

    models::Result<int> drain(const JobControl &control)
    {
        int ran = 0;
        while (!shared.stopping->load() && !control.isCanceled()) {
            if (auto connected = ensureConnected(); !connected)
                return connected.error();
            auto claimed = WorkerRequests::claimNext(db, shared.instanceId);
            if (!claimed)
                return claimed.error();
            if (!claimed.value())
                break;
            const WorkerRequest request = *claimed.value();
            shared.inFlight->add(request.id);
            QElapsedTimer timer;
            timer.start();
            const QByteArray result = run(request, control);
            const MetricsRegistry::Labels kind{{"kind", request.kind.toUtf8()}};
            shared.metrics->observe(WorkerMetrics::kJobSeconds, kind, double(timer.nsecsElapsed()) / 1e9);
            shared.metrics->increment(WorkerMetrics::kJobs, {{"kind", request.kind.toUtf8()}, {"result", result}});
            // An interrupted request stays `running` until the control thread sees it is no
            // longer in flight and gives it back (docs/worker.md §5).
            shared.inFlight->remove(request.id);
            ++ran;
        }
        return ran;
    }
};

RequestExecutor::RequestExecutor(int index, QString conninfo, ExecutorShared shared)
    : m_state(std::make_shared<State>()), m_thread(QStringLiteral("worker-executor-%1").arg(index))
{
    m_state->conninfo = std::move(conninfo);
    m_state->shared = std::move(shared);
}

QFuture<models::Result<int>> RequestExecutor::drain()
{
    return m_thread.post<int>([state = m_state](const JobControl &control) { return state->drain(control); });
}

void RequestExecutor::setConninfo(const QString &conninfo)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->conninfo = conninfo;
}

} // namespace okla::services
