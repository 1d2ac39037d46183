// AzulClient and AzulPaymentFlow against the real AZUL simulator (okla-sim, mutual TLS).
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include "integration/asyncwait.h"
#include "integration/providersimfixture.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/azul/azuloperations.h"
#include "services/providers/azul/azulpaymentflow.h"
#include "services/resilience/resiliencemanager.h"

using namespace okla::services;
using namespace okla::services::azul;
using okla::models::Currency;
using okla::models::Money;
using okla::tests::await;
using Outcome = AzulResult::Outcome;
using Kind = http::HttpOutcome::Kind;
using Failure = http::HttpOutcome::Failure;

class TestAzulClient : public QObject
{
    Q_OBJECT

    okla::tests::ProviderSimFixture m_sim;
    AzulConfig m_config;
    std::unique_ptr<AzulClient> m_client;

    static AzulPayment payment(const char *pan, const char *cvc, qint64 amount, const QString &customOrderId)
    {
        AzulPayment p;
        p.amount = dop(amount);
        p.itbis = dop(amount * 18 / 118);
        p.cardNumber = QString::fromLatin1(pan);
        p.expiration = QStringLiteral("202812");
        p.cvc = QString::fromLatin1(cvc);
        p.customOrderId = customOrderId;
        return p;
    }
    static Money dop(qint64 minor) { return Money::fromMinor(minor, Currency::DOP); }
    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    /// An attempt store standing in for the attempts table (the flow calls it before each send).
    struct AttemptLog
    {
        QStringList ids;
        AzulPaymentFlow::RecordFn fn()
        {
            return [this](const QString &id, int) {
                ids << id;
                return QtFuture::makeReadyFuture(okla::models::Status());
            };
        }
    };

    std::unique_ptr<AzulClient> clientWith(const std::function<void(AzulConfig &)> &change)
    {
        AzulConfig c = m_config;
        change(c);
        return std::make_unique<AzulClient>(c);
    }

    QJsonObject customCount(const QString &customOrderId) { return m_sim.keyCount(true, QStringLiteral("CustomOrderId"), customOrderId); }

private slots:
    void initTestCase()
    {
        const QString error = m_sim.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto config = m_sim.azulConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        m_config = config.value();
        m_config.merchant.store = QStringLiteral("39038540035");
        m_client = std::make_unique<AzulClient>(m_config);
    }

    void approvedSaleThenVerify()
    {
        // given
        const QString id = newId() + QStringLiteral("-1");
        // when
        const AzulOutcome sale = await(m_client->sale(payment("5424180279791732", "732", 118000, id)));
        // then
        QCOMPARE(sale.transport, Kind::Answered);
        QVERIFY2(sale.result.approved(), qPrintable(sale.result.detail));
        QVERIFY(!sale.result.azulOrderId.isEmpty());
        QVERIFY(!sale.result.authorizationCode.isEmpty());
        const AzulOutcome verify = await(m_client->verify(id));
        QCOMPARE(verify.result.outcome, Outcome::Approved);
        QCOMPARE(verify.result.found, std::optional<bool>(true));
        QCOMPARE(verify.result.azulOrderId, sale.result.azulOrderId);
        QCOMPARE(verify.result.amount.value_or(-1), 118000);
        QVERIFY(!verify.result.maskedCardNumber.contains(QStringLiteral("5424180279791732")));
        const AzulOutcome unknown = await(m_client->verify(newId()));
        QCOMPARE(unknown.result.outcome, Outcome::NotFound);
    }

    void searchPaymentsListsTheDaysTransactions()
    {
        // given an approved sale made today
        const QString id = newId() + QStringLiteral("-1");
        const AzulOutcome sale = await(m_client->sale(payment("5424180279791732", "732", 23600, id)));
        QVERIFY(sale.result.approved());
        const QDate today = QDateTime::currentDateTimeUtc().date();
        // when searching today and tomorrow, and a day long past
        const AzulOutcome found = await(m_client->searchPayments(today.addDays(-1), today.addDays(1)));
        const AzulOutcome past = await(m_client->searchPayments(QDate(2001, 1, 1), QDate(2001, 1, 2)));
        // then the sale is listed with its amount, type and code, and nothing long past
        QVERIFY2(found.result.approved(), qPrintable(found.result.detail));
        const auto match = std::find_if(found.result.transactions.cbegin(), found.result.transactions.cend(),
                                        [&](const AzulSearchedTransaction &t) { return t.customOrderId == id; });
        QVERIFY(match != found.result.transactions.cend());
        QCOMPARE(match->azulOrderId, sale.result.azulOrderId);
        QCOMPARE(match->amount, 23600);
        QCOMPARE(match->transactionType, QStringLiteral("Sale"));
        QVERIFY(match->approved());
        QVERIFY(!match->maskedCardNumber.contains(QStringLiteral("5424180279791732")));
        QVERIFY(past.result.approved());
        QVERIFY(past.result.transactions.isEmpty());
        // and days out of order are refused before sending
        const AzulOutcome backwards = await(m_client->searchPayments(today, today.addDays(-1)));
        QCOMPARE(backwards.transport, Kind::NotSent);
    }

