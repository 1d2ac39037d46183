#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>

#include "models/result.h"

class QThread;

namespace okla::services {

/// What a job sees of its own run: whether it should stop (its caller cancelled the future, or the
/// service is shutting down) and a way to report progress. docs/architecture.md §3.
class JobControl
{
public:
    virtual ~JobControl() = default;
    virtual bool isCanceled() const = 0;
    virtual void setProgressRange(int minimum, int maximum) const = 0;
    virtual void setProgressValue(int value) const = 0;

    /// The job running on the calling thread, or nullptr outside a ServiceThread job (the CLI, a
    /// seed run): blocking libpq calls consult it to cancel a query in flight (PQcancel).
    static const JobControl *current();

protected:
    friend class ServiceThread;
    static void setCurrent(const JobControl *control);
};

/// One dedicated thread with an event loop: the single executor of the service layer
/// (docs/architecture.md §3). Jobs are posted and answered through QFuture<Result<V>>; event-driven
/// workers (socket notifiers, timers, QNetworkAccessManager) live on it through context().
/// Destroying it never waits: it asks the running job to stop, drops the queued ones (their futures
/// end cancelled) and lets the thread wind down on its own.
class ServiceThread
{
public:
    explicit ServiceThread(const QString &name);
    ~ServiceThread();
    ServiceThread(const ServiceThread &) = delete;
    ServiceThread &operator=(const ServiceThread &) = delete;

    /// Lives on the thread; objects made children of it (from the thread) die as the thread ends.
    QObject *context() const { return m_context; }
    QThread *thread() const { return m_thread; }
    /// True once shutdown began; a long job should return as soon as it sees it.
    bool isStopping() const { return m_stopping->load(); }
    /// Shared flag for state that outlives this object (a job still finishing during shutdown).
    std::shared_ptr<std::atomic<bool>> stoppingFlag() const { return m_stopping; }

    /// Runs `task` on the thread, after what is already queued.
    void invoke(std::function<void()> task) const;

    /// Runs `job` on the thread. Cancelling the returned future (or destroying this object) makes
    /// JobControl::isCanceled() true inside the job and cancels its database query.
    template<typename V>
    QFuture<models::Result<V>> post(std::function<models::Result<V>(const JobControl &)> job) const
    {
        auto promise = std::make_shared<QPromise<models::Result<V>>>();
        promise->start();
        QFuture<models::Result<V>> future = promise->future();
        invoke([promise, stopping = m_stopping, job = std::move(job)]() {
            PromiseControl<V> control(*promise, *stopping);
            if (control.isCanceled()) {
                // The caller no longer wants it, or we are shutting down: it never runs, and its
                // future ends cancelled (continuations are skipped).
                promise->future().cancel();
                promise->finish();
                return;
            }
            JobControl::setCurrent(&control);
            models::Result<V> result = job(control);
            JobControl::setCurrent(nullptr);
            promise->addResult(std::move(result));
            promise->finish();
        });
        return future;
    }

    /// Waits up to `ms` for threads of destroyed ServiceThreads that are still winding down, then
    /// frees them. Called once at process exit (after the window has closed); never from a page.
    static void reapRetired(int ms);

private:
    template<typename V>
    class PromiseControl final : public JobControl
    {
    public:
        PromiseControl(QPromise<models::Result<V>> &promise, const std::atomic<bool> &stopping)
            : m_promise(promise), m_stopping(stopping)
        {
        }
        bool isCanceled() const override { return m_stopping.load() || m_promise.isCanceled(); }
        void setProgressRange(int minimum, int maximum) const override { m_promise.setProgressRange(minimum, maximum); }
        void setProgressValue(int value) const override { m_promise.setProgressValue(value); }

    private:
        QPromise<models::Result<V>> &m_promise;
        const std::atomic<bool> &m_stopping;
    };

    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
};

/// The error a job returns when it stopped because it was cancelled.
models::Error canceledError();

} // namespace okla::services
