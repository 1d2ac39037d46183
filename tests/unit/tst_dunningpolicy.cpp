#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include "models/billing/billingperiod.h"
#include "models/billing/dunningpolicy.h"

using namespace okla::models;
using Kind = DunningStep::Kind;

namespace {

const QDate kFirstFailure(2026, 3, 10);

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::RetryOn: return QStringLiteral("retry");
    case Kind::StopRetrying: return QStringLiteral("stop");
    case Kind::Suspend: return QStringLiteral("suspend");
    case Kind::Cancel: return QStringLiteral("cancel");
    case Kind::Done: return QStringLiteral("done");
    }
    return {};
}

/// "retry@3" etc.: short enough to compare whole timelines.
QString describe(const DunningStep &step)
{
    return kindName(step.kind) + (step.day >= 0 ? u'@' + QString::number(step.day) : QString())
           + (step.cardUpdateNeeded ? QStringLiteral("!card") : QString());
}

DunningStep next(const DunningPolicy &policy, int lastDay, DeclineClass decline, int todayDay,
                 SubscriptionStatus status = SubscriptionStatus::PastDue)
{
    const DunningState state{kFirstFailure, kFirstFailure.addDays(lastDay), decline, status};
    const Result<DunningStep> step = policy.nextStep(state, kFirstFailure.addDays(todayDay));
    if (!step.ok())
        qWarning("%s", qPrintable(step.error().toString()));
    return step.ok() ? *step : DunningStep{Kind::Done, {}, -99, false};
}

/// Plays the worker day by day from the first failure: every charge fails with the class
/// `declineOnDay` gives; every step due is carried out. Returns what happened, e.g.
/// "retry@1 retry@3 suspend@7 cancel@14".
QString walk(const DunningPolicy &policy, const std::function<DeclineClass(int)> &declineOnDay)
{
    QStringList happened;
    DunningState state{kFirstFailure, kFirstFailure, declineOnDay(0), SubscriptionStatus::PastDue};
    for (int day = 0; day <= DunningPolicy::kMaxDay + 1; ++day) {
        const QDate today = kFirstFailure.addDays(day);
        for (;;) { // several steps may be due the same day
            const Result<DunningStep> step = policy.nextStep(state, today);
            if (!step.ok())
                return step.error().code;
            if (step->kind == Kind::Done)
                return happened.join(u' ');
            if (step->on > today)
                break;
            happened << describe(*step);
            if (step->kind == Kind::RetryOn) {
                state.lastFailure = today;
                state.lastDecline = declineOnDay(day);
                break; // one charge a day
            }
            if (step->kind == Kind::Suspend || step->kind == Kind::StopRetrying)
                state.status = SubscriptionStatus::Suspended;
            else if (step->kind == Kind::Cancel)
                state.status = SubscriptionStatus::Cancelled;
        }
    }
    return QStringLiteral("never finished: ") + happened.join(u' ');
}

} // namespace

class TestDunningPolicy : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreThePolicys();
    void softTimeline();
    void hardTimeline();
    void technicalTimeline();
    void mixedTimelines_data();
    void mixedTimelines();
    void nextStepAfterEachFailure_data();
    void nextStepAfterEachFailure();
    void lateWorkerCatchesUp();
    void dayCountingUsesBusinessDates();
    void customPolicy();
    void badPolicies_data();
    void badPolicies();
    void fromPolicyValues();
    void badStates();
    void reactivation();
};

void TestDunningPolicy::defaultsAreThePolicys()
{
    // the defaults of billing_policies (docs/domain.md §17), read the way the worker reads them
    const auto policy = DunningPolicy::fromPolicyValues(QJsonDocument::fromJson("[1, 3, 5]").array(), QJsonValue(7),
                                                        QJsonValue(14));
    QVERIFY(policy.ok());
    const DunningPolicy defaults = DunningPolicy::defaults();
    QCOMPARE(policy->retryDays(), defaults.retryDays());
    QCOMPARE(policy->suspendDay(), defaults.suspendDay());
    QCOMPARE(policy->cancelDay(), defaults.cancelDay());
    QCOMPARE(defaults.retryDays(), QList<int>({1, 3, 5}));
}

void TestDunningPolicy::softTimeline()
{
    const QString timeline = walk(DunningPolicy::defaults(), [](int) { return DeclineClass::Soft; });
    QCOMPARE(timeline, QStringLiteral("retry@1 retry@3 retry@5 suspend@7 cancel@14"));
}

