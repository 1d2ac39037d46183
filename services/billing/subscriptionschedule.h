#pragma once

#include <functional>

#include <QDate>
#include <QString>
#include <QVariant>

#include "models/billing/billingperiod.h"
#include "models/result.h"
#include "models/statuses.h"
#include "services/billing/billedsubscription.h"
#include "services/billing/invoicecharger.h"
#include "services/billing/renewalpolicy.h"
#include "services/billing/runtally.h"

namespace okla::services {

class PgConnection;

/// Runs `work` between BEGIN and COMMIT, or rolls back when it fails: each subscription is moved
/// in its own short transaction (docs/worker.md §9).
models::Status inTransaction(PgConnection &connection, const std::function<models::Status()> &work);

/// A date as a query parameter: SQL NULL when invalid.
QVariant dateParam(QDate day);

/// One status change as the seed writes it into subscription_changes (docs/domain.md §6, §26).
struct StatusChange
{
    models::SubscriptionStatus status;
    QString changeType;   ///< status_change, cancel, trial_to_active
    bool involuntary = false; ///< dunning did it, not the dealer
    QString note;         ///< stored history, as the seed's notes
    QDate effectiveDate;
};

/// Sets the subscription's status and writes the change's row. Either is skipped when already
/// done (the charger may settle the status first; a rerun changes nothing): the row is written
/// unless the latest row already has this status. Returns whether the status changed here.
models::Result<bool> applyStatusChange(PgConnection &connection, qint64 subscriptionId, const StatusChange &change);

/// Makes `period` the current one and its end the next charge day (none when the subscription
/// cancels at period end), and clears dunning. A period older than the current one changes
/// nothing. Returns whether the schedule moved.
models::Result<bool> advanceSchedule(PgConnection &connection, const BilledSubscription &locked,
                                     const models::BillingPeriod &period);

/// A paid period (docs/domain.md §25): it becomes the current period, the next charge is on its
/// end (none when the subscription cancels at period end), dunning is cleared and a past-due,
/// suspended or trial subscription is active again (§21), with its history row even when the
/// charge executor made it active first. A period older than the current one changes nothing.
/// Returns whether a past-due or suspended subscription was reactivated.
models::Result<bool> settlePaidPeriod(PgConnection &connection, const BilledSubscription &locked,
                                      const models::BillingPeriod &period, QDate day);

/// One declined charge of a period's invoice.
struct DeclinedCharge
{
    qint64 invoiceId = 0;
    int attemptNo = 1;
    models::BillingPeriod period;
    ChargeOutcome outcome;
};

/// The invoice of a period charged as attempt `attemptNo`.
struct ChargedInvoice
{
    qint64 subscriptionId = 0;
    qint64 invoiceId = 0;
    int attemptNo = 1;
    models::BillingPeriod period;
};

/// A declined charge (docs/domain.md §26): the subscription enters or stays in dunning, its next
/// charge moves to the policy's next retry day (none after a hard decline or when the retries are
/// used up), the invoice is overdue, and payment_failed (and card_update_needed after a hard
/// decline) notices are written. A charge already recorded changes nothing. Returns the number
/// of notices written.
models::Result<int> recordDeclinedCharge(PgConnection &connection, const BilledSubscription &locked,
                                         const DeclinedCharge &charge, const RenewalPolicy &policy, QDate day);

/// What the renewal scheduler and dunning do with the charger's answer, each in its own
/// transaction on the locked subscription: succeeded (or skipped because the invoice is paid)
/// settles the period; declined records the decline; unknown, or skipped for another reason,
/// leaves everything for reconciliation (counted in flight). Counts into `tally`; returns
/// whether the period is paid.
models::Result<bool> settleChargeOutcome(PgConnection &connection, const ChargedInvoice &charged,
                                         const ChargeOutcome &outcome, const RenewalPolicy &policy, QDate day,
                                         RunTally &tally);

} // namespace okla::services
