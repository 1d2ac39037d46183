#include "services/billing/billedsubscription.h"

#include "models/oklatr.h"
#include "services/database/pgconnection.h"

namespace okla::services {

namespace {

QDate dateOrInvalid(const PgResult &rows, int column)
{
    return rows.isNull(0, column) ? QDate() : QDate::fromString(rows.text(0, column), Qt::ISODate);
}

/// value × (10000 − bp) / 10000 or value × bp / 10000, rounded half up.
qint64 basisPoints(qint64 value, qint64 bp)
{
    return (value * bp + 5000) / 10000;
}

} // namespace

models::Result<std::optional<BilledSubscription>> BilledSubscription::load(PgConnection &connection, qint64 id,
                                                                           bool forUpdate)
{
    auto rows = connection.exec(
        QStringLiteral("SELECT s.id, s.dealer_id, s.status, s.currency, pv.plan_key, s.billing_cycle, s.billing_anchor,"
                       "       s.current_period_start, s.current_period_end, s.next_charge_on, s.dunning_started_on,"
                       "       s.dunning_attempts, s.cancel_at_period_end, s.discount_bp, s.discount_ends,"
                       "       okla_cycle_price_minor(pv.monthly_price_minor, s.billing_cycle), e.free_until"
                       "  FROM subscriptions s JOIN plan_versions pv ON pv.id = s.plan_version_id"
                       "  LEFT JOIN early_bird_enrolments e ON e.dealer_id = s.dealer_id"
                       " WHERE s.id = $1")
            + (forUpdate ? QStringLiteral(" FOR UPDATE OF s") : QString()),
        {id});
    if (!rows)
        return rows.error();
    if (rows->rows() == 0)
        return std::optional<BilledSubscription>();
    const auto status = models::fromDb<models::SubscriptionStatus>(rows->text(0, 2));
    const auto cycle = models::fromDb<models::BillingCycle>(rows->text(0, 5));
    if (!status || !cycle) {
        return models::makeError(QStringLiteral("billing.renewal.bad_row"),
                                 Tr::tr("A subscription has a status or billing cycle the worker does not know."),
                                 QString::number(id));
    }
    BilledSubscription s;
    s.id = rows->toInt64(0, 0);
    s.dealerId = rows->toInt64(0, 1);
    s.status = *status;
    s.currency = rows->text(0, 3);
    s.planKey = rows->text(0, 4);
    s.cycle = *cycle;
    s.anchor = dateOrInvalid(*rows, 6);
    s.periodStart = dateOrInvalid(*rows, 7);
    s.periodEnd = dateOrInvalid(*rows, 8);
    s.nextChargeOn = dateOrInvalid(*rows, 9);
    s.dunningStartedOn = dateOrInvalid(*rows, 10);
    s.dunningAttempts = static_cast<int>(rows->toInt64(0, 11));
    s.cancelAtPeriodEnd = rows->text(0, 12) == QLatin1String("t");
    s.discountBp = static_cast<int>(rows->toInt64(0, 13));
    s.discountEnds = dateOrInvalid(*rows, 14);
    s.cyclePriceMinor = rows->toInt64(0, 15);
    s.freeUntil = dateOrInvalid(*rows, 16);
    return std::optional<BilledSubscription>(s);
}

models::Result<models::BillingPeriod> BilledSubscription::periodAt(QDate day) const
{
    return models::periodContaining(anchor, cycle, day);
}

bool BilledSubscription::nextChargeOffAnchor() const
{
    const auto period = periodAt(nextChargeOn);
    return period.ok() && period->start != nextChargeOn;
}

models::Result<models::BillingPeriod> BilledSubscription::duePeriod() const
{
    if (nextChargeOffAnchor())
        return models::periodAt(nextChargeOn, cycle, 0);
    return periodAt(nextChargeOn);
}

InvoiceAmounts BilledSubscription::amountsFor(const models::BillingPeriod &period, int itbisBp) const
{
    InvoiceAmounts amounts;
    if (freeUntil.isValid() && period.start < freeUntil) {
        amounts.free = true; // docs/domain.md §5: the Early Bird free months owe nothing
        return amounts;
    }
    const bool discounted = discountBp > 0 && (!discountEnds.isValid() || period.start < discountEnds);
    amounts.subtotal = discounted ? basisPoints(cyclePriceMinor, 10000 - discountBp) : cyclePriceMinor;
    amounts.itbis = currency == QLatin1String("DOP") ? basisPoints(amounts.subtotal, itbisBp) : 0;
    amounts.total = amounts.subtotal + amounts.itbis;
    return amounts;
}

bool BilledSubscription::inGoodStanding() const
{
    return status == models::SubscriptionStatus::Trial || status == models::SubscriptionStatus::Active;
}

} // namespace okla::services
