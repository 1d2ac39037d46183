#include <QTest>
#include <QTimeZone>

#include "models/billing/billingperiod.h"
#include "models/billingcycle.h"

using namespace okla::models;

// Billing periods and business dates (docs/domain.md §20).
class TestBillingPeriod : public QObject
{
    Q_OBJECT

private slots:
    void monthEnds_data();
    void monthEnds();
    void jan31AnchorOverFourteenMonthsReturnsToItsDay();
    void periodsTileWithoutGapsOrDrift_data();
    void periodsTileWithoutGapsOrDrift();
    void quarterlyAndYearlyFromLeapDay();
    void periodContainingOnBoundaries_data();
    void periodContainingOnBoundaries();
    void periodsDueBetween();
    void periodsDueBetweenIsBounded();
    void rejects_data();
    void rejects();
    void earlyBirdFirstBilledDay();
    void businessDateNearMidnightUtc_data();
    void businessDateNearMidnightUtc();
};

void TestBillingPeriod::monthEnds_data()
{
    QTest::addColumn<QDate>("anchor");
    QTest::addColumn<BillingCycle>("cycle");
    QTest::addColumn<int>("index");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");

    const auto M = BillingCycle::Monthly;
    QTest::newRow("31st into 30-day month") << QDate(2026, 3, 31) << M << 1 << QDate(2026, 4, 30) << QDate(2026, 5, 31);
    QTest::newRow("31st into Feb, common year") << QDate(2026, 1, 31) << M << 1 << QDate(2026, 2, 28)
                                                << QDate(2026, 3, 31);
    QTest::newRow("31st into Feb, leap year") << QDate(2028, 1, 31) << M << 1 << QDate(2028, 2, 29)
                                              << QDate(2028, 3, 31);
    QTest::newRow("30th into Feb, leap year") << QDate(2028, 1, 30) << M << 1 << QDate(2028, 2, 29)
                                              << QDate(2028, 3, 30);
    QTest::newRow("29th into Feb, common year") << QDate(2026, 1, 29) << M << 1 << QDate(2026, 2, 28)
                                                << QDate(2026, 3, 29);
    QTest::newRow("29th into Feb, leap year keeps 29") << QDate(2028, 1, 29) << M << 1 << QDate(2028, 2, 29)
                                                       << QDate(2028, 3, 29);
    QTest::newRow("28th never moves") << QDate(2026, 1, 28) << M << 1 << QDate(2026, 2, 28) << QDate(2026, 3, 28);
    QTest::newRow("Feb 2100 is not leap") << QDate(2100, 1, 31) << M << 1 << QDate(2100, 2, 28)
                                          << QDate(2100, 3, 31);
    QTest::newRow("Feb 2000 is leap") << QDate(2000, 1, 31) << M << 1 << QDate(2000, 2, 29) << QDate(2000, 3, 31);
    QTest::newRow("across the year") << QDate(2026, 12, 31) << M << 1 << QDate(2027, 1, 31) << QDate(2027, 2, 28);
    QTest::newRow("quarterly 31st: Nov 30") << QDate(2026, 8, 31) << BillingCycle::Quarterly << 1
                                            << QDate(2026, 11, 30) << QDate(2027, 2, 28);
    QTest::newRow("index 0 is the anchor") << QDate(2026, 5, 31) << M << 0 << QDate(2026, 5, 31)
                                           << QDate(2026, 6, 30);
}

void TestBillingPeriod::monthEnds()
{
    QFETCH(QDate, anchor);
    QFETCH(BillingCycle, cycle);
    QFETCH(int, index);
    QFETCH(QDate, start);
    QFETCH(QDate, end);

    const Result<BillingPeriod> period = periodAt(anchor, cycle, index);

    QVERIFY2(period.ok(), qPrintable(period.ok() ? QString() : period.error().toString()));
    QCOMPARE(period->index, index);
    QCOMPARE(period->start, start);
    QCOMPARE(period->end, end);
}

