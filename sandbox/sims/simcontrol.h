#pragma once

#include <functional>
#include <map>
#include <optional>
#include <random>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "sandbox/sims/simhttpserver.h"

namespace okla::sandbox {

/// The simulator's clock: real time plus an offset that /_sim/clock sets or advances, so tests
/// can cross the 20-minute void window or a billing period without waiting.
class SimClock
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs); }
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
    qint64 offsetMs() const { return m_offsetMs; }
    void setOffsetMs(qint64 offset) { m_offsetMs = offset; }
    void set(const QDateTime &when) { m_offsetMs = QDateTime::currentDateTimeUtc().msecsTo(when); }
    void advance(qint64 seconds) { m_offsetMs += seconds * 1000; }

private:
    qint64 m_offsetMs = 0;
};

/// One injected fault: for `operation` ("*" = any), the next `count` requests, or each request
/// with `probability`, get `kind`.
struct SimFault
{
    enum class Kind { Latency, Http5xx, Reset, TimeoutAfterCommit, Decline, TooManyRequests };
    QString operation = QStringLiteral("*");
    Kind kind = Kind::Latency;
    int remaining = 1;          ///< -1 = unlimited (probability rule)
    double probability = 1.0;
    int latencyMs = 0;
    int httpStatus = 503;       ///< http5xx
    std::optional<bool> shouldRetry; ///< 429: Stripe-Should-Retry header, absent when unset
    QString declineCode;        ///< decline: AZUL IsoCode or Stripe decline_code

    QJsonObject toJson() const;
    static std::optional<SimFault> fromJson(const QJsonObject &object, QString *error);
};

/// What the faults decided for one request.
struct SimFaultPlan
{
    int latencyMs = 0;
    std::optional<SimFault> failure; ///< http5xx, reset, 429: answer without effect
    bool timeoutAfterCommit = false; ///< do the work, then never answer
    std::optional<QString> decline;  ///< decline code to force
};

/// Fault rules, the clock and the request/effect counters shared by the control endpoints of
/// both simulators (/_sim/faults, /_sim/clock, /_sim/counters).
class SimControl
{
public:
    SimClock &clock() { return m_clock; }
    const SimClock &clock() const { return m_clock; }

    SimFaultPlan planFor(const QString &operation);
    void countRequest(const QString &operation, const QList<std::pair<QString, QString>> &keys);
    void countEffect(const QString &operation, const QList<std::pair<QString, QString>> &keys);
    void resetAll();

    /// Answers /_sim/faults, /_sim/clock, /_sim/counters; false if the path is not one of them.
    /// `clockChanged` persists the offset.
    bool handle(const SimExchangePtr &exchange, const std::function<void()> &clockChanged);

    /// Control endpoints are unauthenticated: they answer loopback peers only.
    static bool isLoopback(const SimRequest &request);

private:
    struct Count { qint64 requests = 0; qint64 effects = 0; };
    QJsonObject countersJson() const;
    QJsonObject faultsJson() const;

    SimClock m_clock;
    QList<SimFault> m_faults;
    std::map<QString, Count> m_operations;
    std::map<QString, std::map<QString, Count>> m_keys; // key kind -> key -> counts
    std::mt19937_64 m_random{20261129};
};

SimResponse simJsonError(int status, const QString &message);

} // namespace okla::sandbox
