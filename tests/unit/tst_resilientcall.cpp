#include <QtTest>

#include <QElapsedTimer>
#include <QPromise>
#include <QTimer>

#include "services/resilience/resiliencemanager.h"
#include "services/resilience/resilientcall.h"

// The executor over the in-process limiter (no Redis configured): the Redis-backed limiter has
// its own integration test. Backoff randomness is pinned to 0 so AZUL retries do not wait.

using namespace okla::services;

namespace {

struct FakeOutcome // what a provider client returns; the classifier turns it into a report
{
    int status = 200;
    bool declined = false;
    bool sent = true;
};

AttemptReport classify(const FakeOutcome &o)
{
    AttemptReport r;
    r.transport = o.sent ? AttemptReport::Transport::Answered : AttemptReport::Transport::NeverSent;
    r.httpStatus = o.sent ? o.status : 0;
    r.success = o.sent && o.status == 200 && !o.declined;
    r.declined = o.declined;
    r.summary = QStringLiteral("HTTP %1").arg(r.httpStatus);
    return r;
}

std::shared_ptr<ResilienceManager> makeManager(double ratePerSecond = 1000, BreakerConfig breaker = {})
{
    ResilienceManager::Options options;
    options.limits.azulPerSecond = ratePerSecond;
    options.limits.stripeTestPerSecond = ratePerSecond;
    options.breaker = breaker;
    return std::make_shared<ResilienceManager>(nullptr, options, Clock::system(), std::make_shared<FixedRandom>(0.0));
}

template<typename T>
T await(QFuture<T> future)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < 20'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!future.isFinished())
        qFatal("future did not finish");
    return future.result();
}

QFuture<FakeOutcome> later(FakeOutcome outcome, int ms)
{
    auto promise = std::make_shared<QPromise<FakeOutcome>>();
    promise->start();
    QTimer::singleShot(ms, [promise, outcome] {
        promise->addResult(outcome);
        promise->finish();
    });
    return promise->future();
}

const OperationKey kSale{QStringLiteral("azul"), QStringLiteral("sale"), QStringLiteral("pagos")};

} // namespace

class TestResilientCall : public QObject
{
    Q_OBJECT
private slots:
    void retriesA503ThenSucceeds()
    {
        // given an operation that fails once with 503
        auto manager = makeManager();
        int calls = 0;
        // when run through the executor
        auto result = await(ResilientCall::run<FakeOutcome>(
            *manager, {kSale}, [&](int) { return QtFuture::makeReadyFuture(FakeOutcome{++calls == 1 ? 503 : 200}); },
            classify));
        // then two attempts, the last one successful, logged
        QCOMPARE(calls, 2);
        QVERIFY(result.outcome.has_value());
        QCOMPARE(result.outcome->status, 200);
        QCOMPARE(result.summary.attempts.size(), 2);
        QVERIFY(result.summary.attempts.at(0).decision.startsWith(QLatin1String("retry in")));
        QCOMPARE(result.summary.attempts.at(1).decision, QStringLiteral("done"));
        QCOMPARE(result.summary.stop, CallSummary::Stop::Completed);
    }

    void declinesAreFinalAndHealthy()
    {
        auto manager = makeManager();
        int calls = 0;
        for (int i = 0; i < 6; ++i)
            await(ResilientCall::run<FakeOutcome>(
                *manager, {kSale}, [&](int) { ++calls; return QtFuture::makeReadyFuture(FakeOutcome{200, true}); }, classify));
        QCOMPARE(calls, 6);
        QCOMPARE(manager->breakers().breaker(kSale)->state(), CircuitBreaker::State::Closed);
    }

    void atMostThreeAttemptsThenBreakerOpensAndRefuses()
    {
        // given an always-503 provider
        auto manager = makeManager();
        int calls = 0;
        auto always503 = [&](int) { ++calls; return QtFuture::makeReadyFuture(FakeOutcome{503}); };
        // when one call runs: 3 attempts (AZUL policy)
        auto first = await(ResilientCall::run<FakeOutcome>(*manager, {kSale}, always503, classify));
        QCOMPARE(first.summary.attempts.size(), 3);
        QCOMPARE(first.summary.attempts.last().decision, QStringLiteral("attempts exhausted"));
        // when more calls fail, the breaker opens (5 failures in the window)
        await(ResilientCall::run<FakeOutcome>(*manager, {kSale}, always503, classify));
        QCOMPARE(manager->breakers().breaker(kSale)->state(), CircuitBreaker::State::Open);
        // then the next call is refused before sending anything
        const int before = calls;
        auto refused = await(ResilientCall::run<FakeOutcome>(*manager, {kSale}, always503, classify));
        QCOMPARE(calls, before);
        QCOMPARE(refused.summary.stop, CallSummary::Stop::BreakerOpen);
        QVERIFY(refused.summary.neverSent());
        QVERIFY(!refused.outcome.has_value());
    }

