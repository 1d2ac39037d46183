#include "models/billing/dunningpolicy.h"

#include <algorithm>
#include <limits>
#include <optional>

#include <QJsonArray>

#include "models/oklatr.h"

namespace okla::models {

namespace {

Error dunningError(const char *code, const QString &message, const QString &detail)
{
    return makeError(QStringLiteral("billing.dunning.") + QLatin1StringView(code), message, detail);
}

/// A jsonb number that is a whole int; nullopt for anything else (docs/money.md §9: policies
/// are read as integers, never through floating point).
std::optional<int> wholeInt(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    // toInteger gives its default for a fraction or an out-of-range number: two defaults differ.
    const qint64 low = value.toInteger(std::numeric_limits<qint64>::min());
    const qint64 high = value.toInteger(std::numeric_limits<qint64>::max());
    if (low != high || low < std::numeric_limits<int>::min() || low > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(low);
}

Error badValue(const char *key, const QJsonValue &value)
{
    return dunningError("bad_value",
                        Tr::tr("The dunning policy %1 must be a whole number of days.").arg(QLatin1StringView(key)),
                        QString::fromLatin1(key) + QStringLiteral(" type ") + QString::number(int(value.type())));
}

QString iso(QDate day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QStringLiteral("invalid date");
}

bool isFinished(SubscriptionStatus status)
{
    return status == SubscriptionStatus::Cancelled || status == SubscriptionStatus::Expired;
}

} // namespace

DunningPolicy::DunningPolicy(QList<int> retryDays, int suspendDay, int cancelDay)
    : m_retryDays(std::move(retryDays)), m_suspendDay(suspendDay), m_cancelDay(cancelDay)
{
}

DunningPolicy DunningPolicy::defaults()
{
    return DunningPolicy({1, 3, 5}, 7, 14);
}

Result<DunningPolicy> DunningPolicy::create(QList<int> retryDays, int suspendDay, int cancelDay)
{
    for (qsizetype i = 0; i < retryDays.size(); ++i) {
        if (retryDays[i] <= 0) {
            return dunningError("retry_day_not_positive",
                                Tr::tr("Dunning retry days count from the day after the failure and must be positive."),
                                QString::number(retryDays[i]));
        }
        if (i > 0 && retryDays[i] <= retryDays[i - 1]) {
            return dunningError("retry_days_not_ascending",
                                Tr::tr("Dunning retry days must be in strictly ascending order."),
                                QString::number(retryDays[i - 1]) + QStringLiteral(", ")
                                    + QString::number(retryDays[i]));
        }
    }
    if (suspendDay <= 0) {
        return dunningError("suspend_day_not_positive", Tr::tr("The dunning suspension day must be positive."),
                            QString::number(suspendDay));
    }
    if (!retryDays.isEmpty() && retryDays.last() >= suspendDay) {
        return dunningError("retry_not_before_suspend",
                            Tr::tr("Every dunning retry must come before the suspension day."),
                            QString::number(retryDays.last()) + QStringLiteral(" >= ") + QString::number(suspendDay));
    }
    if (cancelDay <= suspendDay) {
        return dunningError("cancel_not_after_suspend",
                            Tr::tr("The dunning cancellation day must come after the suspension day."),
                            QString::number(cancelDay) + QStringLiteral(" <= ") + QString::number(suspendDay));
    }
    if (cancelDay > kMaxDay) {
        return dunningError("cancel_day_too_late",
                            Tr::tr("The dunning cancellation day must be at most %1 days after the failure.")
                                .arg(kMaxDay),
                            QString::number(cancelDay));
    }
    return DunningPolicy(std::move(retryDays), suspendDay, cancelDay);
}

Result<DunningPolicy> DunningPolicy::fromPolicyValues(const QJsonValue &retryDays, const QJsonValue &suspendDay,
                                                      const QJsonValue &cancelDay)
{
    if (!retryDays.isArray())
        return badValue("dunning_retry_days", retryDays);
    QList<int> days;
    for (const QJsonValue &day : retryDays.toArray()) {
        const std::optional<int> value = wholeInt(day);
        if (!value)
            return badValue("dunning_retry_days", day);
        days.append(*value);
    }
    const std::optional<int> suspend = wholeInt(suspendDay);
    if (!suspend)
        return badValue("dunning_suspend_day", suspendDay);
    const std::optional<int> cancel = wholeInt(cancelDay);
    if (!cancel)
        return badValue("dunning_cancel_day", cancelDay);
    return create(std::move(days), *suspend, *cancel);
}

Result<DunningStep> DunningPolicy::nextStep(const DunningState &state, QDate today) const
{
    const QString dates = iso(state.firstFailure) + QStringLiteral(" / ") + iso(state.lastFailure)
                          + QStringLiteral(" / ") + iso(today);
    if (!state.firstFailure.isValid() || !state.lastFailure.isValid() || !today.isValid())
        return dunningError("bad_state", Tr::tr("A dunning date is missing or invalid."), dates);
    if (state.lastFailure < state.firstFailure || today < state.lastFailure) {
        return dunningError("bad_state",
                            Tr::tr("Dunning dates are out of order (first failure, last failure, today)."), dates);
    }
    const auto step = [&](DunningStep::Kind kind, int day) {
        return DunningStep{kind, state.firstFailure.addDays(day), day,
                           state.lastDecline == DeclineClass::Hard};
    };
    // docs/domain.md §21: cancelled or expired ends dunning; suspended waits for cancellation.
    if (isFinished(state.status))
        return DunningStep{};
    if (state.status == SubscriptionStatus::Suspended)
        return step(DunningStep::Kind::Cancel, m_cancelDay);
    if (state.lastDecline == DeclineClass::Hard)
        return step(DunningStep::Kind::StopRetrying, m_suspendDay);

    // Retries fall before the suspension day, never on the day of the last failure (declines
    // are not retried within a day), and a slot the worker missed is caught up today.
    const int lastDay = static_cast<int>(state.firstFailure.daysTo(state.lastFailure));
    const int todayDay = static_cast<int>(state.firstFailure.daysTo(today));
    std::optional<int> retryDay;
    if (state.lastDecline == DeclineClass::Technical) {
        retryDay = lastDay + 1; // nobody declined: the next day, sooner than the schedule
    } else {
        const auto slot = std::upper_bound(m_retryDays.cbegin(), m_retryDays.cend(), lastDay);
        if (slot != m_retryDays.cend())
            retryDay = *slot;
    }
    if (retryDay) {
        const int day = std::max(*retryDay, todayDay);
        if (day < m_suspendDay)
            return step(DunningStep::Kind::RetryOn, day);
    }
    return step(DunningStep::Kind::Suspend, m_suspendDay);
}

Result<SubscriptionStatus> statusAfterPayment(SubscriptionStatus current)
{
    if (isFinished(current)) {
        return makeError(QStringLiteral("billing.dunning.not_reactivatable"),
                         Tr::tr("A cancelled or expired subscription is not reactivated by a payment; it needs a new "
                                "subscription."),
                         toDb(current));
    }
    return SubscriptionStatus::Active;
}

} // namespace okla::models
