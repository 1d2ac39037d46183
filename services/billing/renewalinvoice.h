#pragma once

#include <QString>

#include "models/billing/billingperiod.h"
#include "models/result.h"
#include "services/billing/billedsubscription.h"

namespace okla::services {

class PgConnection;

/// The invoice of one subscription period.
struct PeriodInvoice
{
    qint64 id = 0;
    QString status; ///< invoices.status
    bool created = false;
};

/// The invoice of `period`, issued now when there is none (docs/domain.md §7, §25): amounts as
/// `amounts`, due on the period's first day, NCF B01 for an RNC holder and B02 for a cédula from
/// okla_next_ncf. Call it inside a transaction holding the subscription's row lock, so the NCF
/// is taken only for an invoice that is written (UNIQUE (subscription_id, period_start) guards
/// the rest).
models::Result<PeriodInvoice> issuePeriodInvoice(PgConnection &connection, const BilledSubscription &locked,
                                                 const models::BillingPeriod &period, const InvoiceAmounts &amounts);

/// The invoice of the subscription's period starting on `periodStart`; id 0 when there is none.
models::Result<PeriodInvoice> findPeriodInvoice(PgConnection &connection, qint64 subscriptionId, QDate periodStart);

} // namespace okla::services
