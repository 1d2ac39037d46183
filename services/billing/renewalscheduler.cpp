#include "services/billing/renewalscheduler.h"

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

Q_LOGGING_CATEGORY(lcRenewal, "okla.worker.renewal")

namespace {

models::Result<QList<qint64>> subscriptionIds(PgConnection &connection, const QString &sql, const QVariantList &params)
{
    auto rows = connection.exec(sql, params);
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    ids.reserve(rows->rows());
    for (int row = 0; row < rows->rows(); ++row)
        ids.append(rows->toInt64(row, 0));
    return ids;
}

models::Error invalidDay()
{
    return models::makeError(QStringLiteral("billing.renewal.invalid_date"),
                             Tr::tr("A billing run needs a valid business date."));
}

} // namespace

RenewalScheduler::RenewalScheduler(PgConnection &connection, InvoiceCharger &charger)
    : m_connection(connection), m_charger(charger)
{
}

models::Result<RunTally> RenewalScheduler::run(QDate businessDate, const RunProgress &progress, SubscriptionSlice slice)
{
    if (!businessDate.isValid())
        return invalidDay();
    auto policy = RenewalPolicy::load(m_connection);
    if (!policy)
        return policy.error();
    auto due = subscriptionIds(m_connection,
                               QStringLiteral("SELECT id FROM subscriptions WHERE next_charge_on <= $1"
                                              "   AND status IN ('trial', 'active') AND NOT cancel_at_period_end"
                                              "   AND id % $3 = $2"
                                              " ORDER BY next_charge_on, id"),
                               {dateParam(businessDate), slice.index, slice.count});
    if (!due)
        return due.error();
    RunTally tally;
    tally.due = int(due->size());
    for (qint64 id : *due) {
        renew(id, businessDate, *policy, tally);
        ++tally.done;
        if (progress)
            progress(tally);
    }
    if (auto notices = writePreChargeNotices(businessDate, *policy, slice, tally); !notices)
        return notices.error();
    return tally;
}

void RenewalScheduler::renew(qint64 subscriptionId, QDate day, const RenewalPolicy &policy, RunTally &tally)
{
    // One period a turn; a worker that was down bills each missed period in order, and a period
    // that is not paid stops there (dunning takes over).
    for (int turn = 0; turn < models::kMaxPeriodsDue; ++turn) {
        auto more = renewNextPeriod(subscriptionId, day, policy, tally);
        if (!more) {
            ++tally.errors;
            qCWarning(lcRenewal).noquote() << Tr::tr("Renewal of subscription %1 stopped: %2")
                                                  .arg(subscriptionId)
                                                  .arg(more.error().toString());
            return;
        }
        if (!*more)
            return;
    }
}

models::Result<bool> RenewalScheduler::renewNextPeriod(qint64 subscriptionId, QDate day, const RenewalPolicy &policy,
                                                       RunTally &tally)
{
    bool due = false;
    bool free = false;
    models::BillingPeriod period;
    PeriodInvoice invoice;
    auto issued = inTransaction(m_connection, [&]() -> models::Status {
        auto loaded = BilledSubscription::load(m_connection, subscriptionId, true);
        if (!loaded)
            return loaded.error();
        std::optional<BilledSubscription> s = *loaded;
        if (!s || !s->inGoodStanding() || s->cancelAtPeriodEnd || !s->nextChargeOn.isValid() || s->nextChargeOn > day)
            return {}; // billed, cancelled or moved into dunning meanwhile
        auto found = s->duePeriod();
        if (!found)
            return found.error();
        period = *found;
        if (s->nextChargeOffAnchor()) {
            // A trial's end or a changed cycle: the billing day is the next charge's from now on.
            auto reanchored = m_connection.exec(
                QStringLiteral("UPDATE subscriptions SET billing_anchor = $2 WHERE id = $1"),
                {s->id, dateParam(s->nextChargeOn)});
            if (!reanchored)
                return reanchored.error();
            s->anchor = s->nextChargeOn;
        }
        due = true;
        const InvoiceAmounts amounts = s->amountsFor(period, policy.itbisBp);
        if (amounts.total == 0) {
            free = true; // Early Bird free month or a free price: nothing to invoice or charge
            auto moved = advanceSchedule(m_connection, *s, period);
            return moved ? models::Status() : models::Status(moved.error());
        }
        auto made = issuePeriodInvoice(m_connection, *s, period, amounts);
        if (!made)
            return made.error();
        invoice = *made;
        return {};
    });
    if (!issued)
        return issued.error();
    if (!due)
        return false;
    if (free) {
        ++tally.free;
        return true;
    }
    if (invoice.status == QLatin1String("voided") || invoice.status == QLatin1String("cancelled")) {
        return models::makeError(QStringLiteral("billing.renewal.invoice_closed"),
                                 Tr::tr("The period's invoice was voided or cancelled; it is not charged."),
                                 QString::number(invoice.id));
    }
    const ChargedInvoice charged{subscriptionId, invoice.id, 1, period};
    ChargeOutcome outcome; // Skipped: a paid invoice needs no charge, only the schedule moved
    if (invoice.status != QLatin1String("paid")) {
        auto answer = m_charger.chargeInvoice(invoice.id, 1, day);
        if (!answer)
            return answer.error();
        outcome = *answer;
    }
    return settleChargeOutcome(m_connection, charged, outcome, policy, day, tally);
}

models::Status RenewalScheduler::writePreChargeNotices(QDate day, const RenewalPolicy &policy, SubscriptionSlice slice,
                                                       RunTally &tally)
{
    if (policy.renewalNoticeDays <= 0)
        return {};
    auto upcoming = subscriptionIds(m_connection,
                                    QStringLiteral("SELECT id FROM subscriptions WHERE next_charge_on > $1"
                                                   "   AND next_charge_on <= $1::date + $2::integer"
                                                   "   AND status IN ('trial', 'active') AND NOT cancel_at_period_end"
                                                   "   AND id % $4 = $3"
                                                   " ORDER BY id"),
                                    {dateParam(day), policy.renewalNoticeDays, slice.index, slice.count});
    if (!upcoming)
        return upcoming.error();
    for (qint64 id : *upcoming) {
        auto loaded = BilledSubscription::load(m_connection, id, false);
        if (!loaded)
            return loaded.error();
        if (!*loaded)
            continue;
        const BilledSubscription &s = **loaded;
        auto period = s.duePeriod();
        if (!period)
            return period.error();
        const InvoiceAmounts amounts = s.amountsFor(*period, policy.itbisBp);
        if (amounts.total == 0)
            continue; // nothing will be charged
        const QJsonObject data{{QStringLiteral("subscription_id"), s.id},
                               {QStringLiteral("charge_on"), s.nextChargeOn.toString(Qt::ISODate)},
                               {QStringLiteral("period_end"), period->end.toString(Qt::ISODate)},
                               {QStringLiteral("plan"), s.planKey},
                               {QStringLiteral("billing_cycle"), models::toDb(s.cycle)},
                               {QStringLiteral("currency"), s.currency},
                               {QStringLiteral("amount_minor"), amounts.total},
                               {QStringLiteral("itbis_minor"), amounts.itbis}};
        auto written = writeNotice(m_connection, {s.dealerId, QStringLiteral("pre_charge"),
                                                  noticekeys::preCharge(s.id, s.nextChargeOn), data});
        if (!written)
            return written.error();
        tally.notices += *written ? 1 : 0;
    }
    return {};
}

} // namespace okla::services
