#include "services/resilience/circuitbreaker.h"

#include <QLoggingCategory>
#include <QMutexLocker>

#include <algorithm>

Q_LOGGING_CATEGORY(lcBreaker, "okla.services.breaker")

namespace okla::services {

QString CircuitBreaker::stateName(State state)
{
    switch (state) {
    case State::Closed: return QStringLiteral("closed");
    case State::Open: return QStringLiteral("open");
    case State::HalfOpen: return QStringLiteral("half-open");
    }
    return {};
}

CircuitBreaker::CircuitBreaker(QString name, BreakerConfig config, std::shared_ptr<Clock> clock)
    : m_name(std::move(name)), m_config(config), m_clock(std::move(clock)), m_currentOpenMs(config.openMs)
{
}

void CircuitBreaker::pruneLocked(qint64 now)
{
    const qint64 cutoff = now - m_config.windowMs;
    while (!m_window.empty() && m_window.front().at <= cutoff)
        m_window.pop_front();
}

void CircuitBreaker::advanceLocked(qint64 now)
{
    if (m_state == State::Open && now >= m_openUntil) {
        m_state = State::HalfOpen;
        m_probeInFlight = false;
        ++m_generation;
        qCInfo(lcBreaker) << m_name << "half-open: admitting one probe";
    }
}

void CircuitBreaker::tripLocked(qint64 now)
{
    // Each trip without a successful close in between doubles the wait, up to the maximum.
    const qint64 openFor = m_currentOpenMs;
    m_openUntil = now + openFor;
    m_currentOpenMs = std::min(openFor * 2, m_config.maxOpenMs);
    ++m_trips;
    m_state = State::Open;
    m_probeInFlight = false;
    m_window.clear();
    ++m_generation;
    qCWarning(lcBreaker) << m_name << "open for" << openFor << "ms (trip" << m_trips << ")";
}

CircuitBreaker::Permit CircuitBreaker::tryAcquire()
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock->nowMs();
    advanceLocked(now);
    Permit permit;
    permit.generation = m_generation;
    switch (m_state) {
    case State::Closed:
        permit.allowed = true;
        break;
    case State::Open:
        permit.retryInMs = m_openUntil - now;
        break;
    case State::HalfOpen:
        if (!m_probeInFlight) {
            m_probeInFlight = true;
            permit.allowed = true;
            permit.probe = true;
        }
        break;
    }
    return permit;
}

void CircuitBreaker::record(const Permit &permit, bool failure)
{
    if (!permit.allowed)
        return;
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock->nowMs();
    // A result from before the last state change (admitted while closed, finished after a trip)
    // says nothing about the current state.
    if (permit.generation != m_generation)
        return;
    if (permit.probe) {
        if (m_state != State::HalfOpen)
            return;
        m_probeInFlight = false;
        if (failure) {
            tripLocked(now);
        } else {
            m_state = State::Closed;
            m_trips = 0;
            m_currentOpenMs = m_config.openMs;
            m_window.clear();
            ++m_generation;
            qCInfo(lcBreaker) << m_name << "closed: probe succeeded";
        }
        return;
    }
    if (m_state != State::Closed)
        return;
    pruneLocked(now);
    m_window.push_back({now, failure});
    const int calls = static_cast<int>(m_window.size());
    if (calls < m_config.minimumCalls)
        return;
    const auto failures = std::count_if(m_window.begin(), m_window.end(), [](const Sample &s) { return s.failure; });
    if (static_cast<double>(failures) >= m_config.failureRatio * calls)
        tripLocked(now);
}

void CircuitBreaker::release(const Permit &permit)
{
    if (!permit.allowed || !permit.probe)
        return;
    QMutexLocker lock(&m_mutex);
    if (permit.generation == m_generation && m_state == State::HalfOpen)
        m_probeInFlight = false;
}

CircuitBreaker::State CircuitBreaker::state() const
{
    QMutexLocker lock(&m_mutex);
    const_cast<CircuitBreaker *>(this)->advanceLocked(m_clock->nowMs());
    return m_state;
}

CircuitBreaker::Snapshot CircuitBreaker::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    auto *self = const_cast<CircuitBreaker *>(this);
    const qint64 now = m_clock->nowMs();
    self->advanceLocked(now);
    self->pruneLocked(now);
    Snapshot s;
    s.state = m_state;
    s.calls = static_cast<int>(m_window.size());
    s.failures = static_cast<int>(std::count_if(m_window.begin(), m_window.end(), [](const Sample &x) { return x.failure; }));
    s.openRemainingMs = m_state == State::Open ? m_openUntil - now : 0;
    s.currentOpenMs = m_currentOpenMs;
    s.trips = m_trips;
    return s;
}

} // namespace okla::services
