#include <QtTest>

#include "services/httpserver/httpserver.h"

#include <QTcpSocket>
#include <QThread>

using okla::models::HttpRequest;
using okla::services::HttpResponse;
using okla::services::HttpServer;

namespace {

// Reads one whole response (head + Content-Length body) from a blocking client socket.
QByteArray readResponse(QTcpSocket &socket)
{
    QByteArray got;
    while (!got.contains("\r\n\r\n") && socket.waitForReadyRead(3000))
        got += socket.readAll();
    const qsizetype headEnd = got.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return got;
    const qsizetype lengthAt = got.toLower().indexOf("content-length: ");
    const qsizetype length = got.mid(lengthAt + 16, got.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
    while (got.size() < headEnd + 4 + length && socket.waitForReadyRead(3000))
        got += socket.readAll();
    return got;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT
private:
    QThread m_thread;
    HttpServer *m_server = nullptr;
    quint16 m_port = 0;
    QAtomicInt m_webhookCalls;

private slots:
    void initTestCase()
    {
        // The server lives on its own thread, as in the worker, so this thread may block on sockets.
        m_server = new HttpServer;
        m_server->route("GET", "/healthz", [](const HttpRequest &) { return HttpResponse::json(200, "{\"ok\":true}"); });
        m_server->route("POST", "/webhooks/stripe", [this](const HttpRequest &r) {
            m_webhookCalls.fetchAndAddOrdered(1);
            return HttpResponse::text(200, "got " + QByteArray::number(r.body.size()) + " bytes");
        });
        m_server->setMaxBodyBytes(64);
        m_server->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(m_server, [this] {
            auto port = m_server->listen(QHostAddress::LocalHost, 0);
            m_port = port.ok() ? *port : 0;
        }, Qt::BlockingQueuedConnection);
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase()
    {
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    void getAndKeepAlive()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(3000));
        // two requests on one connection
        for (int i = 0; i < 2; ++i) {
            socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            const QByteArray answer = readResponse(socket);
            QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
            QVERIFY(answer.contains("Content-Type: application/json\r\n"));
            QVERIFY(answer.contains("Connection: keep-alive\r\n"));
            QVERIFY(answer.endsWith("{\"ok\":true}"));
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void postBody()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("POST /webhooks/stripe HTTP/1.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhe");
        socket.flush();
        QTest::qWait(50);
        socket.write("llo");
        const QByteArray answer = readResponse(socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.endsWith("got 5 bytes"));
        QVERIFY(answer.contains("Connection: close\r\n"));
        QVERIFY(socket.waitForDisconnected(3000));
    }

    void unknownPathAndWrongMethod()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET /nope HTTP/1.1\r\n\r\n");
        QVERIFY(readResponse(socket).startsWith("HTTP/1.1 404 Not Found\r\n"));
        const int before = m_webhookCalls.loadAcquire();
        socket.write("GET /webhooks/stripe HTTP/1.1\r\n\r\n");
        const QByteArray answer = readResponse(socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), answer.constData());
        QVERIFY(answer.contains("Allow: POST\r\n"));
        QCOMPARE(m_webhookCalls.loadAcquire(), before);
    }

    void badRequestsAreRefusedAndClosed()
    {
        const int before = m_webhookCalls.loadAcquire();
        for (const QByteArray &wire : {QByteArray("POST /webhooks/stripe HTTP/1.1\r\nContent-Length: 65\r\n\r\n"),
                                       QByteArray("BROKEN\r\n\r\n")}) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(socket.waitForConnected(3000));
            socket.write(wire);
            const QByteArray answer = readResponse(socket);
            QVERIFY2(answer.startsWith("HTTP/1.1 413 ") || answer.startsWith("HTTP/1.1 400 "), answer.constData());
            QVERIFY(answer.contains("Connection: close\r\n"));
            QVERIFY(socket.waitForDisconnected(3000));
        }
        // an oversized body never reached the handler
        QCOMPARE(m_webhookCalls.loadAcquire(), before);
    }

    void listenOnATakenPortFails()
    {
        HttpServer second;
        auto result = second.listen(QHostAddress::LocalHost, m_port);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("http.listen"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