void TestBillingPeriod::jan31AnchorOverFourteenMonthsReturnsToItsDay()
{
    // given an anchor on Jan 31 of a year whose next February is leap
    const QDate anchor(2027, 1, 31);
    const QList<QDate> expected{
        QDate(2027, 1, 31), QDate(2027, 2, 28), QDate(2027, 3, 31), QDate(2027, 4, 30), QDate(2027, 5, 31),
        QDate(2027, 6, 30), QDate(2027, 7, 31), QDate(2027, 8, 31), QDate(2027, 9, 30), QDate(2027, 10, 31),
        QDate(2027, 11, 30), QDate(2027, 12, 31), QDate(2028, 1, 31), QDate(2028, 2, 29), QDate(2028, 3, 31),
    };

    // when / then: each start is computed from the anchor, the end is the next start
    for (int n = 0; n + 1 < expected.size(); ++n) {
        const Result<BillingPeriod> period = periodAt(anchor, BillingCycle::Monthly, n);
        QVERIFY(period.ok());
        QCOMPARE(period->start, expected[n]);
        QCOMPARE(period->end, expected[n + 1]);
        QCOMPARE(period->days(), int(expected[n].daysTo(expected[n + 1])));
    }
}

void TestBillingPeriod::periodsTileWithoutGapsOrDrift_data()
{
    QTest::addColumn<QDate>("anchor");
    QTest::addColumn<BillingCycle>("cycle");
    for (const QDate anchor : {QDate(2026, 1, 31), QDate(2028, 2, 29), QDate(2026, 8, 30), QDate(2026, 11, 1)}) {
        for (const BillingCycle cycle : allValues<BillingCycle>()) {
            QTest::addRow("%s %s", qPrintable(anchor.toString(Qt::ISODate)), qPrintable(toDb(cycle)))
                << anchor << cycle;
        }
    }
}

void TestBillingPeriod::periodsTileWithoutGapsOrDrift()
{
    QFETCH(QDate, anchor);
    QFETCH(BillingCycle, cycle);
    const int months = monthsPerCycle(cycle);

    for (int n = 0; n < 120; ++n) {
        const Result<BillingPeriod> period = periodAt(anchor, cycle, n);
        const Result<BillingPeriod> next = periodAt(anchor, cycle, n + 1);
        QVERIFY(period.ok() && next.ok());
        // no gap, no overlap
        QCOMPARE(period->end, next->start);
        // the start keeps the anchor's day unless the month is shorter (then its last day)
        const QDate monthOfStart = anchor.addMonths(n * months);
        QCOMPARE(period->start.month(), monthOfStart.month());
        QCOMPARE(period->start.day(), std::min(anchor.day(), period->start.daysInMonth()));
    }
}

void TestBillingPeriod::quarterlyAndYearlyFromLeapDay()
{
    const QDate leapDay(2028, 2, 29);
    // quarterly: May 29, Aug 29, Nov 29, Feb 28 2029 (common year), May 29 again
    const QList<QDate> quarterly{QDate(2028, 2, 29), QDate(2028, 5, 29), QDate(2028, 8, 29), QDate(2028, 11, 29),
                                 QDate(2029, 2, 28), QDate(2029, 5, 29)};
    for (int n = 0; n < quarterly.size(); ++n)
        QCOMPARE(periodAt(leapDay, BillingCycle::Quarterly, n)->start, quarterly[n]);
    // yearly: Feb 28 in common years, back to Feb 29 in the next leap year
    const QList<QDate> yearly{QDate(2028, 2, 29), QDate(2029, 2, 28), QDate(2030, 2, 28), QDate(2031, 2, 28),
                              QDate(2032, 2, 29)};
    for (int n = 0; n < yearly.size(); ++n)
        QCOMPARE(periodAt(leapDay, BillingCycle::Yearly, n)->start, yearly[n]);
    QCOMPARE(periodAt(leapDay, BillingCycle::Yearly, 0)->days(), 365);
}

void TestBillingPeriod::periodContainingOnBoundaries_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("index");
    QTest::addColumn<QDate>("start");

    // anchor Jan 31 2026, monthly: Jan 31, Feb 28, Mar 31, Apr 30
    QTest::newRow("the anchor itself") << QDate(2026, 1, 31) << 0 << QDate(2026, 1, 31);
    QTest::newRow("last day of period 0") << QDate(2026, 2, 27) << 0 << QDate(2026, 1, 31);
    QTest::newRow("first day of period 1") << QDate(2026, 2, 28) << 1 << QDate(2026, 2, 28);
    QTest::newRow("day 1 of a month in period 1") << QDate(2026, 3, 1) << 1 << QDate(2026, 2, 28);
    QTest::newRow("Mar 30 still period 1") << QDate(2026, 3, 30) << 1 << QDate(2026, 2, 28);
    QTest::newRow("Mar 31 starts period 2") << QDate(2026, 3, 31) << 2 << QDate(2026, 3, 31);
    QTest::newRow("Apr 29 still period 2") << QDate(2026, 4, 29) << 2 << QDate(2026, 3, 31);
    QTest::newRow("Apr 30 starts period 3") << QDate(2026, 4, 30) << 3 << QDate(2026, 4, 30);
    QTest::newRow("a year later") << QDate(2027, 1, 31) << 12 << QDate(2027, 1, 31);
}

