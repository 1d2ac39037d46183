// KPI identities on two larger histories: the sandbox seed generator's (OKLA_KPI_SEED_DEALERS,
// default 1500, 24 months) and a synthetic one (kpitestdata.h; OKLA_KPI_DEALERS, default 3000):
// for every month, ending MRR = starting MRR + net new MRR in each native currency, and + the FX
// effect in each reporting currency; paying dealers at end = start + new + reactivated - churned;
// FX rates are the latest on or before the day.
#include <QtTest>

#include "harness/testenv.h"
#include "integration/kpitestdata.h"
#include "models/kpi/kpicalculator.h"
#include "services/kpi/kpirepository.h"
#include "services/kpi/kpisnapshotbuilder.h"
#include "sandbox/seed/seedcontextloader.h"
#include "sandbox/seed/seeder.h"
#include "services/database/migrator.h"

using namespace okla::models::kpi;
using okla::models::Currency;
using okla::services::KpiRepository;
using okla::services::KpiSnapshotBuilder;
using okla::services::PgConnection;

class TestKpiInvariants : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mrrBridgeClosesEveryMonthInEachCurrency_data() { histories(); }
    void mrrBridgeClosesEveryMonthInEachCurrency();
    void payingDealersBridgeClosesEveryMonth_data() { histories(); }
    void payingDealersBridgeClosesEveryMonth();
    void monthSnapshotsFollowTheChangeLog_data() { histories(); }
    void monthSnapshotsFollowTheChangeLog();
    void ratesAreTheLatestOnOrBeforeTheDay();

private:
    void histories()
    {
        QTest::addColumn<int>("history");
        QTest::newRow("seed generator") << 1;
        QTest::newRow("synthetic") << 0;
    }
    std::unique_ptr<okla::tests::ThrowawayDatabase> m_db, m_seedDb;
    PgConnection m_owner, m_seedOwner;
    PgConnection &owner() { QFETCH(int, history); return history == 1 ? m_seedOwner : m_owner; }
    KpiData m_all;
};

void TestKpiInvariants::initTestCase()
{
    const int dealers = qEnvironmentVariableIntValue("OKLA_KPI_DEALERS") > 0 ? qEnvironmentVariableIntValue("OKLA_KPI_DEALERS") : 3000;
    m_db = std::make_unique<okla::tests::ThrowawayDatabase>(QStringLiteral("okla_kpitest_%1").arg(QCoreApplication::applicationPid()));
    auto owner = m_db->connectAs(QStringLiteral("okla_owner"));
    QVERIFY(owner.ok());
    m_owner = std::move(owner.value());
    QVERIFY(okla::services::Migrator::migrate(m_owner).ok());
    auto seeded = m_owner.execScript(okla::tests::kpi::syntheticHistorySql(dealers));
    QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().toString()));
    auto built = KpiSnapshotBuilder::rebuild(m_owner, QDate(2026, 11, 29));
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().toString()));
    QVERIFY(built->changeRows > dealers); // upgrades, churn, reactivations... happened
    auto data = KpiRepository::load(m_owner, KpiPeriod::month(2026, 11));
    QVERIFY(data.ok());
    m_all = data.value();
    QVERIFY(m_all.months.size() >= 24);

    // The sandbox's own generator (sandbox/seed), with its Early Bird terms, dunning and FX series.
    m_seedDb = std::make_unique<okla::tests::ThrowawayDatabase>(QStringLiteral("okla_kpitest_seed_%1").arg(QCoreApplication::applicationPid()));
    auto seedOwner = m_seedDb->connectAs(QStringLiteral("okla_owner"));
    QVERIFY(seedOwner.ok());
    m_seedOwner = std::move(seedOwner.value());
    QVERIFY(okla::services::Migrator::migrate(m_seedOwner).ok());
    // The seed's demo staff, made by the superuser (the owner creates no logins).
    auto superuser = m_seedDb->connectAs(QStringLiteral("postgres"));
    QVERIFY(superuser.ok() && okla::sandbox::ensureDemoStaff(superuser.value()).ok());
    okla::sandbox::SeedOptions options;
    options.dealers = qEnvironmentVariableIntValue("OKLA_KPI_SEED_DEALERS") > 0 ? qEnvironmentVariableIntValue("OKLA_KPI_SEED_DEALERS") : 1500;
    options.months = 24;
    auto seed = okla::sandbox::seedDatabase(m_seedOwner, options);
    QVERIFY2(seed.ok(), qPrintable(seed.ok() ? QString() : seed.error().toString()));
    auto seedBuilt = KpiSnapshotBuilder::rebuild(m_seedOwner, QDate(2026, 11, 30));
    QVERIFY2(seedBuilt.ok(), qPrintable(seedBuilt.ok() ? QString() : seedBuilt.error().toString()));
    QVERIFY(seedBuilt->changeRows > 0);
}

