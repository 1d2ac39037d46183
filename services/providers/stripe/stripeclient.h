#pragma once

#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QUrl>

#include "models/result.h"
#include "services/providers/http/httpexchange.h"
#include "services/providers/stripe/stripeformencoder.h"
#include "services/providers/stripe/striperesponse.h"
#include "services/resilience/attemptreport.h"

namespace okla::services {
class CredentialStore;
struct ConnectionProfile;
}

namespace okla::services::http {
class HttpTransport;
}

namespace okla::services::stripe {

struct StripeConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.stripe.com"));
    QByteArray secretKey; ///< sk_/rk_; from the credential store only
    QByteArray apiVersion = "2025-03-31.basil"; ///< docs/providers.md §9: upgrading is a reviewed change
    int timeoutMs = 80'000;
    int connectTimeoutMs = 10'000;
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    int threads = 2;
    http::TlsOptions tls;
    bool simulator = false; ///< the profile's providers/simulator: http:// to loopback allowed

    /// `stripeUrl` from the profile (empty = api.stripe.com), `stripe-secret-key` from @p credentials.
    /// Refuses a URL that is not https:// (`stripe.config.insecure_url`) and an empty key
    /// (`stripe.config.secret_key`).
    static models::Result<StripeConfig> load(const ConnectionProfile &profile, const CredentialStore &credentials);
};

/// One prepared call. Built once and sent as many times as the retry policy wants: a POST's
/// Idempotency-Key is fixed here, so every retry carries the same key (docs/resilience.md §3).
struct StripeRequest
{
    QByteArray method = "GET";
    QString path;            ///< "/v1/refunds"
    StripeFormEncoder params;
    QString operation;       ///< breaker/log name: "refunds.create"
    QString expectedObject;  ///< "refund", "list"…; empty = any object
    QString idempotencyKey;  ///< POST only; automatic when the caller gives none
};

/// Paging and filters for list endpoints (docs/providers.md §13).
struct StripeListParams
{
    int limit = 10;          ///< clamped to 1..100
    QString startingAfter;
    QString endingBefore;    ///< never together with startingAfter
    QStringList expand;
    StripeFormEncoder::Entries filters; ///< e.g. {"customer","cus_1"}, {"status","past_due"}
    std::optional<qint64> createdFrom;   ///< `created[gte]`, unix seconds
    std::optional<qint64> createdBefore; ///< `created[lt]`, unix seconds

    /// The parameters of the page after @p page (`starting_after` = its last id), or nothing
    /// when it was the last (`has_more` false, or an empty page).
    std::optional<StripeListParams> next(const StripePage &page) const;
};

/// One attempt, classified (transport, Stripe's answer, retry hints).
struct StripeOutcome
{
    QString operation;
    QString idempotencyKey;
    http::HttpOutcome::Kind transport = http::HttpOutcome::Kind::NotSent;
    http::HttpOutcome::Failure failure = http::HttpOutcome::Failure::Other;
    QString transportError;
    qint64 elapsedMs = 0;
    int httpStatus = 0;
    QString requestId;                    ///< `Request-Id`
    std::optional<bool> shouldRetry;      ///< `Stripe-Should-Retry`
    std::optional<qint64> retryAfterMs;   ///< `Retry-After`
    StripeResponse response;
    std::optional<models::Error> requestError; ///< refused before sending (bad key, bad params)

    bool ok() const { return transport == http::HttpOutcome::Kind::Answered && response.ok(); }
    const QJsonObject &object() const { return response.object; }
    models::Result<StripeRefund> refund() const;
    models::Result<StripePage> page() const;
    models::Error toError() const;
    AttemptReport toAttemptReport() const;
    /// `stripe.config.secret_key`: no key, so nothing is sent.
    static models::Error emptyKeyError();
    Q_DECLARE_TR_FUNCTIONS(okla::services::stripe::StripeOutcome)
};

/// Stripe REST API subset of docs/providers.md §9-§16. Each call is ONE attempt on a service thread; retries
/// (same StripeRequest, same key) are services/resilience's job. Thread-safe.
class StripeClient
{
public:
    explicit StripeClient(StripeConfig config);
    ~StripeClient();

    /// Refuses keys over 255 characters, invalid params, an empty secret key and a URL the
    /// transport policy forbids without sending (docs/security.md §8).
    QFuture<StripeOutcome> send(const StripeRequest &request);
    static QString newIdempotencyKey();

