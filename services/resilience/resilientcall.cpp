#include "services/resilience/resilientcall.h"

#include "services/concurrency/servicethread.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include "services/resilience/resiliencemanager.h"

Q_LOGGING_CATEGORY(lcCall, "okla.services.resilientcall")

namespace okla::services {

bool CallSummary::neverSent() const
{
    return std::all_of(attempts.begin(), attempts.end(),
                       [](const AttemptLogEntry &a) { return a.report.transport == AttemptReport::Transport::NeverSent; });
}

namespace {

/// Where calls started from a thread without an event loop (e.g. a plain std::thread) run their
/// timers: one ServiceThread for the process, stopped (without waiting) when the process ends.
QThread *fallbackThread()
{
    static ServiceThread thread(QStringLiteral("okla-resilience"));
    return thread.thread();
}

/// One call's state machine: permit → breaker → attempt → (backoff → again). Deletes itself.
class CallRunner : public QObject
{
public:
    CallRunner(ResilienceManager &manager, CallOptions options, ResilientCall::AttemptFn attempt)
        : m_options(std::move(options)), m_attempt(std::move(attempt)),
          m_policy(m_options.policy ? m_options.policy : manager.defaultPolicy(m_options.key.provider)),
          m_breaker(manager.breakers().breaker(m_options.key)), m_budget(&manager.budget(m_options.key.provider)),
          m_limiter(manager.rateLimiter()), m_health(manager.healthRecorder()), m_rate(manager.rateFor(m_options.key.provider)),
          m_maxWaitMs(manager.limiter().config().maxWaitMs)
    {
        m_promise.start();
        // Children, so moveToThread() takes them along.
        m_slowTimer.setParent(this);
        m_watcher.setParent(this);
        m_slowTimer.setSingleShot(true);
        connect(&m_slowTimer, &QTimer::timeout, this, &CallRunner::onSlow);
        connect(&m_watcher, &QFutureWatcher<AttemptReport>::finished, this, &CallRunner::onAttemptFinished);
    }

    QFuture<CallSummary> future() { return m_promise.future(); }

    void start()
    {
        m_budget->recordCall();
        m_waitClock.start();
        nextAttempt();
    }

private:
    void nextAttempt()
    {
        if (m_options.rateLimited)
            acquirePermit();
        else
            send();
    }

    void acquirePermit()
    {
        auto *watcher = new QFutureWatcher<RateDecision>(this);
        connect(watcher, &QFutureWatcher<RateDecision>::finished, this, [this, watcher] {
            watcher->deleteLater();
            const RateDecision decision = watcher->future().isCanceled() || watcher->future().resultCount() == 0
                                              ? RateDecision{true, 0, true} // limiter gone: do not block the call
                                              : watcher->result();
            if (decision.allowed) {
                send();
                return;
            }
            if (m_summary.rateLimitWaitMs + decision.retryInMs > m_maxWaitMs) {
                finish(CallSummary::Stop::RateLimited,
                       QStringLiteral("no rate-limit permit within %1 ms").arg(m_maxWaitMs));
                return;
            }
            const qint64 wait = std::max<qint64>(1, decision.retryInMs);
            m_summary.rateLimitWaitMs += wait;
            QTimer::singleShot(std::chrono::milliseconds(wait), this, [this] { acquirePermit(); });
        });
        watcher->setFuture(m_limiter->tryAcquire(m_options.key.provider, m_rate, m_options.cost));
    }

    void send()
    {
        m_permit = m_breaker->tryAcquire();
        if (!m_permit.allowed) {
            finish(CallSummary::Stop::BreakerOpen,
                   QStringLiteral("%1 breaker open; half-open in %2 ms").arg(m_breaker->name()).arg(m_permit.retryInMs));
            return;
        }
        ++m_attempts;
        m_slowRecorded = false;
        m_attemptClock.start();
        m_slowTimer.start(std::chrono::milliseconds(m_breaker->config().slowCallMs));
        m_watcher.setFuture(m_attempt(m_attempts));
    }

