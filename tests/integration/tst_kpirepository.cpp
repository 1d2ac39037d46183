// KPIs of a hand-made dataset (kpitestdata.h) against values computed by hand from docs/kpi.md.
#include <QtTest>

#include "harness/testenv.h"
#include "integration/kpitestdata.h"
#include "models/kpi/kpicalculator.h"
#include "services/kpi/kpirepository.h"
#include "services/kpi/kpisnapshotbuilder.h"
#include "services/database/migrator.h"

using namespace okla::models::kpi;
using okla::models::Currency;
using okla::services::KpiRepository;
using okla::services::KpiSnapshotBuilder;
using okla::services::PgConnection;

namespace {
KpiAmount amt(const char *text, Currency currency = Currency::DOP)
{
    return KpiAmount::parse(QString::fromLatin1(text), currency).value();
}
void fuzzyRatio(std::optional<double> actual, double expected)
{
    QVERIFY2(actual.has_value(), "ratio undefined");
    QVERIFY2(std::abs(*actual - expected) < 1e-9, qPrintable(QStringLiteral("%1 != %2").arg(*actual).arg(expected)));
}
} // namespace

class TestKpiRepository : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void changeLogFollowsTheMovementTable();
    void februaryByHand();
    void februaryInUsd();
    void marchInvoluntaryChurnAndReactivation();
    void quarterClosesWithTheFxEffect();
    void paymentsAndDunning();
    void ltvNeedsThreeMonthsOfChurn();
    void monthWithNoDealersIsUndefinedNotZero();
    void drillDownListsTheDealersBehindANumber();
    void refreshMatchesARebuild();
    void managersReadSnapshotsButCannotWriteThem();

private:
    KpiData load(const KpiPeriod &period);
    std::unique_ptr<okla::tests::ThrowawayDatabase> m_db;
    PgConnection m_owner;
};

void TestKpiRepository::initTestCase()
{
    m_db = std::make_unique<okla::tests::ThrowawayDatabase>(QStringLiteral("okla_kpitest_%1").arg(QCoreApplication::applicationPid()));
    auto owner = m_db->connectAs(QStringLiteral("okla_owner"));
    QVERIFY2(owner.ok(), qPrintable(owner.ok() ? QString() : owner.error().toString()));
    m_owner = std::move(owner.value());
    auto migrated = okla::services::Migrator::migrate(m_owner);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().toString()));
    auto loaded = m_owner.execScript(okla::tests::kpi::smallDatasetSql());
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    auto built = KpiSnapshotBuilder::rebuild(m_owner, QDate(2026, 3, 31));
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().toString()));
}

KpiData TestKpiRepository::load(const KpiPeriod &period)
{
    auto data = KpiRepository::load(m_owner, period);
    if (!data.ok())
        qFatal("load: %s", qPrintable(data.error().toString()));
    return data.value();
}

void TestKpiRepository::changeLogFollowsTheMovementTable()
{
    // when
    auto r = m_owner.exec(QStringLiteral("SELECT dealer_id, effective_date, kind, involuntary FROM dealer_mrr_changes "
                                         "ORDER BY dealer_id, effective_date"));
    QVERIFY(r.ok());
    QStringList rows;
    for (int i = 0; i < r->rows(); ++i)
        rows << QStringLiteral("%1 %2 %3%4").arg(r->text(i, 0), r->text(i, 1), r->text(i, 2),
                                               r->text(i, 3) == QLatin1String("t") ? QStringLiteral(" inv") : QString());
    // then: libre (7) and the Ley 358-05 withdrawal (8) never appear; the trial counts from its
    // first paid day; the Early Bird dealer from the end of its free months.
    const QStringList expected{
        "1 2026-01-10 new", "1 2026-02-15 expansion", "2 2026-01-05 new", "2 2026-02-10 contraction",
        "3 2025-12-20 new", "3 2026-02-20 churn", "4 2026-01-03 new", "4 2026-03-01 expansion",
        "5 2026-01-29 new", "5 2026-03-07 churn inv", "5 2026-03-20 reactivation", "6 2026-03-02 new",
        "9 2026-02-01 new"};
    QCOMPARE(rows, expected);
}

