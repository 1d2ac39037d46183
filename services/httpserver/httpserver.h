#pragma once

#include "models/http/httprequest.h"
#include "models/result.h"

#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace okla::services {

/// What a route answers.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers (never Content-Length)

    static HttpResponse text(int status, const QByteArray &body);
    static HttpResponse json(int status, const QByteArray &body);
};

/// The worker's small HTTP/1.1 server: `/healthz`, `/metrics` and the Stripe webhook endpoint
/// (docs/worker.md §2). It lives on the thread that creates it, which needs an event loop;
/// handlers run there, one request at a time per server. Keep-alive and pipelining are served;
/// requests are parsed by models::HttpRequestParser (bounded, strict), a connection idle for
/// 10 s is closed, and at most 256 connections are open at once.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const models::HttpRequest &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    /// Exact path match; the same path may have one handler per method.
    void route(const QByteArray &method, const QByteArray &path, Handler handler);
    void setMaxBodyBytes(qsizetype bytes) { m_maxBody = bytes; }

    /// Port 0 picks a free one. Fails with `http.listen` and the system's reason.
    models::Result<quint16> listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    void close();

    static QByteArray reasonPhrase(int status);

private:
    void accept();
    void serve(QTcpSocket *socket);
    void write(QTcpSocket *socket, const HttpResponse &response, bool keepAlive);
    HttpResponse dispatch(const models::HttpRequest &request) const;

    struct Route
    {
        QByteArray method;
        QByteArray path;
        Handler handler;
    };
    QTcpServer *m_server;
    QList<Route> m_routes;
    qsizetype m_maxBody = 1024 * 1024;
    int m_open = 0;
};

} // namespace okla::services
