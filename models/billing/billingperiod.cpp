#include "models/billing/billingperiod.h"

#include <algorithm>

#include <QTimeZone>

#include "models/billingcycle.h"
#include "models/oklatr.h"

namespace okla::models {

namespace {

// Years a billing date may have: enough for any subscription, small enough that month counts
// never overflow and the proleptic calendar's missing year 0 never matters.
constexpr int kFirstYear = 1;
constexpr int kLastYear = 9999;
constexpr int kMaxFreeMonths = 1200;

bool inRange(QDate day)
{
    return day.isValid() && day.year() >= kFirstYear && day.year() <= kLastYear;
}

QString iso(QDate day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QStringLiteral("invalid date");
}

Error invalidAnchor(QDate anchor)
{
    return makeError(QStringLiteral("billing.period.invalid_anchor"),
                     Tr::tr("The subscription's billing anchor is not a valid date."), iso(anchor));
}

Error invalidDate(QDate day)
{
    return makeError(QStringLiteral("billing.period.invalid_date"), Tr::tr("The billing date is not a valid date."),
                     iso(day));
}

/// anchor + months, on the anchor's day or the month's last day when the month is shorter
/// (docs/domain.md §20). `months` is small enough (checked by the callers) not to overflow.
QDate addMonthsKeepingDay(QDate anchor, int months)
{
    const int monthIndex = anchor.year() * 12 + (anchor.month() - 1) + months;
    const int year = monthIndex / 12;
    const int month = monthIndex % 12 + 1;
    const int lastDay = QDate(year, month, 1).daysInMonth();
    return QDate(year, month, std::min(anchor.day(), lastDay));
}

} // namespace

Result<BillingPeriod> periodAt(QDate anchor, BillingCycle cycle, int index)
{
    if (!inRange(anchor))
        return invalidAnchor(anchor);
    if (index < 0 || index > kMaxPeriodIndex) {
        return makeError(QStringLiteral("billing.period.bad_index"),
                         Tr::tr("A billing period number must be between 0 and %1.").arg(kMaxPeriodIndex),
                         QString::number(index));
    }
    const int months = monthsPerCycle(cycle);
    BillingPeriod period{index, addMonthsKeepingDay(anchor, index * months),
                         addMonthsKeepingDay(anchor, (index + 1) * months)};
    if (period.end.year() > kLastYear)
        return invalidDate(period.end);
    return period;
}

Result<BillingPeriod> periodContaining(QDate anchor, BillingCycle cycle, QDate day)
{
    if (!inRange(anchor))
        return invalidAnchor(anchor);
    if (!inRange(day))
        return invalidDate(day);
    if (day < anchor) {
        return makeError(QStringLiteral("billing.period.before_anchor"),
                         Tr::tr("The date is before the subscription's first billed day."),
                         iso(day) + QStringLiteral(" < ") + iso(anchor));
    }
    // Period n starts in month anchor + n × months, on a day no later than the anchor's: the
    // estimate from whole months is right or one too high (day of month before the start's).
    const int monthsApart = (day.year() - anchor.year()) * 12 + (day.month() - anchor.month());
    int index = monthsApart / monthsPerCycle(cycle);
    Result<BillingPeriod> period = periodAt(anchor, cycle, index);
    while (period.ok() && period->start > day && index > 0)
        period = periodAt(anchor, cycle, --index);
    return period;
}

Result<QList<BillingPeriod>> periodsDueBetween(QDate anchor, BillingCycle cycle, QDate from, QDate to, int maxPeriods)
{
    if (!inRange(anchor))
        return invalidAnchor(anchor);
    if (!inRange(from))
        return invalidDate(from);
    if (!inRange(to))
        return invalidDate(to);
    if (from > to) {
        return makeError(QStringLiteral("billing.period.bad_range"),
                         Tr::tr("The first day of the range is after its last day."),
                         iso(from) + QStringLiteral(" > ") + iso(to));
    }
    if (maxPeriods < 1) {
        return makeError(QStringLiteral("billing.period.bad_limit"),
                         Tr::tr("At least one billing period must be allowed."), QString::number(maxPeriods));
    }
    QList<BillingPeriod> due;
    if (to < anchor)
        return due;
    const Result<BillingPeriod> first = periodContaining(anchor, cycle, std::max(from, anchor));
    if (!first)
        return first.error();
    for (int index = first->start < from ? first->index + 1 : first->index;; ++index) {
        const Result<BillingPeriod> period = periodAt(anchor, cycle, index);
        if (!period)
            return period.error();
        if (period->start > to)
            break;
        if (due.size() == maxPeriods) {
            return makeError(QStringLiteral("billing.period.too_many"),
                             Tr::tr("More than %1 billing periods fall in the range; run it in shorter steps.")
                                 .arg(maxPeriods),
                             iso(from) + QStringLiteral("..") + iso(to));
        }
        due.append(*period);
    }
    return due;
}

Result<QDate> firstBilledDay(QDate enrolledOn, int freeMonths)
{
    if (!inRange(enrolledOn))
        return invalidDate(enrolledOn);
    if (freeMonths < 0 || freeMonths > kMaxFreeMonths) {
        return makeError(QStringLiteral("billing.period.bad_free_months"),
                         Tr::tr("Free months must be between 0 and %1.").arg(kMaxFreeMonths),
                         QString::number(freeMonths));
    }
    const QDate first = addMonthsKeepingDay(enrolledOn, freeMonths);
    if (first.year() > kLastYear)
        return invalidDate(first);
    return first;
}

QDate businessDate(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    // America/Santo_Domingo has kept UTC−4 without daylight saving time since 2000; the fixed
    // offset stands in where the system has no time zone database.
    QTimeZone zone(QByteArrayLiteral("America/Santo_Domingo"));
    if (!zone.isValid())
        zone = QTimeZone(-4 * 3600);
    return moment.toTimeZone(zone).date();
}

} // namespace okla::models
