// Pure KPI math (models/kpi): exact amounts, conversions, periods and docs/kpi.md §17's undefined rules.
#include <QtTest>

#include "models/kpi/kpiamount.h"
#include "models/kpi/kpicalculator.h"
#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpiseriesmodel.h"

using namespace okla::models::kpi;
using okla::models::Currency;

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
    const auto a = KpiAmount::parse(text);
    QCOMPARE(a.has_value(), valid);
    if (valid)
        QCOMPARE(a->scaled(), scaled);
}

void TestKpiMath::convertsAtTheRateWithoutFloatingPoint()
{
    const FxRate rate = *FxRate::parse(QStringLiteral("58.7514"));
    // US$99.00 -> RD$5,816.3886 exactly
    QCOMPARE(convert(KpiAmount::fromMinor(9900), Currency::USD, Currency::DOP, rate), KpiAmount::parse(QStringLiteral("581638.86")).value());
    // RD$5,742.00 -> US$97.733841... rounded at the 4th decimal of a cent
    QCOMPARE(convert(KpiAmount::fromMinor(574200), Currency::DOP, Currency::USD, rate).toMinorString(), QStringLiteral("9773.3841"));
    const NativeAmounts both{KpiAmount::fromMinor(574200), KpiAmount::fromMinor(9900)};
    QCOMPARE(toReporting(both, Currency::DOP, rate), KpiAmount::parse(QStringLiteral("1155838.86")).value());
    QCOMPARE(KpiAmount::fromMinor(201049).roundedMinor(), 201049);
    QCOMPARE(KpiAmount::parse(QStringLiteral("-0.5"))->roundedMinor(), -1); // half away from zero
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
    QVERIFY(!KpiCalculator::ltv(rows, QDate(2026, 10, 1), KpiAmount::fromMinor(500000)));
}

void TestKpiMath::quickRatioWithoutLossesSaysSo()
{
    KpiData data;
    data.period = KpiPeriod::month(2026, 10);
    PeriodRow p;
    p.period = data.period;
    p.rateStart = p.rateEnd = FxRate{58000000, false};
    p.movements[Movement::New].dop = KpiAmount::fromMinor(574200);
    p.endMrr.dop = KpiAmount::fromMinor(574200);
    const KpiSummary s = KpiCalculator::summarize(data, p, Currency::DOP);
    QVERIFY(s.quickRatioNoLosses);
    QVERIFY(!s.quickRatio);
    QVERIFY(!s.customerChurn); // nobody paying at start
    QVERIFY(!s.grossMrrChurn);
    QCOMPARE(s.netNew, KpiAmount::fromMinor(574200));
}

void TestKpiMath::undefinedShowsADash()
{
    QCOMPARE(KpiCalculator::formatPercent(std::nullopt), QStringLiteral("—"));
    QVERIFY(!ratio(qint64(3), qint64(0)));
    QVERIFY(!KpiAmount::fromMinor(100).dividedBy(0));
}

void TestKpiMath::csvQuotesAndKeepsExactTexts()
{
    KpiSeriesModel model;
    model.reset({QStringLiteral("oct 26")}, {QStringLiteral("2026-10-01")},
                {{QStringLiteral("Expansión"), QStringLiteral("expansion"), {1234.5}, {QStringLiteral("RD$1,234.50")}}});
    QCOMPARE(model.toCsv(), QStringLiteral(",Expansión\r\noct 26,\"RD$1,234.50\"\r\n"));
    QCOMPARE(model.data(model.index(0, 0), KpiSeriesModel::ValueRole).toDouble(), 1234.5);
}

QTEST_GUILESS_MAIN(TestKpiMath)
#include "tst_kpimath.moc"
