#include "services/providers/azul/azulclient.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSettings>

#include "services/session/connectionprofile.h"
#include "services/credentials/credentialstore.h"
#include "models/secretmask.h"
#include "services/providers/http/httptransport.h"
#include "services/providers/http/transportpolicy.h"

Q_LOGGING_CATEGORY(lcAzul, "okla.services.azul")

namespace okla::services::azul {

using http::HttpOutcome;

namespace {

models::Result<QSslKey> loadKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    // The context lupdate files a free function's tr() under in okla_es.ts (the namespace).
    return models::makeError(QStringLiteral("azul.config.client_key"),
                             QCoreApplication::translate("okla::services::azul",
                                                         "The AZUL client key is not a PEM RSA or EC private key."));
}

} // namespace

models::Result<AzulConfig> AzulConfig::load(const ConnectionProfile &profile, const CredentialStore &credentials)
{
    AzulConfig c;
    c.primaryUrl = profile.azulUrl;
    c.alternateUrl = profile.azulAlternateUrl;
    c.simulator = profile.providersSimulator;
    if (!c.primaryUrl.isValid() || c.primaryUrl.isEmpty())
        return models::makeError(QStringLiteral("azul.config.url"), tr("The profile has no AZUL URL."), profile.name);
    const http::TransportPolicy policy{c.simulator};
    for (const QUrl &url : {c.primaryUrl, c.alternateUrl})
        if (!url.isEmpty())
            if (auto ok = policy.checkUrl(QStringLiteral("azul"), url); !ok)
                return ok.error();
    // Keys the shared profile struct does not carry (yet); read beside it, never secrets.
    QSettings ini(ConnectionProfile::pathFor(profile.name), QSettings::IniFormat);
    c.merchant.store = ini.value(QStringLiteral("azul/store"), QStringLiteral("39038540035")).toString();
    c.timeoutMs = ini.value(QStringLiteral("azul/timeoutMs"), c.timeoutMs).toInt();
    for (const QString &pin : ini.value(QStringLiteral("azul/publicKeyPins")).toStringList())
        c.tls.publicKeyPins << QByteArray::fromBase64(pin.toLatin1());

    auto auth1 = credentials.read(CredentialStore::AzulAuth1);
    if (!auth1)
        return auth1.error();
    auto auth2 = credentials.read(CredentialStore::AzulAuth2);
    if (!auth2)
        return auth2.error();
    c.auth1 = auth1.value();
    c.auth2 = auth2.value();

    if (!profile.azulCaFile.isEmpty()) {
        c.tls.caCertificates = QSslCertificate::fromPath(profile.azulCaFile, QSsl::Pem);
        if (c.tls.caCertificates.isEmpty())
            return models::makeError(QStringLiteral("azul.config.ca"), tr("The AZUL CA file holds no certificate."),
                                     profile.azulCaFile);
    }
    // Mutual TLS always: without the client certificate AZUL would get Auth1/Auth2 alone
    // (docs/security.md §8).
    auto cert = credentials.read(CredentialStore::AzulClientCert);
    auto key = credentials.read(CredentialStore::AzulClientKey);
    if (!cert || !key)
        return models::makeError(QStringLiteral("azul.config.mutual_tls"),
                                 tr("AZUL needs its client certificate and key (azul-client.pem, azul-client.key) "
                                    "in the credentials folder; nothing is sent without them."),
                                 (cert ? key : cert).error().message);
    c.tls.clientCertificate = QSslCertificate(cert.value(), QSsl::Pem);
    if (c.tls.clientCertificate.isNull())
        return models::makeError(QStringLiteral("azul.config.client_cert"), tr("The AZUL client certificate is not PEM."));
    auto parsedKey = loadKey(key.value());
    if (!parsedKey)
        return parsedKey.error();
    c.tls.clientKey = parsedKey.value();
    return c;
}

AttemptReport AzulOutcome::toAttemptReport() const
{
    using Outcome = AzulResult::Outcome;
    AttemptReport r;
    r.httpStatus = result.httpStatus;
    switch (transport) {
    case HttpOutcome::Kind::NotSent: r.transport = AttemptReport::Transport::NeverSent; break;
    case HttpOutcome::Kind::NoCompleteAnswer: r.transport = AttemptReport::Transport::SentNoAnswer; break;
    case HttpOutcome::Kind::Answered: r.transport = AttemptReport::Transport::Answered; break;
    }
    r.timedOut = failure == HttpOutcome::Failure::Timeout || failure == HttpOutcome::Failure::ConnectTimeout;
    r.tlsError = failure == HttpOutcome::Failure::TlsHandshake || failure == HttpOutcome::Failure::PinMismatch;
    r.success = result.outcome == Outcome::Approved || result.outcome == Outcome::NotFound;
    // 91 / SGS-007778 are "issuer or AZUL could not process": not a customer decline, retryable.
    r.refusedLocally = refusal.has_value() || failure == HttpOutcome::Failure::InsecureUrl;
    r.declined = (result.outcome == Outcome::Declined && !result.retryable) || result.outcome == Outcome::ThreeDsPending
        || (result.outcome == Outcome::Error && result.errorKind == AzulResult::ErrorKind::Business);
    r.errorCode = result.isoCode;
    r.errorType = result.errorDescription.section(u':', 0, 0).left(64);
    const bool answeredAmbiguous = transport == HttpOutcome::Kind::Answered && result.outcome == Outcome::Ambiguous;
    r.providerFault = answeredAmbiguous; // PROCESSING_ERROR, FATAL_ERROR, HTML from a proxy, 5xx…
    if (result.outcome == Outcome::Error)
        r.retryOverride = false; // configuration, request bugs, business rules: never retried
    else if (result.outcome == Outcome::Declined)
        r.retryOverride = result.retryable; // 91, SGS-007778
    else if (result.outcome == Outcome::Ambiguous && movesMoney(operation) && transport != HttpOutcome::Kind::NotSent)
        r.retryOverride = false; // AzulPaymentFlow verifies, then resends with a new id itself
    r.summary = QStringLiteral("azul.%1@%2 %3").arg(operationName(operation), host, AzulResult::outcomeName(result.outcome));
    if (!result.isoCode.isEmpty())
        r.summary += QStringLiteral(" iso=") + result.isoCode;
    if (transport != HttpOutcome::Kind::Answered)
        r.summary += u' ' + HttpOutcome::failureName(failure);
    return r;
}

