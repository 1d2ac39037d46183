#pragma once

#include <functional>
#include <memory>
#include <utility>

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>

class QTcpServer;
class QTcpSocket;

namespace okla::sandbox {

using SimHeaders = QList<std::pair<QByteArray, QByteArray>>;

/// One parsed HTTP/1.1 request. Header names are lower case.
struct SimRequest
{
    QByteArray method;
    QByteArray path;   ///< percent-decoded path without the query
    QByteArray query;  ///< raw query string (after '?'), may be empty
    SimHeaders headers;
    QByteArray body;
    bool encrypted = false;
    QList<QSslCertificate> peerCertificateChain; ///< TLS client certificate chain (may be empty)
    QHostAddress peerAddress;

    QByteArray header(const QByteArray &lowerName) const;
};

struct SimResponse
{
    int status = 200;
    SimHeaders headers;
    QByteArray body;

    static SimResponse json(int status, const QJsonDocument &document, SimHeaders extra = {});
};

class SimConnection;

/// A request waiting for its answer. The handler may answer at once, later (injected latency),
/// abort the connection (injected reset) or never answer (timeout after commit).
class SimExchange
{
public:
    const SimRequest &request() const { return m_request; }
    void reply(const SimResponse &response);
    /// Closes the TCP connection without an answer (the client sees a reset/closed connection).
    void reset();
    /// Never answers: the connection stays open and silent until the client gives up.
    void drop();
    bool answered() const { return m_done; }

private:
    friend class SimConnection;
    SimRequest m_request;
    QPointer<SimConnection> m_connection;
    bool m_done = false;
};
using SimExchangePtr = std::shared_ptr<SimExchange>;

/// A small HTTP/1.1 server (keep-alive, Content-Length bodies) over QTcpServer or QSslServer.
/// Written here rather than on QHttpServer 6.4 because the simulators must reset connections,
/// withhold answers and read the TLS client certificate of each request.
class SimHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const SimExchangePtr &)>;

    explicit SimHttpServer(Handler handler, QObject *parent = nullptr);
    ~SimHttpServer() override;

    /// TLS for every connection (call before listen()); the handshake completes before requests.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const;
    void close();

private:
    void acceptPending();

    Handler m_handler;
    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QSslConfiguration m_tlsConfiguration;
};

} // namespace okla::sandbox
