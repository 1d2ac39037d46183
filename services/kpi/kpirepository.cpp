#include "services/kpi/kpirepository.h"

#include <QLoggingCategory>

#include "services/kpi/kpisql.h"
#include "services/database/pgconnection.h"

Q_LOGGING_CATEGORY(lcKpiRepo, "okla.services.kpi")

namespace okla::services {

using namespace models::kpi;
using namespace kpisql;
using models::Currency;
using models::Result;
using models::Status;

namespace {

Status loadMonths(PgConnection &c, KpiData &data)
{
    auto r = c.exec(QStringLiteral(
        "SELECT d.month, d.paying_end, d.subscribed_end, d.new_dealers, d.reactivated_dealers, d.churned_dealers,"
        " d.churned_voluntary, d.churned_involuntary, d.early_bird_free,"
        " coalesce(lag(d.paying_end) OVER (ORDER BY d.month), 0), rs.rate, rs.stale, re.rate, re.stale"
        " FROM kpi_month_dealers d") + fxJoin(QStringLiteral("d.month"), QStringLiteral("rs"))
        + fxJoin(QStringLiteral("least((d.month + interval '1 month')::date - 1, $1::date)"), QStringLiteral("re"))
        + QStringLiteral(" ORDER BY d.month"), {iso(data.asOf)});
    if (!r)
        return r.error();
    QHash<QDate, int> index;
    for (int i = 0; i < r->rows(); ++i) {
        MonthRow m;
        m.month = date(*r, i, 0);
        m.payingEnd = int(r->toInt64(i, 1));
        m.subscribedEnd = int(r->toInt64(i, 2));
        m.newDealers = int(r->toInt64(i, 3));
        m.reactivated = int(r->toInt64(i, 4));
        m.churned = int(r->toInt64(i, 5));
        m.churnedVoluntary = int(r->toInt64(i, 6));
        m.churnedInvoluntary = int(r->toInt64(i, 7));
        m.earlyBirdFree = int(r->toInt64(i, 8));
        m.payingStart = int(r->toInt64(i, 9));
        m.rateStart = rate(*r, i, 10, 11);
        m.rateEnd = rate(*r, i, 12, 13);
        index.insert(m.month, int(data.months.size()));
        data.months << m;
    }
    auto mrr = c.exec(QStringLiteral("SELECT month, currency, plan_key, round(mrr, 4), round(list_mrr, 4) FROM kpi_month_mrr"));
    if (!mrr)
        return mrr.error();
    for (int i = 0; i < mrr->rows(); ++i) {
        const auto it = index.find(date(*mrr, i, 0));
        if (it == index.end())
            continue;
        MonthRow &m = data.months[*it];
        const Currency cur = currencyOf(mrr->text(i, 1));
        m.mrr.in(cur) += amount(*mrr, i, 3, cur);
        m.listMrr.in(cur) += amount(*mrr, i, 4, cur);
        m.mrrByPlan[mrr->text(i, 2)].in(cur) += amount(*mrr, i, 3, cur);
    }
    auto mv = c.exec(QStringLiteral("SELECT month, currency, kind, dealers, round(amount, 4) FROM kpi_month_movements"));
    if (!mv)
        return mv.error();
    for (int i = 0; i < mv->rows(); ++i) {
        const auto it = index.find(date(*mv, i, 0));
        const auto kind = movementFromKey(mv->text(i, 2));
        if (it == index.end() || !kind)
            continue;
        MonthRow &m = data.months[*it];
        const Currency cur = currencyOf(mv->text(i, 1));
        m.movements[*kind].in(cur) += amount(*mv, i, 4, cur);
        m.movements.dealers[size_t(*kind)] += int(mv->toInt64(i, 3));
    }
    auto rt = c.exec(QStringLiteral("SELECT month, base_months, currency, round(start_mrr, 4), round(retained_mrr, 4) "
                                    "FROM kpi_month_retention"));
    if (!rt)
        return rt.error();
    for (int i = 0; i < rt->rows(); ++i) {
        const auto it = index.find(date(*rt, i, 0));
        if (it == index.end())
            continue;
        MonthRow &m = data.months[*it];
        const Currency cur = currencyOf(rt->text(i, 2));
        const bool twelve = rt->toInt64(i, 1) == 12;
        (twelve ? m.nrr12Start : m.nrrStart).in(cur) = amount(*rt, i, 3, cur);
        (twelve ? m.nrr12Retained : m.nrrRetained).in(cur) = amount(*rt, i, 4, cur);
    }
    return {};
}

const MonthRow *monthRow(const KpiData &data, QDate month)
{
    for (const MonthRow &m : data.months) {
        if (m.month == month)
            return &m;
    }
    return nullptr;
}

/// MRR state just before `day` (changes dated earlier), for days that are not a month boundary.
Status stateBefore(PgConnection &c, QDate day, NativeAmounts &mrr, NativeAmounts &list, int &paying)
{
    auto r = c.exec(QStringLiteral(
        "SELECT currency, round(sum(mrr), 4), round(sum(list_mrr), 4), count(DISTINCT dealer_id) "
        "FROM (SELECT DISTINCT ON (dealer_id, currency) * FROM dealer_mrr_changes WHERE effective_date < $1::date "
        "      ORDER BY dealer_id, currency, effective_date DESC) x WHERE mrr > 0 "
        "GROUP BY GROUPING SETS ((currency), ())"), {iso(day)});
    if (!r)
        return r.error();
    for (int i = 0; i < r->rows(); ++i) {
        if (r->isNull(i, 0)) {
            paying = int(r->toInt64(i, 3));
            continue;
        }
        const Currency cur = currencyOf(r->text(i, 0));
        mrr.in(cur) = amount(*r, i, 1, cur);
        list.in(cur) = amount(*r, i, 2, cur);
    }
    return {};
}

Result<PeriodRow> periodRow(PgConnection &c, const KpiData &data, const KpiPeriod &period)
{
    PeriodRow p;
    p.period = period;
    const QDate last = std::min(period.to, data.asOf);
    if (period.from.day() == 1) {
        if (const MonthRow *m = monthRow(data, period.from.addMonths(-1))) {
            p.startMrr = m->mrr;
            p.startList = m->listMrr;
            p.payingStart = m->payingEnd;
        }
    } else if (auto st = stateBefore(c, period.from, p.startMrr, p.startList, p.payingStart); !st) {
        return st.error();
    }
    if (last == monthEnd(last) || last == data.asOf) {
        if (const MonthRow *m = monthRow(data, monthStart(last))) {
            p.endMrr = m->mrr;
            p.endList = m->listMrr;
            p.payingEnd = m->payingEnd;
            p.hasData = true;
        }
    } else if (auto st = stateBefore(c, last.addDays(1), p.endMrr, p.endList, p.payingEnd); !st) {
        return st.error();
    }
    if (const MonthRow *m = monthRow(data, monthStart(last))) {
        p.subscribedEnd = m->subscribedEnd;
        p.hasData = true;
    }
    const MonthRow *single = period.kind == KpiPeriod::Kind::Month ? monthRow(data, period.from) : nullptr;
    if (single) {
        // A calendar month: its aggregates are already in the snapshot (no scan of the change log).
        // Expansion/contraction dealers are summed over currencies (a dealer moving in both counts twice).
        p.movements = single->movements;
        p.movements.dealers[size_t(Movement::New)] = single->newDealers;
        p.movements.dealers[size_t(Movement::Reactivation)] = single->reactivated;
        p.movements.dealers[size_t(Movement::Churn)] = single->churned;
        p.churned = single->churned;
        p.churnedVoluntary = single->churnedVoluntary;
        p.churnedInvoluntary = single->churnedInvoluntary;
    } else {
        auto mv = c.exec(QStringLiteral(
            "SELECT currency, kind, round(sum(mrr - prev_mrr), 4), count(DISTINCT dealer_id),"
            " count(DISTINCT dealer_id) FILTER (WHERE involuntary) "
            "FROM dealer_mrr_changes WHERE kind IS NOT NULL AND effective_date BETWEEN $1::date AND $2::date "
            "GROUP BY GROUPING SETS ((currency, kind), (kind))"), {iso(period.from), iso(last)});
        if (!mv)
            return mv.error();
        for (int i = 0; i < mv->rows(); ++i) {
            const auto kind = movementFromKey(mv->text(i, 1));
            if (!kind)
                continue;
            if (!mv->isNull(i, 0)) {
                const Currency cur = currencyOf(mv->text(i, 0));
                p.movements[*kind].in(cur) = amount(*mv, i, 2, cur);
                continue;
            }
            p.movements.dealers[size_t(*kind)] = int(mv->toInt64(i, 3));
            if (*kind == Movement::Churn) {
                p.churned = int(mv->toInt64(i, 3));
                p.churnedInvoluntary = int(mv->toInt64(i, 4));
                p.churnedVoluntary = p.churned - p.churnedInvoluntary;
            }
        }
    }
    const QDate base = monthStart(period.from).addMonths(-1);
    const MonthRow *endMonth = monthRow(data, monthStart(last));
    if (period.kind == KpiPeriod::Kind::Month && endMonth) {
        p.nrrStart = endMonth->nrrStart;
        p.nrrRetained = endMonth->nrrRetained;
    } else if (const MonthRow *b = monthRow(data, base); b && endMonth) {
        // Retained = end MRR minus the dealers paying at end but not at the base month: each of
        // them had a New or Reactivation movement in between, so only those few are looked up.
        p.nrrStart = b->mrr;
        p.nrrRetained = endMonth->mrr;
        auto r = c.exec(QStringLiteral(
            "SELECT e.currency, round(sum(e.mrr), 4) FROM dealer_mrr_monthly e WHERE e.month = $1::date "
            "AND e.dealer_id IN (SELECT dealer_id FROM dealer_mrr_changes WHERE kind IN ('new', 'reactivation') "
            "                    AND effective_date BETWEEN $3::date AND $4::date) "
            "AND NOT EXISTS (SELECT 1 FROM dealer_mrr_monthly s WHERE s.month = $2::date AND s.dealer_id = e.dealer_id) "
            "GROUP BY 1"),
            {iso(monthStart(last)), iso(base), iso(monthStart(period.from)), iso(last)});
        if (!r)
            return r.error();
        for (int i = 0; i < r->rows(); ++i) {
            const Currency cur = currencyOf(r->text(i, 0));
            p.nrrRetained.in(cur) -= amount(*r, i, 1, cur);
        }
    }
    auto rates = c.exec(QStringLiteral("SELECT rs.rate, rs.stale, re.rate, re.stale FROM (SELECT 1) one")
                        + fxJoin(QStringLiteral("$1::date"), QStringLiteral("rs"))
                        + fxJoin(QStringLiteral("$2::date"), QStringLiteral("re")), {iso(period.from), iso(last)});
    if (!rates)
        return rates.error();
    p.rateStart = rate(*rates, 0, 0, 1);
    p.rateEnd = rate(*rates, 0, 2, 3);
    return p;
}

} // namespace

Result<QDate> KpiRepository::asOf(PgConnection &c)
{
    auto r = c.exec(QStringLiteral("SELECT coalesce((SELECT value::date FROM kpi_state WHERE key = 'asof'), "
                                   "(now() AT TIME ZONE 'America/Santo_Domingo')::date)"));
    if (!r)
        return r.error();
    return date(*r, 0, 0);
}

Status loadPayments(PgConnection &c, KpiData &data); // kpirepositorypayments.cpp
Status loadCohortsAndTargets(PgConnection &c, KpiData &data);

Result<KpiData> KpiRepository::load(PgConnection &c, const KpiPeriod &period)
{
    KpiData data;
    data.period = period;
    auto day = asOf(c);
    if (!day)
        return day.error();
    data.asOf = *day;
    auto when = c.exec(QStringLiteral("SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM kpi_state WHERE key = 'asof'"));
    if (when && when->rows() > 0)
        data.snapshotAt = QDateTime::fromString(when->text(0, 0), Qt::ISODate);
    if (auto st = loadMonths(c, data); !st)
        return st.error();
    auto current = periodRow(c, data, period);
    if (!current)
        return current.error();
    data.current = *current;
    auto previous = periodRow(c, data, period.previous());
    if (!previous)
        return previous.error();
    data.previous = *previous;
    if (auto st = loadPayments(c, data); !st)
        return st.error();
    if (auto st = loadCohortsAndTargets(c, data); !st)
        return st.error();
    return data;
}

} // namespace okla::services