models::Error AzulOutcome::toError() const
{
    if (refusal)
        return *refusal;
    // A refused handshake (an alert about our certificate, an unknown CA, a pin): AZUL never
    // processed the request, and only an administrator can fix it (docs/security.md §8).
    if (transport == HttpOutcome::Kind::NotSent
        && (failure == HttpOutcome::Failure::TlsHandshake || failure == HttpOutcome::Failure::PinMismatch))
        return models::makeError(QStringLiteral("azul.config.tls"),
                                 tr("AZUL refused the secure connection (client certificate, CA or pin); nothing "
                                    "was processed and an administrator must fix the configuration."),
                                 HttpOutcome::failureName(failure) + QStringLiteral(": ") + models::maskSecrets(transportError));
    if (transport == HttpOutcome::Kind::NotSent && result.outcome == AzulResult::Outcome::Ambiguous)
        return models::makeError(QStringLiteral("azul.unreachable"), tr("AZUL could not be reached; nothing was sent."),
                                 HttpOutcome::failureName(failure) + QStringLiteral(": ") + transportError);
    return result.toError();
}

AzulClient::AzulClient(AzulConfig config)
    : m_config(std::move(config))
    , m_builder(m_config.merchant)
{
    http::HttpTransport::Options options;
    options.name = QStringLiteral("azul-http");
    options.threads = m_config.threads;
    options.tls = m_config.tls;
    options.allowLoopbackHttp = m_config.simulator;
    m_transport = std::make_unique<http::HttpTransport>(std::move(options));
}

AzulClient::~AzulClient() = default;

QString AzulClient::hostLabel(Host host) const
{
    const QString name = (host == Host::Alternate ? m_config.alternateUrl : m_config.primaryUrl).host();
    if (name.startsWith(QLatin1String("pagos.")))
        return QStringLiteral("pagos");
    if (name.startsWith(QLatin1String("contpagos.")))
        return QStringLiteral("contpagos");
    return host == Host::Alternate ? QStringLiteral("alternate") : QStringLiteral("primary");
}

QFuture<void> AzulClient::delay(int ms)
{
    return m_transport->delay(ms);
}

QFuture<AzulOutcome> AzulClient::sale(const AzulPayment &payment, Host host)
{
    return sendBuilt(AzulOperation::Sale, m_builder.payment(AzulOperation::Sale, payment), payment.customOrderId, host);
}

QFuture<AzulOutcome> AzulClient::hold(const AzulPayment &payment, Host host)
{
    return sendBuilt(AzulOperation::Hold, m_builder.payment(AzulOperation::Hold, payment), payment.customOrderId, host);
}

QFuture<AzulOutcome> AzulClient::tokenSale(const AzulPayment &payment, Host host)
{
    if (payment.dataVaultToken.isEmpty())
        return sendBuilt(AzulOperation::Sale,
                         models::makeError(QStringLiteral("azul.request.invalid"), tr("A token sale needs a DataVault token."),
                                           QStringLiteral("DataVaultToken")),
                         payment.customOrderId, host);
    return sale(payment, host);
}

QFuture<AzulOutcome> AzulClient::post(const QString &azulOrderId, const models::Money &amount, const models::Money &itbis,
                                      Host host)
{
    return sendBuilt(AzulOperation::Post, m_builder.post(azulOrderId, amount, itbis), {}, host);
}

QFuture<AzulOutcome> AzulClient::voidTransaction(const QString &azulOrderId, Host host)
{
    return sendBuilt(AzulOperation::Void, m_builder.voidTransaction(azulOrderId), {}, host);
}

QFuture<AzulOutcome> AzulClient::refund(const QString &azulOrderId, const models::Money &amount,
                                        const models::Money &itbis, const QString &customOrderId, Host host)
{
    return sendBuilt(AzulOperation::Refund, m_builder.refund(azulOrderId, amount, itbis, customOrderId), customOrderId, host);
}