void TestKpiRepository::februaryByHand()
{
    // given: start = D1 342,200 + D2 574,200 + D3 1,680,083.33 (elite yearly: 20,161,000 / 12)
    //        + D5 168,200 DOP, and D4 8,910 USD x 59 (rate of 1 Feb)
    const KpiData data = load(KpiPeriod::month(2026, 2));
    // when
    const KpiSummary s = KpiCalculator::summarize(data, data.current, Currency::DOP);
    // then
    QCOMPARE(s.mrrStart, amt("3290373.3333"));
    QCOMPARE(s.mrrEnd, amt("2010490"));           // 1,484,800 DOP + 8,910 x 59
    QCOMPARE(s.movements[size_t(Movement::New)], amt("574200"));
    QCOMPARE(s.movements[size_t(Movement::Expansion)], amt("232000"));
    QCOMPARE(s.movements[size_t(Movement::Contraction)], amt("406000"));
    QCOMPARE(s.movements[size_t(Movement::Churn)], amt("1680083.3333"));
    QCOMPARE(s.movements[size_t(Movement::Reactivation)], amt("0"));
    QCOMPARE(s.netNew, amt("-1279883.3333"));
    QCOMPARE(s.fxEffect, amt("0"));
    QCOMPARE(s.payingStart, 5);
    QCOMPARE(s.payingEnd, 5);
    QCOMPARE(s.subscribedEnd, 6);                 // + the Early Bird dealer in free months
    QCOMPARE(s.churnedVoluntary, 1);
    QCOMPARE(s.churnedInvoluntary, 0);
    fuzzyRatio(s.customerChurn, 1.0 / 5.0);
    fuzzyRatio(s.grossMrrChurn, 2086083.3333 / 3290373.3333);
    fuzzyRatio(s.netMrrChurn, (2086083.3333 - 232000.0) / 3290373.3333);
    fuzzyRatio(s.nrr, (910600.0 + 525690.0) / 3290373.3333);
    QCOMPARE(s.arpa.value(), amt("402098"));
    QCOMPARE(s.listArpa.value(), amt("413780"));  // (1,484,800 + 9,900 x 59) / 5
    QCOMPARE(s.discounts, amt("58410"));          // D4's 10 %: 990 x 59
    fuzzyRatio(s.quickRatio, 806200.0 / 2086083.3333);
    QVERIFY(!s.quickRatioNoLosses);
}

void TestKpiRepository::februaryInUsd()
{
    const KpiData data = load(KpiPeriod::month(2026, 2));
    const KpiSummary s = KpiCalculator::summarize(data, data.current, Currency::USD);
    // USD figures = DOP / the same day's rate (59 all February)
    QCOMPARE(s.mrrEnd, amt("34076.1017", Currency::USD));        // 1,484,800 / 59 + 8,910
    QCOMPARE(s.mrrStart, amt("55769.0395", Currency::USD));      // 2,764,683.3333 / 59 + 8,910
    QCOMPARE(s.movements[size_t(Movement::Churn)], amt("28475.9887", Currency::USD));
    fuzzyRatio(s.customerChurn, 0.2);
}

void TestKpiRepository::marchInvoluntaryChurnAndReactivation()
{
    const KpiData data = load(KpiPeriod::month(2026, 3));
    const KpiSummary s = KpiCalculator::summarize(data, data.current, Currency::DOP);
    QCOMPARE(s.payingStart, 5);
    QCOMPARE(s.payingEnd, 6);  // 5 + new (D6) + reactivated (D5) - churned (D5)
    QCOMPARE(s.churnedInvoluntary, 1);
    QCOMPARE(s.churnedVoluntary, 0);
    QCOMPARE(s.movements[size_t(Movement::Reactivation)], amt("168200"));
    QCOMPARE(s.movements[size_t(Movement::New)], amt("430650"));       // 574,200 less 25 % Early Bird
    QCOMPARE(s.movements[size_t(Movement::Expansion)], amt("59400"));  // D4's discount ends: 990 x 60
    QCOMPARE(s.mrrEnd, amt("2509450"));
}

