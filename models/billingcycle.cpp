#include "billingcycle.h"

#include <limits>

namespace okla::models {

namespace {

using Int128 = __int128;

constexpr int kTwelve = 12; // least common multiple of all cycle lengths

Int128 divideRoundedAway(Int128 numerator, Int128 denominator)
{
    Int128 quotient = numerator / denominator;
    const Int128 remainder = numerator % denominator < 0 ? -(numerator % denominator) : numerator % denominator;
    if (remainder >= denominator - remainder)
        quotient += numerator < 0 ? -1 : 1;
    return quotient;
}

Result<Money> toMoney(Int128 minor, Currency currency)
{
    if (minor < std::numeric_limits<qint64>::min() || minor > std::numeric_limits<qint64>::max()) {
        return makeError(QStringLiteral("money.overflow"),
                         QCoreApplication::translate("okla", "The amount is too large to be represented."));
    }
    return Money::fromMinor(static_cast<qint64>(minor), currency);
}

} // namespace

int monthsPerCycle(BillingCycle cycle)
{
    switch (cycle) {
    case BillingCycle::Monthly:
        return 1;
    case BillingCycle::Quarterly:
        return 3;
    case BillingCycle::Yearly:
        return 12;
    }
    Q_UNREACHABLE();
    return 1;
}

Result<Money> cyclePrice(const Money &monthlyPrice, BillingCycle cycle, const CyclePricing &pricing)
{
    if (monthlyPrice.isNegative()) {
        return makeError(QStringLiteral("billing.negative_price"),
                         QCoreApplication::translate("okla", "A plan price cannot be negative."),
                         monthlyPrice.toDecimalString());
    }
    switch (cycle) {
    case BillingCycle::Monthly:
        return monthlyPrice;
    case BillingCycle::Quarterly:
        return monthlyPrice.multiply(3);
    case BillingCycle::Yearly:
        break;
    }
    if (pricing.yearlyNumerator <= 0 || pricing.yearlyDenominator <= 0) {
        return makeError(QStringLiteral("billing.invalid_yearly_factor"),
                         QCoreApplication::translate("okla", "The yearly price factor must be greater than zero."));
    }
    // Whole units = round(minor × 12 × num / (den × minorPerUnit)); |minor × 12 × num| < 2^130 is
    // not guaranteed, so bound num (a factor like 83/100 never comes close).
    const Int128 unit = minorPerUnit(monthlyPrice.currency());
    const Int128 scaled = static_cast<Int128>(monthlyPrice.minorUnits()) * kTwelve;
    if (pricing.yearlyNumerator > (std::numeric_limits<qint64>::max() >> 8))
        return toMoney(std::numeric_limits<Int128>::max(), monthlyPrice.currency());
    const Int128 wholeUnits = divideRoundedAway(scaled * pricing.yearlyNumerator, unit * pricing.yearlyDenominator);
    if (wholeUnits > std::numeric_limits<qint64>::max() / unit)
        return toMoney(std::numeric_limits<Int128>::max(), monthlyPrice.currency());
    return toMoney(wholeUnits * unit, monthlyPrice.currency());
}

Money MonthlyRecurring::rounded() const
{
    // |minor| / months never exceeds |minor|: always fits.
    return Money::fromMinor(static_cast<qint64>(divideRoundedAway(cyclePrice.minorUnits(), months)),
                            cyclePrice.currency());
}

MonthlyRecurring monthlyRecurring(const Money &cyclePrice, BillingCycle cycle)
{
    return MonthlyRecurring{cyclePrice, monthsPerCycle(cycle)};
}

Status MrrTotal::add(const MonthlyRecurring &value)
{
    if (value.cyclePrice.currency() != m_currency) {
        return makeError(QStringLiteral("money.currency_mismatch"),
                         QCoreApplication::translate("okla", "Amounts in %1 and %2 cannot be combined.")
                             .arg(isoCode(m_currency), isoCode(value.cyclePrice.currency())));
    }
    if (value.months <= 0 || kTwelve % value.months != 0) {
        return makeError(QStringLiteral("billing.invalid_cycle"),
                         QCoreApplication::translate("okla", "A billing cycle of %1 months is not supported.")
                             .arg(value.months));
    }
    // 2^63 × 12 per add: 2^60 adds before 128 bits overflow.
    m_twelfths += static_cast<Int128>(value.cyclePrice.minorUnits()) * (kTwelve / value.months);
    return {};
}

Result<Money> MrrTotal::rounded() const
{
    return toMoney(divideRoundedAway(m_twelfths, kTwelve), m_currency);
}

} // namespace okla::models
