// The `change_plan` request (docs/domain.md §22, docs/worker.md §15): the subscription moves to the
// current version of a plan and/or another billing cycle from its next period on, as Stripe's
// price changes do without proration (docs/providers.md §15); no provider is called.
#include <QCoreApplication>
#include <QDateTime>

#include "models/billing/billingperiod.h"
#include "models/statuses.h"
#include "services/database/pgconnection.h"
#include "services/worker/actionhandlers.h"

namespace okla::services::actions {

namespace {

using models::makeError;

/// The subscription as the change starts from, under its row lock.
struct CurrentTerms
{
    QString status;
    bool cancelAtPeriodEnd = false;
    QString currency;
    QString planKey;
    QString cycle;
    QString nextPeriodStart; ///< the day the change takes effect
    int planRank = 0;        ///< plans.sort_order: a higher plan is an upgrade
};

models::Result<std::optional<CurrentTerms>> lockTerms(PgConnection &db, qint64 subscriptionId)
{
    auto row = db.exec(QStringLiteral("SELECT s.status, s.cancel_at_period_end, s.currency, pv.plan_key, s.billing_cycle,"
                                      "       coalesce(s.next_charge_on, s.current_period_end)::text, p.sort_order"
                                      "  FROM subscriptions s JOIN plan_versions pv ON pv.id = s.plan_version_id"
                                      "  JOIN plans p ON p.key = pv.plan_key"
                                      " WHERE s.id = $1 FOR UPDATE OF s"),
                       {subscriptionId});
    if (!row)
        return row.error();
    if (row->rows() == 0)
        return std::optional<CurrentTerms>();
    return std::optional<CurrentTerms>(CurrentTerms{row->text(0, 0), row->text(0, 1) == QLatin1String("t"), row->text(0, 2),
                                                    row->text(0, 3), row->text(0, 4), row->text(0, 5),
                                                    int(row->toInt64(0, 6))});
}

/// Only a subscription in good standing with a next period changes plan (docs/worker.md §15).
models::Status checkChangeable(qint64 subscriptionId, const CurrentTerms &terms)
{
    if (auto going = notEnded(subscriptionId, terms.status); !going)
        return going;
    if (terms.status != QLatin1String("active") && terms.status != QLatin1String("trial"))
        return makeError(QStringLiteral("worker.in_dunning"),
                         QCoreApplication::translate("okla.worker", "Subscription %1 is %2: its overdue invoice must be "
                                                                    "paid before its plan changes.")
                             .arg(subscriptionId)
                             .arg(terms.status));
    if (terms.cancelAtPeriodEnd)
        return makeError(QStringLiteral("worker.cancelling"),
                         QCoreApplication::translate("okla.worker", "Subscription %1 is cancelled at the end of its "
                                                                    "period: it has no next period to change.").arg(subscriptionId));
    return {};
}

/// The plan version of `planKey` in `currency` valid on `day` (the highest version), and the
/// plan's rank.
struct TargetVersion
{
    qint64 id = 0;
    int planRank = 0;
};

models::Result<TargetVersion> currentVersion(PgConnection &db, const QString &planKey, const QString &currency, QDate day)
{
    auto row = db.exec(QStringLiteral("SELECT pv.id, p.sort_order FROM plans p"
                                      "  LEFT JOIN LATERAL (SELECT id FROM plan_versions WHERE plan_key = p.key AND currency = $2"
                                      "                        AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3)"
                                      "                      ORDER BY version DESC LIMIT 1) pv ON true"
                                      " WHERE p.key = $1"),
                       {planKey, currency, day.toString(Qt::ISODate)});
    if (!row)
        return row.error();
    if (row->rows() == 0) {
        auto keys = db.exec(QStringLiteral("SELECT string_agg(key, ', ' ORDER BY sort_order) FROM plans"));
        return makeError(QStringLiteral("worker.params"),
                         QCoreApplication::translate("okla.worker", "There is no plan \"%1\"; the plans are: %2.")
                             .arg(planKey.left(40), keys ? keys->text(0, 0) : QString()));
    }
    if (row->isNull(0, 0))
        return makeError(QStringLiteral("worker.no_price"),
                         QCoreApplication::translate("okla.worker", "Plan %1 has no price in %2 today.").arg(planKey, currency));
    return TargetVersion{row->toInt64(0, 0), int(row->toInt64(0, 1))};
}

} // namespace

models::Result<QJsonObject> changePlan(RequestContext &context)
{
    auto subscriptionId = wholeIdParam(context.request, QStringLiteral("subscription_id"));
    if (!subscriptionId)
        return subscriptionId.error();
    const QJsonValue planValue = context.request.params.value(QStringLiteral("plan_key"));
    const QJsonValue cycleValue = context.request.params.value(QStringLiteral("billing_cycle"));
    if ((planValue.isUndefined() && cycleValue.isUndefined()) || (!planValue.isUndefined() && !planValue.isString()))
        return makeError(QStringLiteral("worker.params"),
                         QCoreApplication::translate("okla.worker", "A change_plan request needs a plan_key, a "
                                                                    "billing_cycle or both."));
    if (!cycleValue.isUndefined() && !models::fromDb<models::BillingCycle>(cycleValue.toString()))
        return makeError(QStringLiteral("worker.params"),
                         QCoreApplication::translate("okla.worker", "The billing cycle must be one of: %1.")
                             .arg(models::dbValues<models::BillingCycle>().join(QStringLiteral(", "))));

    auto locked = lockTerms(context.db, *subscriptionId);
    if (!locked)
        return locked.error();
    if (!*locked)
        return missingSubscription(*subscriptionId);
    const CurrentTerms &terms = **locked;
    if (auto changeable = checkChangeable(*subscriptionId, terms); !changeable)
        return changeable.error();
    const QString planKey = planValue.isUndefined() ? terms.planKey : planValue.toString();
    const QString cycle = cycleValue.isUndefined() ? terms.cycle : cycleValue.toString();
    if (planKey == terms.planKey && cycle == terms.cycle)
        return makeError(QStringLiteral("worker.no_change"),
                         QCoreApplication::translate("okla.worker", "Subscription %1 is already on plan %2, billed %3: "
                                                                    "there is nothing to change.")
                             .arg(*subscriptionId)
                             .arg(planKey, cycle));
    auto target = currentVersion(context.db, planKey, terms.currency, models::businessDate(QDateTime::currentDateTimeUtc()));
    if (!target)
        return target.error();
    const QString changeType = target->planRank > terms.planRank   ? QStringLiteral("upgrade")
                               : target->planRank < terms.planRank ? QStringLiteral("downgrade")
                                                                   : QStringLiteral("cycle_change");

    // The next renewal invoices the new terms (docs/domain.md §25); a free plan had no next
    // charge, so one is set at the period's end.
    auto moved = context.db.exec(QStringLiteral("UPDATE subscriptions SET plan_version_id = $2, billing_cycle = $3,"
                                                "       next_charge_on = coalesce(next_charge_on, current_period_end),"
                                                "       updated_at = now() WHERE id = $1"),
                                 {*subscriptionId, target->id, cycle});
    if (!moved)
        return moved.error();
    // The history row, as the seed writes a plan change: effective when the next period starts,
    // with the new terms and the person who asked.
    auto change = context.db.exec(QStringLiteral(
        "INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type, plan_version_id,"
        "     billing_cycle, status, discount_bp, discount_ends, involuntary, note, changed_by)"
        " SELECT id, dealer_id, $2::date, $3, plan_version_id, billing_cycle, status, discount_bp, discount_ends, false, $4, $5"
        "   FROM subscriptions WHERE id = $1 RETURNING id"),
        {*subscriptionId, terms.nextPeriodStart, changeType,
         QStringLiteral("Plan change (worker request %1)").arg(context.request.id),
         context.request.requestedBy ? QVariant(*context.request.requestedBy) : QVariant()});
    if (!change)
        return change.error();
    return QJsonObject{{QStringLiteral("subscription_id"), *subscriptionId},
                       {QStringLiteral("change_type"), changeType},
                       {QStringLiteral("effective_date"), terms.nextPeriodStart},
                       {QStringLiteral("plan_key"), planKey},
                       {QStringLiteral("plan_version_id"), target->id},
                       {QStringLiteral("billing_cycle"), cycle},
                       {QStringLiteral("previous_plan_key"), terms.planKey},
                       {QStringLiteral("previous_billing_cycle"), terms.cycle},
                       {QStringLiteral("subscription_change_id"), change->toInt64(0, 0)}};
}

} // namespace okla::services::actions
