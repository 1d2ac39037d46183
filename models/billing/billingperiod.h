#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>

#include "models/result.h"
#include "models/statuses.h"

namespace okla::models {

/// One billing period of a subscription: the days [start, end), end being the next period's
/// start (docs/domain.md §20).
struct BillingPeriod
{
    int index = 0; ///< 0 = the period that starts on the anchor
    QDate start;   ///< first day, inclusive: the day the period is charged
    QDate end;     ///< first day of the next period, exclusive

    bool contains(QDate day) const { return day >= start && day < end; }
    int days() const { return static_cast<int>(start.daysTo(end)); }
    bool operator==(const BillingPeriod &) const = default;
};

/// At most this many periods from one periodsDueBetween call.
inline constexpr int kMaxPeriodsDue = 1000;
/// The highest period index accepted (yearly: 10,000 years; nobody bills that far).
inline constexpr int kMaxPeriodIndex = 100000;

/// Period n of a subscription anchored on `anchor` (its first billed day): it starts on
/// anchor + n × cycle months, on the anchor's day of month, or on the month's last day when the
/// month is shorter; always computed from the anchor, never from the previous period, so a
/// 31st anchor returns to the 31st after February (docs/domain.md §20).
/// Fails (billing.period.*) for an invalid anchor, a negative or too large index.
Result<BillingPeriod> periodAt(QDate anchor, BillingCycle cycle, int index);

/// The period holding `day`. Fails when `day` is before the anchor or either date is invalid.
Result<BillingPeriod> periodContaining(QDate anchor, BillingCycle cycle, QDate day);

/// The periods whose start falls in [from, to] (both inclusive), in order: what a renewal run
/// covering those days must charge. Empty when none does (e.g. `to` before the anchor). Fails
/// for invalid dates, `from` after `to`, or more than `maxPeriods` periods.
Result<QList<BillingPeriod>> periodsDueBetween(QDate anchor, BillingCycle cycle, QDate from, QDate to,
                                               int maxPeriods = kMaxPeriodsDue);

/// The first billed day of an Early Bird enrolment: `freeMonths` months after the enrolment day,
/// on the month's last day when shorter (what early_bird_enrolments.free_until stores, and the
/// anchor of the subscription's paid periods; docs/domain.md §20).
Result<QDate> firstBilledDay(QDate enrolledOn, int freeMonths);

/// The calendar date of `moment` in America/Santo_Domingo (UTC−4, no daylight saving time):
/// due dates and dunning days are counted in those dates (docs/domain.md §20). An invalid
/// moment gives an invalid date.
QDate businessDate(const QDateTime &moment);

} // namespace okla::models
