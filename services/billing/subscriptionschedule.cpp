#include "services/billing/subscriptionschedule.h"

#include <QJsonObject>

#include "models/oklatr.h"
#include "services/billing/notices.h"
#include "services/billing/renewalinvoice.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using models::SubscriptionStatus;

models::Status inTransaction(PgConnection &connection, const std::function<models::Status()> &work)
{
    if (auto begun = connection.execScript(QStringLiteral("BEGIN")); !begun)
        return begun;
    if (auto done = work(); !done) {
        connection.rollbackAfterError();
        return done;
    }
    if (auto committed = connection.execScript(QStringLiteral("COMMIT")); !committed) {
        connection.rollbackAfterError();
        return committed;
    }
    return {};
}

QVariant dateParam(QDate day)
{
    return day.isValid() ? QVariant(day.toString(Qt::ISODate)) : QVariant();
}

models::Result<bool> applyStatusChange(PgConnection &connection, qint64 subscriptionId, const StatusChange &change)
{
    const QString status = models::toDb(change.status);
    auto updated = connection.exec(
        QStringLiteral("UPDATE subscriptions SET status = $2, updated_at = now(),"
                       "       cancelled_at = CASE WHEN $2 = 'cancelled' THEN coalesce(cancelled_at, now()) END"
                       " WHERE id = $1 AND status <> $2"),
        {subscriptionId, status});
    if (!updated)
        return updated.error();
    auto written = connection.exec(
        QStringLiteral("INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type,"
                       "       plan_version_id, billing_cycle, status, discount_bp, discount_ends, involuntary, note)"
                       " SELECT s.id, s.dealer_id, $2, $3, s.plan_version_id, s.billing_cycle, s.status, s.discount_bp,"
                       "        s.discount_ends, $4, $5"
                       "   FROM subscriptions s"
                       "  WHERE s.id = $1 AND s.status IS DISTINCT FROM"
                       "        (SELECT c.status FROM subscription_changes c WHERE c.subscription_id = s.id"
                       "          ORDER BY c.effective_date DESC, c.id DESC LIMIT 1)"),
        {subscriptionId, dateParam(change.effectiveDate), change.changeType, change.involuntary, change.note});
    if (!written)
        return written.error();
    return updated->affectedRows() == 1;
}

models::Result<bool> advanceSchedule(PgConnection &connection, const BilledSubscription &locked,
                                     const models::BillingPeriod &period)
{
    if (locked.periodStart > period.start)
        return false; // a later period is current already
    auto moved = connection.exec(
        QStringLiteral("UPDATE subscriptions SET current_period_start = $2, current_period_end = $3,"
                       "       next_charge_on = CASE WHEN cancel_at_period_end THEN NULL ELSE $3::date END,"
                       "       dunning_started_on = NULL, dunning_attempts = 0, updated_at = now()"
                       " WHERE id = $1"),
        {locked.id, dateParam(period.start), dateParam(period.end)});
    if (!moved)
        return moved.error();
    return true;
}

namespace {

/// The status a payment moves the subscription from: its own, or, when the charge executor has
/// already made it active (docs/idempotency.md §13), the one its history still records, so the
/// history gets the change's row all the same.
models::Result<SubscriptionStatus> statusBeforePayment(PgConnection &connection, const BilledSubscription &locked)
{
    if (locked.status != SubscriptionStatus::Active)
        return locked.status;
    auto latest = connection.exec(QStringLiteral("SELECT status FROM subscription_changes WHERE subscription_id = $1"
                                                 " ORDER BY effective_date DESC, id DESC LIMIT 1"),
                                  {locked.id});
    if (!latest)
        return latest.error();
    const auto recorded = latest->rows() ? models::fromDb<SubscriptionStatus>(latest->text(0, 0)) : std::nullopt;
    const bool unpaid = recorded == SubscriptionStatus::Trial || recorded == SubscriptionStatus::PastDue
                        || recorded == SubscriptionStatus::Suspended;
    return unpaid ? *recorded : SubscriptionStatus::Active;
}

} // namespace

models::Result<bool> settlePaidPeriod(PgConnection &connection, const BilledSubscription &locked,
                                      const models::BillingPeriod &period, QDate day)
{
    auto moved = advanceSchedule(connection, locked, period);
    if (!moved || !*moved)
        return moved;
    auto before = statusBeforePayment(connection, locked);
    if (!before)
        return before.error();
    if (*before == SubscriptionStatus::Active || !models::statusAfterPayment(*before))
        return false;
    const bool fromTrial = *before == SubscriptionStatus::Trial;
    const StatusChange change{SubscriptionStatus::Active,
                              fromTrial ? QStringLiteral("trial_to_active") : QStringLiteral("status_change"), false,
                              fromTrial ? QStringLiteral("First renewal paid") : QStringLiteral("Dunning recovered the payment"),
                              day};
    auto changed = applyStatusChange(connection, locked.id, change);
    if (!changed)
        return changed.error();
    return !fromTrial;
}

