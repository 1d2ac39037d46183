// The AZUL simulator over real HTTPS with mutual TLS, in its own okla-sim process on free ports
// with a throwaway database (docs/providers.md §3-§7, §18).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "sandbox/sims/simprocess.h"
#include "sandbox/sims/simtestenvironment.h"
#include "services/database/pgconnection.h"

using namespace okla::sandbox;

class TestAzulSimulator : public QObject
{
    Q_OBJECT

private:
    SimTestEnvironment m_env;
    SimProcess m_sim;
    SimHttpClient m_client;
    int m_order = 0;

    QString certDir() const { return m_env.options().certDir; }

    QJsonObject call(const QString &word, QJsonObject body, int *httpStatus = nullptr, int timeoutMs = 15000)
    {
        body.insert(QStringLiteral("Channel"), QStringLiteral("EC"));
        body.insert(QStringLiteral("Store"), QStringLiteral("39038540035"));
        const QUrl url(m_sim.azulUrl() + (word.isEmpty() ? QString() : u'?' + word));
        const SimHttpReply r = m_client.send("POST", url, QJsonDocument(body).toJson(),
                                             {{"Content-Type", "application/json"}, {"Auth1", SimTestEnvironment::kAuth1},
                                              {"Auth2", SimTestEnvironment::kAuth2}}, timeoutMs);
        if (httpStatus)
            *httpStatus = r.status;
        return QJsonDocument::fromJson(r.body).object();
    }

    QString newOrderId() { return QStringLiteral("test-%1-%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(++m_order); }

    QJsonObject sale(const QString &pan, qint64 amount, const QString &customOrderId, const QString &type = QStringLiteral("Sale"))
    {
        return call({}, {{QStringLiteral("CardNumber"), pan}, {QStringLiteral("Expiration"), QStringLiteral("202812")},
                         {QStringLiteral("CVC"), QStringLiteral("123")}, {QStringLiteral("TrxType"), type},
                         {QStringLiteral("Amount"), QString::number(amount)}, {QStringLiteral("Itbis"), QString::number(amount * 18 / 118)},
                         {QStringLiteral("CustomOrderId"), customOrderId}, {QStringLiteral("OrderNumber"), QString()}});
    }

    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        SimHttpClient plain;
        plain.setSslConfiguration(SimHttpClient::tlsFor(certDir() + QStringLiteral("/ca.pem")));
        const SimHttpReply r = plain.send(method, QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_sim.azulPort()).arg(path)),
                                          QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}});
        return QJsonDocument::fromJson(r.body).object();
    }

    void advanceClock(qint64 seconds)
    {
        control("POST", QStringLiteral("/_sim/clock"), {{QStringLiteral("advance_seconds"), double(seconds)}});
    }