void TestKpiRepository::quarterClosesWithTheFxEffect()
{
    // given: 1 Jan rate 58, 31 Mar rate 60; USD MRR at end 9,900
    const KpiData data = load(KpiPeriod::quarter(2026, 1));
    const KpiSummary s = KpiCalculator::summarize(data, data.current, Currency::DOP);
    QCOMPARE(s.mrrStart, amt("1680083.3333"));
    QCOMPARE(s.mrrEnd, amt("2509450"));
    QCOMPARE(s.netNew, amt("809566.6667"));       // DOP 235,366.6667 + USD 9,900 x 58
    QCOMPARE(s.fxEffect, amt("19800"));           // 9,900 x (60 - 58)
    QCOMPARE(s.fxEffectFormula, s.fxEffect);
    fuzzyRatio(s.customerChurn, (0.0 + 0.2 + 0.2) / 3.0); // mean of January, February, March
    QCOMPARE(s.churnedDealers, 2);                // D3 and D5, each once
}

void TestKpiRepository::paymentsAndDunning()
{
    const KpiData feb = load(KpiPeriod::month(2026, 2));
    QCOMPARE(feb.providers.size(), 1);
    const ProviderSummary azul = KpiCalculator::provider(feb.providers.first());
    fuzzyRatio(azul.firstAttempt, 2.0 / 4.0);   // D9, D8 ok; D2, D5 declined at attempt 1
    fuzzyRatio(azul.overall, 3.0 / 5.0);        // + D2's retry
    const DunningSummary d = KpiCalculator::dunning(feb.dunning, Currency::DOP, feb.current.rateStart);
    fuzzyRatio(d.collection, 3.0 / 4.0);
    fuzzyRatio(d.recovery, 1.0 / 2.0);
    QCOMPARE(d.recoveredMrr, amt("574200"));
    const KpiData q1 = load(KpiPeriod::quarter(2026, 1));
    QVERIFY(!q1.volume.isEmpty());
    bool found = false;
    for (const QuarterVolume &v : q1.volume) {
        if (v.quarter == QDate(2026, 1, 1)) {
            found = true;
            // 8,910 USD + 1,279,828 / 58 + 3,114,020 / 59 + 706,643 / 60, refunds not subtracted
            QCOMPARE(v.usd, amt("95533.3833", Currency::USD));
            QCOMPARE(v.targetUsd.value(), amt("5000000", Currency::USD));
        }
    }
    QVERIFY(found);
}

void TestKpiRepository::ltvNeedsThreeMonthsOfChurn()
{
    const KpiData data = load(KpiPeriod::month(2026, 3));
    const auto arpa = std::optional<KpiAmount>(amt("402098"));
    // March looks back at Sep..Feb: only January (0 %) and February (20 %) have a rate -> "—"
    QVERIFY(!KpiCalculator::ltv(data.months, QDate(2026, 3, 1), arpa));
    // April looks back at Oct..Mar: January 0 %, February 20 %, March 20 % -> ARPA / (0.4 / 3)
    QCOMPARE(KpiCalculator::ltv(data.months, QDate(2026, 4, 1), arpa).value(), amt("3015735"));
    // zero churn in the window -> undefined, never infinite or 0
    QList<MonthRow> calm = data.months;
    for (MonthRow &m : calm)
        m.churned = 0;
    QVERIFY(!KpiCalculator::ltv(calm, QDate(2026, 4, 1), arpa));
}

void TestKpiRepository::monthWithNoDealersIsUndefinedNotZero()
{
    const KpiData data = load(KpiPeriod::month(2025, 10));
    const KpiSummary s = KpiCalculator::summarize(data, data.current, Currency::DOP);
    QCOMPARE(s.mrrEnd, KpiAmount::zero(Currency::DOP));
    QCOMPARE(s.payingEnd, 0);
    QVERIFY(!s.customerChurn);
    QVERIFY(!s.grossMrrChurn);
    QVERIFY(!s.nrr);
    QVERIFY(!s.arpa);
    QVERIFY(!s.ltv);
    QVERIFY(s.quickRatioNoLosses);
    QCOMPARE(KpiCalculator::formatPercent(s.customerChurn), QStringLiteral("—"));
}