    void onSlow()
    {
        // docs/resilience.md §5: a call still running after 10 s is a failure at that moment, so a
        // hanging provider opens the breaker without waiting for 120 s timeouts.
        m_slowRecorded = true;
        m_breaker->recordSlow(m_permit);
        qCWarning(lcCall) << m_breaker->name() << "attempt" << m_attempts << "slow: counted as a failure";
    }

    void onAttemptFinished()
    {
        m_slowTimer.stop();
        const QFuture<AttemptReport> future = m_watcher.future();
        AttemptReport report;
        if (future.isCanceled() || future.resultCount() == 0) {
            report.cancelled = true;
            report.summary = QStringLiteral("cancelled");
        } else {
            report = future.result();
        }
        AttemptLogEntry entry{m_attempts, m_attemptClock.elapsed(), m_slowRecorded, report, {}};
        if (report.cancelled && !m_slowRecorded)
            m_breaker->release(m_permit);
        else if (!m_slowRecorded)
            m_breaker->record(m_permit, report.isBreakerFailure());
        m_health->recordAttempt(m_options.key, entry.latencyMs, report);

        const bool final = report.success || report.declined || report.cancelled;
        // A plain value rather than std::optional: GCC 12 at -O2 reports a false maybe-uninitialized.
        const qint64 delayMs = final ? -1 : m_policy->nextDelayMs(m_attempts, report).value_or(-1);
        bool retry = false;
        if (final) {
            entry.decision = QStringLiteral("done");
        } else if (delayMs < 0) {
            entry.decision = m_attempts >= m_policy->maxAttempts() && m_policy->isRetryable(report)
                                 ? QStringLiteral("attempts exhausted")
                                 : QStringLiteral("not retryable");
        } else if (!m_budget->tryAcquireRetry()) {
            entry.decision = QStringLiteral("retry budget exhausted");
        } else {
            entry.decision = QStringLiteral("retry in %1 ms").arg(delayMs);
            retry = true;
        }
        m_summary.attempts.append(entry);
        qCDebug(lcCall) << m_breaker->name() << "attempt" << m_attempts << report.summary << "->" << entry.decision;
        if (!retry) {
            finish(CallSummary::Stop::Completed, entry.decision);
            return;
        }
        QTimer::singleShot(std::chrono::milliseconds(delayMs), this, [this] { nextAttempt(); });
    }

    void finish(CallSummary::Stop stop, QString detail)
    {
        m_summary.stop = stop;
        m_summary.detail = std::move(detail);
        m_promise.addResult(m_summary);
        m_promise.finish();
        deleteLater();
    }

    CallOptions m_options;
    ResilientCall::AttemptFn m_attempt;
    std::shared_ptr<RetryPolicy> m_policy;
    std::shared_ptr<CircuitBreaker> m_breaker;
    RetryBudget *m_budget; // owned by the manager, which outlives its calls
    std::shared_ptr<RateLimiter> m_limiter;
    std::shared_ptr<HealthRecorder> m_health;
    double m_rate;
    qint64 m_maxWaitMs;
    QPromise<CallSummary> m_promise;
    CallSummary m_summary;
    CircuitBreaker::Permit m_permit;
    QFutureWatcher<AttemptReport> m_watcher;
    QTimer m_slowTimer;
    QElapsedTimer m_attemptClock;
    QElapsedTimer m_waitClock;
    int m_attempts = 0;
    bool m_slowRecorded = false;
};

} // namespace

QFuture<CallSummary> ResilientCall::runReports(ResilienceManager &manager, CallOptions options, AttemptFn attempt)
{
    auto *runner = new CallRunner(manager, std::move(options), std::move(attempt));
    QFuture<CallSummary> future = runner->future();
    if (QThread::currentThread()->eventDispatcher()) {
        runner->start();
    } else {
        // No event loop here (a pool thread): timers would never fire, so run on our own thread.
        runner->moveToThread(fallbackThread());
        QMetaObject::invokeMethod(runner, [runner] { runner->start(); }, Qt::QueuedConnection);
    }
    return future;
}

} // namespace okla::services
