#include <QtTest>

#include "services/resilience/retrypolicy.h"

using namespace okla::services;

namespace {
AttemptReport answered(int status, QString code = {})
{
    AttemptReport r;
    r.transport = AttemptReport::Transport::Answered;
    r.httpStatus = status;
    r.errorCode = std::move(code);
    return r;
}
AttemptReport connectError()
{
    AttemptReport r;
    r.transport = AttemptReport::Transport::NeverSent;
    return r;
}
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void stripeRetryableStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("retry");
        QTest::newRow("409") << 409 << QString() << true;
        QTest::newRow("500") << 500 << QString() << true;
        QTest::newRow("503") << 503 << QString() << true;
        QTest::newRow("429 rate") << 429 << QStringLiteral("rate_limit") << false;
        QTest::newRow("429 lock_timeout") << 429 << QStringLiteral("lock_timeout") << true;
        QTest::newRow("402 decline") << 402 << QStringLiteral("card_declined") << false;
        QTest::newRow("400") << 400 << QString() << false;
        QTest::newRow("401") << 401 << QString() << false;
        QTest::newRow("404") << 404 << QString() << false;
    }
    void stripeRetryableStatuses()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(bool, retry);
        StripeRetryPolicy policy(std::make_shared<FixedRandom>(0.5));
        QCOMPARE(policy.isRetryable(answered(status, code)), retry);
    }

    void stripeHeaderWins()
    {
        // given a status that would retry, and one that would not
        StripeRetryPolicy policy(std::make_shared<FixedRandom>(0.5));
        AttemptReport r500 = answered(500);
        r500.stripeShouldRetry = false;
        AttemptReport r400 = answered(400);
        r400.stripeShouldRetry = true;
        AttemptReport r429 = answered(429);
        r429.stripeShouldRetry = true;
        // then the header decides
        QVERIFY(!policy.isRetryable(r500));
        QVERIFY(policy.isRetryable(r400));
        QVERIFY(policy.isRetryable(r429));
    }

    void stripeConnectionErrorsButNotTls()
    {
        StripeRetryPolicy policy(std::make_shared<FixedRandom>(0.5));
        QVERIFY(policy.isRetryable(connectError()));
        AttemptReport tls = connectError();
        tls.tlsError = true;
        QVERIFY(!policy.isRetryable(tls));
        AttemptReport cancelled = connectError();
        cancelled.cancelled = true;
        QVERIFY(!policy.isRetryable(cancelled));
        AttemptReport timeout;
        timeout.transport = AttemptReport::Transport::SentNoAnswer;
        timeout.timedOut = true;
        QVERIFY(policy.isRetryable(timeout));
    }

    void stripeBackoffFormula()
    {
        // given jitter at both ends of U(0.5, 1)
        auto random = std::make_shared<FixedRandom>(0.0);
        StripeRetryPolicy policy(random);
        const AttemptReport r = answered(500);
        // then min(0.5*2^(n-1), 5) * U(0.5,1), never under 0.5 s
        QCOMPARE(policy.backoffMs(1, r), 500);  // 0.5*0.5 = 0.25 -> floor 0.5
        QCOMPARE(policy.backoffMs(2, r), 500);  // 1*0.5
        QCOMPARE(policy.backoffMs(3, r), 1000); // 2*0.5
        QCOMPARE(policy.backoffMs(10, r), 2500); // 5*0.5
        random->set(0.999999);
        QCOMPARE(policy.backoffMs(1, r), 500);
        QCOMPARE(policy.backoffMs(2, r), 1000);
        QCOMPARE(policy.backoffMs(3, r), 2000);
        QCOMPARE(policy.backoffMs(10, r), 5000);
    }

    void stripeAtMostTwoRetries()
    {
        StripeRetryPolicy policy(std::make_shared<FixedRandom>(0.5));
        const AttemptReport r = answered(503);
        QVERIFY(policy.nextDelayMs(1, r).has_value());
        QVERIFY(policy.nextDelayMs(2, r).has_value());
        QVERIFY(!policy.nextDelayMs(3, r).has_value());
    }

    void fullJitterWindow()
    {
        // given AZUL's policy and the top of the random range
        auto random = std::make_shared<FixedRandom>(0.999999);
        auto policy = FullJitterRetryPolicy::azul(random);
        const AttemptReport r = answered(503);
        // then rand(0, min(5 s, 500 ms * 2^n))
        QVERIFY(policy->backoffMs(1, r) <= 500 && policy->backoffMs(1, r) >= 499);
        QVERIFY(policy->backoffMs(2, r) <= 1000 && policy->backoffMs(2, r) >= 999);
        QVERIFY(policy->backoffMs(5, r) <= 5000 && policy->backoffMs(5, r) >= 4999);
        QVERIFY(policy->backoffMs(30, r) <= 5000);
        random->set(0.0);
        QCOMPARE(policy->backoffMs(2, r), 0);
        QCOMPARE(policy->maxAttempts(), 3);
        QVERIFY(!policy->nextDelayMs(3, r).has_value());
    }

    void fullJitterRetryAfterIsAFloor()
    {
        auto policy = FullJitterRetryPolicy::azul(std::make_shared<FixedRandom>(0.0));
        AttemptReport r = answered(429);
        r.retryAfterMs = 2000;
        QCOMPARE(policy->nextDelayMs(1, r).value_or(-1), 2000);
        r.retryAfterMs = 120'000; // longer than we are willing to wait
        QVERIFY(!policy->nextDelayMs(1, r).has_value());
    }

    void fullJitterClassification()
    {
        auto policy = FullJitterRetryPolicy::azul(std::make_shared<FixedRandom>(0.5));
        QVERIFY(policy->isRetryable(connectError()));
        QVERIFY(policy->isRetryable(answered(502)));
        QVERIFY(!policy->isRetryable(answered(400)));
        AttemptReport decline = answered(200);
        decline.declined = true;
        QVERIFY(!policy->isRetryable(decline));
        // an ambiguous AZUL sale is not resent until VerifyPayment said so
        AttemptReport ambiguous;
        ambiguous.transport = AttemptReport::Transport::SentNoAnswer;
        ambiguous.retryOverride = false;
        QVERIFY(!policy->isRetryable(ambiguous));
        ambiguous.retryOverride = true;
        QVERIFY(policy->isRetryable(ambiguous));
    }

    void reconnectPolicy()
    {
        auto policy = FullJitterRetryPolicy::reconnect(std::make_shared<FixedRandom>(0.999999));
        const AttemptReport r = connectError();
        QVERIFY(policy->backoffMs(1, r) <= 1000 && policy->backoffMs(1, r) >= 999);
        QVERIFY(policy->backoffMs(20, r) <= 30'000 && policy->backoffMs(20, r) >= 29'999);
        QVERIFY(policy->nextDelayMs(1000, r).has_value());
    }

    void breakerFailureClassification()
    {
        QVERIFY(answered(503).isBreakerFailure());
        QVERIFY(answered(429).isBreakerFailure());
        QVERIFY(!answered(400).isBreakerFailure());
        QVERIFY(connectError().isBreakerFailure());
        AttemptReport decline = answered(402);
        decline.declined = true;
        QVERIFY(!decline.isBreakerFailure());
        AttemptReport fault = answered(200);
        fault.providerFault = true; // AZUL PROCESSING_ERROR
        QVERIFY(fault.isBreakerFailure());
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
