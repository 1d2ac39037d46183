#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sandbox/seed/seedcatalog.h"
#include "sandbox/seed/seeder.h"
#include "sandbox/seed/seedrandom.h"
#include "sandbox/seed/seedtypes.h"

namespace okla::sandbox {

/// Generates the seed's rows as COPY text, month by month, with no database: the same options
/// and context always give the same bytes. The loader (seeder.cpp) streams the batches.
///
/// Model: dealers sign up over the window (a launch cohort, then growth); each holds one
/// subscription whose history (subscription_changes) is the list of what happened to it; every
/// billed period is one invoice; each invoice is collected by charges (attempt 1 on the due date,
/// dunning retries on the policy's days); every charge with a definite answer is a payment.
/// One-time purchases (boosts, OKLA Coins) are payments without an invoice.
class SeedGenerator
{
public:
    /// `mirrorSims`: also produce the okla_sim rows (AZUL transactions, Stripe objects).
    /// `context` must price every plan (SeedContext::cyclePrices() ok): loadSeedContext checks it.
    SeedGenerator(const SeedOptions &options, const SeedContext &context, bool mirrorSims);
    ~SeedGenerator();

    /// Calls `sink` with each batch in order; stops early when it returns false.
    void run(const std::function<bool(SeedBatch &&)> &sink);

    /// First unused NCF sequence value per type after the run: B01, B02, B04.
    std::array<std::int64_t, 3> ncfNext() const { return {m_ncf[0] + 1, m_ncf[1] + 1, m_ncf[2] + 1}; }
    int windowStartDay() const { return m_windowStart; }
    int cutoffDay() const { return m_cutoff; }

    struct DealerState;
    struct Card;

private:
    struct SubState
    {
        int plan = 0;
        int cycle = 0;
        int status = 0;
        int discountBp = 0;
        int discountEnds = CopyBuffer::kNoDate;
    };
    struct AttemptResult
    {
        bool succeeded = false;
        bool definite = false; ///< the provider answered (approved or declined)
        bool hard = false;     ///< a decline no retry can fix
        std::int64_t endMs = 0;
    };
    enum class AttemptMode { First, Retry, NewCard };

    void generateDealers(SeedBatch &batch);
    void simulateMonth(int month, SeedBatch &batch);
    void finish(SeedBatch &batch);
    void generateFx(SeedBatch &batch);
    void generateProviderCosts(SeedBatch &batch);

    // lifecycle (seedgenerator.cpp)
    void signUp(DealerState &d, SeedBatch &batch);
    void startPaidPeriod(DealerState &d, int day, SeedBatch &batch);
    void renew(DealerState &d, SeedBatch &batch);
    /// Records a change effective on `day` and makes `next` the current state; false (and the
    /// subscription frozen as it is) when the day falls after the seeded history.
    bool change(DealerState &d, int day, std::int64_t createdMs, std::string_view type, const SubState &next,
                SeedBatch &batch, std::string_view reason = {}, bool involuntary = false,
                std::string_view note = {});
    void purchases(DealerState &d, int from, int to, SeedBatch &batch);

    // billing (seedbilling.cpp)
    void billPeriod(DealerState &d, SeedBatch &batch);
    AttemptResult attempt(DealerState &d, std::int64_t invoiceId, int attemptNo, std::int64_t startMs,
                          std::int64_t amount, std::int64_t itbis, bool fallback, AttemptMode mode, SeedBatch &batch);
    /// One provider transaction (and, now and then, its refund); returns the payment id.
    std::int64_t payment(DealerState &d, const Card &card, std::int64_t invoiceId, std::int64_t chargeId,
                         const char *operationUuid, std::int64_t amount, std::int64_t itbis,
                         const catalog::Decline *decline, std::int64_t startMs, std::int64_t endMs,
                         std::string_view description, SeedBatch &batch);
    void refund(DealerState &d, const Card &card, std::int64_t paymentId, std::int64_t invoiceId, std::int64_t amount,
                std::int64_t paidMs, const std::string &providerId, const std::string &intentId, SeedBatch &batch,
                std::int64_t &refunded);
    Card &addCard(DealerState &d, int provider, std::int64_t createdMs);
    std::string stripeId(std::string_view prefix, SeedRandom &rng, int length = 24);
    std::int64_t fxRate(int day) const;
    std::int64_t cyclePrice(const SubState &s, int currency) const
    {
        return m_cyclePrices[size_t(s.plan)][size_t(currency)][size_t(s.cycle)];
    }

    SeedOptions m_options;
    SeedContext m_context;
    CyclePriceTable m_cyclePrices{}; ///< m_context.cyclePrices(), computed once
    bool m_mirror = false;
    int m_windowStart = 0;
    int m_cutoff = 0;
    std::vector<int> m_monthStart; ///< months + 1 entries (the last is the cutoff)
    std::vector<DealerState> m_dealers;
    std::vector<std::uint32_t> m_order; ///< dealer indexes in this month's processing order
    std::vector<std::int64_t> m_fx; ///< rate x 10^4 per day from m_fxStart
    int m_fxStart = 0;
    std::vector<bool> m_azulOutage; ///< per day of the window: AZUL's sale breaker open
    std::int64_t m_nextChange = 1, m_nextInvoice = 1, m_nextCharge = 1, m_nextPayment = 1, m_nextCard = 1;
    std::int64_t m_azulOrder = 42000000;
    std::uint64_t m_stripeSerial = 0;
    std::array<std::int64_t, 3> m_ncf{0, 0, 0};
};

} // namespace okla::sandbox
