#include <limits>

#include <QTest>

#include "models/billingcycle.h"

using namespace okla::models;

class TestBillingCycle : public QObject
{
    Q_OBJECT

private slots:
    void monthsPerCycle_data();
    void monthsPerCycle();
    void cyclePrices_data();
    void cyclePrices();
    void cyclePriceRejects();
    void configurableYearlyFactor();
    void monthlyRecurringIsExact();
    void mrrTotalRoundsOnce();
    void mrrTotalRejectsMixedCurrencies();
};

void TestBillingCycle::monthsPerCycle_data()
{
    QTest::addColumn<BillingCycle>("cycle");
    QTest::addColumn<int>("months");
    QTest::newRow("monthly") << BillingCycle::Monthly << 1;
    QTest::newRow("quarterly") << BillingCycle::Quarterly << 3;
    QTest::newRow("yearly") << BillingCycle::Yearly << 12;
}

void TestBillingCycle::monthsPerCycle()
{
    QFETCH(BillingCycle, cycle);
    QFETCH(int, months);
    QCOMPARE(okla::models::monthsPerCycle(cycle), months);
}

void TestBillingCycle::cyclePrices_data()
{
    QTest::addColumn<Currency>("currency");
    QTest::addColumn<qint64>("monthlyMinor");
    QTest::addColumn<qint64>("quarterlyMinor");
    QTest::addColumn<qint64>("yearlyMinor");

    // Catalog v5 (docs/domain.md §3, §4). Yearly = 12 × monthly × 0.83, half up to whole units.
    QTest::newRow("libre") << Currency::DOP << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("visible USD 288.84 -> 289") << Currency::USD << qint64(2900) << qint64(8700) << qint64(28900);
    QTest::newRow("visible DOP 16,752.72 -> 16,753") << Currency::DOP << qint64(168200) << qint64(504600)
                                                     << qint64(1675300);
    QTest::newRow("starter DOP 34,083.12 -> 34,083") << Currency::DOP << qint64(342200) << qint64(1026600)
                                                     << qint64(3408300);
    QTest::newRow("pro USD 986.04 -> 986") << Currency::USD << qint64(9900) << qint64(29700) << qint64(98600);
    QTest::newRow("elite DOP 201,610.32") << Currency::DOP << qint64(2024200) << qint64(6072600) << qint64(20161000);
    QTest::newRow("enterprise USD 5,966.04") << Currency::USD << qint64(59900) << qint64(179700) << qint64(596600);
    QTest::newRow("exact half 124.50 -> 125") << Currency::USD << qint64(1250) << qint64(3750) << qint64(12500);
    QTest::newRow("just below half 124.4004 -> 124") << Currency::USD << qint64(1249) << qint64(3747)
                                                      << qint64(12400);
}

void TestBillingCycle::cyclePrices()
{
    QFETCH(Currency, currency);
    QFETCH(qint64, monthlyMinor);
    QFETCH(qint64, quarterlyMinor);
    QFETCH(qint64, yearlyMinor);

    // given
    const Money monthly = Money::fromMinor(monthlyMinor, currency);

    // when / then
    QCOMPARE(*cyclePrice(monthly, BillingCycle::Monthly), monthly);
    QCOMPARE(*cyclePrice(monthly, BillingCycle::Quarterly), Money::fromMinor(quarterlyMinor, currency));
    QCOMPARE(*cyclePrice(monthly, BillingCycle::Yearly), Money::fromMinor(yearlyMinor, currency));
}

void TestBillingCycle::cyclePriceRejects()
{
    // given
    const Money huge = Money::fromMinor(std::numeric_limits<qint64>::max() / 2, Currency::USD);

    // then
    QCOMPARE(cyclePrice(Money::fromMinor(-1, Currency::DOP), BillingCycle::Monthly).error().code,
             QStringLiteral("billing.negative_price"));
    QCOMPARE(cyclePrice(huge, BillingCycle::Quarterly).error().code, QStringLiteral("money.overflow"));
    QCOMPARE(cyclePrice(huge, BillingCycle::Yearly).error().code, QStringLiteral("money.overflow"));
    QCOMPARE(cyclePrice(huge, BillingCycle::Yearly, {0, 100}).error().code,
             QStringLiteral("billing.invalid_yearly_factor"));
}

void TestBillingCycle::configurableYearlyFactor()
{
    // given: a future catalog with 10 months for the price of 12 (factor 10/12)
    const CyclePricing tenForTwelve{10, 12};

    // when
    const auto yearly = cyclePrice(Money::fromMinor(2900, Currency::USD), BillingCycle::Yearly, tenForTwelve);

    // then
    QCOMPARE(yearly->minorUnits(), 29000);
}

void TestBillingCycle::monthlyRecurringIsExact()
{
    // given: RD$16,753.00 a year is RD$1,396.0833… a month
    const Money yearly = Money::fromMinor(1675300, Currency::DOP);

    // when
    const MonthlyRecurring mrr = monthlyRecurring(yearly, BillingCycle::Yearly);

    // then
    QCOMPARE(mrr.numerator(), 1675300);
    QCOMPARE(mrr.denominator(), 12);
    QCOMPARE(mrr.rounded().minorUnits(), 139608);
    QCOMPARE(monthlyRecurring(Money::fromMinor(-5, Currency::DOP), BillingCycle::Quarterly).rounded().minorUnits(),
             -2); // -1.67 rounds away from zero
}

void TestBillingCycle::mrrTotalRoundsOnce()
{
    // given: three quarterly RD$100.00 plans = 3 × 33.333… = exactly RD$100.00 a month;
    // rounding each row first would give 3 × 33.33 = 99.99
    MrrTotal total(Currency::DOP);
    const MonthlyRecurring quarterly = monthlyRecurring(Money::fromMinor(10000, Currency::DOP), BillingCycle::Quarterly);
    const MonthlyRecurring yearly = monthlyRecurring(Money::fromMinor(6, Currency::DOP), BillingCycle::Yearly);

    // when
    for (int i = 0; i < 3; ++i)
        QVERIFY(total.add(quarterly).ok());

    // then
    QCOMPARE(3 * quarterly.rounded().minorUnits(), 9999);
    QCOMPARE(total.rounded()->minorUnits(), 10000);

    // and: 0.06 a year is half a cent a month, which rounds up only once summed
    QVERIFY(total.add(yearly).ok());
    QCOMPARE(total.rounded()->minorUnits(), 10001);
}

void TestBillingCycle::mrrTotalRejectsMixedCurrencies()
{
    // given
    MrrTotal total(Currency::USD);

    // when
    const Status added = total.add(monthlyRecurring(Money::fromMinor(100, Currency::DOP), BillingCycle::Monthly));
    const Status badCycle = total.add(MonthlyRecurring{Money::fromMinor(100, Currency::USD), 5});

    // then
    QCOMPARE(added.error().code, QStringLiteral("money.currency_mismatch"));
    QCOMPARE(badCycle.error().code, QStringLiteral("billing.invalid_cycle"));
    QCOMPARE(total.rounded()->minorUnits(), 0);
}

QTEST_GUILESS_MAIN(TestBillingCycle)
#include "tst_billingcycle.moc"
