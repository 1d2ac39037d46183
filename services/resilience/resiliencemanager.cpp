#include "services/resilience/resiliencemanager.h"

#include <QMutexLocker>
#include <QSettings>

#include "services/session/connectionprofile.h"
#include "services/credentials/credentialstore.h"
#include "services/redis/redisclient.h"

namespace okla::services {

ResilienceManager::ResilienceManager(std::shared_ptr<RedisClient> redis, Options options, std::shared_ptr<Clock> clock,
                                     std::shared_ptr<RandomSource> random)
    : m_redis(std::move(redis)), m_options(options), m_clock(std::move(clock)), m_random(std::move(random)),
      m_breakers(std::make_shared<BreakerRegistry>(options.breaker, m_clock)),
      m_limiter(std::make_shared<RateLimiter>(m_redis, options.limits, m_clock)),
      m_health(std::make_shared<HealthRecorder>(m_clock))
{
}

ResilienceManager::~ResilienceManager() = default;

std::shared_ptr<ResilienceManager> ResilienceManager::fromProfile(const ConnectionProfile &profile, std::optional<bool> stripeLive)
{
    Options options;
    options.limits = RateLimitConfig::fromFile(ConnectionProfile::pathFor(profile.name));
    if (!stripeLive) {
        // Only the prefix is looked at; the key itself is dropped at once.
        const auto key = CredentialStore::fromEnvironment(profile.credentialsDir).read(CredentialStore::StripeSecretKey);
        stripeLive = key && (key->startsWith("sk_live_") || key->startsWith("rk_live_"));
    }
    options.stripeLive = *stripeLive;
    std::shared_ptr<RedisClient> redis;
    if (!profile.redisHost.isEmpty())
        redis = std::make_shared<RedisClient>(RedisConfig::fromProfile(profile));
    return std::make_shared<ResilienceManager>(std::move(redis), options);
}

HealthPublisher *ResilienceManager::startHealthPublishing(int intervalMs)
{
    if (!m_redis)
        return nullptr;
    QMutexLocker lock(&m_mutex);
    if (!m_publisher) {
        m_publisher = std::make_unique<HealthPublisher>(m_redis, m_health, m_breakers, m_limiter);
        m_publisher->start(intervalMs);
    }
    return m_publisher.get();
}

RetryBudget &ResilienceManager::budget(const QString &provider)
{
    QMutexLocker lock(&m_mutex);
    auto &slot = m_budgets[provider];
    if (!slot)
        slot = std::make_shared<RetryBudget>(m_clock);
    return *slot;
}

std::shared_ptr<RetryPolicy> ResilienceManager::defaultPolicy(const QString &provider) const
{
    if (provider == QLatin1String("stripe"))
        return std::make_shared<StripeRetryPolicy>(m_random);
    return FullJitterRetryPolicy::azul(m_random);
}

double ResilienceManager::rateFor(const QString &provider) const
{
    return m_options.limits.limitFor(provider, m_options.stripeLive);
}

} // namespace okla::services
