#pragma once

#include <optional>

#include <QDate>
#include <QString>

#include "models/billing/billingperiod.h"
#include "models/result.h"
#include "models/statuses.h"

namespace okla::services {

class PgConnection;

/// What one renewal invoice comes to, minor units of the subscription's currency
/// (docs/domain.md §25): the cycle price of its plan version, less the subscription's discount
/// while it lasts, plus ITBIS on DOP. `free` marks an Early Bird free month: nothing is owed.
struct InvoiceAmounts
{
    qint64 subtotal = 0;
    qint64 itbis = 0;
    qint64 total = 0;
    bool free = false;
};

/// The subscription row the renewal scheduler and dunning work from: its schedule
/// (docs/domain.md §24), its price and the dealer's Early Bird free months.
struct BilledSubscription
{
    qint64 id = 0;
    qint64 dealerId = 0;
    models::SubscriptionStatus status = models::SubscriptionStatus::Active;
    QString currency;
    QString planKey;
    models::BillingCycle cycle = models::BillingCycle::Monthly;
    QDate anchor;
    QDate periodStart;
    QDate periodEnd;
    QDate nextChargeOn;     ///< invalid: nothing scheduled
    QDate dunningStartedOn; ///< invalid: not in dunning
    int dunningAttempts = 0;
    bool cancelAtPeriodEnd = false;
    int discountBp = 0;
    QDate discountEnds;     ///< invalid: the discount has no end
    qint64 cyclePriceMinor = 0;
    QDate freeUntil;        ///< the dealer's Early Bird first billed day; invalid: no enrolment

    /// Reads subscription `id` (nullopt when there is none); `forUpdate` locks its row until the
    /// transaction ends, so two workers never move one schedule at once.
    static models::Result<std::optional<BilledSubscription>> load(PgConnection &connection, qint64 id, bool forUpdate);

    /// The period starting on or holding `day`.
    models::Result<models::BillingPeriod> periodAt(QDate day) const;
    /// Whether `next_charge_on` is not the first day of a period of the anchor (a trial's end,
    /// a period changed with the cycle): the next period then starts a new anchor there.
    bool nextChargeOffAnchor() const;
    /// The period the next charge pays for: it starts on `next_charge_on`, counted from the
    /// anchor, or from `next_charge_on` itself when that is off the anchor (docs/domain.md §25).
    models::Result<models::BillingPeriod> duePeriod() const;
    /// The invoice of `period` (half up rounding, as the seed bills: docs/money.md §7).
    InvoiceAmounts amountsFor(const models::BillingPeriod &period, int itbisBp) const;
    /// Good standing: trial or active.
    bool inGoodStanding() const;
};

} // namespace okla::services