void TestDunningPolicy::hardTimeline()
{
    // a hard decline on the renewal: no retry at all, yet suspension and cancellation on schedule
    const QString timeline = walk(DunningPolicy::defaults(), [](int) { return DeclineClass::Hard; });
    QCOMPARE(timeline, QStringLiteral("stop@7!card cancel@14!card"));
}

void TestDunningPolicy::technicalTimeline()
{
    // nobody declined: retried the next day each time, until the suspension day
    const QString timeline = walk(DunningPolicy::defaults(), [](int) { return DeclineClass::Technical; });
    QCOMPARE(timeline, QStringLiteral("retry@1 retry@2 retry@3 retry@4 retry@5 retry@6 suspend@7 cancel@14"));
}

void TestDunningPolicy::mixedTimelines_data()
{
    QTest::addColumn<QString>("classes"); // the class of the failure on day 0, 1, 2… (S, H, T)
    QTest::addColumn<QString>("timeline");
    QTest::newRow("soft, then hard on day 3") << "SSSH" << "retry@1 retry@3 stop@7!card cancel@14!card";
    QTest::newRow("technical on day 1, then soft") << "STSSSSS"
                                                   << "retry@1 retry@2 retry@3 retry@5 suspend@7 cancel@14";
    QTest::newRow("technical on the last retry day") << "SSSSSTS"
                                                     << "retry@1 retry@3 retry@5 retry@6 suspend@7 cancel@14";
    QTest::newRow("technical on day 0 keeps the schedule") << "TSSSSSS"
                                                           << "retry@1 retry@3 retry@5 suspend@7 cancel@14";
}

void TestDunningPolicy::mixedTimelines()
{
    QFETCH(QString, classes);
    QFETCH(QString, timeline);
    const auto classOn = [&](int day) {
        const QChar c = day < classes.size() ? classes.at(day) : classes.back();
        return c == u'H' ? DeclineClass::Hard : c == u'T' ? DeclineClass::Technical : DeclineClass::Soft;
    };
    QCOMPARE(walk(DunningPolicy::defaults(), classOn), timeline);
}

void TestDunningPolicy::nextStepAfterEachFailure_data()
{
    QTest::addColumn<int>("lastDay");
    QTest::addColumn<int>("decline"); // DeclineClass
    QTest::addColumn<int>("status");  // SubscriptionStatus
    QTest::addColumn<QString>("step");
    const int past = int(SubscriptionStatus::PastDue);
    const int soft = int(DeclineClass::Soft);
    const int hard = int(DeclineClass::Hard);
    const int tech = int(DeclineClass::Technical);
    QTest::newRow("renewal fails soft") << 0 << soft << past << "retry@1";
    QTest::newRow("day 1 fails soft") << 1 << soft << past << "retry@3";
    QTest::newRow("day 3 fails soft") << 3 << soft << past << "retry@5";
    QTest::newRow("day 5 fails soft") << 5 << soft << past << "suspend@7";
    QTest::newRow("renewal fails hard") << 0 << hard << past << "stop@7!card";
    QTest::newRow("day 3 fails hard") << 3 << hard << past << "stop@7!card";
    QTest::newRow("day 3 fails technical") << 3 << tech << past << "retry@4";
    QTest::newRow("day 6 fails technical") << 6 << tech << past << "suspend@7";
    QTest::newRow("suspended after soft") << 5 << soft << int(SubscriptionStatus::Suspended) << "cancel@14";
    QTest::newRow("suspended after hard") << 0 << hard << int(SubscriptionStatus::Suspended) << "cancel@14!card";
    QTest::newRow("cancelled") << 5 << soft << int(SubscriptionStatus::Cancelled) << "done";
    QTest::newRow("expired") << 5 << hard << int(SubscriptionStatus::Expired) << "done";
    QTest::newRow("still active (status not yet moved)") << 0 << soft << int(SubscriptionStatus::Active) << "retry@1";
}

void TestDunningPolicy::nextStepAfterEachFailure()
{
    QFETCH(int, lastDay);
    QFETCH(int, decline);
    QFETCH(int, status);
    QFETCH(QString, step);
    const DunningStep result = next(DunningPolicy::defaults(), lastDay, DeclineClass(decline), lastDay,
                                    SubscriptionStatus(status));
    QCOMPARE(describe(result), step);
    if (result.kind != Kind::Done)
        QCOMPARE(result.on, kFirstFailure.addDays(result.day));
    else
        QVERIFY(!result.on.isValid());
}

