#include "services/resilience/providerhealth.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QPromise>
#include <QTimer>

#include <algorithm>

#include "services/redis/redisclient.h"
#include "services/resilience/breakerregistry.h"
#include "services/resilience/ratelimiter.h"

Q_LOGGING_CATEGORY(lcHealth, "okla.services.health")

namespace okla::services {

using models::makeError;

namespace {
constexpr qint64 kRotateMs = 5 * 60 * 1000; // latency figures cover the last 5–10 minutes
constexpr int kMaxErrors = 5;

int stateRank(const QString &state)
{
    if (state == QLatin1String("open"))
        return 2;
    if (state == QLatin1String("half-open"))
        return 1;
    return 0;
}
} // namespace

// ---- histogram --------------------------------------------------------------------------------

void LatencyHistogram::add(qint64 ms)
{
    const auto it = std::lower_bound(kBoundsMs.begin(), kBoundsMs.end(), ms);
    ++counts[static_cast<size_t>(it - kBoundsMs.begin())];
    ++count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (size_t i = 0; i < counts.size(); ++i)
        counts[i] += other.counts[i];
    count += other.count;
}

double LatencyHistogram::percentileMs(double q) const
{
    if (count == 0)
        return 0;
    const double rank = q * static_cast<double>(count);
    qint64 seen = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0)
            continue;
        if (static_cast<double>(seen + counts[i]) >= rank) {
            const double lower = i == 0 ? 0.0 : static_cast<double>(kBoundsMs[i - 1]);
            const double upper = i < kBoundsMs.size() ? static_cast<double>(kBoundsMs[i]) : lower * 2;
            const double inside = (rank - static_cast<double>(seen)) / static_cast<double>(counts[i]);
            return lower + (upper - lower) * std::clamp(inside, 0.0, 1.0);
        }
        seen += counts[i];
    }
    return static_cast<double>(kBoundsMs.back());
}

QJsonArray LatencyHistogram::toJson() const
{
    QJsonArray array;
    for (qint64 c : counts)
        array.append(c);
    return array;
}

LatencyHistogram LatencyHistogram::fromJson(const QJsonArray &array)
{
    LatencyHistogram h;
    for (qsizetype i = 0; i < array.size() && i < static_cast<qsizetype>(h.counts.size()); ++i) {
        h.counts[static_cast<size_t>(i)] = std::max<qint64>(0, array.at(i).toInteger());
        h.count += h.counts[static_cast<size_t>(i)];
    }
    return h;
}

// ---- one operation ----------------------------------------------------------------------------

QJsonObject OperationHealth::toJson() const
{
    return QJsonObject{
        {QStringLiteral("provider"), key.provider},
        {QStringLiteral("operation"), key.operation},
        {QStringLiteral("host"), key.host},
        {QStringLiteral("name"), key.name()},
        {QStringLiteral("state"), state},
        {QStringLiteral("calls"), windowCalls},
        {QStringLiteral("failures"), windowFailures},
        {QStringLiteral("openRemainingMs"), openRemainingMs},
        {QStringLiteral("count"), latency.count},
        {QStringLiteral("p50Ms"), p50Ms()},
        {QStringLiteral("p95Ms"), p95Ms()},
        {QStringLiteral("histogram"), latency.toJson()},
        {QStringLiteral("recentErrors"), QJsonArray::fromStringList(recentErrors)},
        {QStringLiteral("limiter"), limiter},
        {QStringLiteral("process"), process},
        {QStringLiteral("processes"), processes},
        {QStringLiteral("updated"), updatedUtc.toString(Qt::ISODateWithMs)},
    };
}

OperationHealth OperationHealth::fromJson(const QJsonObject &o)
{
    OperationHealth h;
    h.key = {o.value(QStringLiteral("provider")).toString(), o.value(QStringLiteral("operation")).toString(),
             o.value(QStringLiteral("host")).toString()};
    h.state = o.value(QStringLiteral("state")).toString(QStringLiteral("closed"));
    h.windowCalls = o.value(QStringLiteral("calls")).toInt();
    h.windowFailures = o.value(QStringLiteral("failures")).toInt();
    h.openRemainingMs = o.value(QStringLiteral("openRemainingMs")).toInteger();
    h.latency = LatencyHistogram::fromJson(o.value(QStringLiteral("histogram")).toArray());
    for (const QJsonValue &e : o.value(QStringLiteral("recentErrors")).toArray())
        h.recentErrors.append(e.toString());
    h.limiter = o.value(QStringLiteral("limiter")).toString();
    h.process = o.value(QStringLiteral("process")).toString();
    h.processes = std::max(1, o.value(QStringLiteral("processes")).toInt(1));
    h.updatedUtc = QDateTime::fromString(o.value(QStringLiteral("updated")).toString(), Qt::ISODateWithMs);
    return h;
}

// ---- recorder ---------------------------------------------------------------------------------

HealthRecorder::HealthRecorder(std::shared_ptr<Clock> clock) : m_clock(std::move(clock)) {}

