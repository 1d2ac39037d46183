// Pure KPI math (models/kpi): exact amounts, conversions, periods and docs/kpi.md §17's undefined rules.
#include <QtTest>

#include "models/kpi/kpiamount.h"
#include "models/kpi/kpicalculator.h"
#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpiseriesmodel.h"

using namespace okla::models::kpi;
using okla::models::Currency;

namespace {
KpiAmount dop(qint64 minor)
{
    return KpiAmount::fromMinor(minor, Currency::DOP);
}
KpiAmount usd(qint64 minor)
{
    return KpiAmount::fromMinor(minor, Currency::USD);
}
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
} // namespace

class TestKpiMath : public QObject
{
    Q_OBJECT
private slots:
    void parsesNumericTextExactly_data();
    void parsesNumericTextExactly();
    void convertsAtTheRateWithoutFloatingPoint();
    void periodsKnowTheirMonths();
    void churnOverARangeIsTheMeanOfWholeMonths();
    void quickRatioWithoutLossesSaysSo();
    void undefinedShowsADash();
    void csvQuotesAndKeepsExactTexts();
    void overflowIsAnErrorNeverAWrap();
    void currenciesNeverMix();
    void aSumStartsWithoutACurrency();
};

void TestKpiMath::parsesNumericTextExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("scaled");
    QTest::addColumn<bool>("valid");
    QTest::newRow("third of a cent") << "1680083.333333333333" << qint64(16800833333) << true;
    QTest::newRow("rounds half up") << "0.00005" << qint64(1) << true;
    QTest::newRow("negative") << "-406000" << qint64(-4060000000) << true;
    QTest::newRow("short fraction") << "12.5" << qint64(125000) << true;
    QTest::newRow("exponent refused") << "1e3" << qint64(0) << false;
    QTest::newRow("empty refused") << "" << qint64(0) << false;
}

void TestKpiMath::parsesNumericTextExactly()
{
    QFETCH(QString, text);
    QFETCH(qint64, scaled);
    QFETCH(bool, valid);
    const auto a = KpiAmount::parse(text, Currency::DOP);
    QCOMPARE(a.has_value(), valid);
    if (valid)
        QCOMPARE(a->scaled(), scaled);
}

void TestKpiMath::convertsAtTheRateWithoutFloatingPoint()
{
    const FxRate rate = *FxRate::parse(QStringLiteral("58.7514"));
    // US$99.00 -> RD$5,816.3886 exactly
    QCOMPARE(convert(usd(9900), Currency::DOP, rate), KpiAmount::parse(QStringLiteral("581638.86"), Currency::DOP).value());
    // RD$5,742.00 -> US$97.733841... rounded at the 4th decimal of a cent
    QCOMPARE(convert(dop(574200), Currency::USD, rate).toMinorString(), QStringLiteral("9773.3841"));
    const NativeAmounts both{dop(574200), usd(9900)};
    QCOMPARE(toReporting(both, Currency::DOP, rate), KpiAmount::parse(QStringLiteral("1155838.86"), Currency::DOP).value());
    QCOMPARE(dop(201049).roundedMinor(), 201049);
    QCOMPARE(KpiAmount::parse(QStringLiteral("-0.5"), Currency::DOP)->roundedMinor(), -1); // half away from zero
}

void TestKpiMath::periodsKnowTheirMonths()
{
    const KpiPeriod q = KpiPeriod::quarter(2026, 4);
    QCOMPARE(q.from, QDate(2026, 10, 1));
    QCOMPARE(q.to, QDate(2026, 12, 31));
    QCOMPARE(q.wholeMonths().size(), 3);
    QCOMPARE(q.previous(), KpiPeriod::quarter(2026, 3));
    QCOMPARE(KpiPeriod::month(2026, 1).previous(), KpiPeriod::month(2025, 12));
    const KpiPeriod custom = KpiPeriod::custom(QDate(2026, 10, 15), QDate(2026, 12, 31));
    QCOMPARE(custom.wholeMonths(), QList<QDate>({QDate(2026, 11, 1), QDate(2026, 12, 1)}));
    QCOMPARE(custom.previous().to, QDate(2026, 10, 14));
    QCOMPARE(q.key(), QStringLiteral("2026-Q4"));
}

void TestKpiMath::churnOverARangeIsTheMeanOfWholeMonths()
{
    QList<MonthRow> rows(3);
    rows[0].month = QDate(2026, 7, 1);
    rows[0].payingStart = 50;
    rows[0].churned = 1; // 2 %
    rows[1].month = QDate(2026, 8, 1);
    rows[1].payingStart = 0; // nobody paying: no rate, not 0 %
    rows[2].month = QDate(2026, 9, 1);
    rows[2].payingStart = 25;
    rows[2].churned = 1; // 4 %
    const auto mean = KpiCalculator::meanChurn(rows, KpiPeriod::quarter(2026, 3).wholeMonths());
    QVERIFY(mean);
    QVERIFY(qAbs(*mean - 0.03) < 1e-12);
    QVERIFY(!KpiCalculator::monthlyChurn(rows[1]));
    // LTV needs three months with a rate among the six before: only two here
    QVERIFY(!KpiCalculator::ltv(rows, QDate(2026, 10, 1), dop(500000)));
}

void TestKpiMath::quickRatioWithoutLossesSaysSo()
{
    KpiData data;
    data.period = KpiPeriod::month(2026, 10);
    PeriodRow p;
    p.period = data.period;
    p.rateStart = p.rateEnd = FxRate{58000000, false};
    p.movements[Movement::New].dop = dop(574200);
    p.endMrr.dop = dop(574200);
    const KpiSummary s = KpiCalculator::summarize(data, p, Currency::DOP);
    QVERIFY(s.quickRatioNoLosses);
    QVERIFY(!s.quickRatio);
    QVERIFY(!s.customerChurn); // nobody paying at start
    QVERIFY(!s.grossMrrChurn);
    QCOMPARE(s.netNew, dop(574200));
}

