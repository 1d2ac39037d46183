#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace okla::services {

struct ConnectionProfile;
class ResilienceManager;

/// What one probe saw.
struct ProbeResult
{
    QString provider;    ///< "azul" | "stripe"
    QString operation;   ///< breaker key, e.g. "azul.verify@pagos"
    bool ok = false;     ///< the call succeeded (AZUL: Found:false is success; a refusal is not)
    qint64 latencyMs = 0;
    int attempts = 0;
    QString detail;      ///< what happened, for people (never a secret)
    QString method;      ///< how it was probed (which client)
    QJsonObject toJson() const;
};

/// `okla providers probe`: one harmless read-only call to each provider configured in the
/// profile, through the resilience layer (so breakers, limiter and health see it):
/// AZUL VerifyPayment of a random unknown CustomOrderId, Stripe `GET /v1/customers?limit=1`.
/// Start it on a thread with an event loop (the CLI's main thread).
class ProviderProbe
{
public:
    static QFuture<QList<ProbeResult>> run(const ConnectionProfile &profile, std::shared_ptr<ResilienceManager> manager);
};

} // namespace okla::services
