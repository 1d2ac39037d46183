#pragma once

#include "models/money.h"
#include "models/statuses.h"

namespace okla::models {

/// 1, 3 or 12.
int monthsPerCycle(BillingCycle cycle);

/// How a cycle's price follows from the monthly catalog price. The yearly factor is a policy
/// value (docs/domain.md §4: 0.83 in catalog v5), so it is a parameter with that default rather than
/// a constant buried in the formula.
struct CyclePricing
{
    qint64 yearlyNumerator = 83;
    qint64 yearlyDenominator = 100;
};

/// The price charged once per cycle: monthly as is; quarterly = 3 × monthly; yearly =
/// 12 × monthly × 0.83 rounded half up to whole currency units (RD$16,752.72 -> RD$16,753.00).
/// Fails for a negative price or on overflow.
Result<Money> cyclePrice(const Money &monthlyPrice, BillingCycle cycle, const CyclePricing &pricing = {});

/// The monthly recurring value of a price charged once per cycle, kept exact: cyclePrice / months
/// is not a whole number of cents for quarterly and yearly cycles, and KPI sums over thousands of
/// subscriptions must not accumulate per-row rounding. Sum exact values (MrrTotal below, or in SQL
/// `sum(amount_minor * 12 / months)` in twelfths, then divide by 12 once) and round at the end.
struct MonthlyRecurring
{
    Money cyclePrice;
    int months = 1;

    /// The exact value as cyclePrice.minorUnits() / months: numerator and denominator.
    qint64 numerator() const { return cyclePrice.minorUnits(); }
    int denominator() const { return months; }
    /// This one amount rounded half away from zero to the minor unit (for display only).
    Money rounded() const;
};

MonthlyRecurring monthlyRecurring(const Money &cyclePrice, BillingCycle cycle);

/// An exact sum of monthly recurring values in one currency. Internally counts twelfths of a
/// minor unit (12 is a multiple of every cycle length), in 128 bits, so it cannot overflow for
/// any realistic number of subscriptions and rounds exactly once.
class MrrTotal
{
public:
    explicit MrrTotal(Currency currency) : m_currency(currency) {}

    /// Fails on a currency mismatch or a cycle length that does not divide 12.
    Status add(const MonthlyRecurring &value);
    /// The total rounded half away from zero to the minor unit; fails if it exceeds int64.
    Result<Money> rounded() const;
    Currency currency() const { return m_currency; }

private:
    Currency m_currency;
    __int128 m_twelfths = 0;
};

} // namespace okla::models