private slots:
    void initTestCase()
    {
        const auto prepared = m_env.prepare();
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().toString()));
        const auto started = m_sim.start(m_env.options());
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_client.setSslConfiguration(SimHttpClient::tlsFor(certDir() + QStringLiteral("/ca.pem"), certDir() + QStringLiteral("/client.pem"),
                                                           certDir() + QStringLiteral("/client.key")));
    }

    void init()
    {
        control("DELETE", QStringLiteral("/_sim/faults"));
        control("POST", QStringLiteral("/_sim/clock"), {{QStringLiteral("reset"), true}});
    }

    void cardsApproveAndDecline_data()
    {
        QTest::addColumn<QString>("pan");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("isoCode");
        QTest::addColumn<QString>("errorDescription");
        QTest::newRow("mastercard approves") << "5424180279791732" << qint64(118000) << "00" << "";
        QTest::newRow("discover approves") << "6011000990099818" << qint64(5000) << "00" << "";
        QTest::newRow("4005 up to 75.00") << "4005520000000129" << qint64(7500) << "00" << "";
        QTest::newRow("4005 above 75.00") << "4005520000000129" << qint64(7501) << "51" << "";
        QTest::newRow("decline rule 51") << "4999990000000510" << qint64(1000) << "51" << "";
        QTest::newRow("decline rule 91") << "4999990000000916" << qint64(1000) << "91" << "";
        QTest::newRow("luhn invalid") << "4999990000000511" << qint64(1000) << "99" << "SGS-002303: Invalid credit card number";
    }

    void cardsApproveAndDecline()
    {
        QFETCH(QString, pan);
        QFETCH(qint64, amount);
        QFETCH(QString, isoCode);
        QFETCH(QString, errorDescription);
        // given a fresh order id / when the sale is sent
        const QJsonObject r = sale(pan, amount, newOrderId());
        // then
        QCOMPARE(r.value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("ISO8583"));
        QCOMPARE(r.value(QStringLiteral("IsoCode")).toString(), isoCode);
        QCOMPARE(r.value(QStringLiteral("ErrorDescription")).toString(), errorDescription);
        QVERIFY(!r.value(QStringLiteral("AzulOrderId")).toString().isEmpty());
        QCOMPARE(r.value(QStringLiteral("AuthorizationCode")).toString().isEmpty(), isoCode != QLatin1String("00"));
    }

    void requestErrors()
    {
        int status = 0;
        // given an amount with a decimal point / then VALIDATION_ERROR:Amount
        QJsonObject r = call({}, {{QStringLiteral("TrxType"), QStringLiteral("Sale")}, {QStringLiteral("CardNumber"), QStringLiteral("5424180279791732")},
                                  {QStringLiteral("Expiration"), QStringLiteral("202812")}, {QStringLiteral("Amount"), QStringLiteral("12.50")},
                                  {QStringLiteral("Itbis"), QStringLiteral("0")}}, &status);
        QCOMPARE(r.value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("VALIDATION_ERROR:Amount"));
        QCOMPARE(r.value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("Error"));
        // given an expired card
        r = call({}, {{QStringLiteral("TrxType"), QStringLiteral("Sale")}, {QStringLiteral("CardNumber"), QStringLiteral("5424180279791732")},
                      {QStringLiteral("Expiration"), QStringLiteral("202001")}, {QStringLiteral("Amount"), 1000}, {QStringLiteral("Itbis"), 0}});
        QCOMPARE(r.value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("VALIDATION_ERROR:ExpirationPassed"));
        // when amounts are JSON integers and keys have another case, it still works
        r = call({}, {{QStringLiteral("trxtype"), QStringLiteral("Sale")}, {QStringLiteral("CARDNUMBER"), QStringLiteral("5424180279791732")},
                      {QStringLiteral("expiration"), QStringLiteral("202812")}, {QStringLiteral("amount"), 1000}, {QStringLiteral("itbis"), 0},
                      {QStringLiteral("customorderid"), newOrderId()}});
        QCOMPARE(r.value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        // GET is refused
        const SimHttpReply get = m_client.send("GET", QUrl(m_sim.azulUrl()), {}, {{"Auth1", SimTestEnvironment::kAuth1}, {"Auth2", SimTestEnvironment::kAuth2}});
        QCOMPARE(QJsonDocument::fromJson(get.body).object().value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("INVALID_HTTP_METHOD"));
        // missing and wrong Auth headers
        SimHttpReply noAuth = m_client.send("POST", QUrl(m_sim.azulUrl()), "{}", {{"Auth1", SimTestEnvironment::kAuth1}});
        QCOMPARE(QJsonDocument::fromJson(noAuth.body).object().value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("MISSING_AUTH_HEADER:Auth2"));
        noAuth = m_client.send("POST", QUrl(m_sim.azulUrl()), "{}", {{"Auth1", "wrong"}, {"Auth2", "wrong"}});
        QCOMPARE(QJsonDocument::fromJson(noAuth.body).object().value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("INVALID_AUTH:Auth"));
        // malformed JSON
        const SimHttpReply bad = m_client.send("POST", QUrl(m_sim.azulUrl()), "{\"Amount\":", {{"Auth1", SimTestEnvironment::kAuth1}, {"Auth2", SimTestEnvironment::kAuth2}});
        QCOMPARE(QJsonDocument::fromJson(bad.body).object().value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("PARSING_ERROR"));
    }

    void clientCertificateRequired()
    {
        const QByteArray body = R"({"Channel":"EC","Store":"39038540035","CustomOrderId":"x"})";
        const QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}, {"Auth1", SimTestEnvironment::kAuth1},
                                                               {"Auth2", SimTestEnvironment::kAuth2}};
        // given no client certificate / then MISSING_CLIENT_CERT
        SimHttpClient noCert;
        noCert.setSslConfiguration(SimHttpClient::tlsFor(certDir() + QStringLiteral("/ca.pem")));
        SimHttpReply r = noCert.send("POST", QUrl(m_sim.azulUrl() + QStringLiteral("?VerifyPayment")), body, headers);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("MISSING_CLIENT_CERT"));
        // given a certificate signed by another CA / then INVALID_CLIENT_CERT
        const QString other = m_env.dir() + QStringLiteral("/other");
        QDir().mkpath(other);
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), other + QStringLiteral("/k.pem"),
                                                  QStringLiteral("-out"), other + QStringLiteral("/c.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                                  QStringLiteral("-subj"), QStringLiteral("/CN=intruder.local")});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        SimHttpClient foreign;
        foreign.setSslConfiguration(SimHttpClient::tlsFor(certDir() + QStringLiteral("/ca.pem"), other + QStringLiteral("/c.pem"), other + QStringLiteral("/k.pem")));
        r = foreign.send("POST", QUrl(m_sim.azulUrl() + QStringLiteral("?VerifyPayment")), body, headers);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("INVALID_CLIENT_CERT"));
    }

    void voidWindowFollowsTheClock()
    {
        // given a sale 21 minutes old on the simulator's clock
        const QJsonObject old = sale(QStringLiteral("5424180279791732"), 10000, newOrderId());
        advanceClock(21 * 60);
        // when it is voided / then AZUL refuses: past the 20-minute window
        QJsonObject r = call(QStringLiteral("ProcessVoid"), {{QStringLiteral("AzulOrderId"), old.value(QStringLiteral("AzulOrderId"))}});
        QCOMPARE(r.value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("Error"));
        QCOMPARE(r.value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("Original transaction is invalid or has already been voided"));
        // given a fresh sale / when voided within 20 minutes / then approved, and VerifyPayment says Void
        const QString orderId = newOrderId();
        const QJsonObject fresh = sale(QStringLiteral("5424180279791732"), 10000, orderId);
        advanceClock(19 * 60);
        r = call(QStringLiteral("ProcessVoid"), {{QStringLiteral("AzulOrderId"), fresh.value(QStringLiteral("AzulOrderId"))}});
        QCOMPARE(r.value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        r = call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), orderId}});
        QCOMPARE(r.value(QStringLiteral("TransactionType")).toString(), QStringLiteral("Void"));
        // a second void is refused
        r = call(QStringLiteral("ProcessVoid"), {{QStringLiteral("AzulOrderId"), fresh.value(QStringLiteral("AzulOrderId"))}});
        QCOMPARE(r.value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("Error"));
        // a Hold can be voided any time
        const QJsonObject hold = sale(QStringLiteral("5424180279791732"), 5000, newOrderId(), QStringLiteral("Hold"));
        advanceClock(3 * 24 * 3600);
        r = call(QStringLiteral("ProcessVoid"), {{QStringLiteral("AzulOrderId"), hold.value(QStringLiteral("AzulOrderId"))}});
        QCOMPARE(r.value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
    }

    void refundsUpToTheRemainder()
    {
        // given a 100.00 sale
        const QJsonObject s = sale(QStringLiteral("5424180279791732"), 10000, newOrderId());
        const QJsonValue id = s.value(QStringLiteral("AzulOrderId"));
        auto refund = [&](qint64 amount) {
            return call({}, {{QStringLiteral("TrxType"), QStringLiteral("Refund")}, {QStringLiteral("AzulOrderId"), id},
                             {QStringLiteral("Amount"), QString::number(amount)}, {QStringLiteral("Itbis"), QStringLiteral("000")},
                             {QStringLiteral("CustomOrderId"), newOrderId()}});
        };
        // when 60.00 then 50.00 are refunded / then the second exceeds the remainder
        QCOMPARE(refund(6000).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        const QJsonObject over = refund(5000);
        QCOMPARE(over.value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("Error"));
        QCOMPARE(over.value(QStringLiteral("ErrorDescription")).toString(),
                 QStringLiteral("Original transaction is invalid, exceeds original amount or has already been returned"));
        // the exact remainder passes, then nothing is left
        QCOMPARE(refund(4000).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        QCOMPARE(refund(1).value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("Error"));
        // with the one-refund switch a second partial refund is refused
        control("POST", QStringLiteral("/_sim/config"), {{QStringLiteral("one_refund"), true}});
        const QJsonValue other = sale(QStringLiteral("5424180279791732"), 10000, newOrderId()).value(QStringLiteral("AzulOrderId"));
        auto refundOther = [&](qint64 amount) {
            return call({}, {{QStringLiteral("TrxType"), QStringLiteral("Refund")}, {QStringLiteral("AzulOrderId"), other},
                             {QStringLiteral("Amount"), amount}, {QStringLiteral("Itbis"), 0}});
        };
        QCOMPARE(refundOther(1000).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        QCOMPARE(refundOther(1000).value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("Error"));
        control("POST", QStringLiteral("/_sim/config"), {{QStringLiteral("one_refund"), false}});
        // after six months a refund is refused
        const QJsonValue aged = sale(QStringLiteral("5424180279791732"), 10000, newOrderId()).value(QStringLiteral("AzulOrderId"));
        advanceClock(190 * 24 * 3600);
        const QJsonObject late = call({}, {{QStringLiteral("TrxType"), QStringLiteral("Refund")}, {QStringLiteral("AzulOrderId"), aged},
                                           {QStringLiteral("Amount"), 100}, {QStringLiteral("Itbis"), 0}});
        QCOMPARE(late.value(QStringLiteral("ResponseCode")).toString(), QStringLiteral("Error"));
    }

    void holdAndPost()
    {
        const QJsonValue hold = sale(QStringLiteral("5424180279791732"), 10000, newOrderId(), QStringLiteral("Hold")).value(QStringLiteral("AzulOrderId"));
        QJsonObject r = call(QStringLiteral("ProcessPost"), {{QStringLiteral("AzulOrderId"), hold}, {QStringLiteral("Amount"), 11600}, {QStringLiteral("Itbis"), 0}});
        QCOMPARE(r.value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("Amount to be posted cannot be greater than 15pct of original Hold/preAuth."));
        r = call(QStringLiteral("ProcessPost"), {{QStringLiteral("AzulOrderId"), hold}, {QStringLiteral("Amount"), 11500}, {QStringLiteral("Itbis"), 0}});
        QCOMPARE(r.value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        r = call(QStringLiteral("ProcessPost"), {{QStringLiteral("AzulOrderId"), hold}, {QStringLiteral("Amount"), 100}, {QStringLiteral("Itbis"), 0}});
        QCOMPARE(r.value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("Original transaction is invalid or has already been posted"));
    }

    void dataVaultTokens()
    {
        QJsonObject r = call(QStringLiteral("ProcessDatavault"), {{QStringLiteral("TrxType"), QStringLiteral("CREATE")},
                                                                  {QStringLiteral("CardNumber"), QStringLiteral("4999990000000510")},
                                                                  {QStringLiteral("Expiration"), QStringLiteral("202812")}});
        const QString token = r.value(QStringLiteral("DataVaultToken")).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(r.value(QStringLiteral("CardNumber")).toString(), QStringLiteral("499999******0510"));
        QCOMPARE(r.value(QStringLiteral("HasCVV")).toBool(), false);
        // a token sale follows the card's rule (51)
        auto tokenSale = [&] {
            return call({}, {{QStringLiteral("TrxType"), QStringLiteral("Sale")}, {QStringLiteral("DataVaultToken"), token},
                             {QStringLiteral("CardNumber"), QString()}, {QStringLiteral("Expiration"), QString()},
                             {QStringLiteral("Amount"), 1000}, {QStringLiteral("Itbis"), 0}, {QStringLiteral("CustomOrderId"), newOrderId()}});
        };
        QCOMPARE(tokenSale().value(QStringLiteral("IsoCode")).toString(), QStringLiteral("51"));
        r = call(QStringLiteral("ProcessDatavault"), {{QStringLiteral("TrxType"), QStringLiteral("DELETE")}, {QStringLiteral("DataVaultToken"), token}});
        QCOMPARE(r.value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        QCOMPARE(tokenSale().value(QStringLiteral("ErrorDescription")).toString(), QStringLiteral("DataVault TokenId does not exist."));
    }

    void timeoutAfterCommitKeepsTheSale()
    {
        // given a fault: the next Sale is committed but never answered
        control("POST", QStringLiteral("/_sim/faults"), {{QStringLiteral("operation"), QStringLiteral("Sale")},
                                                         {QStringLiteral("kind"), QStringLiteral("timeout_after_commit")}, {QStringLiteral("count"), 1}});
        const QString orderId = newOrderId();
        int status = -1;
        // when the sale is sent, the client times out
        const QJsonObject r = call({}, {{QStringLiteral("TrxType"), QStringLiteral("Sale")}, {QStringLiteral("CardNumber"), QStringLiteral("5424180279791732")},
                                        {QStringLiteral("Expiration"), QStringLiteral("202812")}, {QStringLiteral("Amount"), 2500},
                                        {QStringLiteral("Itbis"), 0}, {QStringLiteral("CustomOrderId"), orderId}}, &status, 1500);
        QCOMPARE(status, 0);
        QVERIFY(r.isEmpty());
        // then VerifyPayment finds the approved sale, and it took effect exactly once
        const QJsonObject v = call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), orderId}});
        QCOMPARE(v.value(QStringLiteral("Found")).toBool(), true);
        QCOMPARE(v.value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        QCOMPARE(v.value(QStringLiteral("Amount")).toString(), QStringLiteral("2500"));
        const QJsonObject counters = control("GET", QStringLiteral("/_sim/counters"));
        const QJsonObject perKey = counters[QStringLiteral("keys")][QStringLiteral("CustomOrderId")][orderId].toObject();
        QCOMPARE(perKey.value(QStringLiteral("effects")).toInt(), 1);
        QCOMPARE(perKey.value(QStringLiteral("requests")).toInt(), 2); // the sale and the VerifyPayment
        // an unknown id is Found:false
        QCOMPARE(call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), newOrderId()}}).value(QStringLiteral("Found")).toBool(), false);
    }

    void http5xxAndResetHaveNoEffect()
    {
        control("POST", QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("operation"), QStringLiteral("Sale")},
                                                                    {QStringLiteral("kind"), QStringLiteral("http5xx")}, {QStringLiteral("count"), 1}});
        const QString first = newOrderId();
        int status = 0;
        call({}, {{QStringLiteral("TrxType"), QStringLiteral("Sale")}, {QStringLiteral("CardNumber"), QStringLiteral("5424180279791732")},
                  {QStringLiteral("Expiration"), QStringLiteral("202812")}, {QStringLiteral("Amount"), 1000},
                  {QStringLiteral("Itbis"), 0}, {QStringLiteral("CustomOrderId"), first}}, &status);
        QCOMPARE(status, 503);
        QCOMPARE(call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), first}}).value(QStringLiteral("Found")).toBool(), false);
        control("POST", QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("operation"), QStringLiteral("Sale")},
                                                                    {QStringLiteral("kind"), QStringLiteral("reset")}, {QStringLiteral("count"), 10}});
        const QString second = newOrderId();
        // QNetworkAccessManager silently resends a request when the connection closes before any
        // answer byte, so every attempt must meet a reset (count 10) for the client to see one.
        const QJsonObject r = call({}, {{QStringLiteral("TrxType"), QStringLiteral("Sale")}, {QStringLiteral("CardNumber"), QStringLiteral("5424180279791732")},
                                        {QStringLiteral("Expiration"), QStringLiteral("202812")}, {QStringLiteral("Amount"), 1000},
                                        {QStringLiteral("Itbis"), 0}, {QStringLiteral("CustomOrderId"), second}}, &status);
        QCOMPARE(status, 0);
        QVERIFY(r.isEmpty());
        control("DELETE", QStringLiteral("/_sim/faults"));
        QCOMPARE(call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), second}}).value(QStringLiteral("Found")).toBool(), false);
        const QJsonObject counters = control("GET", QStringLiteral("/_sim/counters"));
        const QJsonObject perKey = counters[QStringLiteral("keys")][QStringLiteral("CustomOrderId")][second].toObject();
        QVERIFY(perKey.value(QStringLiteral("requests")).toInt() >= 2); // the resets and the VerifyPayment
        QCOMPARE(perKey.value(QStringLiteral("effects")).toInt(), 0);
        // with the faults gone: the next sale goes through
        QCOMPARE(sale(QStringLiteral("5424180279791732"), 1000, newOrderId()).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
    }

    void declineFaultOverridesTheCard()
    {
        // given a decline fault with IsoCode 91 on the next Sale
        control("POST", QStringLiteral("/_sim/faults"), {{QStringLiteral("operation"), QStringLiteral("Sale")},
                                                         {QStringLiteral("kind"), QStringLiteral("decline")},
                                                         {QStringLiteral("decline_code"), QStringLiteral("91")}, {QStringLiteral("count"), 1}});
        // when an approving card is charged twice / then the first declines with 91, the second approves
        QCOMPARE(sale(QStringLiteral("5424180279791732"), 1000, newOrderId()).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("91"));
        QCOMPARE(sale(QStringLiteral("5424180279791732"), 1000, newOrderId()).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        // and control endpoints list no fault left
        QCOMPARE(control("GET", QStringLiteral("/_sim/faults")).value(QStringLiteral("faults")).toArray().size(), 0);
    }

    void recoversFromATerminatedBackend()
    {
        // given an approved sale
        const QString orderId = newOrderId();
        QCOMPARE(sale(QStringLiteral("5424180279791732"), 3100, orderId).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        // when PostgreSQL terminates the simulator's backends
        auto admin = okla::services::PgConnection::open(m_env.adminConninfo());
        QVERIFY(admin.ok());
        const auto killed = admin->exec(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1"),
                                        {m_env.databaseName()});
        QVERIFY(killed.ok());
        QVERIFY(killed->toInt64(0, 0) >= 1);
        // then a lookup never says "not found" for a sale that exists: an error at worst, then found
        const QJsonObject first = call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), orderId}});
        QVERIFY2(first.value(QStringLiteral("Found")).toBool() || first.value(QStringLiteral("ErrorDescription")).toString() == QLatin1String("PROCESSING_ERROR"),
                 QJsonDocument(first).toJson().constData());
        const QJsonObject second = call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), orderId}});
        QCOMPARE(second.value(QStringLiteral("Found")).toBool(), true);
    }

    void stateSurvivesARestart()
    {
        // given an approved sale
        const QString orderId = newOrderId();
        QCOMPARE(sale(QStringLiteral("5424180279791732"), 4200, orderId).value(QStringLiteral("IsoCode")).toString(), QStringLiteral("00"));
        // when the process is stopped and started again on the same database
        m_sim.stop();
        const auto started = m_sim.start(m_env.options());
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        // then VerifyPayment still finds it
        const QJsonObject v = call(QStringLiteral("VerifyPayment"), {{QStringLiteral("CustomOrderId"), orderId}});
        QCOMPARE(v.value(QStringLiteral("Found")).toBool(), true);
        QCOMPARE(v.value(QStringLiteral("Amount")).toString(), QStringLiteral("4200"));
    }

    void cleanupTestCase()
    {
        m_sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestAzulSimulator)
#include "tst_azulsimulator.moc"
