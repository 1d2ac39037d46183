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
    void yearlyDiscountIsThePolicys();
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

    // Catalog v5 (docs/domain.md §3, §4) with the policy's 17 % yearly discount: 12 × monthly × 0.83, half
    // up to whole units.
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
    const int catalogV5DiscountBp = 1700;

    // when / then
    QCOMPARE(*cyclePrice(monthly, BillingCycle::Monthly, catalogV5DiscountBp), monthly);
    QCOMPARE(*cyclePrice(monthly, BillingCycle::Quarterly, catalogV5DiscountBp),
             Money::fromMinor(quarterlyMinor, currency));
    QCOMPARE(*cyclePrice(monthly, BillingCycle::Yearly, catalogV5DiscountBp), Money::fromMinor(yearlyMinor, currency));
}

void TestBillingCycle::cyclePriceRejects()
{
    // given
    const Money huge = Money::fromMinor(std::numeric_limits<qint64>::max() / 2, Currency::USD);
    const Money price = Money::fromMinor(2900, Currency::USD);

    // then
    QCOMPARE(cyclePrice(Money::fromMinor(-1, Currency::DOP), BillingCycle::Monthly, 1700).error().code,
             QStringLiteral("billing.negative_price"));
    QCOMPARE(cyclePrice(huge, BillingCycle::Quarterly, 1700).error().code, QStringLiteral("money.overflow"));
    QCOMPARE(cyclePrice(huge, BillingCycle::Yearly, 1700).error().code, QStringLiteral("money.overflow"));
    QCOMPARE(cyclePrice(price, BillingCycle::Yearly, -1).error().code, QStringLiteral("billing.invalid_yearly_discount"));
    QCOMPARE(cyclePrice(price, BillingCycle::Monthly, 10001).error().code,
             QStringLiteral("billing.invalid_yearly_discount"));
}

void TestBillingCycle::yearlyDiscountIsThePolicys()
{
    // given the same US$29.00 plan under other policies
    const Money price = Money::fromMinor(2900, Currency::USD);

    // when / then: no discount, 20 %, a whole year free, and 16.67 % (two months free, rounded)
    QCOMPARE(cyclePrice(price, BillingCycle::Yearly, 0)->minorUnits(), 34800);
    QCOMPARE(cyclePrice(price, BillingCycle::Yearly, 2000)->minorUnits(), 27800); // 278.40 -> 278
    QCOMPARE(cyclePrice(price, BillingCycle::Yearly, 10000)->minorUnits(), 0);
    QCOMPARE(cyclePrice(price, BillingCycle::Yearly, 1667)->minorUnits(), 29000); // 289.9884 -> 290
    // and the discount never touches the other cycles
    QCOMPARE(cyclePrice(price, BillingCycle::Quarterly, 2000)->minorUnits(), 8700);
}

QTEST_GUILESS_MAIN(TestBillingCycle)
#include "tst_billingcycle.moc"
