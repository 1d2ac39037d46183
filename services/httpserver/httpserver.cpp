#include "services/httpserver/httpserver.h"

#include "models/http/httprequestparser.h"
#include "models/oklatr.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace okla::services {

namespace {

constexpr int kIdleTimeoutMs = 10000;
constexpr int kMaxConnections = 256;

} // namespace

HttpResponse HttpResponse::text(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

HttpResponse HttpResponse::json(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "application/json";
    r.body = body;
    return r;
}

HttpServer::HttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::accept);
}

HttpServer::~HttpServer() = default;

void HttpServer::route(const QByteArray &method, const QByteArray &path, Handler handler)
{
    m_routes.append({method, path, std::move(handler)});
}

models::Result<quint16> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return models::makeError(QStringLiteral("http.listen"),
                                 Tr::tr("Cannot listen on %1:%2.").arg(address.toString()).arg(port),
                                 m_server->errorString());
    return m_server->serverPort();
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

void HttpServer::close()
{
    m_server->close();
}

QByteArray HttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
    }
}

void HttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_open >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
        serve(socket);
    }
}

void HttpServer::serve(QTcpSocket *socket)
{
    auto parser = std::make_shared<models::HttpRequestParser>(m_maxBody);
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->start(kIdleTimeoutMs);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::errorOccurred, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, parser, idle] {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return; // answered and closing: ignore what else arrives
        idle->start(kIdleTimeoutMs);
        QByteArray bytes = socket->readAll();
        // Several pipelined requests may have arrived at once: answer each in order.
        for (;;) {
            const auto state = parser->feed(bytes);
            bytes.clear();
            if (state == models::HttpRequestParser::State::NeedMore)
                return;
            if (state == models::HttpRequestParser::State::Refused) {
                write(socket, HttpResponse::text(parser->refusalStatus(), parser->refusalReason() + '\n'), false);
                return;
            }
            const models::HttpRequest request = parser->take();
            const bool keepAlive = request.keepAlive();
            write(socket, dispatch(request), keepAlive);
            if (!keepAlive)
                return;
        }
    });
}

HttpResponse HttpServer::dispatch(const models::HttpRequest &request) const
{
    QByteArrayList allowed;
    for (const Route &r : m_routes) {
        if (r.path != request.path)
            continue;
        if (r.method == request.method)
            return r.handler(request);
        allowed.append(r.method);
    }
    if (allowed.isEmpty())
        return HttpResponse::text(404, "not found\n");
    HttpResponse refused = HttpResponse::text(405, "method not allowed\n");
    refused.headers.append({"Allow", allowed.join(", ")});
    return refused;
}

void HttpServer::write(QTcpSocket *socket, const HttpResponse &response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    socket->write(head + response.body);
    if (!keepAlive)
        socket->disconnectFromHost();
}

} // namespace okla::services