QString HealthRecorder::processId()
{
    return QHostInfo::localHostName() + u':' + QString::number(QCoreApplication::applicationPid());
}

void HealthRecorder::recordAttempt(const OperationKey &key, qint64 latencyMs, const AttemptReport &report)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock->nowMs();
    Entry &entry = m_entries[key.name()];
    entry.key = key;
    if (entry.rotatedAt == 0)
        entry.rotatedAt = now;
    if (now - entry.rotatedAt >= kRotateMs) {
        entry.previous = entry.current;
        entry.current = {};
        entry.rotatedAt = now;
    }
    entry.current.add(latencyMs);
    if (!report.success && !report.declined && !report.cancelled) {
        QString text = report.summary;
        if (text.isEmpty())
            text = report.httpStatus ? QStringLiteral("HTTP %1").arg(report.httpStatus)
                                     : report.transport == AttemptReport::Transport::NeverSent ? QStringLiteral("not sent")
                                                                                               : QStringLiteral("no answer");
        entry.errors.prepend(QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + u' ' + text.left(200));
        while (entry.errors.size() > kMaxErrors)
            entry.errors.removeLast();
    }
}

QList<OperationHealth> HealthRecorder::snapshot(const BreakerRegistry &breakers, const RateLimiter *limiter) const
{
    QHash<QString, OperationHealth> out;
    const QString process = processId();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString limiterMode = QStringLiteral("redis");
    if (limiter && limiter->isLocalFallback()) {
        limiterMode = QStringLiteral("local");
    } else if (limiter && limiter->lastFallbackEpochMs() > now.toMSecsSinceEpoch() - kRotateMs) {
        // Redis is back, but say that limits were local recently (Redis was down when it happened,
        // so this is the first chance to publish it).
        limiterMode = QStringLiteral("redis (local fallback at %1)")
                          .arg(QDateTime::fromMSecsSinceEpoch(limiter->lastFallbackEpochMs(), Qt::UTC).toString(Qt::ISODate));
    }
    for (const auto &[key, breaker] : breakers.all()) {
        const CircuitBreaker::Snapshot s = breaker->snapshot();
        OperationHealth &h = out[key.name()];
        h.key = key;
        h.state = CircuitBreaker::stateName(s.state);
        h.windowCalls = s.calls;
        h.windowFailures = s.failures;
        h.openRemainingMs = s.openRemainingMs;
    }
    QMutexLocker lock(&m_mutex);
    for (const Entry &entry : std::as_const(m_entries)) {
        OperationHealth &h = out[entry.key.name()];
        h.key = entry.key;
        h.latency = entry.previous;
        h.latency.merge(entry.current);
        h.recentErrors = entry.errors;
    }
    QList<OperationHealth> list = out.values();
    for (OperationHealth &h : list) {
        h.process = process;
        h.limiter = limiterMode;
        h.updatedUtc = now;
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.key.name() < b.key.name(); });
    return list;
}

// ---- publisher --------------------------------------------------------------------------------

HealthPublisher::HealthPublisher(std::shared_ptr<RedisClient> redis, std::shared_ptr<HealthRecorder> recorder,
                                 std::shared_ptr<BreakerRegistry> breakers, std::shared_ptr<RateLimiter> limiter, QObject *parent)
    : QObject(parent), m_redis(std::move(redis)), m_recorder(std::move(recorder)), m_breakers(std::move(breakers)),
      m_limiter(std::move(limiter))
{
}

QByteArray HealthPublisher::keyFor(const OperationKey &key, const QString &prefix)
{
    return (prefix + key.provider + u':' + key.operation + u':' + key.host).toUtf8();
}

void HealthPublisher::start(int intervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { publishNow(); });
    }
    m_timer->start(intervalMs);
    publishNow();
}

QFuture<models::Result<int>> HealthPublisher::publishNow()
{
    auto promise = std::make_shared<QPromise<models::Result<int>>>();
    QFuture<models::Result<int>> future = promise->future();
    promise->start();
    QList<OperationHealth> entries = m_recorder->snapshot(*m_breakers, m_limiter.get());
    const QString process = m_processId.isEmpty() ? HealthRecorder::processId() : m_processId;
    for (OperationHealth &h : entries)
        h.process = process;
    const QByteArray field = process.toUtf8();
    const QString prefix = m_prefix;
    const QByteArray ttl = QByteArray::number(m_ttlSeconds);
    m_redis->post([promise, entries, field, ttl, prefix](const RedisCommand &run) {
        int written = 0;
        for (const OperationHealth &h : entries) {
            const QByteArray key = keyFor(h.key, prefix);
            auto set = run({QByteArrayLiteral("HSET"), key, field, QJsonDocument(h.toJson()).toJson(QJsonDocument::Compact)});
            if (set)
                set = run({QByteArrayLiteral("EXPIRE"), key, ttl});
            if (!set) {
                qCDebug(lcHealth) << "health not published:" << set.error().toString();
                promise->addResult(set.error());
                promise->finish();
                return;
            }
            ++written;
        }
        promise->addResult(written);
        promise->finish();
    });
    return future;
}

