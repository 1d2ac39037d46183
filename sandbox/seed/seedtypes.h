#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <QByteArray>
#include <QString>

#include "models/result.h"
#include "sandbox/seed/copybuffer.h"

namespace okla::sandbox {

/// The tables the seed writes, in the okla database and (mirror) in the simulators' okla_sim.
enum class SeedTable {
    Dealers,
    PaymentMethods,
    EarlyBirdEnrolments,
    Subscriptions,
    SubscriptionChanges,
    Invoices,
    Charges,
    Payments,
    Refunds,
    FxRates,
    ProviderCosts,
    // okla_sim mirror
    AzulTransactions,
    AzulDataVaultTokens,
    StripeCustomers,
    StripePaymentMethods,
    StripePaymentIntents,
    StripeCharges,
    StripeRefunds,
    Count
};
constexpr int kSeedTableCount = int(SeedTable::Count);
constexpr int kFirstSimTable = int(SeedTable::AzulTransactions);

/// Table name and COPY column list of each SeedTable.
struct SeedTableInfo
{
    const char *name;
    const char *columns;
};
const SeedTableInfo &seedTableInfo(SeedTable table);
inline bool isSimTable(SeedTable table) { return int(table) >= kFirstSimTable; }

enum Plan { PlanLibre, PlanVisible, PlanStarter, PlanPro, PlanElite, PlanEnterprise, PlanCount };
enum Currency { Dop, Usd };
enum Cycle { Monthly, Quarterly, Yearly };

/// The price charged once per cycle, minor units: [plan][currency][cycle].
using CyclePriceTable = std::array<std::array<std::array<std::int64_t, 3>, 2>, PlanCount>;

/// What the generator needs from the database's configuration tables (prices, policies, terms,
/// staff), read once before generating so that prices and policies stay configuration, not code.
struct SeedContext
{
    struct PlanPrice
    {
        int versionId = 0;
        std::int64_t monthlyMinor = 0;
    };
    std::array<std::array<PlanPrice, 2>, PlanCount> plans{}; ///< [plan][currency]
    int itbisBp = 1800;
    int yearlyDiscountBp = 1700;
    std::array<std::int64_t, 2> refundApprovalLimit{1000000, 20000}; ///< [currency], minor units
    std::array<int, 3> retryDays{1, 3, 5};
    int suspendDay = 7;
    int cancelDay = 14;
    struct EarlyBirdTerms
    {
        int id = 0;
        int deadline = 0; ///< days since epoch
        int freeMonths = 0;
        int discountBp = 0;
        int discountMonths = 0; ///< 0 = for life
    };
    std::vector<EarlyBirdTerms> earlyBird; ///< ascending by deadline
    std::vector<std::int64_t> financeStaff;   ///< request refunds
    std::vector<std::int64_t> approverStaff;  ///< finance + managers: approve large refunds

    /// The defaults of migrations 0001..0006 (for tests that generate without a database).
    static SeedContext defaults();

    /// Every plan's price per cycle under this context's yearly discount, computed by
    /// models::cyclePrice: the one formula, which SQL's okla_cycle_price_minor matches. Fails for
    /// a discount outside 0..10000 or a price that overflows.
    models::Result<CyclePriceTable> cyclePrices() const;
};

/// One slice of generated rows, one COPY buffer per table; the loader streams it.
struct SeedBatch
{
    QString phase;
    std::array<CopyBuffer, kSeedTableCount> tables;
    CopyBuffer &operator[](SeedTable t) { return tables[size_t(t)]; }
};

} // namespace okla::sandbox
