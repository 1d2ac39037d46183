#include <QtTest>

#include "integration/redistestsupport.h"
#include "services/redis/redisclient.h"
#include "services/resilience/breakerregistry.h"
#include "services/resilience/providerhealth.h"

using namespace okla::services;

namespace {

const OperationKey kSale{QStringLiteral("azul"), QStringLiteral("sale"), QStringLiteral("pagos")};
const OperationKey kRefund{QStringLiteral("stripe"), QStringLiteral("refunds.create"), {}};

/// One simulated process: its own breakers and recorder, publishing under its own id.
struct Writer
{
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    std::shared_ptr<BreakerRegistry> breakers = std::make_shared<BreakerRegistry>(BreakerConfig{}, clock);
    std::shared_ptr<HealthRecorder> recorder = std::make_shared<HealthRecorder>(clock);
    std::unique_ptr<HealthPublisher> publisher;

    Writer(std::shared_ptr<RedisClient> redis, const QString &prefix, const QString &id, int ttl)
        : publisher(std::make_unique<HealthPublisher>(std::move(redis), recorder, breakers))
    {
        publisher->setKeyPrefix(prefix);
        publisher->setProcessId(id);
        publisher->setTtlSeconds(ttl);
    }

    void calls(const OperationKey &key, int count, qint64 latencyMs, bool failure)
    {
        auto breaker = breakers->breaker(key);
        for (int i = 0; i < count; ++i) {
            AttemptReport report;
            report.success = !failure;
            report.httpStatus = failure ? 503 : 200;
            report.summary = failure ? QStringLiteral("HTTP 503 from %1").arg(key.name()) : QString();
            breaker->record(breaker->tryAcquire(), report.isBreakerFailure());
            recorder->recordAttempt(key, latencyMs, report);
        }
    }

    int publish()
    {
        auto future = publisher->publishNow();
        future.waitForFinished();
        auto result = future.result();
        return result.ok() ? result.value() : -1;
    }
};

} // namespace

class TestProviderHealth : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<RedisClient> m_redis;

private slots:
    void initTestCase()
    {
        auto config = okla::tests::fixtureRedisConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        m_redis = std::make_shared<RedisClient>(*config);
        QVERIFY(m_redis->commandSync({QByteArrayLiteral("PING")}).ok());
    }

    void twoWritersAggregate()
    {
        // given two processes: one whose AZUL sale breaker tripped, one healthy
        const QString prefix = okla::tests::uniquePrefix("health");
        Writer a(m_redis, prefix, QStringLiteral("worker-a:1"), 30);
        Writer b(m_redis, prefix, QStringLiteral("worker-b:2"), 30);
        a.calls(kSale, 5, 900, true);
        b.calls(kSale, 20, 40, false);
        b.calls(kRefund, 4, 300, false);
        // when both publish
        QCOMPARE(a.publish(), 1);
        QCOMPARE(b.publish(), 2);
        // then one hash per operation, one field per process
        auto fields = m_redis->commandSync({QByteArrayLiteral("HKEYS"), HealthPublisher::keyFor(kSale, prefix)});
        QVERIFY(fields.ok());
        QCOMPARE(fields->elements.size(), 2);
        auto ttl = m_redis->commandSync({QByteArrayLiteral("TTL"), HealthPublisher::keyFor(kSale, prefix)});
        QVERIFY(ttl->integer > 0 && ttl->integer <= 30);
        // and the reader aggregates: worst state, summed figures, merged latency and errors
        HealthReader reader(m_redis, 30, prefix);
        auto aggregate = reader.readAggregate();
        QVERIFY2(aggregate.ok(), qPrintable(aggregate.ok() ? QString() : aggregate.error().toString()));
        QCOMPARE(aggregate->size(), 2);
        const OperationHealth sale = aggregate->at(0).key == kSale ? aggregate->at(0) : aggregate->at(1);
        const OperationHealth refund = aggregate->at(0).key == kSale ? aggregate->at(1) : aggregate->at(0);
        QCOMPARE(sale.state, QStringLiteral("open"));
        QCOMPARE(sale.processes, 2);
        QCOMPARE(sale.latency.count, 25);
        QCOMPARE(sale.windowCalls, 20); // a's window was cleared by its trip; b's 20 remain
        QVERIFY(sale.p50Ms() <= 50);    // 20 of 25 calls took 40 ms
        QVERIFY(sale.p95Ms() >= 500);   // the slow, failing ones
        QCOMPARE(sale.recentErrors.size(), 5);
        QVERIFY(sale.recentErrors.at(0).contains(QLatin1String("HTTP 503")));
        QCOMPARE(refund.state, QStringLiteral("closed"));
        QCOMPARE(refund.processes, 1);
        QCOMPARE(refund.latency.count, 4);
        auto perProcess = reader.readPerProcess();
        QCOMPARE(perProcess->size(), 3);
    }

    void ttlExpiry()
    {
        // given a writer publishing with a 1 s TTL
        const QString prefix = okla::tests::uniquePrefix("health");
        Writer a(m_redis, prefix, QStringLiteral("gone:1"), 1);
        Writer b(m_redis, prefix, QStringLiteral("alive:2"), 1);
        a.calls(kSale, 3, 100, false);
        b.calls(kSale, 2, 100, false);
        QCOMPARE(a.publish(), 1);
        HealthReader reader(m_redis, 1, prefix);
        QCOMPARE(reader.readPerProcess()->size(), 1);
        // when a stops and b keeps publishing, the key lives on but a's field is stale
        QTest::qWait(600);
        QCOMPARE(b.publish(), 1);
        QTest::qWait(700);
        QCOMPARE(b.publish(), 1);
        auto fields = m_redis->commandSync({QByteArrayLiteral("HLEN"), HealthPublisher::keyFor(kSale, prefix)});
        QCOMPARE(fields->integer, 2);
        auto live = reader.readPerProcess();
        QCOMPARE(live->size(), 1);
        QCOMPARE(live->at(0).process, QStringLiteral("alive:2"));
        // when nobody publishes for longer than the TTL, Redis drops the key
        QTest::qWait(2200);
        auto exists = m_redis->commandSync({QByteArrayLiteral("EXISTS"), HealthPublisher::keyFor(kSale, prefix)});
        QCOMPARE(exists->integer, 0);
        QVERIFY(reader.readAggregate()->isEmpty());
    }

    void readerReportsRedisDown()
    {
        RedisConfig config = m_redis->config();
        config.port = okla::tests::closedPort();
        HealthReader reader(std::make_shared<RedisClient>(config));
        auto result = reader.readAggregate();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("redis.down"));
    }

    void histogramPercentiles()
    {
        LatencyHistogram h;
        for (int i = 0; i < 90; ++i)
            h.add(30);
        for (int i = 0; i < 10; ++i)
            h.add(3000);
        QVERIFY(h.percentileMs(0.5) > 20 && h.percentileMs(0.5) <= 50);
        QVERIFY(h.percentileMs(0.95) > 2000 && h.percentileMs(0.95) <= 5000);
        const LatencyHistogram back = LatencyHistogram::fromJson(h.toJson());
        QCOMPARE(back.count, 100);
        QCOMPARE(back.percentileMs(0.95), h.percentileMs(0.95));
    }
};

QTEST_GUILESS_MAIN(TestProviderHealth)
#include "tst_providerhealth.moc"
