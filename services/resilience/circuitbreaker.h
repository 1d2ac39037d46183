#pragma once

#include <QMutex>
#include <QString>

#include <deque>
#include <memory>

#include "services/resilience/clock.h"

namespace okla::services {

/// Breaker tuning (docs/resilience.md §5 defaults).
struct BreakerConfig
{
    qint64 windowMs = 60'000;        ///< sliding window for the failure ratio
    int minimumCalls = 5;            ///< no verdict below this many calls in the window
    double failureRatio = 0.5;       ///< open at ratio >= this
    qint64 openMs = 30'000;          ///< first open period
    qint64 maxOpenMs = 300'000;      ///< doubling stops here
    qint64 slowCallMs = 10'000;      ///< a call still running after this counts as a failure then
};

/// One breaker per provider operation and host. closed → open (ratio) → half-open (after the
/// wait; exactly one probe) → closed on the probe's success, or open again for twice as long.
/// Thread-safe; the clock is injectable.
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };
    static QString stateName(State state); ///< "closed" | "open" | "half-open"

    /// Ticket for one admitted call; hand it back exactly once through record()/recordSlow().
    struct Permit
    {
        bool allowed = false;
        bool probe = false;       ///< the half-open probe
        qint64 retryInMs = 0;     ///< when refused: time until the breaker half-opens
        quint64 generation = 0;   ///< breaker generation when admitted (stale results do not move state)
    };

    struct Snapshot
    {
        State state = State::Closed;
        int calls = 0;            ///< in the window
        int failures = 0;         ///< in the window
        qint64 openRemainingMs = 0;
        qint64 currentOpenMs = 0; ///< the open period the next (or current) trip uses
        int trips = 0;            ///< consecutive trips without a successful close
    };

    explicit CircuitBreaker(QString name, BreakerConfig config = {}, std::shared_ptr<Clock> clock = Clock::system());

    const QString &name() const { return m_name; }
    Permit tryAcquire();
    /// The outcome of an admitted call. `failure` per AttemptReport::isBreakerFailure().
    void record(const Permit &permit, bool failure);
    /// The slow-call rule: the call is still running after slowCallMs; counts as a failure now.
    /// The later record() for the same call must then be skipped by the caller.
    void recordSlow(const Permit &permit) { record(permit, true); }
    /// An admitted call that was never made (e.g. cancelled before sending): frees a probe slot.
    void release(const Permit &permit);

    State state() const;
    Snapshot snapshot() const;
    const BreakerConfig &config() const { return m_config; }

private:
    void pruneLocked(qint64 now);
    void advanceLocked(qint64 now); ///< open → half-open when the wait is over
    void tripLocked(qint64 now);

    QString m_name;
    BreakerConfig m_config;
    std::shared_ptr<Clock> m_clock;
    mutable QMutex m_mutex;
    State m_state = State::Closed;
    struct Sample { qint64 at; bool failure; };
    std::deque<Sample> m_window;
    qint64 m_openUntil = 0;
    qint64 m_currentOpenMs;
    int m_trips = 0;
    bool m_probeInFlight = false;
    quint64 m_generation = 1;
};

} // namespace okla::services
