#include "services/providers/http/httpworker.h"

#include <cstring>

#include <QElapsedTimer>
#include <QIODevice>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHttp, "okla.services.http")

namespace okla::services::http {

namespace {

using Kind = HttpOutcome::Kind;
using Failure = HttpOutcome::Failure;

/// Everything one in-flight request needs; owned by its QNetworkReply (deleted with it).
struct Exchange : QObject
{
    std::shared_ptr<QPromise<HttpOutcome>> promise;
    QElapsedTimer clock;
    QByteArray body;
    qint64 maxBodyBytes = 0;
    bool left = false;          // some request bytes went out: the provider may have acted
    bool timedOut = false;
    bool connectTimedOut = false;
    bool tooLarge = false;
    bool pinMismatch = false;
    bool answerStarted = false; // response headers arrived
    QStringList tlsErrors;
    QTimer *connectTimer = nullptr;
};

/// A request body that can be read once and never rewound (see start()).
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data) : m_data(std::move(data)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

QSslConfiguration tlsConfiguration(const TlsOptions &tls)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!tls.caCertificates.isEmpty())
        conf.setCaCertificates(tls.caCertificates); // a private CA replaces the system store
    if (!tls.clientCertificate.isNull()) {
        conf.setLocalCertificate(tls.clientCertificate);
        conf.setPrivateKey(tls.clientKey);
        // Under TLS 1.3 the server judges the client certificate after the client has finished
        // its handshake and written the request, and its refusal can be lost in a reset: the
        // request would look "maybe sent". Under TLS 1.2 the refusal ends the handshake before
        // any request byte is written (docs/security.md §8).
        if (tls.capClientCertificateAtTls12)
            conf.setProtocol(QSsl::TlsV1_2);
    }
    return conf;
}

/// A fatal TLS alert about the handshake (the client certificate, the protocol, the cipher) read
/// from the server, as OpenSSL words it ("tlsv13 alert certificate required", "sslv3 alert bad
/// certificate"…). Under TLS 1.3 it arrives after Qt has written the request, but a server that
/// sends it aborted its handshake and never processed the request (docs/security.md §8).
bool isHandshakeAlert(const QString &error)
{
    static const QRegularExpression alert(QStringLiteral(
        "\\balert (certificate required|unknown ca|bad certificate|certificate unknown|certificate revoked|"
        "certificate expired|unsupported certificate|handshake failure|access denied|decrypt error|"
        "illegal parameter|protocol version|insufficient security|no application protocol)\\b"));
    return alert.match(error).hasMatch();
}

void finish(QNetworkReply *reply, Exchange *ex)
{
    if (ex->promise->future().isFinished())
        return;
    HttpOutcome out;
    out.elapsedMs = ex->clock.elapsed();
    if (ex->body.size() <= ex->maxBodyBytes && !ex->tooLarge)
        ex->body += reply->readAll();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const auto error = reply->error();
    out.errorString = reply->errorString();
    if (!ex->tlsErrors.isEmpty())
        out.errorString += QStringLiteral(" [") + ex->tlsErrors.join(QStringLiteral("; ")) + u']';

    if (ex->pinMismatch) {
        out.kind = Kind::NotSent;
        out.failure = Failure::PinMismatch;
        out.errorString = QStringLiteral("server public key matches no configured pin");
    } else if (ex->tooLarge) {
        out.kind = Kind::NoCompleteAnswer;
        out.failure = Failure::BodyTooLarge;
        out.status = statusAttr.toInt();
        out.errorString = QStringLiteral("response body exceeds %1 bytes").arg(ex->maxBodyBytes);
    } else if (!ex->answerStarted && isHandshakeAlert(out.errorString)) {
        out.kind = Kind::NotSent; // the server ended its handshake: the request was never processed
        out.failure = Failure::TlsHandshake;
    } else if (ex->timedOut || ex->connectTimedOut) {
        out.kind = ex->left ? Kind::NoCompleteAnswer : Kind::NotSent;
        out.failure = ex->left ? Failure::Timeout : Failure::ConnectTimeout;
    } else if (statusAttr.isValid() && (error == QNetworkReply::NoError || error >= QNetworkReply::ContentAccessDenied)) {
        // An HTTP answer, whatever its status (QNAM reports 4xx/5xx as "errors" >= 200).
        out.kind = Kind::Answered;
        out.failure = Failure::None;
        out.status = statusAttr.toInt();
        out.headers = reply->rawHeaderPairs();
        out.body = std::move(ex->body);
    } else {
        switch (error) {
        case QNetworkReply::HostNotFoundError:
            out.kind = Kind::NotSent;
            out.failure = Failure::HostNotFound;
            break;
        case QNetworkReply::ConnectionRefusedError:
            out.kind = Kind::NotSent;
            out.failure = Failure::ConnectionRefused;
            break;
        case QNetworkReply::SslHandshakeFailedError:
            out.kind = Kind::NotSent; // the request is written only after the handshake
            out.failure = Failure::TlsHandshake;
            break;
        case QNetworkReply::ContentReSendError: // Qt wanted to resend; OneShotBody refused
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
            out.kind = ex->left ? Kind::NoCompleteAnswer : Kind::NotSent;
            out.failure = ex->left ? Failure::ConnectionReset : Failure::ConnectionRefused;
            break;
        default:
            // Unknown: assume the provider may have acted (never a false "not sent").
            out.kind = !ex->tlsErrors.isEmpty() && !ex->left ? Kind::NotSent : Kind::NoCompleteAnswer;
            out.failure = !ex->tlsErrors.isEmpty() && !ex->left ? Failure::TlsHandshake : Failure::Other;
            break;
        }
    }
    qCDebug(lcHttp) << reply->request().url().toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)
                    << "kind" << int(out.kind) << HttpOutcome::failureName(out.failure) << out.status
                    << out.elapsedMs << "ms";
    ex->promise->addResult(std::move(out));
    ex->promise->finish();
}

} // namespace

