#pragma once

#include <QMutex>

#include <deque>
#include <memory>

#include "services/resilience/clock.h"

namespace okla::services {

/// Retries per provider and process stay ≤ 10 % of calls over a sliding 60 s, with a floor of
/// 3 retries per window, so a sick provider is not hammered by retry storms. Thread-safe.
class RetryBudget
{
public:
    explicit RetryBudget(std::shared_ptr<Clock> clock = Clock::system(), double ratio = 0.1,
                         int floorPerWindow = 3, qint64 windowMs = 60'000);
    void recordCall();    ///< one logical call (its first attempt)
    bool tryAcquireRetry(); ///< true and counted when a retry fits in the budget
    int callsInWindow() const;
    int retriesInWindow() const;

private:
    void prune(qint64 now) const;
    std::shared_ptr<Clock> m_clock;
    double m_ratio;
    int m_floor;
    qint64 m_windowMs;
    mutable QMutex m_mutex;
    mutable std::deque<qint64> m_calls;
    mutable std::deque<qint64> m_retries;
};

} // namespace okla::services
