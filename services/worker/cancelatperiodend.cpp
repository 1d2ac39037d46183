// The `cancel_at_period_end` request (docs/domain.md §22, docs/worker.md §5): no provider is
// called; the subscription keeps its service until its period ends and is not charged again.
#include <QCoreApplication>

#include "services/database/pgconnection.h"
#include "services/worker/requesthandler.h"

namespace okla::services {

namespace {

using models::makeError;

const QStringList &cancellationReasons()
{
    // subscription_changes.cancellation_reason's CHECK (migration 2)
    static const QStringList reasons{
        QStringLiteral("too_expensive"),    QStringLiteral("not_enough_value"), QStringLiteral("switched_competitor"),
        QStringLiteral("technical_issues"), QStringLiteral("business_closed"),  QStringLiteral("not_using_enough"),
        QStringLiteral("seasonal_pause"),   QStringLiteral("poor_support"),     QStringLiteral("missing_features"),
        QStringLiteral("other")};
    return reasons;
}

models::Result<QJsonObject> cancelAtPeriodEnd(RequestContext &context)
{
    const QJsonValue idValue = context.request.params.value(QStringLiteral("subscription_id"));
    const qint64 subscriptionId = idValue.isDouble() ? qint64(idValue.toDouble()) : 0;
    if (subscriptionId <= 0 || double(subscriptionId) != idValue.toDouble())
        return makeError(QStringLiteral("worker.params"),
                         QCoreApplication::translate("okla.worker", "A cancel_at_period_end request needs a positive whole subscription_id."));
    const QJsonValue reasonValue = context.request.params.value(QStringLiteral("reason"));
    if (!reasonValue.isUndefined() && !cancellationReasons().contains(reasonValue.toString()))
        return makeError(QStringLiteral("worker.params"),
                         QCoreApplication::translate("okla.worker", "The cancellation reason must be one of: %1.").arg(cancellationReasons().join(QStringLiteral(", "))));

    auto found = context.db.exec(QStringLiteral("SELECT status, cancel_at_period_end, current_period_end::text"
                                                " FROM subscriptions WHERE id = $1 FOR UPDATE"), {subscriptionId});
    if (!found)
        return found.error();
    if (found->rows() == 0)
        return makeError(QStringLiteral("worker.not_found"), QCoreApplication::translate("okla.worker", "Subscription %1 does not exist.").arg(subscriptionId));
    const QString status = found->text(0, 0);
    const QString periodEnd = found->text(0, 2);
    QJsonObject result{{QStringLiteral("subscription_id"), subscriptionId},
                       {QStringLiteral("effective_date"), periodEnd}};
    if (status == QLatin1String("cancelled") || status == QLatin1String("expired"))
        return makeError(QStringLiteral("worker.ended"),
                         QCoreApplication::translate("okla.worker", "Subscription %1 has already ended (%2).").arg(subscriptionId).arg(status));
    if (found->text(0, 1) == QLatin1String("t")) {
        result.insert(QStringLiteral("already_requested"), true);
        return result;
    }

    auto flagged = context.db.exec(QStringLiteral("UPDATE subscriptions SET cancel_at_period_end = true,"
                                                  " next_charge_on = NULL, updated_at = now() WHERE id = $1"),
                                   {subscriptionId});
    if (!flagged)
        return flagged.error();
    // The history row, as the seed writes a cancellation: effective on the renewal date that will
    // not happen, with the subscription's terms at that moment and the person who asked.
    auto change = context.db.exec(QStringLiteral(
        "INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type, plan_version_id,"
        "     billing_cycle, status, discount_bp, discount_ends, cancellation_reason, involuntary, note, changed_by)"
        " SELECT id, dealer_id, current_period_end, 'cancel', plan_version_id, billing_cycle, 'cancelled',"
        "        discount_bp, discount_ends, $2, false, $3, $4 FROM subscriptions WHERE id = $1 RETURNING id"),
        {subscriptionId, reasonValue.isUndefined() ? QVariant() : QVariant(reasonValue.toString()),
         QStringLiteral("Cancellation at period end (worker request %1)").arg(context.request.id),
         context.request.requestedBy ? QVariant(*context.request.requestedBy) : QVariant()});
    if (!change)
        return change.error();
    result.insert(QStringLiteral("subscription_change_id"), change->toInt64(0, 0));
    return result;
}

} // namespace

void registerBuiltInHandlers(RequestHandlerRegistry &registry)
{
    registry.registerHandler(QStringLiteral("cancel_at_period_end"), cancelAtPeriodEnd);
}

} // namespace okla::services
