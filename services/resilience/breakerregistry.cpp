#include "services/resilience/breakerregistry.h"

#include <QMutexLocker>

namespace okla::services {

BreakerRegistry::BreakerRegistry(BreakerConfig config, std::shared_ptr<Clock> clock)
    : m_config(config), m_clock(std::move(clock))
{
}

std::shared_ptr<CircuitBreaker> BreakerRegistry::breaker(const OperationKey &key)
{
    const QString name = key.name();
    QMutexLocker lock(&m_mutex);
    auto it = m_breakers.find(name);
    if (it == m_breakers.end())
        it = m_breakers.insert(name, {key, std::make_shared<CircuitBreaker>(name, m_config, m_clock)});
    return it->second;
}

std::shared_ptr<CircuitBreaker> BreakerRegistry::find(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_breakers.constFind(name);
    return it == m_breakers.constEnd() ? nullptr : it->second;
}

QList<QPair<OperationKey, std::shared_ptr<CircuitBreaker>>> BreakerRegistry::all() const
{
    QMutexLocker lock(&m_mutex);
    return m_breakers.values();
}

} // namespace okla::services
