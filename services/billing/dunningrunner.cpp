#include "services/billing/dunningrunner.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include "models/oklatr.h"
#include "services/billing/billedsubscription.h"
#include "services/billing/invoicecharger.h"
#include "services/billing/notices.h"
#include "services/billing/renewalinvoice.h"
#include "services/billing/renewalpolicy.h"
#include "services/billing/subscriptionschedule.h"
#include "services/database/pgconnection.h"

namespace okla::services {

Q_LOGGING_CATEGORY(lcDunning, "okla.worker.dunning")

using models::SubscriptionStatus;

DunningRunner::DunningRunner(PgConnection &connection, InvoiceCharger &charger)
    : m_connection(connection), m_charger(charger)
{
}

models::Result<RunTally> DunningRunner::run(QDate businessDate, const RunProgress &progress, SubscriptionSlice slice)
{
    if (!businessDate.isValid()) {
        return models::makeError(QStringLiteral("billing.dunning.invalid_date"),
                                 Tr::tr("A dunning run needs a valid business date."));
    }
    auto policy = RenewalPolicy::load(m_connection);
    if (!policy)
        return policy.error();
    // In dunning with something due: past due with a retry day or the suspension day come,
    // suspended with the cancellation day come, or the overdue invoice paid by someone else.
    auto rows = m_connection.exec(
        QStringLiteral("SELECT s.id FROM subscriptions s"
                       " WHERE s.status IN ('past_due', 'suspended') AND s.dunning_started_on IS NOT NULL"
                       "   AND ((s.status = 'past_due'"
                       "         AND (s.next_charge_on <= $1 OR s.dunning_started_on + $2::integer <= $1))"
                       "        OR s.dunning_started_on + $3::integer <= $1"
                       "        OR EXISTS (SELECT 1 FROM invoices i WHERE i.subscription_id = s.id"
                       "                      AND i.period_start = s.current_period_start AND i.status = 'paid'))"
                       "   AND s.id % $5 = $4"
                       " ORDER BY s.id"),
        {dateParam(businessDate), policy->dunning.suspendDay(), policy->dunning.cancelDay(), slice.index, slice.count});
    if (!rows)
        return rows.error();
    RunTally tally;
    tally.due = rows->rows();
    for (int row = 0; row < rows->rows(); ++row) {
        const qint64 id = rows->toInt64(row, 0);
        if (auto done = dun(id, businessDate, *policy, tally); !done) {
            ++tally.errors;
            qCWarning(lcDunning).noquote()
                << Tr::tr("Dunning of subscription %1 stopped: %2").arg(id).arg(done.error().toString());
        }
        ++tally.done;
        if (progress)
            progress(tally);
    }
    return tally;
}

models::Status DunningRunner::dun(qint64 subscriptionId, QDate day, const RenewalPolicy &policy, RunTally &tally)
{
    std::optional<ChargedInvoice> retry;
    auto stepped = inTransaction(m_connection, [&]() -> models::Status {
        auto loaded = BilledSubscription::load(m_connection, subscriptionId, true);
        if (!loaded)
            return loaded.error();
        if (!*loaded)
            return {};
        const BilledSubscription &s = **loaded;
        const bool pastDue = s.status == SubscriptionStatus::PastDue;
        if ((!pastDue && s.status != SubscriptionStatus::Suspended) || !s.dunningStartedOn.isValid())
            return {}; // settled meanwhile
        auto invoice = findPeriodInvoice(m_connection, s.id, s.periodStart);
        if (!invoice)
            return invoice.error();
        const models::BillingPeriod period{0, s.periodStart, s.periodEnd};
        if (invoice->status == QLatin1String("paid")) {
            auto reactivated = settlePaidPeriod(m_connection, s, period, day);
            if (!reactivated)
                return reactivated.error();
            tally.reactivated += *reactivated ? 1 : 0;
            return {};
        }
        const qint64 dunningDay = s.dunningStartedOn.daysTo(day);
        if (pastDue && dunningDay >= policy.dunning.suspendDay()) {
            if (auto suspended = suspend(s, day, tally); !suspended)
                return suspended;
            if (dunningDay < policy.dunning.cancelDay())
                return {};
        }
        if (dunningDay >= policy.dunning.cancelDay())
            return cancel(s, day, tally);
        if (pastDue && s.nextChargeOn.isValid() && s.nextChargeOn <= day && invoice->id != 0)
            retry = ChargedInvoice{s.id, invoice->id, s.dunningAttempts + 1, period};
        return {};
    });
    if (!stepped || !retry)
        return stepped;
    auto outcome = m_charger.chargeInvoice(retry->invoiceId, retry->attemptNo, day);
    if (!outcome)
        return outcome.error();
    auto settled = settleChargeOutcome(m_connection, *retry, *outcome, policy, day, tally);
    return settled ? models::Status() : models::Status(settled.error());
}

namespace {

/// One step that takes a subscription further out (suspension, cancellation), in the caller's
/// transaction: its schedule cleared by `scheduleSql`, the status change with its history row,
/// and the event's notice.
struct DunningStepWrite
{
    QString scheduleSql;
    StatusChange change;
    QString noticeKind;
    QString eventKey;
    QJsonObject data;
};

models::Status writeDunningStep(PgConnection &connection, const BilledSubscription &locked, DunningStepWrite step,
                                RunTally &tally)
{
    auto unscheduled = connection.exec(step.scheduleSql, {locked.id});
    if (!unscheduled)
        return unscheduled.error();
    auto changed = applyStatusChange(connection, locked.id, step.change);
    if (!changed)
        return changed.error();
    step.data.insert(QStringLiteral("subscription_id"), locked.id);
    step.data.insert(QStringLiteral("dunning_started_on"), locked.dunningStartedOn.toString(Qt::ISODate));
    auto written = writeNotice(connection, {locked.dealerId, step.noticeKind, step.eventKey, step.data});
    if (!written)
        return written.error();
    tally.notices += *written ? 1 : 0;
    return {};
}

} // namespace

models::Status DunningRunner::suspend(const BilledSubscription &locked, QDate day, RunTally &tally)
{
    // docs/domain.md §21: retries are over; the listings are hidden until a payment or the end.
    ++tally.suspended;
    return writeDunningStep(
        m_connection, locked,
        {QStringLiteral("UPDATE subscriptions SET next_charge_on = NULL, updated_at = now() WHERE id = $1"),
         {SubscriptionStatus::Suspended, QStringLiteral("status_change"), true, QStringLiteral("Dunning: listings hidden"),
          day},
         QStringLiteral("suspended"),
         noticekeys::suspended(locked.id, day),
         {{QStringLiteral("suspended_on"), day.toString(Qt::ISODate)}}},
        tally);
}

models::Status DunningRunner::cancel(const BilledSubscription &locked, QDate day, RunTally &tally)
{
    // docs/domain.md §26: the open invoices are voided, not left overdue forever.
    auto voided = m_connection.exec(
        QStringLiteral("UPDATE invoices SET status = 'voided', voided_at = now()"
                       " WHERE subscription_id = $1 AND status IN ('draft', 'issued', 'sent', 'overdue')"),
        {locked.id});
    if (!voided)
        return voided.error();
    ++tally.cancelled;
    return writeDunningStep(
        m_connection, locked,
        {QStringLiteral("UPDATE subscriptions SET next_charge_on = NULL, dunning_started_on = NULL,"
                        "       dunning_attempts = 0, updated_at = now() WHERE id = $1"),
         {SubscriptionStatus::Cancelled, QStringLiteral("cancel"), true, QStringLiteral("Dunning ended without payment"),
          day},
         QStringLiteral("cancelled"),
         noticekeys::cancelled(locked.id, day),
         {{QStringLiteral("cancelled_on"), day.toString(Qt::ISODate)},
          {QStringLiteral("voided_invoices"), voided->affectedRows()}}},
        tally);
}

} // namespace okla::services