models::Result<int> recordDeclinedCharge(PgConnection &connection, const BilledSubscription &locked,
                                         const DeclinedCharge &charge, const RenewalPolicy &policy, QDate day)
{
    const bool ended = locked.status == SubscriptionStatus::Cancelled || locked.status == SubscriptionStatus::Expired;
    if (ended || (locked.dunningStartedOn.isValid() && locked.dunningAttempts >= charge.attemptNo))
        return 0; // cancelled meanwhile, or this attempt was recorded by an earlier run
    const QDate firstFailure = locked.dunningStartedOn.isValid() ? locked.dunningStartedOn : day;
    const bool suspended = locked.status == SubscriptionStatus::Suspended;
    const models::DunningState state{firstFailure, day, charge.outcome.declineClass,
                                     suspended ? SubscriptionStatus::Suspended : SubscriptionStatus::PastDue};
    const auto step = policy.dunning.nextStep(state, day);
    if (!step)
        return step.error();
    const QDate nextRetry = step->kind == models::DunningStep::Kind::RetryOn ? step->on : QDate();

    auto moved = connection.exec(
        QStringLiteral("UPDATE subscriptions SET current_period_start = $2, current_period_end = $3,"
                       "       dunning_started_on = $4, dunning_attempts = $5, next_charge_on = $6, updated_at = now()"
                       " WHERE id = $1"),
        {locked.id, dateParam(charge.period.start), dateParam(charge.period.end), dateParam(firstFailure),
         charge.attemptNo, dateParam(nextRetry)});
    if (!moved)
        return moved.error();
    auto overdue = connection.exec(
        QStringLiteral("UPDATE invoices SET status = 'overdue' WHERE id = $1 AND status IN ('issued', 'sent')"),
        {charge.invoiceId});
    if (!overdue)
        return overdue.error();
    if (!suspended) {
        auto changed = applyStatusChange(connection, locked.id,
                                         {SubscriptionStatus::PastDue, QStringLiteral("status_change"), false,
                                          QStringLiteral("Renewal charge failed"), day});
        if (!changed)
            return changed.error();
    }

    const ChargeOutcome &outcome = charge.outcome;
    QJsonObject data{{QStringLiteral("subscription_id"), locked.id},
                     {QStringLiteral("invoice_id"), charge.invoiceId},
                     {QStringLiteral("attempt"), charge.attemptNo},
                     {QStringLiteral("provider"), outcome.provider},
                     {QStringLiteral("decline_code"), outcome.declineCode},
                     {QStringLiteral("decline_class"), models::declineClassName(outcome.declineClass)},
                     {QStringLiteral("next_retry_on"),
                      nextRetry.isValid() ? QJsonValue(nextRetry.toString(Qt::ISODate)) : QJsonValue()}};
    int written = 0;
    auto failedNotice = writeNotice(connection, {locked.dealerId, QStringLiteral("payment_failed"),
                                                 noticekeys::paymentFailed(outcome.chargeId, charge.invoiceId,
                                                                           charge.attemptNo),
                                                 data});
    if (!failedNotice)
        return failedNotice.error();
    written += *failedNotice ? 1 : 0;
    if (outcome.declineClass == models::DeclineClass::Hard) {
        data.insert(QStringLiteral("suspend_on"),
                    firstFailure.addDays(policy.dunning.suspendDay()).toString(Qt::ISODate));
        auto cardNotice = writeNotice(connection, {locked.dealerId, QStringLiteral("card_update_needed"),
                                                   noticekeys::cardUpdateNeeded(outcome.chargeId, charge.invoiceId,
                                                                                charge.attemptNo),
                                                   data});
        if (!cardNotice)
            return cardNotice.error();
        written += *cardNotice ? 1 : 0;
    }
    return written;
}

namespace {

/// Loads the subscription under its row lock and hands it to `work`, all in one transaction.
models::Status withLockedSubscription(PgConnection &connection, qint64 subscriptionId,
                                      const std::function<models::Status(const BilledSubscription &)> &work)
{
    return inTransaction(connection, [&]() -> models::Status {
        auto locked = BilledSubscription::load(connection, subscriptionId, true);
        if (!locked)
            return locked.error();
        if (!*locked) {
            return models::makeError(QStringLiteral("billing.renewal.no_subscription"),
                                     Tr::tr("The subscription no longer exists."), QString::number(subscriptionId));
        }
        return work(**locked);
    });
}

} // namespace

models::Result<bool> settleChargeOutcome(PgConnection &connection, const ChargedInvoice &charged,
                                         const ChargeOutcome &outcome, const RenewalPolicy &policy, QDate day,
                                         RunTally &tally)
{
    bool paid = outcome.kind == ChargeOutcome::Kind::Succeeded;
    if (outcome.kind == ChargeOutcome::Kind::Skipped) {
        auto invoice = findPeriodInvoice(connection, charged.subscriptionId, charged.period.start);
        if (!invoice)
            return invoice.error();
        paid = invoice->status == QLatin1String("paid");
    }
    if (paid) {
        auto settled = withLockedSubscription(connection, charged.subscriptionId,
                                              [&](const BilledSubscription &locked) -> models::Status {
            auto reactivated = settlePaidPeriod(connection, locked, charged.period, day);
            if (!reactivated)
                return reactivated.error();
            tally.reactivated += *reactivated ? 1 : 0;
            return {};
        });
        if (!settled)
            return settled.error();
        tally.charged += outcome.kind == ChargeOutcome::Kind::Succeeded ? 1 : 0;
        return true;
    }
    if (outcome.kind != ChargeOutcome::Kind::Declined) {
        ++tally.inFlight; // unknown or still running: reconciliation decides, nothing is resent
        return false;
    }
    auto recorded = withLockedSubscription(connection, charged.subscriptionId,
                                           [&](const BilledSubscription &locked) -> models::Status {
        auto notices = recordDeclinedCharge(connection, locked,
                                            {charged.invoiceId, charged.attemptNo, charged.period, outcome}, policy, day);
        if (!notices)
            return notices.error();
        tally.notices += *notices;
        return {};
    });
    if (!recorded)
        return recorded.error();
    ++tally.failed;
    return false;
}

} // namespace okla::services
