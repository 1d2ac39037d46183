#pragma once

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

#include "services/redis/redisclient.h"
#include "services/resilience/clock.h"

namespace okla::services {

class RedisClient;

/// Provider rate limits (requests per second), configurable per profile:
/// INI group `[ratelimit]` keys `azul`, `stripe_test`, `stripe_live`, `burst`, or a config file.
struct RateLimitConfig
{
    double azulPerSecond = 50;
    double stripeTestPerSecond = 25;
    double stripeLivePerSecond = 100;
    int burst = 1;                  ///< GCRA tau = T·burst
    /// When Redis is unreachable each process limits itself locally to limit / this (the number
    /// of processes sharing the limit), so N workers together still stay under the provider's limit.
    int localShareDivisor = 1;
    qint64 maxWaitMs = 10'000;      ///< a caller waits at most this long for a permit

    double limitFor(const QString &provider, bool stripeLive = false) const;
    /// Reads `[ratelimit]` from an INI file (a profile or a dedicated config file); missing keys keep defaults.
    static RateLimitConfig fromFile(const QString &iniPath);
    /// From the active profile's INI ($OKLA_PROFILE / $OKLA_PROFILE_DIR).
    static RateLimitConfig fromActiveProfile();
};

/// Decision for one permit request.
struct RateDecision
{
    bool allowed = false;
    qint64 retryInMs = 0; ///< when refused: earliest time the request could pass
    bool local = false;   ///< decided by the in-process fallback (Redis unreachable)
};

/// GCRA in one process (the fallback, and the reference the Lua script mirrors). Thread-safe.
class LocalRateLimiter
{
public:
    explicit LocalRateLimiter(std::shared_ptr<Clock> clock = Clock::system());
    RateDecision acquire(const QString &bucket, double perSecond, int burst = 1, int cost = 1);

private:
    std::shared_ptr<Clock> m_clock;
    QMutex m_mutex;
    QHash<QString, qint64> m_tatUs; ///< theoretical arrival time per bucket, µs
};

/// GCRA shared by every process through Redis (docs/resilience.md §6; the Lua script is in ratelimiter.cpp):
/// SCRIPT LOAD once, EVALSHA per permit, reload on NOSCRIPT (after SCRIPT FLUSH or a restart).
/// When Redis is down or slow it falls back to LocalRateLimiter and reports it (isLocalFallback()).
class RateLimiter
{
public:
    RateLimiter(std::shared_ptr<RedisClient> redis, RateLimitConfig config = {},
                std::shared_ptr<Clock> clock = Clock::system(), QString keyPrefix = QStringLiteral("okla:ratelimit:"));
    ~RateLimiter(); ///< waits for its queued permit requests (they point at this object)
    RateLimiter(const RateLimiter &) = delete;
    RateLimiter &operator=(const RateLimiter &) = delete;

    /// One permit decision (does not wait). Callable from any thread.
    QFuture<RateDecision> tryAcquire(const QString &bucket, double perSecond, int cost = 1);
    /// Blocking variant for service threads and tests.
    RateDecision tryAcquireSync(const QString &bucket, double perSecond, int cost = 1);

    bool isLocalFallback() const { return m_localFallback.load(); }
    /// Epoch ms of the last decision taken locally because Redis failed (0: never), so health can
    /// show a fallback that already ended before the next publish.
    qint64 lastFallbackEpochMs() const { return m_lastFallbackMs.load(); }
    const RateLimitConfig &config() const { return m_config; }
    static const char *luaScript();

private:
    RateDecision tryAcquireWith(const RedisCommand &run, const QString &bucket, double perSecond, int cost);

    std::shared_ptr<RedisClient> m_redis;
    RateLimitConfig m_config;
    std::shared_ptr<Clock> m_clock;
    QString m_prefix;
    LocalRateLimiter m_local;
    std::atomic<bool> m_localFallback{false};
    std::atomic<qint64> m_lastFallbackMs{0};
    QMutex m_shaMutex;
    QByteArray m_sha;
};

} // namespace okla::services
