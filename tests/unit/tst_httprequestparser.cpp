#include <QtTest>

#include "models/http/httprequestparser.h"

using okla::models::HttpRequest;
using okla::models::HttpRequestParser;
using State = HttpRequestParser::State;

class TestHttpRequestParser : public QObject
{
    Q_OBJECT
private slots:
    void simpleGet()
    {
        HttpRequestParser parser;
        QCOMPARE(parser.feed("GET /metrics?x=1 HTTP/1.1\r\nHost: a\r\nAccept:  text/plain \r\n\r\n"), State::Complete);
        const HttpRequest r = parser.take();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QByteArray("/metrics"));
        QCOMPARE(r.query, QByteArray("x=1"));
        QCOMPARE(r.header("accept"), QByteArray("text/plain"));
        QCOMPARE(r.header("host"), QByteArray("a"));
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.keepAlive());
    }

    void bytesArriveOneByOne()
    {
        // given a POST with a body, delivered a byte at a time
        const QByteArray wire = "POST /webhooks/stripe HTTP/1.1\r\nContent-Length: 11\r\nStripe-Signature: t=1,v1=ab\r\n\r\n{\"id\":\"e\"}\n";
        HttpRequestParser parser;
        for (qsizetype i = 0; i + 1 < wire.size(); ++i)
            QCOMPARE(parser.feed(wire.mid(i, 1)), State::NeedMore);
        // then it completes with the last byte, with the body exactly as sent
        QCOMPARE(parser.feed(wire.right(1)), State::Complete);
        const HttpRequest r = parser.take();
        QCOMPARE(r.body, QByteArray("{\"id\":\"e\"}\n"));
        QCOMPARE(r.header("stripe-signature"), QByteArray("t=1,v1=ab"));
    }

    void pipelinedRequestsComeOutInOrder()
    {
        HttpRequestParser parser;
        QCOMPARE(parser.feed("GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhiGET /c HTTP/1.0\r\n\r\n"),
                 State::Complete);
        QCOMPARE(parser.take().path, QByteArray("/a"));
        QCOMPARE(parser.feed({}), State::Complete);
        const HttpRequest b = parser.take();
        QCOMPARE(b.path, QByteArray("/b"));
        QCOMPARE(b.body, QByteArray("hi"));
        QCOMPARE(parser.feed({}), State::Complete);
        const HttpRequest c = parser.take();
        QCOMPARE(c.path, QByteArray("/c"));
        QVERIFY(!c.keepAlive()); // HTTP/1.0 without keep-alive
        QCOMPARE(parser.feed({}), State::NeedMore);
    }

    void connectionClose()
    {
        HttpRequestParser parser;
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n"), State::Complete);
        QVERIFY(!parser.take().keepAlive());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("http 2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("absolute target") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << 400;
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("control char") << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << 400;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("two lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2000\r\n\r\n") << 413;
        QTest::newRow("huge length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n") << 400;
        QTest::newRow("endless head") << QByteArray("GET / HTTP/1.1\r\nA: ") + QByteArray(9000, 'x') << 431;
        QByteArray many = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 65; ++i)
            many += "H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("too many headers") << many + "\r\n" << 431;
    }

    void refusals()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestParser parser(1000);
        QCOMPARE(parser.feed(wire), State::Refused);
        QCOMPARE(parser.refusalStatus(), status);
        QVERIFY(!parser.refusalReason().isEmpty());
        // and it stays refused: nothing after a bad request is trusted
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n"), State::Refused);
    }

    void leadingEmptyLinesAreSkipped()
    {
        HttpRequestParser parser;
        QCOMPARE(parser.feed("\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n"), State::Complete);
        QCOMPARE(parser.take().path, QByteArray("/healthz"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
