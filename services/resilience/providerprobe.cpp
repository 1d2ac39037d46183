#include "services/resilience/providerprobe.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QUuid>

#include "services/connectionprofile.h"
#include "services/credentialstore.h"
#include "services/providers/azul/azulclient.h"
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
        r.detail = call.summary.detail;
        return r;
    }
    const AttemptReport &last = call.summary.attempts.last().report;
    r.ok = last.transport == AttemptReport::Transport::Answered && !last.isBreakerFailure();
    r.detail = last.summary.isEmpty() ? QStringLiteral("HTTP %1").arg(last.httpStatus) : last.summary;
    if (call.summary.attempts.size() > 1)
        r.detail += QStringLiteral(" (after %1 attempts)").arg(call.summary.attempts.size());
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

/// One plain GET through QNetworkAccessManager, classified for the resilience layer.
/// StripeClient (services/providers/stripe) was not in the tree when this was written; the
/// probe says so in its `method` field.
struct PlainHttpOutcome
{
    AttemptReport report;
};

QFuture<PlainHttpOutcome> plainGet(QNetworkAccessManager *nam, const QUrl &url, const QByteArray &secret)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + secret);
    request.setRawHeader("Stripe-Version", "2025-03-31.basil");
    request.setTransferTimeout(30'000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam->get(request);
    auto promise = std::make_shared<QPromise<PlainHttpOutcome>>();
    promise->start();
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise] {
        reply->deleteLater();
        AttemptReport r;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto error = reply->error();
        if (status == 0) {
            const bool neverLeft = error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError
                                   || error == QNetworkReply::SslHandshakeFailedError;
            r.transport = neverLeft ? AttemptReport::Transport::NeverSent : AttemptReport::Transport::SentNoAnswer;
            r.tlsError = error == QNetworkReply::SslHandshakeFailedError;
            r.timedOut = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
            r.summary = QStringLiteral("stripe.customers.list ") + reply->errorString();
        } else {
            r.transport = AttemptReport::Transport::Answered;
            r.httpStatus = status;
            r.success = status == 200;
            if (reply->hasRawHeader("Stripe-Should-Retry"))
                r.stripeShouldRetry = reply->rawHeader("Stripe-Should-Retry") == "true";
            const QJsonObject err = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toObject();
            r.errorType = err.value(QStringLiteral("type")).toString();
            r.errorCode = err.value(QStringLiteral("code")).toString();
            r.summary = QStringLiteral("stripe.customers.list HTTP %1").arg(status);
            if (!r.errorType.isEmpty())
                r.summary += u' ' + r.errorType;
            const QByteArray requestId = reply->rawHeader("Request-Id");
            if (!requestId.isEmpty())
                r.summary += QStringLiteral(" request-id=") + QString::fromLatin1(requestId);
        }
        promise->addResult(PlainHttpOutcome{r});
        promise->finish();
    });
    return promise->future();
}

void probeStripe(const ConnectionProfile &profile, const std::shared_ptr<ResilienceManager> &manager,
                 const std::shared_ptr<Collector> &collector)
{
    const QString method = QStringLiteral("plain HTTP GET via QNetworkAccessManager (not StripeClient)");
    auto secret = CredentialStore::fromEnvironment(profile.credentialsDir).read(CredentialStore::StripeSecretKey);
    const OperationKey key{QStringLiteral("stripe"), QStringLiteral("customers.list"), {}};
    if (!secret) {
        collector->add({QStringLiteral("stripe"), key.name(), false, 0, 0, secret.error().toString(), method});
        return;
    }
    QUrl url = profile.stripeUrl.isValid() && !profile.stripeUrl.isEmpty() ? profile.stripeUrl
                                                                           : QUrl(QStringLiteral("https://api.stripe.com"));
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + (path.endsWith(QLatin1String("/v1")) ? QStringLiteral("/customers") : QStringLiteral("/v1/customers")));
    url.setQuery(QStringLiteral("limit=1"));
    auto nam = std::make_shared<QNetworkAccessManager>();
    const QByteArray key_ = secret.value();
    ResilientCall::run<PlainHttpOutcome>(
        *manager, {key}, [nam, url, key_](int) { return plainGet(nam.get(), url, key_); },
        [](const PlainHttpOutcome &o) { return o.report; })
        .then([nam, collector, key, method](const CallResult<PlainHttpOutcome> &call) {
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