void TestDunningPolicy::lateWorkerCatchesUp()
{
    const DunningPolicy policy = DunningPolicy::defaults();
    // the day-3 retry was missed: it is done on day 4, not skipped
    QCOMPARE(describe(next(policy, 1, DeclineClass::Soft, 4)), QStringLiteral("retry@4"));
    // but never on or after the suspension day
    QCOMPARE(describe(next(policy, 1, DeclineClass::Soft, 7)), QStringLiteral("suspend@7"));
    QCOMPARE(describe(next(policy, 1, DeclineClass::Soft, 20)), QStringLiteral("suspend@7"));
    QCOMPARE(describe(next(policy, 1, DeclineClass::Soft, 20, SubscriptionStatus::Suspended)),
             QStringLiteral("cancel@14"));
    // a decline is never retried the same day
    QCOMPARE(describe(next(policy, 3, DeclineClass::Soft, 3)), QStringLiteral("retry@5"));
}

void TestDunningPolicy::dayCountingUsesBusinessDates()
{
    // given a renewal that failed at 02:30 UTC on Mar 1: still Feb 28 in Santo Domingo
    const QDate firstFailure = businessDate(QDateTime(QDate(2026, 3, 1), QTime(2, 30), QTimeZone::utc()));
    QCOMPARE(firstFailure, QDate(2026, 2, 28));
    const DunningState state{firstFailure, firstFailure, DeclineClass::Soft, SubscriptionStatus::PastDue};

    // when / then: day 1 is Mar 1, day 7 Mar 7, day 14 Mar 14
    const DunningPolicy policy = DunningPolicy::defaults();
    QCOMPARE(policy.nextStep(state, firstFailure)->on, QDate(2026, 3, 1));
    DunningState hard = state;
    hard.lastDecline = DeclineClass::Hard;
    QCOMPARE(policy.nextStep(hard, firstFailure)->on, QDate(2026, 3, 7));
    hard.status = SubscriptionStatus::Suspended;
    QCOMPARE(policy.nextStep(hard, QDate(2026, 3, 7))->on, QDate(2026, 3, 14));
}

void TestDunningPolicy::customPolicy()
{
    const auto policy = DunningPolicy::create({2, 4}, 6, 10);
    QVERIFY(policy.ok());
    QCOMPARE(walk(*policy, [](int) { return DeclineClass::Soft; }),
             QStringLiteral("retry@2 retry@4 suspend@6 cancel@10"));
    const auto noRetries = DunningPolicy::create({}, 3, 30);
    QVERIFY(noRetries.ok());
    QCOMPARE(walk(*noRetries, [](int) { return DeclineClass::Soft; }), QStringLiteral("suspend@3 cancel@30"));
}

void TestDunningPolicy::badPolicies_data()
{
    QTest::addColumn<QList<int>>("retryDays");
    QTest::addColumn<int>("suspendDay");
    QTest::addColumn<int>("cancelDay");
    QTest::addColumn<QString>("code");
    QTest::newRow("retry on day 0") << QList<int>{0, 3} << 7 << 14 << "billing.dunning.retry_day_not_positive";
    QTest::newRow("negative retry") << QList<int>{-1} << 7 << 14 << "billing.dunning.retry_day_not_positive";
    QTest::newRow("descending") << QList<int>{3, 1} << 7 << 14 << "billing.dunning.retry_days_not_ascending";
    QTest::newRow("repeated day") << QList<int>{1, 3, 3} << 7 << 14 << "billing.dunning.retry_days_not_ascending";
    QTest::newRow("retry on suspend day") << QList<int>{1, 7} << 7 << 14 << "billing.dunning.retry_not_before_suspend";
    QTest::newRow("retry after suspend") << QList<int>{1, 9} << 7 << 14 << "billing.dunning.retry_not_before_suspend";
    QTest::newRow("suspend day 0") << QList<int>{} << 0 << 14 << "billing.dunning.suspend_day_not_positive";
    QTest::newRow("cancel = suspend") << QList<int>{1} << 7 << 7 << "billing.dunning.cancel_not_after_suspend";
    QTest::newRow("cancel before suspend") << QList<int>{1} << 7 << 5 << "billing.dunning.cancel_not_after_suspend";
    QTest::newRow("cancel too late") << QList<int>{1} << 7 << DunningPolicy::kMaxDay + 1
                                     << "billing.dunning.cancel_day_too_late";
}

