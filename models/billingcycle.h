#pragma once

#include "models/money.h"
#include "models/statuses.h"

namespace okla::models {

/// 1, 3 or 12.
int monthsPerCycle(BillingCycle cycle);

/// The price charged once per cycle, from the monthly catalog price and the yearly discount of
/// the billing policy (billing_policies.yearly_discount_bp, basis points; 1700 in catalog v5):
///   monthly   = monthly
///   quarterly = 3 × monthly
///   yearly    = 12 × monthly × (10000 − yearlyDiscountBp) / 10000, rounded half up to whole
///               currency units (RD$16,752.72 -> RD$16,753.00).
/// THE formula: the seed calls it and the SQL function okla_cycle_price_minor (migration 0009)
/// computes exactly the same (tests/integration/tst_cycleprice.cpp compares them).
/// Fails for a negative price, a discount outside 0..10000 or on overflow.
Result<Money> cyclePrice(const Money &monthlyPrice, BillingCycle cycle, int yearlyDiscountBp);

} // namespace okla::models
