// The resilience layer around the real AZUL simulator (okla-sim, mutual TLS) and the fixture's
// Redis: the sale breaker opens after failures, refuses without sending, half-opens after its
// wait and closes on a successful probe; routing falls back to Stripe meanwhile; a hanging AZUL
// opens the breaker through the slow-call rule long before the calls time out.

#include <QtTest>

#include <QElapsedTimer>
#include <QUuid>

#include "integration/providersimfixture.h"
#include "integration/redistestsupport.h"
#include "services/providers/azul/azulclient.h"
#include "services/resilience/paymentrouter.h"
#include "services/resilience/providerhealth.h"
#include "services/resilience/resiliencemanager.h"
#include "services/resilience/resilientcall.h"

using namespace okla::services;
using namespace okla::services::azul;
using Router = PaymentRouter;

namespace {

template<typename T>
T await(QFuture<T> future, int timeoutMs = 60'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!future.isFinished())
        qFatal("future did not finish in %d ms", timeoutMs);
    return future.result();
}

AzulPayment payment(qint64 amount)
{
    AzulPayment p;
    p.amount = okla::models::Money::fromMinor(amount, okla::models::Currency::DOP);
    p.itbis = okla::models::Money::fromMinor(amount * 18 / 118, okla::models::Currency::DOP);
    p.cardNumber = QStringLiteral("5424180279791732"); // approved test card
    p.expiration = QStringLiteral("202812");
    p.cvc = QStringLiteral("732");
    p.customOrderId = QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("-1");
    return p;
}

} // namespace

class TestProviderBreaker : public QObject
{
    Q_OBJECT
private:
    okla::tests::ProviderSimFixture m_sim;
    std::unique_ptr<AzulClient> m_client;
    std::shared_ptr<RedisClient> m_redis;

    QFuture<CallResult<AzulOutcome>> sale(ResilienceManager &manager, const OperationKey &key)
    {
        AzulClient *client = m_client.get();
        const AzulPayment p = payment(11800);
        return ResilientCall::run<AzulOutcome>(
            manager, {key}, [client, p](int) { return client->sale(p); },
            [](const AzulOutcome &o) { return o.toAttemptReport(); });
    }

    int saleRequests() { return m_sim.counters(true).value(QStringLiteral("operations")).toObject().value(QStringLiteral("Sale")).toObject().value(QStringLiteral("requests")).toInt(); }

    std::shared_ptr<ResilienceManager> manager(BreakerConfig breaker)
    {
        ResilienceManager::Options options;
        options.breaker = breaker;
        options.limits.azulPerSecond = 1000; // not what this test is about
        return std::make_shared<ResilienceManager>(m_redis, options);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_sim.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto config = m_sim.azulConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        m_client = std::make_unique<AzulClient>(*config);
        auto redis = okla::tests::fixtureRedisConfig();
        QVERIFY2(redis.ok(), qPrintable(redis.ok() ? QString() : redis.error().toString()));
        m_redis = std::make_shared<RedisClient>(*redis);
    }

