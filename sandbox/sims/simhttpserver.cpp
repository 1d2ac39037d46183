#include "sandbox/sims/simhttpserver.h"

#include <QLoggingCategory>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

Q_LOGGING_CATEGORY(lcSimHttp, "okla.sandbox.sims.http", QtInfoMsg)

namespace okla::sandbox {

namespace {
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}
} // namespace

QByteArray SimRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

SimResponse SimResponse::json(int status, const QJsonDocument &document, SimHeaders extra)
{
    SimResponse r;
    r.status = status;
    r.headers = std::move(extra);
    r.headers.emplaceBack("Content-Type", "application/json");
    r.body = document.toJson(QJsonDocument::Compact);
    return r;
}

/// One client connection: parses requests one after the other and writes their answers in order.
class SimConnection : public QObject
{
public:
    SimConnection(QTcpSocket *socket, SimHttpServer::Handler *handler, QObject *parent)
        : QObject(parent), m_socket(socket), m_handler(handler)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &SimConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
            m_encrypted = ssl->isEncrypted();
            m_peerChain = ssl->peerCertificateChain();
        }
        onReadyRead();
    }

    void answer(SimExchange *exchange, const SimResponse &response)
    {
        Q_UNUSED(exchange);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                         + reasonPhrase(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += m_closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
        out += response.body;
        m_socket->write(out);
        m_busy = false;
        if (m_closeAfter) {
            m_socket->disconnectFromHost();
            return;
        }
        if (!m_buffer.isEmpty())
            QMetaObject::invokeMethod(this, &SimConnection::onReadyRead, Qt::QueuedConnection);
    }

    void abortConnection() { m_socket->abort(); deleteLater(); }
    void stayQuiet() { m_quiet = true; }

private:
    void sendError(int status)
    {
        m_closeAfter = true;
        SimResponse r;
        r.status = status;
        answer(nullptr, r);
    }

    void onReadyRead()
    {
        if (m_quiet) {
            m_socket->readAll();
            return;
        }
        m_buffer += m_socket->readAll();
        if (m_busy)
            return;
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > kMaxHeaderBytes)
                sendError(431);
            return;
        }
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            sendError(400);
            return;
        }
        auto exchange = std::make_shared<SimExchange>();
        SimRequest &req = exchange->m_request;
        req.method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        const qsizetype q = target.indexOf('?');
        req.path = QByteArray::fromPercentEncoding(q < 0 ? target : target.left(q));
        req.query = q < 0 ? QByteArray() : target.mid(q + 1);
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            req.headers.emplaceBack(name, value);
            if (name == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0) {
                    sendError(400);
                    return;
                }
            } else if (name == "transfer-encoding" && value.toLower() != "identity") {
                sendError(411); // chunked bodies are not needed by any client of the simulators
                return;
            }
        }
        if (contentLength > kMaxBodyBytes) {
            sendError(413);
            return;
        }
        if (m_buffer.size() < headerEnd + 4 + contentLength)
            return; // wait for the rest of the body
        req.body = m_buffer.mid(headerEnd + 4, contentLength);
        m_buffer.remove(0, headerEnd + 4 + contentLength);
        const QByteArray connectionHeader = req.header("connection").toLower();
        m_closeAfter = requestLine.at(2) == "HTTP/1.0" ? connectionHeader != "keep-alive"
                                                       : connectionHeader == "close";
        req.encrypted = m_encrypted;
        req.peerCertificateChain = m_peerChain;
        req.peerAddress = m_socket->peerAddress();
        exchange->m_connection = this;
        m_busy = true;
        (*m_handler)(exchange);
    }

    QTcpSocket *m_socket;
    SimHttpServer::Handler *m_handler;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closeAfter = false;
    bool m_quiet = false;
    bool m_encrypted = false;
    QList<QSslCertificate> m_peerChain;
};

void SimExchange::reply(const SimResponse &response)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->answer(this, response);
}

void SimExchange::reset()
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->abortConnection();
}

void SimExchange::drop()
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->stayQuiet();
}

SimHttpServer::SimHttpServer(Handler handler, QObject *parent)
    : QObject(parent), m_handler(std::move(handler))
{
}

SimHttpServer::~SimHttpServer() = default;

void SimHttpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = true;
    m_tlsConfiguration = configuration;
}

bool SimHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(m_tlsConfiguration);
        ssl->setHandshakeTimeout(10000);
        connect(ssl, &QSslServer::errorOccurred, this, [](QSslSocket *, QAbstractSocket::SocketError error) {
            qCDebug(lcSimHttp) << "TLS connection error" << error;
        });
        m_server = ssl;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &SimHttpServer::acceptPending);
    connect(m_server, &QTcpServer::newConnection, this, &SimHttpServer::acceptPending);
    return m_server->listen(address, port);
}

void SimHttpServer::acceptPending()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (socket)
            new SimConnection(socket, &m_handler, this);
    }
}

quint16 SimHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString SimHttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

void SimHttpServer::close()
{
    if (m_server)
        m_server->close();
}

} // namespace okla::sandbox