void TestBillingPeriod::periodContainingOnBoundaries()
{
    QFETCH(QDate, day);
    QFETCH(int, index);
    QFETCH(QDate, start);

    const Result<BillingPeriod> period = periodContaining(QDate(2026, 1, 31), BillingCycle::Monthly, day);

    QVERIFY(period.ok());
    QCOMPARE(period->index, index);
    QCOMPARE(period->start, start);
    QVERIFY(period->contains(day));
    QVERIFY(!period->contains(period->end));
}

void TestBillingPeriod::periodsDueBetween()
{
    const QDate anchor(2026, 1, 31);
    // given a run covering Feb 28 .. Apr 30 (both inclusive)
    const Result<QList<BillingPeriod>> due
        = okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, QDate(2026, 2, 28), QDate(2026, 4, 30));
    QVERIFY(due.ok());
    QCOMPARE(due->size(), 3);
    QCOMPARE(due->at(0).start, QDate(2026, 2, 28));
    QCOMPARE(due->at(1).start, QDate(2026, 3, 31));
    QCOMPARE(due->at(2).start, QDate(2026, 4, 30));
    QCOMPARE(due->at(2).index, 3);

    // a day inside a period charges nothing; the day it starts charges it once
    QVERIFY(okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, QDate(2026, 3, 1), QDate(2026, 3, 30))
                ->isEmpty());
    QCOMPARE(okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, QDate(2026, 3, 31), QDate(2026, 3, 31))
                 ->size(),
             1);
    // a range before the anchor, and one that begins before it
    QVERIFY(okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, QDate(2025, 1, 1), QDate(2026, 1, 30))
                ->isEmpty());
    const auto fromBefore
        = okla::models::periodsDueBetween(anchor, BillingCycle::Yearly, QDate(2025, 6, 1), QDate(2027, 1, 31));
    QCOMPARE(fromBefore->size(), 2);
    QCOMPARE(fromBefore->at(0).index, 0);
    QCOMPARE(fromBefore->at(1).start, QDate(2027, 1, 31));
}

void TestBillingPeriod::periodsDueBetweenIsBounded()
{
    const QDate anchor(2026, 1, 1);
    const QDate from(2026, 1, 1);
    // exactly the limit is fine, one more period fails
    const auto atLimit = okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, from, QDate(2026, 12, 31), 12);
    QVERIFY(atLimit.ok());
    QCOMPARE(atLimit->size(), 12);
    const auto overLimit = okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, from, QDate(2027, 1, 1), 12);
    QVERIFY(!overLimit.ok());
    QCOMPARE(overLimit.error().code, QStringLiteral("billing.period.too_many"));
    // the default limit
    const auto centuries = okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, from, QDate(2126, 1, 1));
    QCOMPARE(centuries.error().code, QStringLiteral("billing.period.too_many"));
    QVERIFY(okla::models::periodsDueBetween(anchor, BillingCycle::Monthly, from, from.addMonths(kMaxPeriodsDue - 1))
                .ok());
}

void TestBillingPeriod::rejects_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<QString>("code");
    QTest::newRow("periodAt invalid anchor") << 0 << "billing.period.invalid_anchor";
    QTest::newRow("periodAt negative index") << 1 << "billing.period.bad_index";
    QTest::newRow("periodAt index too large") << 2 << "billing.period.bad_index";
    QTest::newRow("periodContaining before anchor") << 3 << "billing.period.before_anchor";
    QTest::newRow("periodContaining invalid day") << 4 << "billing.period.invalid_date";
    QTest::newRow("periodsDueBetween from after to") << 5 << "billing.period.bad_range";
    QTest::newRow("periodsDueBetween invalid to") << 6 << "billing.period.invalid_date";
    QTest::newRow("periodsDueBetween zero limit") << 7 << "billing.period.bad_limit";
    QTest::newRow("firstBilledDay negative months") << 8 << "billing.period.bad_free_months";
    QTest::newRow("anchor in year 10000") << 9 << "billing.period.invalid_anchor";
}