    void declinesCarryTheIsoReason()
    {
        const AzulOutcome funds = await(m_client->sale(payment("4999990000000510", "123", 5000, newId())));
        QCOMPARE(funds.result.outcome, Outcome::Declined);
        QCOMPARE(funds.result.isoCode, QStringLiteral("51"));
        QCOMPARE(funds.result.reasonEs, QStringLiteral("Fondos insuficientes"));
        QVERIFY(!funds.toAttemptReport().isBreakerFailure());
        const AzulOutcome issuer = await(m_client->sale(payment("4999990000000916", "123", 5000, newId())));
        QCOMPARE(issuer.result.isoCode, QStringLiteral("91"));
        QVERIFY(issuer.result.retryable);
        QCOMPARE(issuer.toAttemptReport().retryOverride, std::optional<bool>(true));
        const AzulOutcome luhn = await(m_client->sale(payment("4111111111111112", "123", 5000, newId())));
        QCOMPARE(luhn.result.outcome, Outcome::Declined);
        QCOMPARE(luhn.result.isoCode, QStringLiteral("99"));
        QVERIFY(luhn.result.errorDescription.contains(QStringLiteral("SGS-002303")));
    }

    void refundRulesAndProviderMessage()
    {
        // given an approved sale of 10,000
        const AzulOutcome sale = await(m_client->sale(payment("4260550061845872", "872", 10000, newId())));
        QVERIFY(sale.result.approved());
        // when refunding 6,000 then 5,000
        const AzulOutcome first = await(m_client->refund(sale.result.azulOrderId, dop(6000), dop(0), newId()));
        const AzulOutcome over = await(m_client->refund(sale.result.azulOrderId, dop(5000), dop(0), newId()));
        // then the first succeeds and the over-refund is a business error with AZUL's text
        QVERIFY2(first.result.approved(), qPrintable(first.result.detail));
        QCOMPARE(over.result.outcome, Outcome::Error);
        QCOMPARE(over.result.errorKind, AzulResult::ErrorKind::Business);
        QVERIFY2(over.result.errorDescription.contains(QStringLiteral("exceeds original amount")), qPrintable(over.result.errorDescription));
        QCOMPARE(over.toError().code, QStringLiteral("azul.error.business"));
    }

    void refundInDollarsNeverLeaves()
    {
        // given an approved sale of RD$100.00
        const AzulOutcome sale = await(m_client->sale(payment("4260550061845872", "872", 10000, newId())));
        QVERIFY(sale.result.approved());
        // when a refund is asked for in dollars
        const AzulOutcome refund = await(m_client->refund(sale.result.azulOrderId, Money::fromMinor(100, Currency::USD),
                                                          Money::zero(Currency::USD), newId()));
        // then nothing is sent: a request bug that names the currency
        QVERIFY(refund.neverLeft());
        QCOMPARE(refund.result.errorKind, AzulResult::ErrorKind::RequestBug);
        QCOMPARE(refund.result.errorDescription, QStringLiteral("VALIDATION_ERROR:Amount"));
        QVERIFY2(refund.result.detail.contains(QStringLiteral("USD")), qPrintable(refund.result.detail));
    }