void TestKpiInvariants::mrrBridgeClosesEveryMonthInEachCurrency()
{
    PgConnection &c = owner();
    auto all = KpiRepository::load(c, KpiPeriod::month(2026, 11));
    QVERIFY(all.ok());
    int checked = 0;
    for (const MonthRow &m : all->months) {
        auto data = KpiRepository::load(c, KpiPeriod::month(m.month.year(), m.month.month()));
        QVERIFY(data.ok());
        const PeriodRow &p = data->current;
        // native: no conversion involved; MRR of yearly/quarterly plans is a repeating decimal that
        // SQL sums exactly and the client reads rounded to 1/10000 of a minor unit per aggregate,
        // so the bridge closes to within two of those units (a real gap is whole minor units).
        for (Currency c : {Currency::DOP, Currency::USD}) {
            KpiAmount net;
            for (const NativeAmounts &a : p.movements.amount)
                net += a.in(c);
            const KpiAmount gap = p.endMrr.in(c) - (p.startMrr.in(c) + net);
            QVERIFY2(gap.isValid(), qPrintable(gap.error().toString())); // no overflow, no mixed currencies
            QVERIFY2(gap.abs().scaled() <= 2,
                     qPrintable(QStringLiteral("%1 %2: %3 != %4 + %5").arg(m.month.toString(Qt::ISODate), isoCode(c),
                                p.endMrr.in(c).toMinorString(), p.startMrr.in(c).toMinorString(), net.toMinorString())));
        }
        // reporting: end = start + net new + FX effect, and the FX effect is docs/kpi.md §5's formula to within
        // the native read rounding above times the rate (< 0.02 of a minor unit)
        for (Currency c : {Currency::DOP, Currency::USD}) {
            const KpiSummary s = KpiCalculator::summarize(*data, p, c);
            QCOMPARE(s.mrrEnd, s.mrrStart + s.netNew + s.fxEffect); // FX effect closes the bridge by definition
            QVERIFY2(s.fxEffect.isValid() && s.fxEffectFormula.isValid(), qPrintable(s.fxEffect.error().toString()));
            QVERIFY2((s.fxEffect - s.fxEffectFormula).abs().scaled() <= 200,
                     qPrintable(QStringLiteral("%1 %2: FX %3 vs formula %4").arg(m.month.toString(Qt::ISODate), isoCode(c),
                                s.fxEffect.toMinorString(), s.fxEffectFormula.toMinorString())));
        }
        ++checked;
    }
    QVERIFY(checked >= 24);
}

void TestKpiInvariants::payingDealersBridgeClosesEveryMonth()
{
    // Movement events per dealer-day (a dealer may churn and come back within one month).
    auto r = owner().exec(QStringLiteral(
        "SELECT m.month, m.paying_end, coalesce(lag(m.paying_end) OVER (ORDER BY m.month), 0),"
        "  coalesce(e.new_n, 0), coalesce(e.react_n, 0), coalesce(e.churn_n, 0) "
        "FROM kpi_month_dealers m LEFT JOIN ("
        "  SELECT date_trunc('month', effective_date)::date AS month,"
        "    count(DISTINCT (dealer_id, effective_date)) FILTER (WHERE kind = 'new') AS new_n,"
        "    count(DISTINCT (dealer_id, effective_date)) FILTER (WHERE kind = 'reactivation') AS react_n,"
        "    count(DISTINCT (dealer_id, effective_date)) FILTER (WHERE kind = 'churn') AS churn_n"
        "  FROM dealer_mrr_changes GROUP BY 1) e USING (month) ORDER BY m.month"));
    QVERIFY(r.ok());
    QVERIFY(r->rows() >= 24);
    qint64 churned = 0;
    for (int i = 0; i < r->rows(); ++i) {
        const qint64 end = r->toInt64(i, 1), start = r->toInt64(i, 2);
        QVERIFY2(end == start + r->toInt64(i, 3) + r->toInt64(i, 4) - r->toInt64(i, 5),
                 qPrintable(QStringLiteral("%1: %2 != %3 + %4 + %5 - %6").arg(r->text(i, 0)).arg(end).arg(start)
                            .arg(r->toInt64(i, 3)).arg(r->toInt64(i, 4)).arg(r->toInt64(i, 5))));
        churned += r->toInt64(i, 5);
    }
    QVERIFY(churned > 0); // the identity was exercised
}

void TestKpiInvariants::monthSnapshotsFollowTheChangeLog()
{
    // The month-end snapshot of a random month equals the latest change on or before its last day.
    auto r = owner().exec(QStringLiteral(
        "SELECT count(*) FROM ("
        "  (SELECT dealer_id, currency, mrr FROM dealer_mrr_monthly WHERE month = date '2026-03-01')"
        "  EXCEPT"
        "  (SELECT dealer_id, currency, mrr FROM (SELECT DISTINCT ON (dealer_id, currency) * FROM dealer_mrr_changes"
        "     WHERE effective_date <= date '2026-03-31' ORDER BY dealer_id, currency, effective_date DESC) x WHERE mrr > 0)) d"));
    QVERIFY(r.ok());
    QCOMPARE(r->toInt64(0, 0), 0);
}

void TestKpiInvariants::ratesAreTheLatestOnOrBeforeTheDay()
{
    // Synthetic rates exist Monday to Friday only: 1 Nov 2025 is a Saturday.
    for (const MonthRow &m : m_all.months) {
        if (m.month != QDate(2025, 11, 1))
            continue;
        auto r = m_owner.exec(QStringLiteral("SELECT rate FROM fx_rates WHERE rate_date = date '2025-10-31'"));
        QVERIFY(r.ok());
        QCOMPARE(m.rateStart.micros, FxRate::parse(r->text(0, 0))->micros);
        QVERIFY(!m.rateStart.stale); // one day old
        return;
    }
    QFAIL("November 2025 missing");
}

QTEST_GUILESS_MAIN(TestKpiInvariants)
#include "tst_kpiinvariants.moc"
