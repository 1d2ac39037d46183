// KpiRepository: payments, spend, dunning, volume, cohorts, Early Bird and targets.
#include "services/kpi/kpirepository.h"

#include <QSet>

#include "services/kpi/kpisql.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using namespace models::kpi;
using namespace kpisql;
using models::Currency;
using models::Result;
using models::Status;

namespace {

Result<QList<ProviderRow>> providers(PgConnection &c, QDate from, QDate to)
{
    auto r = c.exec(QStringLiteral(
        "SELECT provider, sum(first_final), sum(first_succeeded), sum(final_attempts), sum(succeeded), sum(declined),"
        " sum(technical), sum(ambiguous), sum(unknown), sum(latency_ms_sum), sum(latency_n),"
        " round(sum(CASE WHEN currency = 'USD' THEN approved_minor ELSE approved_minor / fx.rate END), 4),"
        " round(sum(CASE WHEN currency = 'DOP' THEN approved_minor ELSE approved_minor * fx.rate END), 4),"
        " round(sum(CASE WHEN currency = 'USD' THEN refunded_minor ELSE refunded_minor / fx.rate END), 4),"
        " round(sum(CASE WHEN currency = 'USD' THEN fee_minor ELSE fee_minor / fx.rate END), 4) "
        "FROM kpi_payment_daily d") + fxJoin(QStringLiteral("d.day"), QStringLiteral("fx"))
        + QStringLiteral("WHERE d.day BETWEEN $1::date AND $2::date GROUP BY provider ORDER BY provider"),
        {iso(from), iso(to)});
    if (!r)
        return r.error();
    QList<ProviderRow> rows;
    for (int i = 0; i < r->rows(); ++i) {
        ProviderRow p;
        p.provider = r->text(i, 0);
        p.firstFinal = r->toInt64(i, 1);
        p.firstSucceeded = r->toInt64(i, 2);
        p.finalAttempts = r->toInt64(i, 3);
        p.succeeded = r->toInt64(i, 4);
        p.declined = r->toInt64(i, 5);
        p.technical = r->toInt64(i, 6);
        p.ambiguous = r->toInt64(i, 7);
        p.unknown = r->toInt64(i, 8);
        p.latencyMsSum = r->text(i, 9).toDouble();
        p.latencyN = r->toInt64(i, 10);
        p.approvedUsd = amount(*r, i, 11, Currency::USD);
        p.approvedDop = amount(*r, i, 12, Currency::DOP);
        p.refundedUsd = amount(*r, i, 13, Currency::USD);
        p.feesUsd = amount(*r, i, 14, Currency::USD);
        rows << p;
    }
    return rows;
}

Result<DunningRow> dunning(PgConnection &c, QDate from, QDate to, QDate asOf)
{
    auto r = c.exec(QStringLiteral(
        "SELECT coalesce(sum(invoices_due), 0), coalesce(sum(paid_in_window), 0), coalesce(sum(first_failed), 0),"
        " coalesce(sum(recovered), 0), round(coalesce(sum(recovered_mrr) FILTER (WHERE currency = 'DOP'), 0), 4),"
        " round(coalesce(sum(recovered_mrr) FILTER (WHERE currency = 'USD'), 0), 4),"
        " coalesce(bool_or(window_closes > $3::date), false) "
        "FROM kpi_dunning_daily WHERE due_day BETWEEN $1::date AND $2::date"), {iso(from), iso(to), iso(asOf)});
    if (!r)
        return r.error();
    DunningRow d;
    d.invoicesDue = r->toInt64(0, 0);
    d.paidInWindow = r->toInt64(0, 1);
    d.firstFailed = r->toInt64(0, 2);
    d.recovered = r->toInt64(0, 3);
    d.recoveredMrr = {amount(*r, 0, 4, Currency::DOP), amount(*r, 0, 5, Currency::USD)};
    d.provisional = r->text(0, 6) == QLatin1String("t");
    return d;
}

Status spend(PgConnection &c, KpiData &data)
{
    const QDate from = data.period.from;
    const QDate to = data.period.to;
    QMap<QString, SpendRow> rows;
    for (const ProviderRow &p : data.providers) {
        rows[p.provider].provider = p.provider;
        rows[p.provider].feesUsd = p.feesUsd;
    }
    auto fixed = c.exec(QStringLiteral(
        "SELECT provider, round(sum(CASE WHEN currency = 'USD' THEN amount_minor ELSE amount_minor / fx.rate END), 4) "
        "FROM provider_costs pc") + fxJoin(QStringLiteral("pc.month"), QStringLiteral("fx"))
        + QStringLiteral("WHERE pc.month >= date_trunc('month', $1::date) AND pc.month <= $2::date GROUP BY 1"),
        {iso(from), iso(to)});
    if (!fixed)
        return fixed.error();
    for (int i = 0; i < fixed->rows(); ++i) {
        SpendRow &s = rows[fixed->text(i, 0)];
        s.provider = fixed->text(i, 0);
        s.fixedUsd = amount(*fixed, i, 1, Currency::USD);
    }
    auto budget = c.exec(QStringLiteral(
        "SELECT b.provider, sum(b.monthly_usd_minor) FROM generate_series(date_trunc('month', $1::date), $2::date, "
        "interval '1 month') m JOIN provider_budgets b ON b.quarter_start = date_trunc('quarter', m)::date GROUP BY 1"),
        {iso(from), iso(to)});
    if (!budget)
        return budget.error();
    for (int i = 0; i < budget->rows(); ++i) {
        SpendRow &s = rows[budget->text(i, 0)];
        s.provider = budget->text(i, 0);
        s.budgetUsd = KpiAmount::fromMinor(budget->toInt64(i, 1), Currency::USD);
        s.hasBudget = true;
    }
    data.spend = rows.values();
    return {};
}

} // namespace