    void holdPostVoidAndDataVault()
    {
        const AzulOutcome hold = await(m_client->hold(payment("6011000990099818", "818", 20000, newId())));
        QVERIFY2(hold.result.approved(), qPrintable(hold.result.detail));
        const AzulOutcome post = await(m_client->post(hold.result.azulOrderId, dop(20000), dop(0)));
        QVERIFY2(post.result.approved(), qPrintable(post.result.detail));
        const AzulOutcome again = await(m_client->post(hold.result.azulOrderId, dop(20000), dop(0)));
        QCOMPARE(again.result.outcome, Outcome::Error);
        const AzulOutcome voided = await(m_client->voidTransaction(post.result.azulOrderId));
        QVERIFY2(voided.result.approved(), qPrintable(voided.result.detail));

        const AzulOutcome token = await(m_client->dataVaultCreate(QStringLiteral("5413330089600119"), QStringLiteral("202812"), QStringLiteral("979")));
        QVERIFY2(token.result.approved(), qPrintable(token.result.detail));
        QVERIFY(!token.result.dataVaultToken.isEmpty());
        AzulPayment viaToken;
        viaToken.amount = dop(3000);
        viaToken.dataVaultToken = token.result.dataVaultToken;
        viaToken.customOrderId = newId();
        const AzulOutcome tokenSale = await(m_client->tokenSale(viaToken));
        QVERIFY2(tokenSale.result.approved(), qPrintable(tokenSale.result.detail));
        const AzulOutcome deleted = await(m_client->dataVaultDelete(token.result.dataVaultToken));
        QVERIFY2(deleted.result.approved(), qPrintable(deleted.result.detail));
        viaToken.customOrderId = newId();
        const AzulOutcome dead = await(m_client->tokenSale(viaToken));
        QVERIFY(!dead.result.approved());
    }

    void wrongAuthIsAConfigurationError()
    {
        auto client = clientWith([](AzulConfig &c) { c.auth2 = "wrong"; });
        const AzulOutcome out = await(client->verify(newId()));
        QCOMPARE(out.result.outcome, Outcome::Error);
        QCOMPARE(out.result.errorKind, AzulResult::ErrorKind::Configuration);
        QCOMPARE(out.toAttemptReport().retryOverride, std::optional<bool>(false));
    }

