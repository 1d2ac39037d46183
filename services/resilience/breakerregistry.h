#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

#include "services/resilience/attemptreport.h"
#include "services/resilience/circuitbreaker.h"

namespace okla::services {

/// Owns the process's breakers, one per OperationKey::name(); created on first use. Thread-safe.
class BreakerRegistry
{
public:
    explicit BreakerRegistry(BreakerConfig config = {}, std::shared_ptr<Clock> clock = Clock::system());
    std::shared_ptr<CircuitBreaker> breaker(const OperationKey &key);
    std::shared_ptr<CircuitBreaker> find(const QString &name) const; ///< nullptr if never used
    /// Every breaker with its key, for health publishing.
    QList<QPair<OperationKey, std::shared_ptr<CircuitBreaker>>> all() const;
    std::shared_ptr<Clock> clock() const { return m_clock; }

private:
    BreakerConfig m_config;
    std::shared_ptr<Clock> m_clock;
    mutable QMutex m_mutex;
    QHash<QString, QPair<OperationKey, std::shared_ptr<CircuitBreaker>>> m_breakers;
};

} // namespace okla::services