Status loadPayments(PgConnection &c, KpiData &data)
{
    const KpiPeriod prev = data.period.previous();
    auto cur = providers(c, data.period.from, data.period.to);
    if (!cur)
        return cur.error();
    data.providers = *cur;
    auto before = providers(c, prev.from, prev.to);
    if (!before)
        return before.error();
    data.previousProviders = *before;
    auto d = dunning(c, data.period.from, data.period.to, data.asOf);
    if (!d)
        return d.error();
    data.dunning = *d;
    auto pd = dunning(c, prev.from, prev.to, data.asOf);
    if (!pd)
        return pd.error();
    data.previousDunning = *pd;
    if (auto st = spend(c, data); !st)
        return st;
    auto vol = c.exec(QStringLiteral(
        "SELECT q.quarter, round(coalesce(v.usd, 0), 4), round(coalesce(v.dop, 0), 4), t.value "
        "FROM (SELECT date_trunc('quarter', day)::date AS quarter,"
        "        sum(CASE WHEN currency = 'USD' THEN approved_minor ELSE approved_minor / fx.rate END) AS usd,"
        "        sum(CASE WHEN currency = 'DOP' THEN approved_minor ELSE approved_minor * fx.rate END) AS dop"
        "      FROM kpi_payment_daily d") + fxJoin(QStringLiteral("d.day"), QStringLiteral("fx"))
        + QStringLiteral(" GROUP BY 1) v RIGHT JOIN (SELECT DISTINCT date_trunc('quarter', day)::date AS quarter FROM kpi_payment_daily"
                         "  UNION SELECT period_start FROM kpi_targets WHERE kpi = 'payments_processed') q USING (quarter)"
                         " LEFT JOIN kpi_targets t ON t.kpi = 'payments_processed' AND t.period_start = q.quarter "
                         "ORDER BY 1"));
    if (!vol)
        return vol.error();
    for (int i = 0; i < vol->rows(); ++i) {
        QuarterVolume q;
        q.quarter = date(*vol, i, 0);
        q.usd = amount(*vol, i, 1, Currency::USD);
        q.dop = amount(*vol, i, 2, Currency::DOP);
        if (!vol->isNull(i, 3))
            q.targetUsd = amount(*vol, i, 3, Currency::USD);
        data.volume << q;
    }
    return {};
}

