// KpiRepository::dealers: the dealers behind one KPI number (drill-down).
#include "services/kpi/kpirepository.h"

#include "services/kpi/kpisql.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using namespace models::kpi;
using namespace kpisql;
using models::Result;

Result<QList<KpiDealerRow>> KpiRepository::dealers(PgConnection &c, const QString &metric, const KpiPeriod &period,
                                                   int limit)
{
    auto day = asOf(c);
    if (!day)
        return day.error();
    const QDate last = std::min(period.to, *day);
    QString sql;
    QVariantList params;
    const QString select = QStringLiteral(
        "SELECT x.dealer_id, d.legal_name, x.currency, coalesce(x.plan_key, ''), x.day, round(x.amount, 4), x.detail ");
    if (metric == QLatin1String("paying_end") || metric == QLatin1String("paying_start")
        || metric.startsWith(QLatin1String("plan:"))) {
        const QDate month = metric == QLatin1String("paying_start") ? monthStart(period.from).addMonths(-1) : monthStart(last);
        sql = select + QStringLiteral(
                  "FROM (SELECT dealer_id, currency, plan_key, month AS day, mrr AS amount, '' AS detail "
                  "      FROM dealer_mrr_monthly WHERE month = $1::date AND ($2 = '' OR plan_key = $2)) x ");
        params = {iso(month), metric.startsWith(QLatin1String("plan:")) ? metric.mid(5) : QString()};
    } else {
        QString kind = metric;
        QString filter = QStringLiteral("true");
        if (metric == QLatin1String("churn_voluntary") || metric == QLatin1String("churn_involuntary")) {
            kind = QStringLiteral("churn");
            filter = metric == QLatin1String("churn_involuntary") ? QStringLiteral("involuntary")
                                                                   : QStringLiteral("NOT involuntary");
        }
        if (!movementFromKey(kind)) {
            return models::makeError(QStringLiteral("kpi.metric.unknown"),
                                     QCoreApplication::translate("okla", "There is no list of dealers behind this number."),
                                     metric);
        }
        sql = select + QStringLiteral(
                  "FROM (SELECT dealer_id, currency, plan_key, effective_date AS day, mrr - prev_mrr AS amount,"
                  "      CASE WHEN kind = 'churn' AND involuntary THEN 'involuntary'"
                  "           WHEN kind = 'churn' THEN 'voluntary' ELSE '' END AS detail"
                  "      FROM dealer_mrr_changes WHERE kind = $1 AND effective_date BETWEEN $2::date AND $3::date AND %1) x ")
                  .arg(filter);
        params = {kind, iso(period.from), iso(last)};
    }
    sql += QStringLiteral("JOIN dealers d ON d.id = x.dealer_id ORDER BY abs(x.amount) DESC, x.dealer_id LIMIT %1").arg(limit);
    auto r = c.exec(sql, params);
    if (!r)
        return r.error();
    QList<KpiDealerRow> rows;
    for (int i = 0; i < r->rows(); ++i) {
        KpiDealerRow row;
        row.dealerId = r->toInt64(i, 0);
        row.name = r->text(i, 1);
        row.currency = r->text(i, 2);
        row.plan = r->text(i, 3);
        row.date = date(*r, i, 4);
        row.amount = amount(*r, i, 5, currencyOf(row.currency));
        row.detail = r->text(i, 6);
        rows << row;
    }
    return rows;
}

} // namespace okla::services
