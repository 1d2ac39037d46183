#include <QtTest>

#include <QThread>

#include "services/resilience/breakerregistry.h"
#include "services/resilience/circuitbreaker.h"

using namespace okla::services;
using State = CircuitBreaker::State;

namespace {
void call(CircuitBreaker &breaker, bool failure)
{
    const auto permit = breaker.tryAcquire();
    QVERIFY(permit.allowed);
    breaker.record(permit, failure);
}
} // namespace

class TestCircuitBreaker : public QObject
{
    Q_OBJECT
private slots:
    void opensAtHalfFailuresWithFiveCalls()
    {
        // given a closed breaker
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("azul.sale@pagos"), {}, clock);
        // when 4 calls fail (below the minimum of 5) it stays closed
        for (int i = 0; i < 4; ++i)
            call(breaker, true);
        QCOMPARE(breaker.state(), State::Closed);
        // when the 5th call fails, ratio 5/5 >= 0.5 → open
        call(breaker, true);
        QCOMPARE(breaker.state(), State::Open);
        // then calls are refused with the remaining wait
        const auto refused = breaker.tryAcquire();
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryInMs, 30'000);
    }

    void staysClosedBelowRatio()
    {
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        // 2 failures out of 5 = 0.4
        call(breaker, false);
        call(breaker, true);
        call(breaker, false);
        call(breaker, true);
        call(breaker, false);
        QCOMPARE(breaker.state(), State::Closed);
        // 3/6 = 0.5 → open
        call(breaker, true);
        QCOMPARE(breaker.state(), State::Open);
    }

    void windowSlides()
    {
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        for (int i = 0; i < 4; ++i)
            call(breaker, true);
        // when the failures age out of the 60 s window
        clock->advance(60'001);
        call(breaker, true);
        // then 1 call in the window: below the minimum
        QCOMPARE(breaker.state(), State::Closed);
        QCOMPARE(breaker.snapshot().calls, 1);
    }

    void halfOpensAfterWaitAndClosesOnSuccess()
    {
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        for (int i = 0; i < 5; ++i)
            call(breaker, true);
        QCOMPARE(breaker.state(), State::Open);
        // when 29.999 s pass: still open
        clock->advance(29'999);
        QCOMPARE(breaker.state(), State::Open);
        // when the 30 s are over: half-open, exactly one probe
        clock->advance(1);
        QCOMPARE(breaker.state(), State::HalfOpen);
        const auto probe = breaker.tryAcquire();
        QVERIFY(probe.allowed);
        QVERIFY(probe.probe);
        QVERIFY(!breaker.tryAcquire().allowed);
        // then the probe's success closes it
        breaker.record(probe, false);
        QCOMPARE(breaker.state(), State::Closed);
        QVERIFY(breaker.tryAcquire().allowed);
        QCOMPARE(breaker.snapshot().currentOpenMs, 30'000);
    }

    void repeatedTripsDoubleUpToFiveMinutes()
    {
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        for (int i = 0; i < 5; ++i)
            call(breaker, true);
        qint64 expected = 30'000;
        const QList<qint64> waits{30'000, 60'000, 120'000, 240'000, 300'000, 300'000};
        for (qint64 wait : waits) {
            // given open for `wait`
            QCOMPARE(breaker.snapshot().openRemainingMs, wait);
            clock->advance(wait);
            // when the probe fails
            const auto probe = breaker.tryAcquire();
            QVERIFY(probe.probe);
            breaker.record(probe, true);
            // then open again, for twice as long (capped)
            QCOMPARE(breaker.state(), State::Open);
            expected = wait;
        }
        QCOMPARE(expected, 300'000);
        QCOMPARE(breaker.snapshot().trips, 7);
    }

    void slowCallCountsAsFailureAtThatMoment()
    {
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        // given 5 calls in flight
        QList<CircuitBreaker::Permit> permits;
        for (int i = 0; i < 5; ++i)
            permits.append(breaker.tryAcquire());
        // when all are still running after 10 s, each counts as a failure then
        clock->advance(10'000);
        for (const auto &permit : permits)
            breaker.recordSlow(permit);
        // then the breaker opens without waiting for the calls to end
        QCOMPARE(breaker.state(), State::Open);
        // and their late successes do not move it (stale generation)
        for (const auto &permit : permits)
            breaker.record(permit, false);
        QCOMPARE(breaker.state(), State::Open);
    }

    void slowProbeReopens()
    {
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        for (int i = 0; i < 5; ++i)
            call(breaker, true);
        clock->advance(30'000);
        const auto probe = breaker.tryAcquire();
        QVERIFY(probe.probe);
        clock->advance(10'000);
        breaker.recordSlow(probe);
        QCOMPARE(breaker.state(), State::Open);
        QCOMPARE(breaker.snapshot().openRemainingMs, 60'000);
    }

    void releasedProbeFreesTheSlot()
    {
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        for (int i = 0; i < 5; ++i)
            call(breaker, true);
        clock->advance(30'000);
        const auto probe = breaker.tryAcquire();
        QVERIFY(!breaker.tryAcquire().allowed);
        breaker.release(probe);
        QVERIFY(breaker.tryAcquire().probe);
    }

    void declinesAreSuccesses()
    {
        // AttemptReport::isBreakerFailure() maps declines to success; here the breaker sees them so
        auto clock = std::make_shared<ManualClock>();
        CircuitBreaker breaker(QStringLiteral("x"), {}, clock);
        for (int i = 0; i < 20; ++i)
            call(breaker, false);
        QCOMPARE(breaker.state(), State::Closed);
    }

    void registryOnePerKeyAndThreadSafe()
    {
        auto clock = std::make_shared<ManualClock>();
        BreakerRegistry registry({}, clock);
        const OperationKey sale{QStringLiteral("azul"), QStringLiteral("sale"), QStringLiteral("pagos")};
        QCOMPARE(sale.name(), QStringLiteral("azul.sale@pagos"));
        QCOMPARE((OperationKey{QStringLiteral("stripe"), QStringLiteral("refunds.create"), {}}.name()),
                 QStringLiteral("stripe.refunds.create"));
        // when 4 threads hammer the same breaker with successes
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&registry, sale] {
                for (int i = 0; i < 2000; ++i) {
                    auto b = registry.breaker(sale);
                    b->record(b->tryAcquire(), false);
                }
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            QVERIFY(t->wait(30'000));
        // then one breaker with every call counted
        QCOMPARE(registry.all().size(), 1);
        QCOMPARE(registry.find(sale.name())->snapshot().calls, 8000);
        QCOMPARE(registry.breaker(sale).get(), registry.find(QStringLiteral("azul.sale@pagos")).get());
    }
};

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
