#pragma once

#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QUrl>

#include "models/result.h"
#include "services/providers/azul/azulrequest.h"
#include "services/providers/azul/azulresponse.h"
#include "services/providers/http/httpexchange.h"
#include "services/resilience/attemptreport.h"

namespace okla::services {
class CredentialStore;
struct ConnectionProfile;
}

namespace okla::services::http {
class HttpTransport;
}

namespace okla::services::azul {

/// Where and how to reach AZUL. Secrets come from the CredentialStore, never from the profile.
struct AzulConfig
{
    QUrl primaryUrl;   ///< https://pagos.azul.com.do/webservices/JSON/Default.aspx (prod)
    QUrl alternateUrl; ///< https://contpagos.azul.com.do/Webservices/JSON/default.aspx (prod); may be empty
    AzulMerchant merchant;
    QByteArray auth1;
    QByteArray auth2;
    int timeoutMs = 120'000;       ///< docs/providers.md §8
    int connectTimeoutMs = 10'000; ///< docs/resilience.md §2
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    int threads = 3;               ///< QNAMs: 3 × 6 connections per host
    http::TlsOptions tls;          ///< CA (sandbox), pins, client certificate (mutual TLS, required)
    bool simulator = false;        ///< the profile's providers/simulator: http:// to loopback allowed

    /// Profile URLs and CA + `azul/store` from the profile's INI, secrets (`azul-auth1`,
    /// `azul-auth2`, `azul-client.pem`, `azul-client.key`) from @p credentials. Refuses a URL
    /// that is not https:// (`azul.config.insecure_url`) and a missing client certificate or key
    /// (`azul.config.mutual_tls`): AZUL is never called without mutual TLS.
    static models::Result<AzulConfig> load(const ConnectionProfile &profile, const CredentialStore &credentials);
    Q_DECLARE_TR_FUNCTIONS(okla::services::azul::AzulConfig)
};

/// One AZUL attempt, fully classified: what the transport saw and what AZUL said.
struct AzulOutcome
{
    AzulOperation operation = AzulOperation::Sale;
    bool alternateHost = false;
    QString host;              ///< "pagos", "contpagos", or the URL's host: breaker key
    QString customOrderId;     ///< the attempt id sent (Sale, Hold, Refund, Verify)
    http::HttpOutcome::Kind transport = http::HttpOutcome::Kind::NotSent;
    http::HttpOutcome::Failure failure = http::HttpOutcome::Failure::Other;
    QString transportError;
    qint64 elapsedMs = 0;
    AzulResult result;
    std::optional<models::Error> refusal; ///< refused before any connection (configuration)

    bool neverLeft() const { return transport == http::HttpOutcome::Kind::NotSent; }
    /// For services/resilience. Money-moving ambiguous attempts set retryOverride=false: only the
    /// payment flow may resend them, after VerifyPayment.
    AttemptReport toAttemptReport() const;
    models::Error toError() const;
    Q_DECLARE_TR_FUNCTIONS(okla::services::azul::AzulOutcome)
};

/// AZUL WebServices JSON API (docs/providers.md §2-§8). Each call makes exactly ONE HTTP attempt on a service
/// thread and returns a classified AzulOutcome; it never retries, verifies or fails over by
/// itself (AzulPaymentFlow and services/resilience do). Thread-safe.
class AzulClient
{
public:
    enum class Host { Primary, Alternate };

    explicit AzulClient(AzulConfig config);
    ~AzulClient();

    QFuture<AzulOutcome> sale(const AzulPayment &payment, Host host = Host::Primary);
    QFuture<AzulOutcome> hold(const AzulPayment &payment, Host host = Host::Primary);
    /// Sale with `DataVaultToken` (payment.dataVaultToken set, card number empty).
    QFuture<AzulOutcome> tokenSale(const AzulPayment &payment, Host host = Host::Primary);
    /// Amounts in DOP (AZUL's only currency); anything else is refused without sending.
    QFuture<AzulOutcome> post(const QString &azulOrderId, const models::Money &amount, const models::Money &itbis,
                              Host host = Host::Primary);
    QFuture<AzulOutcome> voidTransaction(const QString &azulOrderId, Host host = Host::Primary);
    QFuture<AzulOutcome> refund(const QString &azulOrderId, const models::Money &amount, const models::Money &itbis,
                                const QString &customOrderId, Host host = Host::Primary);
    QFuture<AzulOutcome> verify(const QString &customOrderId, Host host = Host::Primary);
    QFuture<AzulOutcome> dataVaultCreate(const QString &cardNumber, const QString &expiration,
                                         const QString &cvc, Host host = Host::Primary);
    QFuture<AzulOutcome> dataVaultDelete(const QString &token, Host host = Host::Primary);
    /// The transactions of the days [@p from, @p to] in `result.transactions` (reconciliation).
    QFuture<AzulOutcome> searchPayments(QDate from, QDate to, Host host = Host::Primary);

    /// A prepared body (from AzulRequestBuilder) sent as @p op. Without a client certificate and
    /// key, or to a URL the transport policy forbids, nothing is sent (`refusal` says why).
    QFuture<AzulOutcome> send(AzulOperation op, const QByteArray &body, const QString &customOrderId, Host host);

    const AzulConfig &config() const { return m_config; }
    bool hasAlternate() const { return m_config.alternateUrl.isValid() && !m_config.alternateUrl.isEmpty(); }
    /// The outcome of a request that never left (certainly not sent, never `unknown`).
    AzulOutcome notSent(AzulOperation op, const QString &customOrderId, Host host, AzulResult::ErrorKind kind,
                        const QString &description, const QString &detail) const;
    QString hostLabel(Host host) const;
    /// Completes after @p ms on the client's service thread (AzulPaymentFlow's wait).
    QFuture<void> delay(int ms);

private:
    std::optional<models::Error> refusal(Host host) const;
    QFuture<AzulOutcome> sendBuilt(AzulOperation op, const models::Result<QByteArray> &body,
                                   const QString &customOrderId, Host host);

    AzulConfig m_config;
    AzulRequestBuilder m_builder;
    std::unique_ptr<http::HttpTransport> m_transport;
    Q_DECLARE_TR_FUNCTIONS(okla::services::azul::AzulClient)
};

} // namespace okla::services::azul
