// The Subscriptions page's and support's requests (docs/domain.md §22, docs/worker.md §15): their
// registration, their shared parameter check, and the two that only write a dealer notice
// (docs/domain.md §15, §23): resend_receipt and portal_link.
#include "services/worker/actionhandlers.h"

#include <QCoreApplication>

#include "services/billing/notices.h"
#include "services/database/pgconnection.h"

namespace okla::services {

namespace actions {

using models::makeError;

models::Result<qint64> wholeIdParam(const WorkerRequest &request, const QString &name)
{
    const QJsonValue value = request.params.value(name);
    const qint64 id = value.isDouble() ? qint64(value.toDouble()) : 0;
    if (id <= 0 || double(id) != value.toDouble())
        return makeError(QStringLiteral("worker.params"),
                         QCoreApplication::translate("okla.worker", "A %1 request needs a positive whole %2.")
                             .arg(request.kind, name));
    return id;
}

models::Error missingSubscription(qint64 subscriptionId)
{
    return makeError(QStringLiteral("worker.not_found"),
                     QCoreApplication::translate("okla.worker", "Subscription %1 does not exist.").arg(subscriptionId));
}

models::Status notEnded(qint64 subscriptionId, const QString &status)
{
    if (status != QLatin1String("cancelled") && status != QLatin1String("expired"))
        return {};
    return makeError(QStringLiteral("worker.ended"),
                     QCoreApplication::translate("okla.worker", "Subscription %1 has already ended (%2).")
                         .arg(subscriptionId)
                         .arg(status));
}

namespace {

/// Writes `notice` and answers with its row: one row per event key, so a request run again after
/// a crash finds its own row instead of writing a second one.
models::Result<QJsonObject> noticeResult(PgConnection &db, const Notice &notice)
{
    if (auto written = writeNotice(db, notice); !written)
        return written.error();
    auto row = db.exec(QStringLiteral("SELECT id, channel FROM notifications WHERE event_key = $1"), {notice.eventKey});
    if (!row)
        return row.error();
    if (row->rows() == 0) // the dealer vanished between the check and the insert
        return makeError(QStringLiteral("worker.not_found"),
                         QCoreApplication::translate("okla.worker", "Dealer %1 does not exist.").arg(notice.dealerId));
    return QJsonObject{{QStringLiteral("dealer_id"), notice.dealerId},
                       {QStringLiteral("notification_id"), row->toInt64(0, 0)},
                       {QStringLiteral("channel"), row->text(0, 1)},
                       {QStringLiteral("event_key"), notice.eventKey}};
}

} // namespace

models::Result<QJsonObject> resendReceipt(RequestContext &context)
{
    auto invoiceId = wholeIdParam(context.request, QStringLiteral("invoice_id"));
    if (!invoiceId)
        return invoiceId.error();
    // What the receipt shows: the invoice and the payment that paid it (no card data beyond the
    // brand and last 4 the payment keeps).
    auto invoice = context.db.exec(
        QStringLiteral("SELECT i.dealer_id, i.status, i.subscription_id, i.ncf, i.currency, i.total_minor, i.itbis_minor,"
                       "       i.period_start::text, i.period_end::text,"
                       "       to_char(i.paid_at AT TIME ZONE 'America/Santo_Domingo', 'YYYY-MM-DD'), p.id, p.provider"
                       "  FROM invoices i"
                       "  LEFT JOIN LATERAL (SELECT id, provider FROM payments WHERE invoice_id = i.id"
                       "                      ORDER BY id DESC LIMIT 1) p ON true"
                       " WHERE i.id = $1"),
        {*invoiceId});
    if (!invoice)
        return invoice.error();
    if (invoice->rows() == 0)
        return makeError(QStringLiteral("worker.not_found"),
                         QCoreApplication::translate("okla.worker", "Invoice %1 does not exist.").arg(*invoiceId));
    const QString status = invoice->text(0, 1);
    if (status != QLatin1String("paid"))
        return makeError(QStringLiteral("worker.not_paid"),
                         QCoreApplication::translate("okla.worker", "Invoice %1 is %2, not paid: it has no receipt to send.")
                             .arg(*invoiceId)
                             .arg(status));
    const qint64 dealerId = invoice->toInt64(0, 0);
    const QJsonObject data{{QStringLiteral("invoice_id"), *invoiceId},
                           {QStringLiteral("subscription_id"), invoice->toInt64(0, 2)},
                           {QStringLiteral("ncf"), invoice->isNull(0, 3) ? QJsonValue() : QJsonValue(invoice->text(0, 3))},
                           {QStringLiteral("currency"), invoice->text(0, 4)},
                           {QStringLiteral("amount_minor"), invoice->toInt64(0, 5)},
                           {QStringLiteral("itbis_minor"), invoice->toInt64(0, 6)},
                           {QStringLiteral("period_start"), invoice->text(0, 7)},
                           {QStringLiteral("period_end"), invoice->text(0, 8)},
                           {QStringLiteral("paid_on"), invoice->text(0, 9)},
                           {QStringLiteral("payment_id"), invoice->isNull(0, 10) ? QJsonValue() : QJsonValue(invoice->toInt64(0, 10))},
                           {QStringLiteral("provider"), invoice->isNull(0, 11) ? QJsonValue() : QJsonValue(invoice->text(0, 11))},
                           {QStringLiteral("resent"), true}};
    auto result = noticeResult(context.db, {dealerId, QStringLiteral("receipt"),
                                            noticekeys::receiptResent(*invoiceId, context.request.id), data});
    if (result)
        result->insert(QStringLiteral("invoice_id"), *invoiceId);
    return result;
}

models::Result<QJsonObject> portalLink(RequestContext &context)
{
    auto dealerId = wholeIdParam(context.request, QStringLiteral("dealer_id"));
    if (!dealerId)
        return dealerId.error();
    // The subscription in force says which provider holds the card; the delivery builds the link
    // for it when the notice is sent, since a portal link is short-lived (docs/worker.md §15).
    auto dealer = context.db.exec(
        QStringLiteral("SELECT d.id, s.id, s.provider FROM dealers d"
                       "  LEFT JOIN LATERAL (SELECT id, provider FROM subscriptions WHERE dealer_id = d.id"
                       "                        AND status NOT IN ('cancelled', 'expired')"
                       "                      ORDER BY started_at DESC, id DESC LIMIT 1) s ON true"
                       " WHERE d.id = $1"),
        {*dealerId});
    if (!dealer)
        return dealer.error();
    if (dealer->rows() == 0)
        return makeError(QStringLiteral("worker.not_found"),
                         QCoreApplication::translate("okla.worker", "Dealer %1 does not exist.").arg(*dealerId));
    if (dealer->isNull(0, 1))
        return makeError(QStringLiteral("worker.ended"),
                         QCoreApplication::translate("okla.worker", "Dealer %1 has no subscription in force: there is no "
                                                                    "card to update.").arg(*dealerId));
    const QJsonObject data{{QStringLiteral("dealer_id"), *dealerId},
                           {QStringLiteral("reason"), QStringLiteral("portal_link")},
                           {QStringLiteral("subscription_id"), dealer->toInt64(0, 1)},
                           {QStringLiteral("provider"), dealer->text(0, 2)}};
    return noticeResult(context.db, {*dealerId, QStringLiteral("card_update_needed"),
                                     noticekeys::portalLink(*dealerId, context.request.id), data});
}

} // namespace actions

void registerActionHandlers(RequestHandlerRegistry &registry, const QString &profileName)
{
    registry.registerHandler(
        QStringLiteral("retry_charge"),
        [profileName](RequestContext &context) { return actions::retryCharge(context, profileName); },
        HandlerAtomicity::OwnTransactions);
    registry.registerHandler(QStringLiteral("change_plan"), actions::changePlan);
    registry.registerHandler(QStringLiteral("resend_receipt"), actions::resendReceipt);
    registry.registerHandler(QStringLiteral("portal_link"), actions::portalLink);
}

} // namespace okla::services
