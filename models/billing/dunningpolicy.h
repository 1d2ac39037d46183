#pragma once

#include <QDate>
#include <QJsonValue>
#include <QList>

#include "models/billing/declineclass.h"
#include "models/result.h"
#include "models/statuses.h"

namespace okla::models {

/// Where a failed renewal stands, in business dates (docs/domain.md §20, §21).
struct DunningState
{
    QDate firstFailure; ///< the renewal's first failed charge: dunning day 0
    QDate lastFailure;  ///< the latest failed charge of the invoice (= firstFailure after one)
    DeclineClass lastDecline = DeclineClass::Soft; ///< class of that latest failure
    SubscriptionStatus status = SubscriptionStatus::PastDue; ///< the subscription's status now
};

/// What dunning does next (docs/domain.md §21). A step dated today or earlier is due now.
struct DunningStep
{
    enum class Kind {
        RetryOn,      ///< charge the card again on `on`
        StopRetrying, ///< hard decline: no more charges on this card (card_update_needed);
                      ///< the subscription is still suspended on `on`
        Suspend,      ///< retries exhausted: suspend on `on`
        Cancel,       ///< suspended: cancel on `on` (open invoices voided)
        Done,         ///< cancelled or expired: nothing left to do (`on` invalid, `day` -1)
    };
    Kind kind = Kind::Done;
    QDate on;
    int day = -1;                  ///< `on` as a dunning day: days after the first failure
    bool cardUpdateNeeded = false; ///< the last decline was hard: only a new card can pay

    bool operator==(const DunningStep &) const = default;
};

/// Dunning days from billing_policies: retries, suspension and cancellation, counted in days
/// after the first failure (day N = first failure's business date + N days).
class DunningPolicy
{
public:
    /// The latest day any step may fall on.
    static constexpr int kMaxDay = 366;

    /// Retries on days 1, 3, 5; suspension on day 7; cancellation on day 14.
    static DunningPolicy defaults();
    /// Fails (billing.dunning.*) unless every retry day is positive, they strictly ascend, the
    /// last comes before the suspension day, and suspension < cancellation <= kMaxDay.
    /// No retry days at all is allowed (suspension then follows the first failure).
    static Result<DunningPolicy> create(QList<int> retryDays, int suspendDay, int cancelDay);
    /// From the jsonb values of dunning_retry_days, dunning_suspend_day, dunning_cancel_day
    /// (whole numbers only), then as create().
    static Result<DunningPolicy> fromPolicyValues(const QJsonValue &retryDays, const QJsonValue &suspendDay,
                                                  const QJsonValue &cancelDay);

    const QList<int> &retryDays() const { return m_retryDays; }
    int suspendDay() const { return m_suspendDay; }
    int cancelDay() const { return m_cancelDay; }

    /// The next step after the latest failure, seen on business date `today`. Fails
    /// (billing.dunning.bad_state) for invalid dates, a last failure before the first, or
    /// `today` before the last failure.
    Result<DunningStep> nextStep(const DunningState &state, QDate today) const;

private:
    DunningPolicy(QList<int> retryDays, int suspendDay, int cancelDay);

    QList<int> m_retryDays;
    int m_suspendDay;
    int m_cancelDay;
};

/// The status a subscription returns to when a payment of its open invoice succeeds (past due,
/// suspended, trial: active; active stays active). Fails (billing.dunning.not_reactivatable)
/// for a cancelled or expired subscription: that takes a new subscription, not a payment.
Result<SubscriptionStatus> statusAfterPayment(SubscriptionStatus current);

} // namespace okla::models