void TestKpiRepository::drillDownListsTheDealersBehindANumber()
{
    auto churn = KpiRepository::dealers(m_owner, QStringLiteral("churn"), KpiPeriod::month(2026, 2));
    QVERIFY(churn.ok());
    QCOMPARE(churn->size(), 1);
    QCOMPARE(churn->first().dealerId, 3);
    QCOMPARE(churn->first().detail, QStringLiteral("voluntary"));
    auto invol = KpiRepository::dealers(m_owner, QStringLiteral("churn_involuntary"), KpiPeriod::month(2026, 3));
    QVERIFY(invol.ok());
    QCOMPARE(invol->size(), 1);
    QCOMPARE(invol->first().name, QStringLiteral("Autos Cinco"));
    auto paying = KpiRepository::dealers(m_owner, QStringLiteral("paying_end"), KpiPeriod::month(2026, 3));
    QVERIFY(paying.ok());
    QCOMPARE(paying->size(), 6);
    auto pro = KpiRepository::dealers(m_owner, QStringLiteral("plan:pro"), KpiPeriod::month(2026, 3));
    QVERIFY(pro.ok());
    QCOMPARE(pro->size(), 4);
    auto bad = KpiRepository::dealers(m_owner, QStringLiteral("nonsense"), KpiPeriod::month(2026, 3));
    QVERIFY(!bad.ok());
}

void TestKpiRepository::refreshMatchesARebuild()
{
    const QString fingerprint = QStringLiteral(
        "SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM dealer_mrr_changes t) || "
        "(SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM dealer_mrr_monthly t) || "
        "(SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM kpi_month_dealers t) || "
        "(SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM kpi_month_movements t) || "
        "(SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM kpi_month_mrr t) || "
        "(SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM kpi_cohort_cells t) || "
        "(SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM kpi_payment_daily t)");
    // given: history recorded when it happened, snapshots as of 15 Feb (D6 still in free months)
    QVERIFY(m_owner.execScript(QStringLiteral("UPDATE subscription_changes SET created_at = effective_date; "
                                              "UPDATE kpi_state SET value = '2026-02-15 23:00-04' WHERE key = 'watermark'")).ok());
    QVERIFY(KpiSnapshotBuilder::rebuild(m_owner, QDate(2026, 2, 15)).ok());
    QVERIFY(m_owner.execScript(QStringLiteral("UPDATE kpi_state SET value = '2026-02-15 23:00-04' WHERE key = 'watermark'")).ok());
    const KpiData before = load(KpiPeriod::month(2026, 2));
    QCOMPARE(before.earlyBird.size(), 1);
    QCOMPARE(before.earlyBird.first().month, QDate(2026, 3, 1));
    QCOMPARE(before.earlyBird.first().newMrr.dop, amt("430650"));
    // when: a refresh brings them to 31 March (free months and D4's discount end on the way)
    auto refreshed = KpiSnapshotBuilder::refresh(m_owner, QDate(2026, 3, 31));
    QVERIFY2(refreshed.ok(), qPrintable(refreshed.ok() ? QString() : refreshed.error().toString()));
    QVERIFY(!refreshed->full);
    QCOMPARE(refreshed->dealersInScope, 4); // D3 cancels, D4's discount ends, D5, D6's free months end
    auto afterRefresh = m_owner.exec(fingerprint);
    QVERIFY(afterRefresh.ok());
    // then: identical to a full rebuild at 31 March
    QVERIFY(KpiSnapshotBuilder::rebuild(m_owner, QDate(2026, 3, 31)).ok());
    auto afterRebuild = m_owner.exec(fingerprint);
    QVERIFY(afterRebuild.ok());
    QCOMPARE(afterRefresh->text(0, 0), afterRebuild->text(0, 0));
}

void TestKpiRepository::managersReadSnapshotsButCannotWriteThem()
{
    const QString role = QStringLiteral("kpi_mgr_%1").arg(QCoreApplication::applicationPid());
    // The owner creates no roles (docs/security.md §13): the superuser makes this probe login.
    auto su = m_db->connectAs(QStringLiteral("postgres"));
    QVERIFY(su.ok());
    QVERIFY(su->execScript(QStringLiteral("DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN IN ROLE okla_manager").arg(role)).ok());
    {
        auto manager = m_db->connectAs(role);
        QVERIFY(manager.ok());
        auto data = KpiRepository::load(manager.value(), KpiPeriod::month(2026, 2));
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().toString()));
        QCOMPARE(data->current.payingEnd, 5);
        QVERIFY(!KpiSnapshotBuilder::rebuild(manager.value(), QDate(2026, 3, 31)).ok());
    }
    QVERIFY(su->execScript(QStringLiteral("DROP ROLE %1").arg(role)).ok());
}

QTEST_GUILESS_MAIN(TestKpiRepository)
#include "tst_kpirepository.moc"
