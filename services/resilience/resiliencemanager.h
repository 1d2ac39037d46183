#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

#include "services/resilience/breakerregistry.h"
#include "services/resilience/clock.h"
#include "services/resilience/providerhealth.h"
#include "services/resilience/ratelimiter.h"
#include "services/resilience/retrybudget.h"
#include "services/resilience/retrypolicy.h"

namespace okla::services {

class RedisClient;
struct ConnectionProfile;

/// The process's resilience state, shared by every provider client: breakers, retry budgets
/// (one per provider), the shared rate limiter, health figures and default retry policies.
/// Create one per process (the worker, the CLI) and hand it to the clients. Thread-safe.
class ResilienceManager
{
public:
    struct Options
    {
        RateLimitConfig limits;
        BreakerConfig breaker;
        bool stripeLive = false; ///< picks Stripe's live (100/s) or test (25/s) limit
    };

    /// `redis` may be null: limiting is then local only and nothing is published.
    ResilienceManager(std::shared_ptr<RedisClient> redis, Options options,
                      std::shared_ptr<Clock> clock = Clock::system(),
                      std::shared_ptr<RandomSource> random = RandomSource::system());
    /// Redis from the profile (+ `redis-password`), limits from its `[ratelimit]` group. Stripe's
    /// live/test limit follows the `stripe-secret-key` prefix (sk_live_/rk_live_) unless given.
    static std::shared_ptr<ResilienceManager> fromProfile(const ConnectionProfile &profile,
                                                          std::optional<bool> stripeLive = std::nullopt);
    ~ResilienceManager();

    /// Starts publishing this process's health to Redis every @p intervalMs on the calling
    /// thread (which needs an event loop). No-op without Redis. Returns the publisher (owned here).
    HealthPublisher *startHealthPublishing(int intervalMs = 5000);

    BreakerRegistry &breakers() { return *m_breakers; }
    std::shared_ptr<BreakerRegistry> breakerRegistry() const { return m_breakers; }
    RetryBudget &budget(const QString &provider);
    RateLimiter &limiter() { return *m_limiter; }
    std::shared_ptr<RateLimiter> rateLimiter() const { return m_limiter; }
    HealthRecorder &health() { return *m_health; }
    std::shared_ptr<HealthRecorder> healthRecorder() const { return m_health; }
    std::shared_ptr<RedisClient> redis() const { return m_redis; }
    std::shared_ptr<Clock> clock() const { return m_clock; }

    /// Stripe → StripeRetryPolicy; everything else → full jitter 500 ms / 5 s / 3 attempts.
    std::shared_ptr<RetryPolicy> defaultPolicy(const QString &provider) const;
    /// Requests per second for a provider's rate-limit bucket.
    double rateFor(const QString &provider) const;

private:
    std::shared_ptr<RedisClient> m_redis;
    Options m_options;
    std::shared_ptr<Clock> m_clock;
    std::shared_ptr<RandomSource> m_random;
    std::shared_ptr<BreakerRegistry> m_breakers;
    std::shared_ptr<RateLimiter> m_limiter;
    std::shared_ptr<HealthRecorder> m_health;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<RetryBudget>> m_budgets;
    std::unique_ptr<HealthPublisher> m_publisher;
};

} // namespace okla::services
