#include "sandbox/sims/simcontrol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace okla::sandbox {

namespace {
struct KindName { SimFault::Kind kind; const char *name; };
constexpr KindName kKinds[] = {
    {SimFault::Kind::Latency, "latency"},
    {SimFault::Kind::Http5xx, "http5xx"},
    {SimFault::Kind::Reset, "reset"},
    {SimFault::Kind::TimeoutAfterCommit, "timeout_after_commit"},
    {SimFault::Kind::Decline, "decline"},
    {SimFault::Kind::TooManyRequests, "429"},
};
} // namespace

SimResponse simJsonError(int status, const QString &message)
{
    return SimResponse::json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}));
}

QJsonObject SimFault::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("operation")] = operation;
    for (const auto &k : kKinds) {
        if (k.kind == kind)
            o[QStringLiteral("kind")] = QLatin1String(k.name);
    }
    if (remaining >= 0)
        o[QStringLiteral("count")] = remaining;
    else
        o[QStringLiteral("probability")] = probability;
    if (latencyMs > 0)
        o[QStringLiteral("latency_ms")] = latencyMs;
    if (kind == Kind::Http5xx)
        o[QStringLiteral("status")] = httpStatus;
    if (shouldRetry)
        o[QStringLiteral("should_retry")] = *shouldRetry;
    if (!declineCode.isEmpty())
        o[QStringLiteral("decline_code")] = declineCode;
    return o;
}

std::optional<SimFault> SimFault::fromJson(const QJsonObject &o, QString *error)
{
    SimFault f;
    f.operation = o.value(QStringLiteral("operation")).toString(QStringLiteral("*"));
    const QString kind = o.value(QStringLiteral("kind")).toVariant().toString();
    bool known = false;
    for (const auto &k : kKinds) {
        if (kind == QLatin1String(k.name)) {
            f.kind = k.kind;
            known = true;
        }
    }
    if (!known) {
        *error = QStringLiteral("kind must be latency|http5xx|reset|timeout_after_commit|decline|429");
        return std::nullopt;
    }
    if (o.contains(QStringLiteral("probability"))) {
        f.probability = o.value(QStringLiteral("probability")).toDouble();
        f.remaining = o.contains(QStringLiteral("count")) ? o.value(QStringLiteral("count")).toInt() : -1;
        if (f.probability < 0 || f.probability > 1) {
            *error = QStringLiteral("probability must be within 0..1");
            return std::nullopt;
        }
    } else {
        f.remaining = o.value(QStringLiteral("count")).toInt(1);
    }
    f.latencyMs = o.value(QStringLiteral("latency_ms")).toInt(0);
    f.httpStatus = o.value(QStringLiteral("status")).toInt(503);
    if (f.httpStatus < 500 || f.httpStatus > 599) {
        *error = QStringLiteral("status must be 5xx");
        return std::nullopt;
    }
    if (o.contains(QStringLiteral("should_retry")))
        f.shouldRetry = o.value(QStringLiteral("should_retry")).toBool();
    f.declineCode = o.value(QStringLiteral("decline_code")).toString(o.value(QStringLiteral("iso_code")).toString());
    return f;
}

SimFaultPlan SimControl::planFor(const QString &operation)
{
    SimFaultPlan plan;
    std::uniform_real_distribution<double> roll(0.0, 1.0);
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        SimFault &f = m_faults[i];
        if (f.operation != QLatin1String("*") && f.operation.compare(operation, Qt::CaseInsensitive) != 0)
            continue;
        if (f.remaining == 0)
            continue;
        if (f.remaining < 0 ? roll(m_random) >= f.probability
                            : (f.probability < 1.0 && roll(m_random) >= f.probability))
            continue;
        if (f.remaining > 0)
            --f.remaining;
        plan.latencyMs += f.latencyMs;
        switch (f.kind) {
        case SimFault::Kind::Latency: break;
        case SimFault::Kind::Http5xx:
        case SimFault::Kind::Reset:
        case SimFault::Kind::TooManyRequests:
            if (!plan.failure)
                plan.failure = f;
            break;
        case SimFault::Kind::TimeoutAfterCommit: plan.timeoutAfterCommit = true; break;
        case SimFault::Kind::Decline: plan.decline = f.declineCode; break;
        }
    }
    m_faults.removeIf([](const SimFault &f) { return f.remaining == 0; });
    return plan;
}

