#include "services/resilience/providerprobe.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPromise>
#include <QUuid>

#include "models/secretmask.h"
#include "services/session/connectionprofile.h"
#include "services/credentials/credentialstore.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/resilience/resiliencemanager.h"
#include "services/resilience/resilientcall.h"

namespace okla::services {

QJsonObject ProbeResult::toJson() const
{
    return QJsonObject{{QStringLiteral("provider"), provider}, {QStringLiteral("operation"), operation},
                       {QStringLiteral("ok"), ok},             {QStringLiteral("latencyMs"), latencyMs},
                       {QStringLiteral("attempts"), attempts}, {QStringLiteral("detail"), detail},
                       {QStringLiteral("method"), method}};
}

namespace {

/// Collects results until every probe has reported.
struct Collector
{
    QPromise<QList<ProbeResult>> promise;
    QList<ProbeResult> results;
    int pending = 0;
    void add(ProbeResult r)
    {
        results.append(std::move(r));
        if (--pending == 0) {
            promise.addResult(results);
            promise.finish();
        }
    }
};

template<typename Outcome>
ProbeResult summarize(const QString &provider, const OperationKey &key, const QString &method, const CallResult<Outcome> &call)
{
    ProbeResult r{provider, key.name(), false, 0, static_cast<int>(call.summary.attempts.size()), {}, method};
    for (const auto &a : call.summary.attempts)
        r.latencyMs += a.latencyMs;
    if (call.summary.attempts.isEmpty()) {
        r.detail = models::maskSecrets(call.summary.detail);
        return r;
    }
    const AttemptReport &last = call.summary.attempts.last().report;
    // Honest: an answer that refuses us (bad key, wrong certificate) is a failed probe too.
    r.ok = last.success;
    r.detail = last.summary.isEmpty() ? QStringLiteral("HTTP %1").arg(last.httpStatus) : last.summary;
    if (!r.ok && call.outcome)
        r.detail += QStringLiteral(": ") + call.outcome->toError().toString();
    if (call.summary.attempts.size() > 1)
        r.detail += QStringLiteral(" (after %1 attempts)").arg(call.summary.attempts.size());
    r.detail = models::maskSecrets(r.detail); // printed by `okla providers probe` and kept in health
    return r;
}

void probeAzul(const ConnectionProfile &profile, const std::shared_ptr<ResilienceManager> &manager,
               const std::shared_ptr<Collector> &collector)
{
    const QString method = QStringLiteral("AzulClient::verify (VerifyPayment)");
    auto config = azul::AzulConfig::load(profile, CredentialStore::fromEnvironment(profile.credentialsDir));
    if (!config) {
        collector->add({QStringLiteral("azul"), QStringLiteral("azul.verify"), false, 0, 0, config.error().toString(), method});
        return;
    }
    config->timeoutMs = 30'000; // a probe should not hang for AZUL's full 120 s
    auto client = std::make_shared<azul::AzulClient>(*config);
    const OperationKey key{QStringLiteral("azul"), QStringLiteral("verify"), client->hostLabel(azul::AzulClient::Host::Primary)};
    // An id no real order has: AZUL answers Found:false and nothing changes anywhere.
    const QString orderId = QStringLiteral("okla-probe-") + QUuid::createUuid().toString(QUuid::Id128).left(20);
    ResilientCall::run<azul::AzulOutcome>(
        *manager, {key}, [client, orderId](int) { return client->verify(orderId); },
        [](const azul::AzulOutcome &o) { return o.toAttemptReport(); })
        .then([client, collector, key, method](const CallResult<azul::AzulOutcome> &call) {
            ProbeResult r = summarize(QStringLiteral("azul"), key, method, call);
            if (call.outcome && call.outcome->result.found.has_value())
                r.detail += *call.outcome->result.found ? QStringLiteral(" (found?)") : QStringLiteral(" (Found:false, as expected)");
            QMetaObject::invokeMethod(QCoreApplication::instance(), [collector, r] { collector->add(r); });
        });
}

void probeStripe(const ConnectionProfile &profile, const std::shared_ptr<ResilienceManager> &manager,
                 const std::shared_ptr<Collector> &collector)
{
    const QString method = QStringLiteral("StripeClient::listCustomers (GET /v1/customers?limit=1)");
    const OperationKey key{QStringLiteral("stripe"), QStringLiteral("customers.list"), {}};
    auto config = stripe::StripeConfig::load(profile, CredentialStore::fromEnvironment(profile.credentialsDir));
    if (!config) {
        collector->add({QStringLiteral("stripe"), key.name(), false, 0, 0, config.error().toString(), method});
        return;
    }
    config->timeoutMs = 30'000; // a probe should not hang for Stripe's full 80 s
    auto client = std::make_shared<stripe::StripeClient>(*config);
    stripe::StripeListParams params;
    params.limit = 1;
    ResilientCall::run<stripe::StripeOutcome>(
        *manager, {key}, [client, params](int) { return client->listCustomers(params); },
        [](const stripe::StripeOutcome &o) { return o.toAttemptReport(); })
        .then([client, collector, key, method](const CallResult<stripe::StripeOutcome> &call) {
            ProbeResult r = summarize(QStringLiteral("stripe"), key, method, call);
            QMetaObject::invokeMethod(QCoreApplication::instance(), [collector, r] { collector->add(r); });
        });
}

} // namespace

QFuture<QList<ProbeResult>> ProviderProbe::run(const ConnectionProfile &profile, std::shared_ptr<ResilienceManager> manager)
{
    auto collector = std::make_shared<Collector>();
    collector->promise.start();
    QFuture<QList<ProbeResult>> future = collector->promise.future();
    const bool azul = profile.azulUrl.isValid() && !profile.azulUrl.isEmpty();
    const bool stripe = (profile.stripeUrl.isValid() && !profile.stripeUrl.isEmpty())
                        || CredentialStore::fromEnvironment(profile.credentialsDir).read(CredentialStore::StripeSecretKey).ok();
    collector->pending = (azul ? 1 : 0) + (stripe ? 1 : 0);
    if (collector->pending == 0) {
        collector->promise.addResult(QList<ProbeResult>{});
        collector->promise.finish();
        return future;
    }
    if (azul)
        probeAzul(profile, manager, collector);
    if (stripe)
        probeStripe(profile, manager, collector);
    return future;
}

} // namespace okla::services
