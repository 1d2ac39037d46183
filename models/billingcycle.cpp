#include "billingcycle.h"

#include <limits>

namespace okla::models {

namespace {

using Int128 = __int128;

constexpr qint64 kBasisPoints = 10000;

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

Result<Money> cyclePrice(const Money &monthlyPrice, BillingCycle cycle, int yearlyDiscountBp)
{
    if (monthlyPrice.isNegative()) {
        return makeError(QStringLiteral("billing.negative_price"),
                         QCoreApplication::translate("okla", "A plan price cannot be negative."),
                         monthlyPrice.toDecimalString());
    }
    if (yearlyDiscountBp < 0 || yearlyDiscountBp > kBasisPoints) {
        return makeError(QStringLiteral("billing.invalid_yearly_discount"),
                         QCoreApplication::translate("okla", "The yearly discount must be between 0 and 10000 basis "
                                                             "points (0 % to 100 %)."),
                         QString::number(yearlyDiscountBp));
    }
    switch (cycle) {
    case BillingCycle::Monthly:
        return monthlyPrice;
    case BillingCycle::Quarterly:
        return monthlyPrice.multiply(3);
    case BillingCycle::Yearly:
        break;
    }
    // Whole units = round(minor × 12 × (10000 − bp) / (10000 × minorPerUnit)), half up (the price
    // is not negative). |minor| < 2^63, so the numerator stays below 2^63 × 2^4 × 2^14 = 2^81.
    const Int128 unit = minorPerUnit(monthlyPrice.currency());
    const Int128 numerator = static_cast<Int128>(monthlyPrice.minorUnits()) * 12 * (kBasisPoints - yearlyDiscountBp);
    const Int128 denominator = kBasisPoints * unit;
    const Int128 wholeUnits = (numerator + denominator / 2) / denominator;
    const Int128 minor = wholeUnits * unit;
    if (minor > std::numeric_limits<qint64>::max()) {
        return makeError(QStringLiteral("money.overflow"),
                         QCoreApplication::translate("okla", "The amount is too large to be represented."),
                         QStringLiteral("cyclePrice"));
    }
    return Money::fromMinor(static_cast<qint64>(minor), monthlyPrice.currency());
}

} // namespace okla::models