    void retryBudgetCapsRetries()
    {
        // given a high breaker threshold so only the budget limits retries
        BreakerConfig breaker;
        breaker.minimumCalls = 1'000'000;
        auto manager = makeManager(1000, breaker);
        int calls = 0;
        for (int i = 0; i < 10; ++i)
            await(ResilientCall::run<FakeOutcome>(
                *manager, {kSale}, [&](int) { ++calls; return QtFuture::makeReadyFuture(FakeOutcome{503}); }, classify));
        // then 10 calls + the floor of 3 retries (10 % of 10 is 1)
        QCOMPARE(calls, 13);
        QCOMPARE(manager->budget(QStringLiteral("azul")).retriesInWindow(), 3);
    }

    void ambiguousIsNotResentWithoutVerify()
    {
        auto manager = makeManager();
        int calls = 0;
        auto result = await(ResilientCall::run<FakeOutcome>(
            *manager, {kSale}, [&](int) { ++calls; return QtFuture::makeReadyFuture(FakeOutcome{0, false, true}); },
            [](const FakeOutcome &) {
                AttemptReport r;
                r.transport = AttemptReport::Transport::SentNoAnswer;
                r.timedOut = true;
                r.retryOverride = false; // the AZUL client's verdict until VerifyPayment
                return r;
            }));
        QCOMPARE(calls, 1);
        QCOMPARE(result.summary.attempts.last().decision, QStringLiteral("not retryable"));
        QVERIFY(!result.summary.neverSent());
    }

    void slowCallCountsAsFailureWhileRunning()
    {
        // given a breaker whose slow threshold is 100 ms and a call that takes 400 ms
        BreakerConfig breaker;
        breaker.slowCallMs = 100;
        breaker.minimumCalls = 1;
        auto manager = makeManager(1000, breaker);
        auto future = ResilientCall::run<FakeOutcome>(
            *manager, {kSale}, [&](int) { return later(FakeOutcome{200}, 400); }, classify);
        // when 250 ms pass, the call still running
        QTest::qWait(250);
        QVERIFY(!future.isFinished());
        // then the breaker already counted it as a failure and opened
        QCOMPARE(manager->breakers().breaker(kSale)->state(), CircuitBreaker::State::Open);
        auto result = await(future);
        QVERIFY(result.summary.attempts.at(0).slow);
        QVERIFY(result.outcome->status == 200);
        QCOMPARE(manager->breakers().breaker(kSale)->state(), CircuitBreaker::State::Open);
    }

    void stripeBackoffNeverUnderHalfASecond()
    {
        auto manager = makeManager();
        int calls = 0;
        QElapsedTimer timer;
        timer.start();
        auto result = await(ResilientCall::run<FakeOutcome>(
            *manager, {{QStringLiteral("stripe"), QStringLiteral("refunds.create"), {}}},
            [&](int) { return QtFuture::makeReadyFuture(FakeOutcome{++calls == 1 ? 500 : 200}); }, classify));
        QCOMPARE(calls, 2);
        QVERIFY2(timer.elapsed() >= 500, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(result.summary.attempts.at(0).decision, QStringLiteral("retry in 500 ms"));
    }

    void localRateLimitSpacesCalls()
    {
        // given 10/s and no Redis
        auto manager = makeManager(10);
        QElapsedTimer timer;
        timer.start();
        QList<QFuture<CallResult<FakeOutcome>>> futures;
        for (int i = 0; i < 6; ++i)
            futures.append(ResilientCall::run<FakeOutcome>(
                *manager, {kSale}, [](int) { return QtFuture::makeReadyFuture(FakeOutcome{200}); }, classify));
        for (auto &f : futures)
            await(f);
        // then 6 permits at 100 ms spacing take at least 500 ms, decided locally
        QVERIFY2(timer.elapsed() >= 480, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(manager->limiter().isLocalFallback());
    }

    void healthRecordsLatencyAndErrors()
    {
        auto manager = makeManager();
        await(ResilientCall::run<FakeOutcome>(
            *manager, {kSale}, [](int) { return QtFuture::makeReadyFuture(FakeOutcome{502}); }, classify));
        const auto snapshot = manager->health().snapshot(manager->breakers(), &manager->limiter());
        QCOMPARE(snapshot.size(), 1);
        QCOMPARE(snapshot.at(0).key.name(), QStringLiteral("azul.sale@pagos"));
        QCOMPARE(snapshot.at(0).latency.count, 3);
        QCOMPARE(snapshot.at(0).recentErrors.size(), 3);
        QVERIFY(snapshot.at(0).recentErrors.at(0).endsWith(QLatin1String("HTTP 502")));
        QCOMPARE(snapshot.at(0).limiter, QStringLiteral("local"));
    }
};

QTEST_GUILESS_MAIN(TestResilientCall)
#include "tst_resilientcall.moc"
