#include "services/webhooks/stripeeventapplier.h"

#include <QJsonDocument>
#include <QStringList>

#include "services/database/pgconnection.h"

namespace okla::services {

using models::Result;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

models::Status StripeEventApplier::alertFinance(const QString &eventType, const QJsonObject &payload)
{
    auto inserted = m_connection.exec(QStringLiteral("INSERT INTO outbox (event_type, payload) VALUES ($1, $2::jsonb)"),
                                      {eventType, compact(payload)});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<QString> StripeEventApplier::applyDispute(const QJsonObject &dispute)
{
    const QString disputeId = dispute.value(QStringLiteral("id")).toString();
    const QString chargeId = dispute.value(QStringLiteral("charge")).toString();
    const QString status = dispute.value(QStringLiteral("status")).toString();
    const bool closed = status == QLatin1String("won") || status == QLatin1String("lost");
    auto payment = m_connection.exec(QStringLiteral("SELECT id, status, captured_amount, refunded_amount FROM payments "
                                                    "WHERE stripe_charge_id = $1 FOR UPDATE"),
                                     {chargeId});
    if (!payment)
        return payment.error();
    if (payment->rows() == 0)
        return QStringLiteral("dispute %1 on charge %2, which is not an OKLA payment").arg(disputeId, chargeId);
    const qint64 paymentId = payment->toInt64(0, 0);
    // A won dispute gives the money back: the payment reads as before the dispute.
    const qint64 refunded = payment->toInt64(0, 3);
    const QString settled = refunded == 0                           ? QStringLiteral("succeeded")
                            : refunded >= payment->toInt64(0, 2) ? QStringLiteral("refunded")
                                                                  : QStringLiteral("partially_refunded");
    const QString next = status == QLatin1String("won") ? settled : QStringLiteral("disputed");
    if (payment->text(0, 1) != next) {
        auto updated = m_connection.exec(QStringLiteral("UPDATE payments SET status = $2 WHERE id = $1"), {paymentId, next});
        if (!updated)
            return updated.error();
    }
    const QString event = !closed ? QStringLiteral("billing.payment.disputed")
                                  : QStringLiteral("billing.payment.dispute_") + status;
    if (auto alerted = alertFinance(event, {{QStringLiteral("payment_id"), paymentId},
                                            {QStringLiteral("dispute_id"), disputeId},
                                            {QStringLiteral("status"), status},
                                            {QStringLiteral("reason"), dispute.value(QStringLiteral("reason"))},
                                            {QStringLiteral("amount_minor"), dispute.value(QStringLiteral("amount"))},
                                            {QStringLiteral("currency"), dispute.value(QStringLiteral("currency")).toString().toUpper()}});
        !alerted)
        return alerted.error();
    return QStringLiteral("payment %1 is %2 (dispute %3 %4)").arg(paymentId).arg(next, disputeId, status);
}

Result<QString> StripeEventApplier::syncSubscription(const QJsonObject &subscription, const QString &eventType)
{
    const QString id = subscription.value(QStringLiteral("id")).toString();
    auto known = m_connection.exec(QStringLiteral("SELECT id FROM subscriptions WHERE stripe_subscription_id = $1"), {id});
    if (!known)
        return known.error();
    if (known->rows() > 0)
        return QStringLiteral("Stripe subscription %1 is OKLA subscription %2; OKLA bills it, Stripe never does")
            .arg(id, known->text(0, 0));
    auto reported = m_connection.exec(
        QStringLiteral("INSERT INTO reconciliation_discrepancies (provider, kind, provider_ref, detail) "
                       "VALUES ('stripe', 'stripe_subscription_without_record', $1, $2::jsonb) "
                       "ON CONFLICT (kind, provider, provider_ref) WHERE resolved_at IS NULL DO NOTHING"),
        {id, compact({{QStringLiteral("event"), eventType},
                      {QStringLiteral("status"), subscription.value(QStringLiteral("status"))},
                      {QStringLiteral("customer"), subscription.value(QStringLiteral("customer"))}})});
    if (!reported)
        return reported.error();
    return QStringLiteral("Stripe subscription %1 has no OKLA record: reported").arg(id);
}

Result<QList<QUuid>> StripeEventApplier::refundsAwaitingOutcome(const QList<QJsonObject> &refunds)
{
    QStringList ids;
    for (const QJsonObject &refund : refunds) {
        const QUuid id = QUuid::fromString(refund.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("okla_id")).toString());
        if (!id.isNull())
            ids << id.toString(QUuid::WithoutBraces);
    }
    QList<QUuid> waiting;
    if (ids.isEmpty())
        return waiting;
    auto rows = m_connection.exec(QStringLiteral("SELECT id FROM refunds WHERE id = ANY ($1::uuid[]) "
                                                 "AND state IN ('submitting', 'unknown') ORDER BY id"),
                                  {QString(u'{' + ids.join(u',') + u'}')});
    if (!rows)
        return rows.error();
    for (int i = 0; i < rows->rows(); ++i)
        waiting.append(QUuid::fromString(rows->text(i, 0)));
    return waiting;
}

} // namespace okla::services