// ---- reader -----------------------------------------------------------------------------------

HealthReader::HealthReader(std::shared_ptr<RedisClient> redis, int ttlSeconds, QString prefix)
    : m_redis(std::move(redis)), m_ttlSeconds(ttlSeconds), m_prefix(std::move(prefix))
{
}

namespace {
models::Result<QList<OperationHealth>> readPerProcessWith(const RedisCommand &run, int ttlSeconds, const QString &prefix);
} // namespace

models::Result<QList<OperationHealth>> HealthReader::readPerProcess() const
{
    RedisClient *redis = m_redis.get();
    return readPerProcessWith([redis](const QList<QByteArray> &args) { return redis->commandSync(args); }, m_ttlSeconds,
                              m_prefix);
}

namespace {
models::Result<QList<OperationHealth>> readPerProcessWith(const RedisCommand &run, int ttlSeconds, const QString &prefix)
{
    QList<OperationHealth> out;
    const QDateTime oldest = QDateTime::currentDateTimeUtc().addSecs(-ttlSeconds);
    QByteArray cursor = "0";
    do {
        auto scan = run({QByteArrayLiteral("SCAN"), cursor, QByteArrayLiteral("MATCH"), (prefix + u'*').toUtf8(),
                         QByteArrayLiteral("COUNT"), QByteArrayLiteral("200")});
        if (!scan)
            return scan.error();
        if (scan->isError() || scan->elements.size() != 2)
            return makeError(QStringLiteral("redis.reply"), QCoreApplication::translate("okla", "Redis gave an unexpected reply."),
                             QString::fromUtf8(scan->str));
        cursor = scan->elements.at(0).str;
        for (const RedisReply &key : scan->elements.at(1).elements) {
            auto all = run({QByteArrayLiteral("HGETALL"), key.str});
            if (!all)
                return all.error();
            for (qsizetype i = 0; i + 1 < all->elements.size(); i += 2) {
                const QJsonObject object = QJsonDocument::fromJson(all->elements.at(i + 1).str).object();
                if (object.isEmpty())
                    continue;
                OperationHealth h = OperationHealth::fromJson(object);
                // A process that died leaves its field behind while others refresh the key.
                if (!h.updatedUtc.isValid() || h.updatedUtc < oldest)
                    continue;
                out.append(h);
            }
        }
    } while (cursor != "0");
    return out;
}
} // namespace

QList<OperationHealth> HealthReader::aggregate(const QList<OperationHealth> &perProcess)
{
    QHash<QString, OperationHealth> merged;
    for (const OperationHealth &h : perProcess) {
        const QString name = h.key.name();
        auto it = merged.find(name);
        if (it == merged.end()) {
            OperationHealth first = h;
            first.process.clear();
            first.processes = 1;
            merged.insert(name, first);
            continue;
        }
        OperationHealth &a = *it;
        if (stateRank(h.state) > stateRank(a.state))
            a.state = h.state;
        a.windowCalls += h.windowCalls;
        a.windowFailures += h.windowFailures;
        a.openRemainingMs = std::max(a.openRemainingMs, h.openRemainingMs);
        a.latency.merge(h.latency);
        a.recentErrors += h.recentErrors;
        // Entries start with an ISO UTC time: a reverse string sort is newest first.
        std::sort(a.recentErrors.begin(), a.recentErrors.end(), std::greater<>());
        while (a.recentErrors.size() > kMaxErrors)
            a.recentErrors.removeLast();
        if (h.limiter == QLatin1String("local") || (a.limiter != QLatin1String("local") && h.limiter != QLatin1String("redis")))
            a.limiter = h.limiter;
        a.processes += 1;
        a.updatedUtc = std::max(a.updatedUtc, h.updatedUtc);
    }
    QList<OperationHealth> list = merged.values();
    std::sort(list.begin(), list.end(), [](const auto &x, const auto &y) { return x.key.name() < y.key.name(); });
    return list;
}

models::Result<QList<OperationHealth>> HealthReader::readAggregate() const
{
    auto perProcess = readPerProcess();
    if (!perProcess)
        return perProcess.error();
    return aggregate(*perProcess);
}

} // namespace okla::services

namespace okla::services {

QFuture<models::Result<QList<OperationHealth>>> HealthReader::readAggregateAsync() const
{
    auto promise = std::make_shared<QPromise<models::Result<QList<OperationHealth>>>>();
    QFuture<models::Result<QList<OperationHealth>>> future = promise->future();
    promise->start();
    // The task gets the client's own command runner, never the client (which may be going away).
    m_redis->post([ttl = m_ttlSeconds, prefix = m_prefix, promise](const RedisCommand &run) {
        auto perProcess = readPerProcessWith(run, ttl, prefix);
        promise->addResult(perProcess.ok() ? models::Result<QList<OperationHealth>>(aggregate(*perProcess))
                                           : models::Result<QList<OperationHealth>>(perProcess.error()));
        promise->finish();
    });
    return future;
}

} // namespace okla::services