    void opensRefusesHalfOpensAndCloses()
    {
        // given AZUL answering every Sale with 503 for a while, a breaker that waits 1.5 s
        BreakerConfig breaker;
        breaker.openMs = 1500;
        auto resilience = manager(breaker);
        const OperationKey key{QStringLiteral("azul"), QStringLiteral("sale"), m_client->hostLabel(AzulClient::Host::Primary)};
        m_sim.control(true, "DELETE", QStringLiteral("/_sim/faults"));
        m_sim.addFault(true, {{"operation", "Sale"}, {"kind", "http5xx"}, {"status", 503}, {"count", 5}});
        const int before = saleRequests();

        // when five sales fail (an ambiguous sale is never resent blindly: one attempt each)
        QElapsedTimer sinceFirstFailure;
        sinceFirstFailure.start();
        for (int i = 0; i < 5; ++i) {
            const auto call = await(sale(*resilience, key));
            QCOMPARE(call.summary.attempts.size(), 1);
            QVERIFY(call.summary.attempts.at(0).report.isBreakerFailure());
        }
        // then the sale breaker is open, well within 10 s
        QVERIFY(Router::azulSaleBreakerOpen(resilience->breakers(), key.host));
        QVERIFY(sinceFirstFailure.elapsed() < 10'000);
        QCOMPARE(saleRequests(), before + 5);

        // and a new DOP charge falls back to Stripe, in DOP
        Router::Request charge;
        charge.currency = QStringLiteral("DOP");
        charge.dealerHasStripePaymentMethod = true;
        charge.azulSaleBreakerOpen = Router::azulSaleBreakerOpen(resilience->breakers(), key.host);
        const auto route = Router::route(charge);
        QVERIFY(route.ok());
        QCOMPARE(route->provider, Router::Provider::Stripe);
        QCOMPARE(route->currency, QStringLiteral("DOP"));
        QVERIFY(route->fallback);
        // while a refund of an AZUL payment still goes to AZUL
        Router::Request refund = charge;
        refund.kind = Router::Request::Kind::Refund;
        refund.capturingProvider = Router::Provider::Azul;
        QCOMPARE(Router::route(refund)->provider, Router::Provider::Azul);

        // when a sale is attempted anyway, it is refused without reaching AZUL
        const auto refused = await(sale(*resilience, key));
        QCOMPARE(refused.summary.stop, CallSummary::Stop::BreakerOpen);
        QVERIFY(refused.summary.neverSent());
        QCOMPARE(saleRequests(), before + 5);
        // (such a charge is `failed`: it too may go to Stripe; an `unknown` one may not)
        charge.azulSaleBreakerOpen = false;
        charge.azulAttempt = Router::AzulAttempt::Failed;
        QCOMPARE(Router::route(charge)->provider, Router::Provider::Stripe);
        charge.azulAttempt = Router::AzulAttempt::Unknown;
        QVERIFY(!Router::route(charge).ok());

        // when the wait is over, the breaker half-opens and routing returns to AZUL
        QTest::qWait(1600);
        QCOMPARE(resilience->breakers().breaker(key)->state(), CircuitBreaker::State::HalfOpen);
        QVERIFY(!Router::azulSaleBreakerOpen(resilience->breakers(), key.host));
        // then one probe sale, approved by the healed AZUL, closes it
        const auto probe = await(sale(*resilience, key));
        QVERIFY(probe.outcome.has_value());
        QVERIFY(probe.outcome->result.approved());
        QCOMPARE(resilience->breakers().breaker(key)->state(), CircuitBreaker::State::Closed);
        QCOMPARE(saleRequests(), before + 6);

        // and the whole story is in the shared health
        const QString prefix = okla::tests::uniquePrefix("health");
        HealthPublisher publisher(m_redis, resilience->healthRecorder(), resilience->breakerRegistry(), resilience->rateLimiter());
        publisher.setKeyPrefix(prefix);
        auto published = publisher.publishNow();
        published.waitForFinished();
        QVERIFY(published.result().ok());
        auto health = HealthReader(m_redis, 30, prefix).readAggregate();
        QVERIFY(health.ok());
        QCOMPARE(health->size(), 1);
        QCOMPARE(health->at(0).state, QStringLiteral("closed"));
        QCOMPARE(health->at(0).latency.count, 6);
        QCOMPARE(health->at(0).recentErrors.size(), 5);
        QCOMPARE(health->at(0).limiter, QStringLiteral("redis"));
    }

    void hangingAzulOpensTheBreakerThroughSlowCalls()
    {
        // given AZUL taking 3 s per Sale and a slow-call threshold of 500 ms
        BreakerConfig breaker;
        breaker.slowCallMs = 500;
        auto resilience = manager(breaker);
        const OperationKey key{QStringLiteral("azul"), QStringLiteral("sale"), m_client->hostLabel(AzulClient::Host::Primary)};
        m_sim.control(true, "DELETE", QStringLiteral("/_sim/faults"));
        m_sim.addFault(true, {{"operation", "Sale"}, {"kind", "latency"}, {"latency_ms", 3000}, {"count", 5}});
        // when five sales run at once
        QElapsedTimer timer;
        timer.start();
        QList<QFuture<CallResult<AzulOutcome>>> calls;
        for (int i = 0; i < 5; ++i)
            calls.append(sale(*resilience, key));
        // then the breaker opens while they are still running, at the slow-call threshold
        while (resilience->breakers().breaker(key)->state() != CircuitBreaker::State::Open && timer.elapsed() < 2500)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const qint64 openedAfter = timer.elapsed();
        qInfo("breaker opened after %lld ms with 5 calls hanging", static_cast<long long>(openedAfter));
        QCOMPARE(resilience->breakers().breaker(key)->state(), CircuitBreaker::State::Open);
        QVERIFY(openedAfter >= 450 && openedAfter < 2500);
        for (auto &call : calls)
            QVERIFY(!call.isFinished());
        // and when they finish (approved, late), they are marked slow and do not close it
        for (auto &call : calls) {
            const auto result = await(call);
            QVERIFY(result.summary.attempts.at(0).slow);
        }
        QCOMPARE(resilience->breakers().breaker(key)->state(), CircuitBreaker::State::Open);
        m_sim.control(true, "DELETE", QStringLiteral("/_sim/faults"));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestProviderBreaker)
#include "tst_providerbreaker.moc"
