#include "services/resilience/retrybudget.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace okla::services {

RetryBudget::RetryBudget(std::shared_ptr<Clock> clock, double ratio, int floorPerWindow, qint64 windowMs)
    : m_clock(std::move(clock)), m_ratio(ratio), m_floor(floorPerWindow), m_windowMs(windowMs)
{
}

void RetryBudget::prune(qint64 now) const
{
    const qint64 cutoff = now - m_windowMs;
    while (!m_calls.empty() && m_calls.front() <= cutoff)
        m_calls.pop_front();
    while (!m_retries.empty() && m_retries.front() <= cutoff)
        m_retries.pop_front();
}

void RetryBudget::recordCall()
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock->nowMs();
    prune(now);
    m_calls.push_back(now);
}

bool RetryBudget::tryAcquireRetry()
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock->nowMs();
    prune(now);
    const int allowed = std::max(m_floor, static_cast<int>(std::floor(m_ratio * static_cast<double>(m_calls.size()))));
    if (static_cast<int>(m_retries.size()) >= allowed)
        return false;
    m_retries.push_back(now);
    return true;
}

int RetryBudget::callsInWindow() const
{
    QMutexLocker lock(&m_mutex);
    prune(m_clock->nowMs());
    return static_cast<int>(m_calls.size());
}

int RetryBudget::retriesInWindow() const
{
    QMutexLocker lock(&m_mutex);
    prune(m_clock->nowMs());
    return static_cast<int>(m_retries.size());
}

} // namespace okla::services
