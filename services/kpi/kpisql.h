#pragma once

#include <QString>

#include "models/kpi/kpiamount.h"
#include "services/database/pgconnection.h"

// Small helpers shared by the KPI repository files (not a public API).
namespace okla::services::kpisql {

/// LATERAL join giving `alias.rate` (USD->DOP, 58 when the table is empty) and `alias.stale`
/// (latest rate over 5 days older than `dayExpr`) for the day `dayExpr`.
inline QString fxJoin(const QString &dayExpr, const QString &alias)
{
    return QStringLiteral(
               " LEFT JOIN LATERAL (SELECT coalesce(max(rate), 58) AS rate, coalesce(bool_or(%1 - rate_date > 5), true) AS stale"
               " FROM (SELECT rate, rate_date FROM fx_rates WHERE base = 'USD' AND quote = 'DOP' AND rate_date <= %1"
               " ORDER BY rate_date DESC LIMIT 1) f) %2 ON true ")
        .arg(dayExpr, alias);
}

/// The currency column of the KPI tables ('DOP' or 'USD', by CHECK).
inline models::Currency currencyOf(const QString &code)
{
    return code == QLatin1String("USD") ? models::Currency::USD : models::Currency::DOP;
}

/// A numeric column in minor units of @p currency: NULL is zero; unreadable text an invalid amount.
inline models::kpi::KpiAmount amount(const PgResult &r, int row, int col, models::Currency currency)
{
    if (r.isNull(row, col))
        return models::kpi::KpiAmount::zero(currency);
    const QString text = r.text(row, col);
    return models::kpi::KpiAmount::parse(text, currency).value_or(models::kpi::KpiAmount::unreadable(currency));
}

inline models::kpi::FxRate rate(const PgResult &r, int row, int col, int staleCol)
{
    models::kpi::FxRate rate = models::kpi::FxRate::parse(r.text(row, col)).value_or(models::kpi::FxRate{58000000, true});
    rate.stale = r.text(row, staleCol) == QLatin1String("t");
    return rate;
}

inline QDate date(const PgResult &r, int row, int col)
{
    return QDate::fromString(r.text(row, col).left(10), Qt::ISODate);
}

inline QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

} // namespace okla::services::kpisql