QFuture<AzulOutcome> AzulClient::verify(const QString &customOrderId, Host host)
{
    return sendBuilt(AzulOperation::VerifyPayment, m_builder.verify(customOrderId), customOrderId, host);
}

QFuture<AzulOutcome> AzulClient::dataVaultCreate(const QString &cardNumber, const QString &expiration,
                                                 const QString &cvc, Host host)
{
    return sendBuilt(AzulOperation::DataVaultCreate, m_builder.dataVaultCreate(cardNumber, expiration, cvc), {}, host);
}

QFuture<AzulOutcome> AzulClient::dataVaultDelete(const QString &token, Host host)
{
    return sendBuilt(AzulOperation::DataVaultDelete, m_builder.dataVaultDelete(token), {}, host);
}

QFuture<AzulOutcome> AzulClient::searchPayments(QDate from, QDate to, Host host)
{
    return sendBuilt(AzulOperation::SearchPayments, m_builder.searchPayments(from, to), {}, host);
}

std::optional<models::Error> AzulClient::refusal(Host host) const
{
    if (m_config.tls.clientCertificate.isNull() || m_config.tls.clientKey.isNull())
        return models::makeError(QStringLiteral("azul.config.mutual_tls"),
                                 tr("AZUL is never called without its client certificate and key (mutual TLS)."));
    if (auto ok = http::TransportPolicy{m_config.simulator}.checkUrl(
            QStringLiteral("azul"), host == Host::Alternate ? m_config.alternateUrl : m_config.primaryUrl);
        !ok)
        return ok.error();
    return std::nullopt;
}

AzulOutcome AzulClient::notSent(AzulOperation op, const QString &customOrderId, Host host,
                                AzulResult::ErrorKind kind, const QString &description, const QString &detail) const
{
    AzulOutcome out;
    out.operation = op;
    out.host = hostLabel(host);
    out.alternateHost = host == Host::Alternate;
    out.customOrderId = customOrderId;
    out.transport = HttpOutcome::Kind::NotSent;
    out.failure = HttpOutcome::Failure::None;
    out.result.outcome = AzulResult::Outcome::Error;
    out.result.errorKind = kind;
    out.result.errorDescription = description;
    out.result.detail = detail;
    return out;
}

QFuture<AzulOutcome> AzulClient::sendBuilt(AzulOperation op, const models::Result<QByteArray> &body,
                                           const QString &customOrderId, Host host)
{
    if (body)
        return send(op, body.value(), customOrderId, host);
    // A request we refuse to build never leaves: a request bug, not ambiguous.
    return QtFuture::makeReadyFuture(notSent(op, customOrderId, host, AzulResult::ErrorKind::RequestBug,
                                             QStringLiteral("VALIDATION_ERROR:") + body.error().detail,
                                             body.error().message));
}

QFuture<AzulOutcome> AzulClient::send(AzulOperation op, const QByteArray &body, const QString &customOrderId, Host host)
{
    if (auto refused = refusal(host)) {
        // Nothing leaves: a configuration error, certainly not sent (never `unknown`).
        AzulOutcome out = notSent(op, customOrderId, host, AzulResult::ErrorKind::Configuration, refused->code,
                                  refused->message);
        out.refusal = std::move(refused);
        qCWarning(lcAzul).noquote() << operationName(op) << "refused before sending:" << out.refusal->code;
        return QtFuture::makeReadyFuture(std::move(out));
    }
    http::HttpRequest request;
    request.method = "POST";
    request.url = host == Host::Alternate ? m_config.alternateUrl : m_config.primaryUrl;
    if (const QString word = queryWord(op); !word.isEmpty())
        request.url.setQuery(word); // a bare word: ?ProcessPost
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", "application/json"},
                       {"Auth1", m_config.auth1},
                       {"Auth2", m_config.auth2}};
    request.body = body;
    request.timeoutMs = m_config.timeoutMs;
    request.connectTimeoutMs = m_config.connectTimeoutMs;
    request.maxBodyBytes = m_config.maxBodyBytes;

    const QString label = hostLabel(host);
    return m_transport->send(std::move(request))
        .then(QtFuture::Launch::Sync, [op, customOrderId, label, host](const HttpOutcome &http) {
            AzulOutcome out;
            out.operation = op;
            out.host = label;
            out.alternateHost = host == Host::Alternate;
            out.customOrderId = customOrderId;
            out.transport = http.kind;
            out.failure = http.failure;
            out.transportError = http.errorString;
            out.elapsedMs = http.elapsedMs;
            out.result = AzulResponseParser::classify(op, http.answered(), http.status, http.body);
            // Ids, codes and timings only: never the body (it may echo card data).
            qCInfo(lcAzul).noquote() << operationName(op) << '@' << label << "custom" << customOrderId
                                     << AzulResult::outcomeName(out.result.outcome) << "iso" << out.result.isoCode
                                     << "order" << out.result.azulOrderId << "http" << http.status
                                     << HttpOutcome::failureName(http.failure) << http.elapsedMs << "ms"
                                     << out.result.detail;
            return out;
        });
}

} // namespace okla::services::azul
