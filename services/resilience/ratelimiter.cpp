#include "services/resilience/ratelimiter.h"

#include <QLoggingCategory>
#include <QDateTime>
#include <QMutexLocker>
#include <QPromise>
#include <QSettings>

#include <algorithm>
#include <cmath>

#include "services/session/connectionprofile.h"
#include "services/redis/redisclient.h"

Q_LOGGING_CATEGORY(lcLimiter, "okla.services.ratelimit")

namespace okla::services {

namespace {

// docs/resilience.md §6: GCRA with the server's clock, so every process shares one timeline.
const char kScript[] = R"LUA(-- ARGV: T=period/limit µs, tau=T*burst µs, cost
local T, tau, n = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local t = redis.call('TIME'); local now = t[1]*1000000 + t[2]
local tat = math.max(tonumber(redis.call('GET', KEYS[1]) or 0), now)
local new = tat + n*T
if new - tau > now then return {0, new - tau - now} end -- retry in µs
redis.call('SET', KEYS[1], new, 'PX', math.ceil((new - now)/1000))
return {1, 0}
)LUA";

qint64 periodUs(double perSecond)
{
    return std::max<qint64>(1, static_cast<qint64>(std::llround(1'000'000.0 / std::max(perSecond, 1e-6))));
}

} // namespace

// ---- configuration ----------------------------------------------------------------------------

double RateLimitConfig::limitFor(const QString &provider, bool stripeLive) const
{
    if (provider == QLatin1String("azul"))
        return azulPerSecond;
    if (provider == QLatin1String("stripe"))
        return stripeLive ? stripeLivePerSecond : stripeTestPerSecond;
    return azulPerSecond; // unknown providers get the strictest default
}

RateLimitConfig RateLimitConfig::fromFile(const QString &iniPath)
{
    RateLimitConfig config;
    QSettings settings(iniPath, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("ratelimit"));
    config.azulPerSecond = settings.value(QStringLiteral("azul"), config.azulPerSecond).toDouble();
    config.stripeTestPerSecond = settings.value(QStringLiteral("stripe_test"), config.stripeTestPerSecond).toDouble();
    config.stripeLivePerSecond = settings.value(QStringLiteral("stripe_live"), config.stripeLivePerSecond).toDouble();
    config.burst = std::max(1, settings.value(QStringLiteral("burst"), config.burst).toInt());
    config.localShareDivisor = std::max(1, settings.value(QStringLiteral("local_share_divisor"), config.localShareDivisor).toInt());
    config.maxWaitMs = settings.value(QStringLiteral("max_wait_ms"), config.maxWaitMs).toLongLong();
    settings.endGroup();
    return config;
}

RateLimitConfig RateLimitConfig::fromActiveProfile()
{
    return fromFile(ConnectionProfile::pathFor(ConnectionProfile::activeName()));
}

// ---- local GCRA -------------------------------------------------------------------------------

LocalRateLimiter::LocalRateLimiter(std::shared_ptr<Clock> clock) : m_clock(std::move(clock)) {}

RateDecision LocalRateLimiter::acquire(const QString &bucket, double perSecond, int burst, int cost)
{
    // Same arithmetic as the Lua script, on this process's monotonic clock.
    const qint64 T = periodUs(perSecond);
    const qint64 tau = T * std::max(1, burst);
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock->nowMs() * 1000;
    const qint64 tat = std::max(m_tatUs.value(bucket, 0), now);
    const qint64 next = tat + cost * T;
    if (next - tau > now)
        return RateDecision{false, (next - tau - now + 999) / 1000, true};
    m_tatUs.insert(bucket, next);
    return RateDecision{true, 0, true};
}

// ---- shared GCRA in Redis ---------------------------------------------------------------------

RateLimiter::RateLimiter(std::shared_ptr<RedisClient> redis, RateLimitConfig config, std::shared_ptr<Clock> clock, QString keyPrefix)
    : m_redis(std::move(redis)), m_config(config), m_clock(std::move(clock)), m_prefix(std::move(keyPrefix)), m_local(m_clock)
{
}

RateLimiter::~RateLimiter()
{
    if (m_redis)
        m_redis->drain();
}

