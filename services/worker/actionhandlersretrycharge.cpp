// The `retry_charge` request (docs/domain.md §22, docs/worker.md §15): the subscription's open
// invoice charged now, outside the dunning days, as the next attempt of its charge through the
// charge executor (docs/idempotency.md §9, §13), and the outcome settled by dunning's own code
// (docs/domain.md §21, §26).
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

#include "models/billing/billingperiod.h"
#include "services/billing/chargeexecutor.h"
#include "services/billing/renewalpolicy.h"
#include "services/billing/subscriptionschedule.h"
#include "services/database/pgconnection.h"
#include "services/resilience/resiliencemanager.h"
#include "services/worker/actionhandlers.h"
#include "services/worker/workerproviders.h"
#include "services/worker/workerrequests.h"

namespace okla::services::actions {

namespace {

using models::makeError;

QDate isoDate(const PgResult &rows, int column)
{
    return QDate::fromString(rows.text(0, column), Qt::ISODate);
}

/// The invoice and attempt this request already chose (its progress), if it ran before: run again
/// after a crash, it asks the executor about the same attempt, which never makes a second provider
/// effect, instead of charging a further one.
models::Result<std::optional<ChargedInvoice>> recordedAttempt(PgConnection &db, qint64 requestId, qint64 subscriptionId)
{
    auto row = db.exec(QStringLiteral("SELECT i.id, (r.progress->>'attempt')::integer, i.period_start::text, i.period_end::text"
                                      "  FROM worker_requests r"
                                      "  JOIN invoices i ON i.id = (r.progress->>'invoice_id')::bigint"
                                      " WHERE r.id = $1 AND r.progress ? 'attempt'"),
                       {requestId});
    if (!row)
        return row.error();
    if (row->rows() == 0)
        return std::optional<ChargedInvoice>();
    return std::optional<ChargedInvoice>(ChargedInvoice{subscriptionId, row->toInt64(0, 0), int(row->toInt64(0, 1)),
                                                        {0, isoDate(*row, 2), isoDate(*row, 3)}});
}

/// Under the subscription's row lock: its oldest open invoice and the attempt after the invoice's
/// last charge (dunning's next attempt, docs/domain.md §26), recorded in the request's progress
/// before anything is charged. Refused when there is nothing to charge or a charge of the invoice
/// is still live (docs/idempotency.md §9: one live charge per invoice).
models::Result<ChargedInvoice> chooseAttempt(RequestContext &context, qint64 subscriptionId)
{
    ChargedInvoice chosen;
    auto chose = inTransaction(context.db, [&]() -> models::Status {
        auto owned = WorkerRequests::lockOwned(context.db, context.request.id, context.instanceId);
        if (!owned)
            return owned.error();
        if (!*owned)
            return makeError(QStringLiteral("worker.lost"),
                             QCoreApplication::translate("okla.worker", "Request %1 is no longer this worker's; nothing "
                                                                        "was charged.").arg(context.request.id));
        auto found = context.db.exec(QStringLiteral("SELECT status FROM subscriptions WHERE id = $1 FOR UPDATE"),
                                     {subscriptionId});
        if (!found)
            return found.error();
        if (found->rows() == 0)
            return missingSubscription(subscriptionId);
        if (auto going = notEnded(subscriptionId, found->text(0, 0)); !going)
            return going;
        auto open = context.db.exec(
            QStringLiteral("SELECT i.id, i.period_start::text, i.period_end::text, coalesce(max(c.attempt_no), 0),"
                           "       coalesce(bool_or(coalesce(c.resolution, c.state) <> 'failed'), false)"
                           "  FROM invoices i LEFT JOIN charges c ON c.invoice_id = i.id"
                           " WHERE i.subscription_id = $1 AND i.status IN ('issued', 'sent', 'overdue', 'partially_paid')"
                           " GROUP BY i.id ORDER BY i.period_start LIMIT 1"),
            {subscriptionId});
        if (!open)
            return open.error();
        if (open->rows() == 0)
            return makeError(QStringLiteral("worker.nothing_due"),
                             QCoreApplication::translate("okla.worker", "Subscription %1 has no overdue or open invoice: "
                                                                        "there is nothing to charge.").arg(subscriptionId));
        const qint64 invoiceId = open->toInt64(0, 0);
        if (open->text(0, 4) == QLatin1String("t"))
            return makeError(QStringLiteral("worker.charge_live"),
                             QCoreApplication::translate("okla.worker", "Invoice %1 has a charge still running or whose "
                                                                        "outcome is unknown; it is not charged again until "
                                                                        "reconciliation settles that one.").arg(invoiceId));
        chosen = {subscriptionId, invoiceId, int(open->toInt64(0, 3)) + 1, {0, isoDate(*open, 1), isoDate(*open, 2)}};
        const QJsonObject progress{{QStringLiteral("invoice_id"), invoiceId}, {QStringLiteral("attempt"), chosen.attemptNo}};
        auto recorded = context.db.exec(QStringLiteral("UPDATE worker_requests SET progress = $2::jsonb WHERE id = $1"),
                                        {context.request.id,
                                         QString::fromUtf8(QJsonDocument(progress).toJson(QJsonDocument::Compact))});
        return recorded ? models::Status() : models::Status(recorded.error());
    });
    if (!chose)
        return chose.error();
    return chosen;
}

/// The request's answer: its result when the invoice is paid, else the error that says why not.
models::Result<QJsonObject> answer(PgConnection &db, const ChargedInvoice &charged, const ChargeOutcome &outcome,
                                   bool paid, const RunTally &tally)
{
    using Kind = ChargeOutcome::Kind;
    if (paid) {
        auto status = db.exec(QStringLiteral("SELECT status FROM subscriptions WHERE id = $1"), {charged.subscriptionId});
        if (!status)
            return status.error();
        return QJsonObject{{QStringLiteral("subscription_id"), charged.subscriptionId},
                           {QStringLiteral("invoice_id"), charged.invoiceId},
                           {QStringLiteral("attempt"), charged.attemptNo},
                           {QStringLiteral("outcome"), outcome.kind == Kind::Succeeded ? QStringLiteral("succeeded")
                                                                                       : QStringLiteral("already_paid")},
                           {QStringLiteral("charge_id"), outcome.chargeId},
                           {QStringLiteral("provider"), outcome.provider},
                           {QStringLiteral("reactivated"), tally.reactivated > 0},
                           {QStringLiteral("status"), status->rows() ? status->text(0, 0) : QString()}};
    }
    if (outcome.kind == Kind::Declined && outcome.declineClass == models::DeclineClass::Hard)
        return makeError(QStringLiteral("worker.declined"),
                         QCoreApplication::translate("okla.worker", "Invoice %1 was not paid: the card can never pay "
                                                                    "again (%2). The dealer was asked to update it.")
                             .arg(charged.invoiceId)
                             .arg(outcome.declineCode));
    if (outcome.kind == Kind::Declined)
        return makeError(QStringLiteral("worker.declined"),
                         QCoreApplication::translate("okla.worker", "Invoice %1 was not paid: the charge was declined "
                                                                    "(%2, %3). The dealer was told and dunning goes on.")
                             .arg(charged.invoiceId)
                             .arg(outcome.declineCode, models::declineClassName(outcome.declineClass)));
    if (outcome.kind == Kind::Unknown)
        return makeError(QStringLiteral("worker.charge_unknown"),
                         QCoreApplication::translate("okla.worker", "The outcome of the charge of invoice %1 is not "
                                                                    "known yet; reconciliation settles it. Do not retry "
                                                                    "before then.").arg(charged.invoiceId));
    return makeError(QStringLiteral("worker.not_charged"),
                     QCoreApplication::translate("okla.worker", "Invoice %1 was not charged: it is no longer open, or "
                                                                "another charge of it is under way.").arg(charged.invoiceId));
}

} // namespace

models::Result<QJsonObject> retryCharge(RequestContext &context, const QString &profileName)
{
    auto subscriptionId = wholeIdParam(context.request, QStringLiteral("subscription_id"));
    if (!subscriptionId)
        return subscriptionId.error();
    auto policy = RenewalPolicy::load(context.db);
    if (!policy)
        return policy.error();
    auto providers = loadWorkerProviders(profileName, context.credentials);
    if (!providers)
        return providers.error();
    auto recorded = recordedAttempt(context.db, context.request.id, *subscriptionId);
    if (!recorded)
        return recorded.error();
    std::optional<ChargedInvoice> target = *recorded;
    if (!target) {
        auto chosen = chooseAttempt(context, *subscriptionId);
        if (!chosen)
            return chosen.error();
        target = *chosen;
    }

    // The charge outside any transaction, then its outcome as dunning records it: reactivation
    // when paid, the decline with its notices (card_update_needed after a hard one) otherwise.
    const QDate day = models::businessDate(QDateTime::currentDateTimeUtc());
    ChargeExecutor charger(context.db, *providers->resilience, providers->executorProviders());
    auto outcome = charger.chargeInvoice(target->invoiceId, target->attemptNo, day);
    if (!outcome)
        return outcome.error();
    RunTally tally;
    auto paid = settleChargeOutcome(context.db, *target, *outcome, *policy, day, tally);
    if (!paid)
        return paid.error();
    return answer(context.db, *target, *outcome, *paid, tally);
}

} // namespace okla::services::actions