HttpWorker::HttpWorker(TlsOptions tls, bool allowHttp2)
    : m_tls(std::move(tls))
    , m_allowHttp2(allowHttp2)
{
}

QNetworkAccessManager *HttpWorker::manager()
{
    // Created lazily so that it is born in (and owned by) the worker's thread.
    if (!m_manager) {
        m_manager = new QNetworkAccessManager(this);
        m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_manager->setCookieJar(nullptr);
    }
    return m_manager;
}

void HttpWorker::start(HttpRequest request, std::shared_ptr<QPromise<HttpOutcome>> promise)
{
    QNetworkRequest req(request.url);
    for (const auto &[name, value] : std::as_const(request.headers))
        req.setRawHeader(name, value);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_allowHttp2);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(0); // our own timers decide, so we know which phase timed out
    if (request.url.scheme() == QLatin1String("https")) {
        req.setSslConfiguration(tlsConfiguration(m_tls));
        if (!m_tls.peerVerifyName.isEmpty())
            req.setPeerVerifyName(m_tls.peerVerifyName);
    }

    QNetworkReply *reply = nullptr;
    if (request.body.isEmpty() && (request.method == "GET" || request.method == "DELETE")) {
        reply = manager()->sendCustomRequest(req, request.method);
    } else {
        // QNAM silently resends a request whose connection closes before the answer, POST
        // included: a payment could reach the provider twice. A body that cannot be rewound
        // (and is not buffered) makes that resend fail with ContentReSendError instead.
        req.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(request.body);
        reply = manager()->sendCustomRequest(req, request.method, body);
        body->setParent(reply);
    }

    auto *ex = new Exchange;
    ex->setParent(reply);
    ex->promise = std::move(promise);
    ex->maxBodyBytes = request.maxBodyBytes;
    ex->clock.start();

    auto *total = new QTimer(reply);
    total->setSingleShot(true);
    QObject::connect(total, &QTimer::timeout, reply, [reply, ex] {
        ex->timedOut = true;
        reply->abort();
    });
    total->start(request.timeoutMs);

    ex->connectTimer = new QTimer(reply);
    ex->connectTimer->setSingleShot(true);
    ex->connectTimer->setInterval(request.connectTimeoutMs);
    QObject::connect(ex->connectTimer, &QTimer::timeout, reply, [reply, ex] {
        if (!ex->left) {
            ex->connectTimedOut = true;
            reply->abort();
        }
    });
    // A reused keep-alive connection never "starts connecting": only the total timeout applies.
    QObject::connect(reply, &QNetworkReply::socketStartedConnecting, ex->connectTimer, qOverload<>(&QTimer::start));

    auto markLeft = [ex] {
        ex->left = true;
        ex->connectTimer->stop();
    };
    QObject::connect(reply, &QNetworkReply::requestSent, reply, markLeft);
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [markLeft](qint64 sent, qint64) {
        if (sent > 0)
            markLeft();
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, ex, markLeft] {
        markLeft(); // an answer started: the request certainly left
        ex->answerStarted = true;
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > ex->maxBodyBytes) {
            ex->tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, ex] {
        if (ex->tooLarge)
            return;
        ex->body += reply->read(ex->maxBodyBytes + 1 - ex->body.size());
        if (ex->body.size() > ex->maxBodyBytes) {
            ex->tooLarge = true;
            ex->body.clear();
            reply->abort();
        }
    });
    // Emitted after the handshake and before any request byte is written (Qt documents this),
    // so aborting here guarantees nothing reached a server whose key we do not trust.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [this, reply, ex] {
        if (m_tls.publicKeyPins.isEmpty())
            return;
        const QByteArray pin = TlsOptions::pinOf(reply->sslConfiguration().peerCertificate());
        if (!m_tls.publicKeyPins.contains(pin)) {
            ex->pinMismatch = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [this, reply, ex](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            ex->tlsErrors << e.errorString();
        if (!m_tls.allowedErrors.isEmpty())
            reply->ignoreSslErrors(m_tls.allowedErrors); // only these exact errors
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, ex] {
        finish(reply, ex);
        reply->deleteLater();
    });
}

} // namespace okla::services::http