    // Builders (pure): build once, send (and resend) with send().
    static StripeRequest retrieve(const QString &collection, const QString &id, const QString &object,
                                  const QStringList &expand = {});
    static StripeRequest list(const QString &collection, const StripeListParams &params);
    /// collection: "charges", "payment_intents", "customers", "subscriptions".
    static StripeRequest search(const QString &collection, const QString &query, int limit = 10, const QString &page = {});
    /// @p oklaRefundId: the OKLA refund row's UUID: the Idempotency-Key and metadata[okla_id].
    /// @p amount: in the charge's currency (Stripe refunds carry no currency of their own);
    /// nullopt refunds the remainder; zero or less is refused before sending.
    static StripeRequest createRefund(const QString &oklaRefundId, const QString &chargeId, const QString &paymentIntentId,
                                      const std::optional<models::Money> &amount, const QString &reason = {});
    static StripeRequest cancelAtPeriodEnd(const QString &subscriptionId, bool cancel = true, const QString &idempotencyKey = {});
    static StripeRequest cancelNow(const QString &subscriptionId, bool invoiceNow = false, bool prorate = false,
                                   const QString &comment = {});
    static StripeRequest changePrice(const QString &subscriptionId, const QString &itemId, const QString &priceId,
                                     const QString &prorationBehavior = QStringLiteral("none"),
                                     const QString &idempotencyKey = {});
    static StripeRequest payInvoice(const QString &invoiceId, const QString &idempotencyKey = {});
    static StripeRequest createPortalSession(const QString &customerId, const QString &returnUrl = {},
                                             const QString &locale = {});

    // Convenience: build + send once.
    QFuture<StripeOutcome> retrieveCustomer(const QString &id) { return send(retrieve(QStringLiteral("customers"), id, QStringLiteral("customer"))); }
    QFuture<StripeOutcome> listCustomers(const StripeListParams &p) { return send(list(QStringLiteral("customers"), p)); }
    QFuture<StripeOutcome> retrieveCharge(const QString &id) { return send(retrieve(QStringLiteral("charges"), id, QStringLiteral("charge"))); }
    QFuture<StripeOutcome> listCharges(const StripeListParams &p) { return send(list(QStringLiteral("charges"), p)); }
    QFuture<StripeOutcome> searchCharges(const QString &q, int limit = 10, const QString &page = {}) { return send(search(QStringLiteral("charges"), q, limit, page)); }
    QFuture<StripeOutcome> retrievePaymentIntent(const QString &id) { return send(retrieve(QStringLiteral("payment_intents"), id, QStringLiteral("payment_intent"))); }
    QFuture<StripeOutcome> listPaymentIntents(const StripeListParams &p) { return send(list(QStringLiteral("payment_intents"), p)); }
    QFuture<StripeOutcome> searchPaymentIntents(const QString &q, int limit = 10, const QString &page = {}) { return send(search(QStringLiteral("payment_intents"), q, limit, page)); }
    QFuture<StripeOutcome> retrieveRefund(const QString &id) { return send(retrieve(QStringLiteral("refunds"), id, QStringLiteral("refund"))); }
    QFuture<StripeOutcome> listRefunds(const StripeListParams &p) { return send(list(QStringLiteral("refunds"), p)); }
    QFuture<StripeOutcome> retrieveSubscription(const QString &id) { return send(retrieve(QStringLiteral("subscriptions"), id, QStringLiteral("subscription"))); }
    QFuture<StripeOutcome> listSubscriptions(const StripeListParams &p) { return send(list(QStringLiteral("subscriptions"), p)); }
    QFuture<StripeOutcome> searchSubscriptions(const QString &q, int limit = 10, const QString &page = {}) { return send(search(QStringLiteral("subscriptions"), q, limit, page)); }
    QFuture<StripeOutcome> retrieveInvoice(const QString &id) { return send(retrieve(QStringLiteral("invoices"), id, QStringLiteral("invoice"))); }
    QFuture<StripeOutcome> listInvoices(const StripeListParams &p) { return send(list(QStringLiteral("invoices"), p)); }

    /// A search clause value: quoted with `'`, `'` and `\` escaped (docs/providers.md §13).
    static QString searchValue(const QString &value);

    const StripeConfig &config() const { return m_config; }

private:
    StripeConfig m_config;
    std::unique_ptr<http::HttpTransport> m_transport;
    Q_DECLARE_TR_FUNCTIONS(okla::services::stripe::StripeClient)
};

} // namespace okla::services::stripe