void SimControl::countRequest(const QString &operation, const QList<std::pair<QString, QString>> &keys)
{
    ++m_operations[operation].requests;
    for (const auto &[kind, key] : keys) {
        if (!key.isEmpty())
            ++m_keys[kind][key].requests;
    }
}

void SimControl::countEffect(const QString &operation, const QList<std::pair<QString, QString>> &keys)
{
    ++m_operations[operation].effects;
    for (const auto &[kind, key] : keys) {
        if (!key.isEmpty())
            ++m_keys[kind][key].effects;
    }
}

void SimControl::resetAll()
{
    m_faults.clear();
    m_operations.clear();
    m_keys.clear();
    m_clock.setOffsetMs(0);
}

QJsonObject SimControl::countersJson() const
{
    auto count = [](const Count &c) {
        return QJsonObject{{QStringLiteral("requests"), c.requests}, {QStringLiteral("effects"), c.effects}};
    };
    QJsonObject ops;
    for (const auto &[name, c] : m_operations)
        ops[name] = count(c);
    QJsonObject keys;
    for (const auto &[kind, map] : m_keys) {
        QJsonObject perKey;
        for (const auto &[key, c] : map)
            perKey[key] = count(c);
        keys[kind] = perKey;
    }
    return QJsonObject{{QStringLiteral("operations"), ops}, {QStringLiteral("keys"), keys}};
}

QJsonObject SimControl::faultsJson() const
{
    QJsonArray list;
    for (const SimFault &f : m_faults)
        list.append(f.toJson());
    return QJsonObject{{QStringLiteral("faults"), list}};
}

bool SimControl::isLoopback(const SimRequest &request)
{
    return request.peerAddress.isLoopback();
}

bool SimControl::handle(const SimExchangePtr &exchange, const std::function<void()> &clockChanged)
{
    const SimRequest &req = exchange->request();
    const QByteArray &m = req.method;
    auto ok = [&](const QJsonObject &o) { exchange->reply(SimResponse::json(200, QJsonDocument(o))); };
    if (req.path == "/_sim/faults") {
        if (m == "GET") {
            ok(faultsJson());
        } else if (m == "DELETE") {
            m_faults.clear();
            ok(faultsJson());
        } else if (m == "POST") {
            const QJsonDocument doc = QJsonDocument::fromJson(req.body);
            QList<QJsonObject> rules;
            if (doc.isArray()) {
                for (const QJsonValue &v : doc.array())
                    rules.append(v.toObject());
            } else {
                rules.append(doc.object());
            }
            QList<SimFault> parsed;
            for (const QJsonObject &rule : rules) {
                QString error;
                const auto fault = SimFault::fromJson(rule, &error);
                if (!fault) {
                    exchange->reply(simJsonError(400, error));
                    return true;
                }
                parsed.append(*fault);
            }
            m_faults.append(parsed);
            ok(faultsJson());
        } else {
            exchange->reply(simJsonError(405, QStringLiteral("GET, POST or DELETE")));
        }
        return true;
    }
    if (req.path == "/_sim/clock") {
        if (m == "POST") {
            const QJsonObject o = QJsonDocument::fromJson(req.body).object();
            if (o.contains(QStringLiteral("set"))) {
                const QJsonValue v = o.value(QStringLiteral("set"));
                const QDateTime when = v.isDouble()
                    ? QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC)
                    : QDateTime::fromString(v.toString(), Qt::ISODate);
                if (!when.isValid()) {
                    exchange->reply(simJsonError(400, QStringLiteral("set: unix seconds or ISO 8601")));
                    return true;
                }
                m_clock.set(when);
            }
            if (o.contains(QStringLiteral("advance_seconds")))
                m_clock.advance(qint64(o.value(QStringLiteral("advance_seconds")).toDouble()));
            if (o.value(QStringLiteral("reset")).toBool())
                m_clock.setOffsetMs(0);
            if (clockChanged)
                clockChanged();
        }
        ok(QJsonObject{{QStringLiteral("now"), m_clock.now().toString(Qt::ISODate)},
                       {QStringLiteral("unix"), m_clock.nowSecs()},
                       {QStringLiteral("offset_ms"), m_clock.offsetMs()}});
        return true;
    }
    if (req.path == "/_sim/counters") {
        if (m == "DELETE") {
            m_operations.clear();
            m_keys.clear();
        }
        ok(countersJson());
        return true;
    }
    return false;
}

} // namespace okla::sandbox