Status loadCohortsAndTargets(PgConnection &c, KpiData &data)
{
    auto co = c.exec(QStringLiteral("SELECT cohort_month, month, currency, cohort_size, early_bird, dealers, round(mrr, 4) "
                                    "FROM kpi_cohort_cells ORDER BY cohort_month, month, currency"));
    if (!co)
        return co.error();
    for (int i = 0; i < co->rows(); ++i) {
        const QDate cohort = date(*co, i, 0);
        const QDate month = date(*co, i, 1);
        if (data.cohorts.isEmpty() || data.cohorts.last().cohort != cohort || data.cohorts.last().month != month) {
            CohortCell cell;
            cell.cohort = cohort;
            cell.month = month;
            cell.size = int(co->toInt64(i, 3));
            cell.earlyBird = int(co->toInt64(i, 4));
            cell.dealers = int(co->toInt64(i, 5));
            data.cohorts << cell;
        }
        const Currency cur = currencyOf(co->text(i, 2));
        data.cohorts.last().mrr.in(cur) = amount(*co, i, 6, cur);
    }
    // The calendar ahead: each enrolment's free months end books New MRR at its plan price minus
    // the larger discount (its own or the Early Bird one).
    auto eb = c.exec(QStringLiteral(
        "SELECT date_trunc('month', e.free_until)::date, pv.currency, count(*), round(sum(okla_mrr_minor("
        "  pv.monthly_price_minor, s.billing_cycle, greatest(CASE WHEN s.discount_ends IS NULL OR s.discount_ends > e.free_until"
        "  THEN s.discount_bp ELSE 0 END, CASE WHEN e.discount_ends IS NULL OR e.discount_ends > e.free_until"
        "  THEN e.discount_bp ELSE 0 END), pol.yearly_discount_bp)), 4) "
        "FROM early_bird_enrolments e CROSS JOIN (SELECT okla_yearly_discount_bp() AS yearly_discount_bp OFFSET 0) pol "
        "JOIN LATERAL (SELECT * FROM subscriptions x WHERE x.dealer_id = e.dealer_id ORDER BY x.started_at DESC, x.id DESC"
        "              LIMIT 1) s ON true "
        "JOIN plan_versions pv ON pv.id = s.plan_version_id "
        "WHERE e.free_until > $1::date AND s.status IN ('trial', 'active', 'past_due') AND pv.monthly_price_minor > 0 "
        "GROUP BY 1, 2 ORDER BY 1"), {iso(data.asOf)});
    if (!eb)
        return eb.error();
    for (int i = 0; i < eb->rows(); ++i) {
        const QDate month = date(*eb, i, 0);
        if (data.earlyBird.isEmpty() || data.earlyBird.last().month != month)
            data.earlyBird << EarlyBirdMonth{month, 0, {}};
        data.earlyBird.last().dealers += int(eb->toInt64(i, 2));
        const Currency cur = currencyOf(eb->text(i, 1));
        data.earlyBird.last().newMrr.in(cur) += amount(*eb, i, 3, cur);
    }
    auto n = c.exec(QStringLiteral("SELECT count(*) FROM early_bird_enrolments"));
    if (!n)
        return n.error();
    data.earlyBirdEnrolled = int(n->toInt64(0, 0));
    auto t = c.exec(QStringLiteral("SELECT kpi, period_start, period_end, comparator, value::text, unit, achieved, "
                                   "coalesce(note, '') FROM kpi_targets ORDER BY kpi, period_start"));
    if (!t)
        return t.error();
    for (int i = 0; i < t->rows(); ++i) {
        data.targets << Target{t->text(i, 0), date(*t, i, 1), date(*t, i, 2), t->text(i, 3), t->text(i, 4), t->text(i, 5),
                               t->text(i, 6) == QLatin1String("t"), t->text(i, 7)};
    }
    return {};
}

} // namespace okla::services
