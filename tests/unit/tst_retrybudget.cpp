#include <QtTest>

#include "services/resilience/retrybudget.h"

using namespace okla::services;

class TestRetryBudget : public QObject
{
    Q_OBJECT
private slots:
    void floorOfThreePerMinute()
    {
        // given few calls
        auto clock = std::make_shared<ManualClock>();
        RetryBudget budget(clock);
        for (int i = 0; i < 5; ++i)
            budget.recordCall();
        // then only the floor of 3 retries is available
        QVERIFY(budget.tryAcquireRetry());
        QVERIFY(budget.tryAcquireRetry());
        QVERIFY(budget.tryAcquireRetry());
        QVERIFY(!budget.tryAcquireRetry());
    }

    void tenPercentOfCalls()
    {
        // given 100 calls in the window
        auto clock = std::make_shared<ManualClock>();
        RetryBudget budget(clock);
        for (int i = 0; i < 100; ++i)
            budget.recordCall();
        // when retrying as much as possible
        int granted = 0;
        while (budget.tryAcquireRetry())
            ++granted;
        // then 10 % of calls
        QCOMPARE(granted, 10);
        QCOMPARE(budget.retriesInWindow(), 10);
    }

    void slidingWindowFreesBudget()
    {
        auto clock = std::make_shared<ManualClock>();
        RetryBudget budget(clock);
        for (int i = 0; i < 3; ++i)
            QVERIFY(budget.tryAcquireRetry());
        QVERIFY(!budget.tryAcquireRetry());
        // when 59 s pass, still exhausted; after 60 s the retries leave the window
        clock->advance(59'000);
        QVERIFY(!budget.tryAcquireRetry());
        clock->advance(1'000);
        QVERIFY(budget.tryAcquireRetry());
        QCOMPARE(budget.retriesInWindow(), 1);
    }

    void oldCallsStopCounting()
    {
        auto clock = std::make_shared<ManualClock>();
        RetryBudget budget(clock);
        for (int i = 0; i < 100; ++i)
            budget.recordCall();
        clock->advance(61'000);
        QCOMPARE(budget.callsInWindow(), 0);
        int granted = 0;
        while (budget.tryAcquireRetry())
            ++granted;
        QCOMPARE(granted, 3);
    }
};

QTEST_GUILESS_MAIN(TestRetryBudget)
#include "tst_retrybudget.moc"