const char *RateLimiter::luaScript()
{
    return kScript;
}

RateDecision RateLimiter::tryAcquireSync(const QString &bucket, double perSecond, int cost)
{
    RedisClient *redis = m_redis.get();
    return tryAcquireWith([redis](const QList<QByteArray> &args) { return redis->commandSync(args); }, bucket,
                          perSecond, cost);
}

RateDecision RateLimiter::tryAcquireWith(const RedisCommand &run, const QString &bucket, double perSecond, int cost)
{
    auto fallback = [&](const QString &why) {
        m_lastFallbackMs = QDateTime::currentMSecsSinceEpoch();
        if (!m_localFallback.exchange(true))
            qCWarning(lcLimiter) << "Redis unavailable, limiting locally at 1 /" << m_config.localShareDivisor
                                 << "of the limit:" << why;
        return m_local.acquire(bucket, perSecond / m_config.localShareDivisor, m_config.burst, cost);
    };
    if (!m_redis)
        return fallback(QStringLiteral("no Redis configured"));
    if (m_redis->isReconnecting() && !m_redis->isConnected())
        return fallback(QStringLiteral("reconnect in progress"));

    const qint64 T = periodUs(perSecond);
    const QList<QByteArray> tail{QByteArrayLiteral("1"), (m_prefix + bucket).toUtf8(), QByteArray::number(T),
                                 QByteArray::number(T * std::max(1, m_config.burst)), QByteArray::number(cost)};
    auto loadScript = [&]() -> bool {
        auto loaded = run({QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("LOAD"), QByteArray(kScript)});
        if (!loaded || loaded->type != RedisReply::Type::String)
            return false;
        QMutexLocker lock(&m_shaMutex);
        m_sha = loaded->str;
        return true;
    };
    QByteArray sha;
    {
        QMutexLocker lock(&m_shaMutex);
        sha = m_sha;
    }
    if (sha.isEmpty()) {
        if (!loadScript())
            return fallback(QStringLiteral("SCRIPT LOAD failed"));
        QMutexLocker lock(&m_shaMutex);
        sha = m_sha;
    }
    auto reply = run(QList<QByteArray>{QByteArrayLiteral("EVALSHA"), sha} + tail);
    if (reply && reply->isError() && reply->str.startsWith("NOSCRIPT")) {
        // SCRIPT FLUSH or a restarted/flushed Redis lost the script: load it again, once.
        qCInfo(lcLimiter) << "NOSCRIPT: reloading the GCRA script";
        if (!loadScript())
            return fallback(QStringLiteral("SCRIPT LOAD after NOSCRIPT failed"));
        QMutexLocker lock(&m_shaMutex);
        sha = m_sha;
        lock.unlock();
        reply = run(QList<QByteArray>{QByteArrayLiteral("EVALSHA"), sha} + tail);
    }
    if (!reply)
        return fallback(reply.error().toString());
    if (reply->type != RedisReply::Type::Array || reply->elements.size() != 2)
        return fallback(QStringLiteral("unexpected reply: ") + QString::fromUtf8(reply->str));
    if (m_localFallback.exchange(false))
        qCInfo(lcLimiter) << "Redis back: limiting through the shared GCRA again";
    const bool allowed = reply->elements.at(0).integer == 1;
    const qint64 retryUs = reply->elements.at(1).integer;
    return RateDecision{allowed, allowed ? 0 : (retryUs + 999) / 1000, false};
}

QFuture<RateDecision> RateLimiter::tryAcquire(const QString &bucket, double perSecond, int cost)
{
    auto promise = std::make_shared<QPromise<RateDecision>>();
    QFuture<RateDecision> future = promise->future();
    promise->start();
    if (!m_redis || m_redis->isReconnecting()) { // decided here: never queued behind a hanging reconnect
        promise->addResult(tryAcquireSync(bucket, perSecond, cost));
        promise->finish();
        return future;
    }
    // On the Redis thread commands go straight to the socket: no thread hops per command.
    m_redis->post([this, promise, bucket, perSecond, cost](const RedisCommand &run) {
        promise->addResult(tryAcquireWith(run, bucket, perSecond, cost));
        promise->finish();
    });
    return future;
}

} // namespace okla::services