void TestDunningPolicy::badPolicies()
{
    QFETCH(QList<int>, retryDays);
    QFETCH(int, suspendDay);
    QFETCH(int, cancelDay);
    QFETCH(QString, code);
    const auto policy = DunningPolicy::create(retryDays, suspendDay, cancelDay);
    QVERIFY(!policy.ok());
    QCOMPARE(policy.error().code, code);
    QVERIFY(!policy.error().message.isEmpty());
}

void TestDunningPolicy::fromPolicyValues()
{
    const QJsonArray days{1, 3, 5};
    const auto code = [](const Result<DunningPolicy> &r) { return r.ok() ? QStringLiteral("ok") : r.error().code; };
    QCOMPARE(code(DunningPolicy::fromPolicyValues(days, 7, 14)), QStringLiteral("ok"));
    QCOMPARE(code(DunningPolicy::fromPolicyValues(QJsonArray{1, 2.5}, 7, 14)),
             QStringLiteral("billing.dunning.bad_value"));
    QCOMPARE(code(DunningPolicy::fromPolicyValues(QJsonArray{1, QStringLiteral("3")}, 7, 14)),
             QStringLiteral("billing.dunning.bad_value"));
    QCOMPARE(code(DunningPolicy::fromPolicyValues(QJsonValue(1), 7, 14)), QStringLiteral("billing.dunning.bad_value"));
    QCOMPARE(code(DunningPolicy::fromPolicyValues(days, QJsonValue(7.5), 14)),
             QStringLiteral("billing.dunning.bad_value"));
    QCOMPARE(code(DunningPolicy::fromPolicyValues(days, 7, QJsonValue())), QStringLiteral("billing.dunning.bad_value"));
    QCOMPARE(code(DunningPolicy::fromPolicyValues(days, 7, 1e12)), QStringLiteral("billing.dunning.bad_value"));
    // a well-formed value is still validated
    QCOMPARE(code(DunningPolicy::fromPolicyValues(QJsonArray{5, 3}, 7, 14)),
             QStringLiteral("billing.dunning.retry_days_not_ascending"));
}

void TestDunningPolicy::badStates()
{
    const DunningPolicy policy = DunningPolicy::defaults();
    const auto code = [&](QDate first, QDate last, QDate today) {
        const auto r = policy.nextStep({first, last, DeclineClass::Soft, SubscriptionStatus::PastDue}, today);
        return r.ok() ? QStringLiteral("ok") : r.error().code;
    };
    const QString bad = QStringLiteral("billing.dunning.bad_state");
    QCOMPARE(code(QDate(), kFirstFailure, kFirstFailure), bad);
    QCOMPARE(code(kFirstFailure, QDate(), kFirstFailure), bad);
    QCOMPARE(code(kFirstFailure, kFirstFailure, QDate()), bad);
    QCOMPARE(code(kFirstFailure, kFirstFailure.addDays(-1), kFirstFailure), bad);
    QCOMPARE(code(kFirstFailure, kFirstFailure.addDays(2), kFirstFailure.addDays(1)), bad);
    QCOMPARE(code(kFirstFailure, kFirstFailure, kFirstFailure), QStringLiteral("ok"));
}

void TestDunningPolicy::reactivation()
{
    QCOMPARE(*statusAfterPayment(SubscriptionStatus::PastDue), SubscriptionStatus::Active);
    QCOMPARE(*statusAfterPayment(SubscriptionStatus::Suspended), SubscriptionStatus::Active);
    QCOMPARE(*statusAfterPayment(SubscriptionStatus::Active), SubscriptionStatus::Active);
    QCOMPARE(*statusAfterPayment(SubscriptionStatus::Trial), SubscriptionStatus::Active);
    for (const SubscriptionStatus finished : {SubscriptionStatus::Cancelled, SubscriptionStatus::Expired}) {
        const auto r = statusAfterPayment(finished);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("billing.dunning.not_reactivatable"));
    }
}

QTEST_GUILESS_MAIN(TestDunningPolicy)
#include "tst_dunningpolicy.moc"