    void missingClientCertificateIsRefusedBeforeSending()
    {
        // given a client whose certificate files were missing (docs/security.md §8)
        auto client = clientWith([](AzulConfig &c) { c.tls.clientCertificate = QSslCertificate(); c.tls.clientKey = QSslKey(); });
        const QString id = newId();
        // when it is asked to call AZUL
        const AzulOutcome out = await(client->verify(id));
        // then nothing left: a configuration error, never retried, not a breaker failure
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.result.outcome, Outcome::Error);
        QCOMPARE(out.result.errorKind, AzulResult::ErrorKind::Configuration);
        QCOMPARE(out.toError().code, QStringLiteral("azul.config.mutual_tls"));
        QVERIFY(out.toAttemptReport().refusedLocally);
        QVERIFY(!out.toAttemptReport().isBreakerFailure());
        QVERIFY(customCount(id).isEmpty());
    }

    void timeoutAfterCommitIsFoundByVerifyAndNotChargedTwice()
    {
        // given the next Sale commits but never answers, and a client that gives up after 1.5 s
        m_sim.addFault(true, {{"operation", "Sale"}, {"kind", "timeout_after_commit"}, {"count", 1}});
        auto client = clientWith([](AzulConfig &c) { c.timeoutMs = 1500; });
        const QString op = newId();
        AttemptLog log;
        auto flow = AzulPaymentFlow::create(*client, op, AzulPaymentFlow::saleSender(*client, payment("5424180279791732", "732", 50000, {})),
                                            log.fn(), {200, 2});
        // when
        const AzulFlowResult result = await(flow->run());
        // then VerifyPayment found attempt 1 and nothing was resent
        QCOMPARE(result.state, AzulFlowResult::State::Succeeded);
        QCOMPARE(result.approvedAttemptId, op + QStringLiteral("-1"));
        QCOMPARE(log.ids, QStringList{op + QStringLiteral("-1")});
        QCOMPARE(result.attempts.size(), 1);
        QCOMPARE(result.attempts.first().sent->transport, Kind::NoCompleteAnswer);
        QCOMPARE(result.attempts.first().sent->failure, Failure::Timeout);
        QVERIFY(!result.approval.azulOrderId.isEmpty());
        const QJsonObject counted = customCount(op + QStringLiteral("-1"));
        QCOMPARE(counted.value("effects").toInt(), 1);
        QCOMPARE(counted.value("requests").toInt(), 2); // the Sale and its VerifyPayment
        QVERIFY(customCount(op + QStringLiteral("-2")).isEmpty());
    }

    void resetWithoutEffectIsVerifiedThenResentWithANewId()
    {
        // given the next Sale's connection is reset before it takes effect
        m_sim.addFault(true, {{"operation", "Sale"}, {"kind", "reset"}, {"count", 1}});
        const QString op = newId();
        AttemptLog log;
        auto flow = AzulPaymentFlow::create(*m_client, op, AzulPaymentFlow::saleSender(*m_client, payment("5424180279791732", "732", 7000, {})),
                                            log.fn(), {100, 2});
        // when
        const AzulFlowResult result = await(flow->run());
        // then attempt 1 was verified as not found and attempt 2 charged once
        QCOMPARE(result.state, AzulFlowResult::State::Succeeded);
        QCOMPARE(log.ids, (QStringList{op + QStringLiteral("-1"), op + QStringLiteral("-2")}));
        QCOMPARE(result.attempts.first().verified->result.outcome, Outcome::NotFound);
        QCOMPARE(result.approvedAttemptId, op + QStringLiteral("-2"));
        QCOMPARE(customCount(op + QStringLiteral("-1")).value("effects").toInt(), 0);
        // the Sale and its VerifyPayment only: QNAM's silent resend of a POST is blocked
        QCOMPARE(customCount(op + QStringLiteral("-1")).value("requests").toInt(), 2);
        QCOMPARE(result.attempts.first().sent->failure, Failure::ConnectionReset);
        QCOMPARE(customCount(op + QStringLiteral("-2")).value("effects").toInt(), 1);
    }

    void neverLeftFailsOverToTheAlternate()
    {
        // given a primary URL nobody listens on
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 deadPort = probe.serverPort();
        probe.close();
        auto client = clientWith([&](AzulConfig &c) {
            c.alternateUrl = c.primaryUrl;
            c.primaryUrl.setPort(deadPort);
        });
        const QString op = newId();
        AttemptLog log;
        auto flow = AzulPaymentFlow::create(*client, op, AzulPaymentFlow::saleSender(*client, payment("5424180279791732", "732", 1500, {})),
                                            log.fn(), {100, 2});
        // when
        const AzulFlowResult result = await(flow->run());
        // then
        QCOMPARE(result.state, AzulFlowResult::State::Succeeded);
        QCOMPARE(result.attempts.size(), 2);
        QCOMPARE(result.attempts.first().sent->failure, Failure::ConnectionRefused);
        QVERIFY(result.attempts.first().sent->neverLeft());
        QVERIFY(result.attempts.last().sent->alternateHost);
        QVERIFY(customCount(op + QStringLiteral("-1")).isEmpty()); // never reached AZUL
    }

    void dnsFailureNeverLeft()
    {
        auto client = clientWith([](AzulConfig &c) { c.primaryUrl.setHost(QStringLiteral("pagos.okla-test.invalid")); });
        const AzulOutcome out = await(client->verify(newId()));
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.failure, Failure::HostNotFound);
        QCOMPARE(out.toAttemptReport().transport, AttemptReport::Transport::NeverSent);
        QCOMPARE(out.toError().code, QStringLiteral("azul.unreachable"));
    }

    void unknownCaIsRefused()
    {
        // given a client that trusts another CA
        const QString dir = m_sim.tempDir() + QStringLiteral("/otherca");
        QDir().mkpath(dir);
        const int rc = QProcess::execute(QStringLiteral("openssl"),
            {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Other Test CA",
             "-keyout", dir + "/ca.key", "-out", dir + "/ca.pem"});
        QCOMPARE(rc, 0);
        auto client = clientWith([&](AzulConfig &c) { c.tls.caCertificates = QSslCertificate::fromPath(dir + "/ca.pem"); });
        const QString id = newId();
        // when
        const AzulOutcome out = await(client->verify(id));
        // then nothing was sent
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.failure, Failure::TlsHandshake);
        QVERIFY(out.toAttemptReport().tlsError);
        QCOMPARE(out.toError().code, QStringLiteral("azul.config.tls"));
        QVERIFY(customCount(id).isEmpty());
    }

    void wrongHostNameIsRefused()
    {
        auto client = clientWith([](AzulConfig &c) { c.tls.peerVerifyName = QStringLiteral("pagos.azul.com.do"); });
        const AzulOutcome out = await(client->verify(newId()));
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.failure, Failure::TlsHandshake);
        QVERIFY2(out.transportError.contains(QStringLiteral("host name"), Qt::CaseInsensitive), qPrintable(out.transportError));
        // and the certificate's real name works
        auto byName = clientWith([&](AzulConfig &c) { c.primaryUrl = m_sim.azulUrl(QStringLiteral("localhost")); });
        QCOMPARE(await(byName->verify(newId())).transport, Kind::Answered);
    }

    void publicKeyPinning()
    {
        const QSslCertificate server = QSslCertificate::fromPath(m_sim.certDir() + "/server.pem").value(0);
        QVERIFY(!server.isNull());
        auto pinned = clientWith([&](AzulConfig &c) { c.tls.publicKeyPins = {QByteArray(32, 'x'), http::TlsOptions::pinOf(server)}; });
        QCOMPARE(await(pinned->verify(newId())).transport, Kind::Answered); // the backup pin matches
        auto wrong = clientWith([](AzulConfig &c) { c.tls.publicKeyPins = {QByteArray(32, 'x')}; });
        const QString id = newId();
        const AzulOutcome out = await(wrong->verify(id));
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.failure, Failure::PinMismatch);
        QVERIFY(customCount(id).isEmpty());
    }

    void bodySizeCapIsATypedAmbiguity()
    {
        auto client = clientWith([](AzulConfig &c) { c.maxBodyBytes = 16; });
        const AzulOutcome out = await(client->verify(newId()));
        QCOMPARE(out.transport, Kind::NoCompleteAnswer);
        QCOMPARE(out.failure, Failure::BodyTooLarge);
        QCOMPARE(out.result.outcome, Outcome::Ambiguous);
    }

    void html5xxFromAProxyIsNeverApproved()
    {
        m_sim.addFault(true, {{"operation", "Sale"}, {"kind", "http5xx"}, {"status", 502}, {"count", 1}});
        const AzulOutcome out = await(m_client->sale(payment("5424180279791732", "732", 1000, newId())));
        QCOMPARE(out.transport, Kind::Answered);
        QCOMPARE(out.result.httpStatus, 502);
        QCOMPARE(out.result.outcome, Outcome::Ambiguous);
        QVERIFY(out.toAttemptReport().isBreakerFailure());
    }

    void retryableDeclineIsRetriedUnderResilienceAfterVerify()
    {
        // given the next Sale is declined with IsoCode 91 (issuer down), and the worker's
        // resilience layer (local limiter, no Redis) around the payment flow
        m_sim.addFault(true, {{"operation", "Sale"}, {"kind", "decline"}, {"decline_code", "91"}, {"count", 1}});
        ResilienceManager manager(nullptr, ResilienceManager::Options{});
        AzulOperations operations(*m_client, manager);
        const QString op = newId();
        AttemptLog log;
        // when
        const CallResult<AzulFlowResult> call = await(operations.sale(op, payment("5424180279791732", "732", 2500, {}), log.fn(), {100, 2}));
        // then a second run verified attempt 1, then charged attempt 2 once
        QVERIFY(call.outcome.has_value());
        QCOMPARE(call.outcome->state, AzulFlowResult::State::Succeeded);
        QCOMPARE(call.summary.attempts.size(), 2);
        QCOMPARE(log.ids, (QStringList{op + QStringLiteral("-1"), op + QStringLiteral("-2")}));
        QCOMPARE(customCount(op + QStringLiteral("-1")).value("effects").toInt(), 0);
        QCOMPARE(customCount(op + QStringLiteral("-1")).value("requests").toInt(), 2); // Sale + VerifyPayment
        QCOMPARE(customCount(op + QStringLiteral("-2")).value("effects").toInt(), 1);
    }

    void ordinaryDeclineIsNeverRetried()
    {
        ResilienceManager manager(nullptr, ResilienceManager::Options{});
        AzulOperations operations(*m_client, manager);
        AttemptLog log;
        const CallResult<AzulFlowResult> call = await(operations.sale(newId(), payment("4999990000000510", "123", 2500, {}), log.fn(), {100, 2}));
        QCOMPARE(call.outcome->state, AzulFlowResult::State::Failed);
        QCOMPARE(call.summary.attempts.size(), 1);
        QCOMPARE(log.ids.size(), 1);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestAzulClient)
#include "tst_azulclient.moc"
