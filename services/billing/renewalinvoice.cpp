#include "services/billing/renewalinvoice.h"

#include "models/oklatr.h"
#include "services/billing/subscriptionschedule.h"
#include "services/database/pgconnection.h"

namespace okla::services {

models::Result<PeriodInvoice> findPeriodInvoice(PgConnection &connection, qint64 subscriptionId, QDate periodStart)
{
    auto rows = connection.exec(
        QStringLiteral("SELECT id, status FROM invoices WHERE subscription_id = $1 AND period_start = $2"),
        {subscriptionId, dateParam(periodStart)});
    if (!rows)
        return rows.error();
    if (rows->rows() == 0)
        return PeriodInvoice{};
    return PeriodInvoice{rows->toInt64(0, 0), rows->text(0, 1), false};
}

models::Result<PeriodInvoice> issuePeriodInvoice(PgConnection &connection, const BilledSubscription &locked,
                                                 const models::BillingPeriod &period, const InvoiceAmounts &amounts)
{
    auto existing = findPeriodInvoice(connection, locked.id, period.start);
    if (!existing || existing->id != 0)
        return existing;
    auto inserted = connection.exec(
        QStringLiteral("INSERT INTO invoices (subscription_id, dealer_id, period_start, period_end, currency,"
                       "       subtotal_minor, itbis_minor, total_minor, status, ncf, due_date, issued_at)"
                       " SELECT $1, d.id, $3, $4, $5, $6, $7, $6::bigint + $7::bigint, 'issued',"
                       "        okla_next_ncf(CASE d.tax_id_kind WHEN 'rnc' THEN 'B01' ELSE 'B02' END), $3, now()"
                       "   FROM dealers d WHERE d.id = $2"
                       " ON CONFLICT (subscription_id, period_start) DO NOTHING"
                       " RETURNING id, status"),
        {locked.id, locked.dealerId, dateParam(period.start), dateParam(period.end), locked.currency,
         amounts.subtotal, amounts.itbis});
    if (!inserted)
        return inserted.error();
    if (inserted->rows() != 1) {
        // Another writer made it between the look-up and the insert: the caller's transaction is
        // rolled back so that the fiscal number taken for nothing is given back.
        return models::makeError(QStringLiteral("billing.renewal.invoice_race"),
                                 Tr::tr("The period's invoice was written by someone else meanwhile; run again."),
                                 QString::number(locked.id) + u' ' + period.start.toString(Qt::ISODate));
    }
    return PeriodInvoice{inserted->toInt64(0, 0), inserted->text(0, 1), true};
}

} // namespace okla::services
