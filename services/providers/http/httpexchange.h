#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QSslError>
#include <QSslKey>
#include <QString>
#include <QUrl>

namespace okla::services::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// TLS rules for one provider (docs/security.md §8): a private CA replaces the system store, an
/// optional SHA-256 public-key pin (+ backup), a client certificate for mutual TLS. Errors are
/// never ignored wholesale: only the exact QSslErrors listed in allowedErrors.
struct TlsOptions
{
    QList<QSslCertificate> caCertificates; ///< empty = the system store
    QList<QByteArray> publicKeyPins;      ///< SHA-256 of publicKey().toDer() (raw 32 bytes); empty = no pinning
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    QList<QSslError> allowedErrors;
    QString peerVerifyName; ///< overrides the host name checked against the certificate (tests, SNI setups)
    /// With a client certificate, speak TLS 1.2 only (docs/security.md §8); false only in the test
    /// that shows why.
    bool capClientCertificateAtTls12 = true;

    /// SHA-256 of a certificate's public key, as compared against publicKeyPins.
    static QByteArray pinOf(const QSslCertificate &certificate);
};

/// One HTTP request; a client builds it and the transport makes exactly one attempt.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers;
    QByteArray body;
    int timeoutMs = 80'000;        ///< whole exchange, queueing included
    int connectTimeoutMs = 10'000; ///< TCP + TLS handshake
    qint64 maxBodyBytes = 4 * 1024 * 1024;
};

/// What happened to one request. The distinction that matters for money: could the provider
/// have acted on it? NotSent = certainly not; NoCompleteAnswer = maybe; Answered = it said so.
struct HttpOutcome
{
    enum class Kind { NotSent, NoCompleteAnswer, Answered };
    enum class Failure {
        None,
        HostNotFound,
        ConnectionRefused,
        ConnectTimeout,
        TlsHandshake,  ///< certificate unknown, wrong host name, protocol too old, client cert refused
                       ///< (also a handshake alert read after the request was written: never processed)
        PinMismatch,
        Timeout,        ///< sent, no complete answer within the deadline
        ConnectionReset,
        BodyTooLarge,
        InsecureUrl,    ///< refused before connecting: not https (docs/security.md §8)
        Other,
    };

    Kind kind = Kind::NotSent;
    Failure failure = Failure::Other;
    int status = 0;
    HeaderList headers;
    QByteArray body;
    QString errorString; ///< Qt's text plus TLS error texts; never request bodies
    qint64 elapsedMs = 0;

    bool answered() const { return kind == Kind::Answered; }
    bool neverLeft() const { return kind == Kind::NotSent; }
    /// Case-insensitive header lookup (HTTP header names are case-insensitive).
    QByteArray header(QByteArrayView name) const;
    static QString failureName(Failure failure);
};

} // namespace okla::services::http
