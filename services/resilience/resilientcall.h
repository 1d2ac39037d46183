#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include "services/resilience/attemptreport.h"
#include "services/resilience/retrypolicy.h"

namespace okla::services {

class ResilienceManager;

/// One line of a call's attempt log.
struct AttemptLogEntry
{
    int attempt = 0;          ///< 1-based
    qint64 latencyMs = 0;
    bool slow = false;        ///< crossed the slow-call threshold (counted as a breaker failure then)
    AttemptReport report;
    QString decision;         ///< "done", "retry in 734 ms", "not retryable", "attempts exhausted", "retry budget exhausted"
};

/// How a resilient call ended, apart from the last outcome itself.
struct CallSummary
{
    enum class Stop {
        Completed,     ///< the last attempt's outcome is final (success or not)
        BreakerOpen,   ///< refused before sending: the operation's breaker is open (nothing sent)
        RateLimited,   ///< no permit within RateLimitConfig::maxWaitMs (nothing sent)
    };
    Stop stop = Stop::Completed;
    QList<AttemptLogEntry> attempts;
    qint64 rateLimitWaitMs = 0;  ///< total time spent waiting for permits
    QString detail;              ///< why it stopped, for logs and errors
    bool neverSent() const;      ///< true when no attempt left the process (safe to route elsewhere)
};

template<typename Outcome>
struct CallResult
{
    std::optional<Outcome> outcome; ///< the last attempt's outcome; empty when nothing was attempted
    CallSummary summary;
};

/// What to run and under which rules.
struct CallOptions
{
    CallOptions() = default;
    CallOptions(OperationKey operation, std::shared_ptr<RetryPolicy> retryPolicy = {}) // NOLINT: implicit on purpose
        : key(std::move(operation)), policy(std::move(retryPolicy)) {}

    OperationKey key;                    ///< breaker + health key; key.provider = budget and limit bucket
    std::shared_ptr<RetryPolicy> policy; ///< null: ResilienceManager::defaultPolicy(key.provider)
    bool rateLimited = true;
    int cost = 1;                        ///< permits per attempt
};

/// Composes the rate limiter, the breaker, the retry policy and budget, and health recording
/// around a function that makes ONE attempt. Must be started on a thread with an event loop (a
/// service thread): waits are QTimers there, never sleeps, and the continuation runs there.
/// Usage:
/// ```
/// auto f = ResilientCall::run<AzulOutcome>(manager, {{"azul", "sale", "pagos"}},
///     [=](int attempt) { return azul->saleOnce(request, attempt); },
///     [](const AzulOutcome &o) { return o.toAttemptReport(); });
/// ```
class ResilientCall
{
public:
    using AttemptFn = std::function<QFuture<AttemptReport>(int attempt)>;

    /// The type-erased core; run<Outcome>() wraps it.
    static QFuture<CallSummary> runReports(ResilienceManager &manager, CallOptions options, AttemptFn attempt);

    template<typename Outcome>
    static QFuture<CallResult<Outcome>> run(ResilienceManager &manager, CallOptions options,
                                            std::function<QFuture<Outcome>(int attempt)> attempt,
                                            std::function<AttemptReport(const Outcome &)> classify)
    {
        // Attempts are sequential, so one slot holding the latest outcome is enough.
        auto last = std::make_shared<std::optional<Outcome>>();
        AttemptFn erased = [attempt = std::move(attempt), classify = std::move(classify), last](int n) {
            return attempt(n).then([classify, last](Outcome outcome) {
                AttemptReport report = classify(outcome);
                *last = std::move(outcome);
                return report;
            });
        };
        return runReports(manager, std::move(options), std::move(erased)).then([last](CallSummary summary) {
            return CallResult<Outcome>{*last, std::move(summary)};
        });
    }
};

} // namespace okla::services