void TestBillingPeriod::rejects()
{
    QFETCH(int, call);
    QFETCH(QString, code);
    const QDate anchor(2026, 1, 31);
    const auto M = BillingCycle::Monthly;

    Error error;
    switch (call) {
    case 0: error = periodAt(QDate(), M, 0).error(); break;
    case 1: error = periodAt(anchor, M, -1).error(); break;
    case 2: error = periodAt(anchor, M, kMaxPeriodIndex + 1).error(); break;
    case 3: error = periodContaining(anchor, M, anchor.addDays(-1)).error(); break;
    case 4: error = periodContaining(anchor, M, QDate(2026, 2, 30)).error(); break;
    case 5: error = okla::models::periodsDueBetween(anchor, M, QDate(2026, 3, 2), QDate(2026, 3, 1)).error(); break;
    case 6: error = okla::models::periodsDueBetween(anchor, M, anchor, QDate()).error(); break;
    case 7: error = okla::models::periodsDueBetween(anchor, M, anchor, anchor, 0).error(); break;
    case 8: error = firstBilledDay(anchor, -1).error(); break;
    case 9: error = periodAt(QDate(10000, 1, 1), M, 0).error(); break;
    }
    QCOMPARE(error.code, code);
    QVERIFY(!error.message.isEmpty());
}

void TestBillingPeriod::earlyBirdFirstBilledDay()
{
    // current terms: 2 free months (docs/domain.md §20): the paid periods are anchored there
    QCOMPARE(*firstBilledDay(QDate(2026, 10, 15), 2), QDate(2026, 12, 15));
    QCOMPARE(*firstBilledDay(QDate(2026, 12, 31), 2), QDate(2027, 2, 28));
    QCOMPARE(*firstBilledDay(QDate(2027, 12, 30), 2), QDate(2028, 2, 29));
    QCOMPARE(*firstBilledDay(QDate(2025, 11, 30), 3), QDate(2026, 2, 28));
    QCOMPARE(*firstBilledDay(QDate(2026, 5, 5), 0), QDate(2026, 5, 5));
    const QDate anchor = *firstBilledDay(QDate(2026, 10, 31), 2);
    QCOMPARE(periodAt(anchor, BillingCycle::Monthly, 1)->start, QDate(2027, 1, 31));
}

void TestBillingPeriod::businessDateNearMidnightUtc_data()
{
    QTest::addColumn<QDateTime>("moment");
    QTest::addColumn<QDate>("date");
    const QTimeZone utc = QTimeZone::utc();
    QTest::newRow("00:00 UTC is the evening before") << QDateTime(QDate(2026, 3, 1), QTime(0, 0), utc)
                                                     << QDate(2026, 2, 28);
    QTest::newRow("03:59:59 UTC still the day before") << QDateTime(QDate(2027, 1, 1), QTime(3, 59, 59), utc)
                                                       << QDate(2026, 12, 31);
    QTest::newRow("04:00 UTC is local midnight") << QDateTime(QDate(2027, 1, 1), QTime(4, 0), utc)
                                                 << QDate(2027, 1, 1);
    QTest::newRow("23:59 UTC same day") << QDateTime(QDate(2026, 7, 15), QTime(23, 59), utc) << QDate(2026, 7, 15);
    QTest::newRow("leap day evening") << QDateTime(QDate(2028, 3, 1), QTime(2, 0), utc) << QDate(2028, 2, 29);
    // no daylight saving time: the same offset in (northern) summer and winter
    QTest::newRow("July 03:30 UTC") << QDateTime(QDate(2026, 7, 2), QTime(3, 30), utc) << QDate(2026, 7, 1);
    QTest::newRow("January 03:30 UTC") << QDateTime(QDate(2026, 1, 2), QTime(3, 30), utc) << QDate(2026, 1, 1);
    QTest::newRow("offset given elsewhere") << QDateTime(QDate(2026, 5, 2), QTime(1, 0), QTimeZone(2 * 3600))
                                            << QDate(2026, 5, 1);
    QTest::newRow("invalid moment") << QDateTime() << QDate();
}

void TestBillingPeriod::businessDateNearMidnightUtc()
{
    QFETCH(QDateTime, moment);
    QFETCH(QDate, date);
    QCOMPARE(businessDate(moment), date);
}

QTEST_GUILESS_MAIN(TestBillingPeriod)
#include "tst_billingperiod.moc"
