#pragma once

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>

#include "models/result.h"
#include "services/resilience/attemptreport.h"
#include "services/resilience/clock.h"

class QTimer;

namespace okla::services {

class BreakerRegistry;
class RedisClient;
class RateLimiter;

/// Latency in fixed log-spaced buckets, so histograms from many processes add up exactly.
struct LatencyHistogram
{
    static constexpr std::array<qint64, 16> kBoundsMs{5, 10, 20, 50, 100, 200, 300, 500, 1000, 2000,
                                                      5000, 10000, 20000, 40000, 80000, 120000};
    std::array<qint64, kBoundsMs.size() + 1> counts{}; ///< last bucket: above the largest bound
    qint64 count = 0;

    void add(qint64 ms);
    void merge(const LatencyHistogram &other);
    /// Upper bound of the bucket holding the q-quantile (0 when empty); interpolated inside the bucket.
    double percentileMs(double q) const;
    QJsonArray toJson() const;
    static LatencyHistogram fromJson(const QJsonArray &array);
};

/// One process's view of one provider operation (what it publishes).
struct OperationHealth
{
    OperationKey key;
    QString state = QStringLiteral("closed"); ///< breaker state, or the worst across processes
    int windowCalls = 0;
    int windowFailures = 0;
    qint64 openRemainingMs = 0;
    LatencyHistogram latency;   ///< over the last publishing window (rolling 5 min)
    QStringList recentErrors;   ///< newest first, at most 5, "<utc time> <summary>"
    QString limiter;            ///< "redis" | "local" (fallback)
    QString process;            ///< "<host>:<pid>" (single) or "" (aggregate)
    int processes = 1;          ///< in an aggregate: how many processes reported
    QDateTime updatedUtc;

    QJsonObject toJson() const;
    static OperationHealth fromJson(const QJsonObject &object);
    double p50Ms() const { return latency.percentileMs(0.5); }
    double p95Ms() const { return latency.percentileMs(0.95); }
};

/// Collects this process's latency and errors per operation. Thread-safe.
class HealthRecorder
{
public:
    explicit HealthRecorder(std::shared_ptr<Clock> clock = Clock::system());
    void recordAttempt(const OperationKey &key, qint64 latencyMs, const AttemptReport &report);
    /// Current figures merged with the breakers' states (keys known to either side).
    QList<OperationHealth> snapshot(const BreakerRegistry &breakers, const RateLimiter *limiter) const;
    static QString processId(); ///< "<hostname>:<pid>"

private:
    struct Entry { OperationKey key; LatencyHistogram current, previous; qint64 rotatedAt = 0; QStringList errors; };
    std::shared_ptr<Clock> m_clock;
    mutable QMutex m_mutex;
    mutable QHash<QString, Entry> m_entries;
};

/// Writes this process's health to Redis every few seconds: one hash per operation,
/// `okla:health:{provider}:{operation}:{host}`, field = process id, value = JSON; key TTL 30 s,
/// and readers also drop fields older than the TTL (Redis 7.0 has no per-field expiry).
class HealthPublisher : public QObject
{
    Q_OBJECT
public:
    HealthPublisher(std::shared_ptr<RedisClient> redis, std::shared_ptr<HealthRecorder> recorder,
                    std::shared_ptr<BreakerRegistry> breakers, std::shared_ptr<RateLimiter> limiter = {},
                    QObject *parent = nullptr);
    void setTtlSeconds(int seconds) { m_ttlSeconds = seconds; }
    void setKeyPrefix(QString prefix) { m_prefix = std::move(prefix); }  ///< default "okla:health:"
    void setProcessId(QString id) { m_processId = std::move(id); }       ///< default HealthRecorder::processId()
    void start(int intervalMs = 5000);
    /// Publishes now (from any thread); resolves with the number of operations written.
    QFuture<models::Result<int>> publishNow();
    static QByteArray keyFor(const OperationKey &key, const QString &prefix = QStringLiteral("okla:health:"));

private:
    std::shared_ptr<RedisClient> m_redis;
    std::shared_ptr<HealthRecorder> m_recorder;
    std::shared_ptr<BreakerRegistry> m_breakers;
    std::shared_ptr<RateLimiter> m_limiter;
    int m_ttlSeconds = 30;
    QString m_prefix = QStringLiteral("okla:health:");
    QString m_processId;
    QTimer *m_timer = nullptr;
};

/// Reads and aggregates every process's health from Redis (never on the GUI thread: it blocks
/// its own calling thread; use readAsync from the GUI).
class HealthReader
{
public:
    explicit HealthReader(std::shared_ptr<RedisClient> redis, int ttlSeconds = 30,
                          QString prefix = QStringLiteral("okla:health:"));
    /// Per operation: worst breaker state, summed calls/failures, merged latency, newest errors.
    models::Result<QList<OperationHealth>> readAggregate() const;
    /// readAggregate() run on the Redis client's own thread: safe to call from the GUI thread.
    QFuture<models::Result<QList<OperationHealth>>> readAggregateAsync() const;
    /// The raw per-process entries (for `--json` detail and tests).
    models::Result<QList<OperationHealth>> readPerProcess() const;
    static QList<OperationHealth> aggregate(const QList<OperationHealth> &perProcess);

private:
    std::shared_ptr<RedisClient> m_redis;
    int m_ttlSeconds;
    QString m_prefix;
};

} // namespace okla::services