void TestKpiMath::undefinedShowsADash()
{
    QCOMPARE(KpiCalculator::formatPercent(std::nullopt), QStringLiteral("—"));
    QVERIFY(!ratio(qint64(3), qint64(0)));
    QVERIFY(!dop(100).dividedBy(0));
}

void TestKpiMath::csvQuotesAndKeepsExactTexts()
{
    KpiSeriesModel model;
    model.reset({QStringLiteral("oct 26")}, {QStringLiteral("2026-10-01")},
                {{QStringLiteral("Expansión"), QStringLiteral("expansion"), {1234.5}, {QStringLiteral("RD$1,234.50")}}});
    QCOMPARE(model.toCsv(), QStringLiteral(",Expansión\r\noct 26,\"RD$1,234.50\"\r\n"));
    QCOMPARE(model.data(model.index(0, 0), KpiSeriesModel::ValueRole).toDouble(), 1234.5);
}

void TestKpiMath::overflowIsAnErrorNeverAWrap()
{
    // given the largest amount and amounts that cannot be scaled
    const KpiAmount max = KpiAmount::fromScaled(kMax, Currency::DOP);
    const KpiAmount min = KpiAmount::fromScaled(std::numeric_limits<qint64>::min(), Currency::DOP);

    // when it grows past int64, in each way
    const auto added = max.add(KpiAmount::fromScaled(1, Currency::DOP));
    const auto subtracted = min.subtract(KpiAmount::fromScaled(1, Currency::DOP));
    const KpiAmount summed = max + KpiAmount::fromScaled(1, Currency::DOP);
    const KpiAmount negated = -min;
    const KpiAmount tooManyCents = KpiAmount::fromMinor(kMax / 100, Currency::DOP);
    const KpiAmount converted = convert(KpiAmount::fromScaled(kMax / 2, Currency::USD), Currency::DOP,
                                       *FxRate::parse(QStringLiteral("58.5")));

    // then each is Money's overflow error, and the operators' result stays invalid
    QCOMPARE(added.error().code, QStringLiteral("money.overflow"));
    QCOMPARE(subtracted.error().code, QStringLiteral("money.overflow"));
    for (const KpiAmount &a : {summed, negated, tooManyCents, converted, min.abs()}) {
        QVERIFY(!a.isValid());
        QCOMPARE(a.error().code, QStringLiteral("money.overflow"));
        QCOMPARE(a.checked().error().code, QStringLiteral("money.overflow"));
    }
    const KpiAmount later = summed - max + dop(1);
    QVERIFY(!later.isValid());
    QCOMPARE(later.error().code, QStringLiteral("money.overflow"));
    QCOMPARE(later.format(Currency::DOP), QStringLiteral("—"));
    QCOMPARE(later.toMinorString(), QString());
    QVERIFY(!later.isZero());
    QVERIFY(!ratio(later, dop(1)));
    // and the largest sum that fits is exact
    QCOMPARE((max - dop(1) + dop(1)).scaled(), kMax);
}

void TestKpiMath::currenciesNeverMix()
{
    // given pesos and dollars
    const KpiAmount pesos = dop(100);
    const KpiAmount dollars = usd(100);

    // when they are combined
    const auto added = pesos.add(dollars);
    const KpiAmount summed = pesos + dollars;
    KpiAmount accumulated = dop(5);
    accumulated -= dollars;
    const KpiAmount converted = convert(pesos, Currency::USD, Currency::DOP, *FxRate::parse(QStringLiteral("58")));

    // then Money's mismatch error, naming both currencies; nothing shows a number
    QCOMPARE(added.error().code, QStringLiteral("money.currency_mismatch"));
    QVERIFY2(added.error().message.contains(QStringLiteral("DOP")) && added.error().message.contains(QStringLiteral("USD")),
             qPrintable(added.error().message));
    for (const KpiAmount &a : {summed, accumulated, converted, summed + pesos}) {
        QVERIFY(!a.isValid());
        QCOMPARE(a.error().code, QStringLiteral("money.currency_mismatch"));
        QCOMPARE(a.format(Currency::DOP), QStringLiteral("—"));
    }
    QVERIFY(!ratio(pesos, dollars));
    // and an amount shown in another currency than its own is not shown
    QCOMPARE(dollars.format(Currency::DOP), QStringLiteral("—"));
    QVERIFY(dollars.format(Currency::USD).contains(QStringLiteral("US$")));
}

void TestKpiMath::aSumStartsWithoutACurrency()
{
    // given an empty sum and a figure parsed without a currency
    KpiAmount sum;
    const KpiAmount target = *KpiAmount::parse(QStringLiteral("4000000"));

    // when dollars are added
    sum += usd(250);
    sum += usd(50);

    // then the sum is in dollars; the figure without currency does not mix with it
    QCOMPARE(sum, usd(300));
    QVERIFY(sum.currency() == Currency::USD);
    QCOMPARE((sum + target).error().code, QStringLiteral("money.currency_mismatch"));
    QCOMPARE((sum + KpiAmount()), usd(300));
    QCOMPARE(target.format(Currency::USD), usd(4000000).format(Currency::USD));
    QCOMPARE(convert(target, Currency::USD, Currency::USD, FxRate{}), usd(4000000));
    QCOMPARE(convert(KpiAmount(), Currency::DOP, FxRate{}), dop(0));
}

QTEST_GUILESS_MAIN(TestKpiMath)
#include "tst_kpimath.moc"
