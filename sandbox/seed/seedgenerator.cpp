#include "sandbox/seed/seedgenerator.h"

#include <algorithm>

#include "sandbox/seed/dominicandata.h"
#include "sandbox/seed/seedcalendar.h"
#include "sandbox/seed/seeddealerstate.h"

namespace okla::sandbox {

namespace {

// Random streams: one per purpose, so adding draws to one never shifts another.
enum Stream : std::uint64_t { StreamSignup = 1, StreamDealer = 2, StreamWorld = 3 };

constexpr std::uint32_t kUsdPpm = 200000;          // dealers billed in USD through Stripe
constexpr std::uint32_t kStripeBackupPpm = 200000; // DOP dealers with a Stripe card for fallback
constexpr std::uint32_t kEarlyBirdPpm = 180000;
constexpr std::uint32_t kLibrePpm = 120000;
constexpr std::uint32_t kTrialPpm = 250000;
constexpr std::uint32_t kTrialConvertPpm = 720000;
constexpr std::uint32_t kLaunchCohortPpm = 400000; // dealers who join in the first month
// Voluntary cancellation at each renewal, by cycle (about 2.6 % a month).
constexpr std::uint32_t kCancelPpm[3] = {26000, 75000, 220000};
constexpr std::uint32_t kUpgradePpm = 15000;
constexpr std::uint32_t kDowngradePpm = 10000;
constexpr std::uint32_t kCycleChangePpm = 4000;
constexpr std::uint32_t kLibreUpgradePpm = 30000;
constexpr std::uint32_t kLibreCancelPpm = 4000;
constexpr std::uint32_t kReactivatePpm = 15000;
// One-time purchases per active dealer and month (0..5), mean about 1.3.
constexpr std::array<int, 6> kPurchaseWeights{273, 354, 230, 100, 32, 11};

} // namespace

SeedGenerator::SeedGenerator(const SeedOptions &options, const SeedContext &context, bool mirrorSims)
    : m_options(options), m_context(context), m_mirror(mirrorSims)
{
    const auto prices = context.cyclePrices();
    Q_ASSERT_X(prices.ok(), "SeedGenerator", "the context's prices or yearly discount are invalid");
    if (prices)
        m_cyclePrices = *prices;
    const QDate last = options.lastMonth.isValid() ? options.lastMonth : QDate(2026, 11, 1);
    const int months = std::max(1, options.months);
    const int lastFirst = daysFromCivil(last.year(), last.month(), 1);
    m_windowStart = addMonths(lastFirst, -(months - 1));
    for (int m = 0; m <= months; ++m)
        m_monthStart.push_back(addMonths(m_windowStart, m));
    m_cutoff = m_monthStart.back();

    // FX: the official USD->DOP rate drifts from about 56.5 to 60.5 over two years (the same
    // slope for any window), with mean-reverting daily noise. Rates are x 10^4, integers only.
    SeedRandom world(options.seed, StreamWorld, 0);
    m_fxStart = m_windowStart - 60;
    const int fxDays = m_cutoff - m_fxStart;
    std::int64_t deviation = 0;
    m_fx.resize(size_t(fxDays));
    for (int i = 0; i < fxDays; ++i) {
        const std::int64_t trend = 605000 - std::int64_t(m_cutoff - (m_fxStart + i)) * 40000 / 730;
        deviation = deviation * 95 / 100 + world.range(-400, 400);
        m_fx[size_t(i)] = trend + deviation;
    }
    // Days on which AZUL's sale breaker opened and DOP renewals fell back to Stripe.
    m_azulOutage.resize(size_t(m_cutoff - m_windowStart));
    for (auto &&day : m_azulOutage)
        day = world.chancePpm(16000);
}

SeedGenerator::~SeedGenerator() = default;

std::int64_t SeedGenerator::fxRate(int day) const
{
    const int i = std::clamp(day - m_fxStart, 0, int(m_fx.size()) - 1);
    return m_fx[size_t(i)];
}

void SeedGenerator::run(const std::function<bool(SeedBatch &&)> &sink)
{
    {
        SeedBatch batch;
        batch.phase = QStringLiteral("dealers");
        generateDealers(batch);
        if (!sink(std::move(batch)))
            return;
    }
    for (int m = 0; m + 1 < int(m_monthStart.size()); ++m) {
        SeedBatch batch;
        const CivilDate c = civilFromDays(m_monthStart[size_t(m)]);
        batch.phase = QStringLiteral("month %1-%2").arg(c.year).arg(c.month, 2, 10, QLatin1Char('0'));
        simulateMonth(m, batch);
        if (!sink(std::move(batch)))
            return;
    }
    SeedBatch batch;
    batch.phase = QStringLiteral("subscriptions, cards, FX, provider costs");
    finish(batch);
    sink(std::move(batch));
}

void SeedGenerator::generateDealers(SeedBatch &batch)
{
    const int n = std::max(0, m_options.dealers);
    const int months = int(m_monthStart.size()) - 1;
    // Signup days: a launch cohort in the first month, then growth (later months weigh more).
    std::vector<std::pair<int, int>> signups; // (day, original index)
    signups.reserve(size_t(n));
    std::vector<int> laterMonthWeights; // months 1.. (month 0 is the launch cohort's)
    for (int m = 1; m < months; ++m)
        laterMonthWeights.push_back(100 + 8 * m);
    for (int i = 0; i < n; ++i) {
        SeedRandom rng(m_options.seed, StreamSignup, std::uint64_t(i));
        int month = 0;
        if (months > 1 && !rng.chancePpm(kLaunchCohortPpm))
            month = 1 + rng.pick(laterMonthWeights);
        const int first = m_monthStart[size_t(month)];
        const int len = m_monthStart[size_t(month) + 1] - first;
        signups.emplace_back(first + int(rng.below(std::uint64_t(len))), i);
    }
    std::sort(signups.begin(), signups.end());

    m_dealers.resize(size_t(n));
    CopyBuffer &out = batch[SeedTable::Dealers];
    out.reserve(qsizetype(n) * 260);
    for (int rank = 0; rank < n; ++rank) {
        DealerState &d = m_dealers[size_t(rank)];
        d.id = rank + 1;
        d.rng = SeedRandom(m_options.seed, StreamDealer, std::uint64_t(d.id));
        d.signupDay = signups[size_t(rank)].first;
        d.signupMs = localMs(d.signupDay, 8, 0) + std::int64_t(d.rng.below(12 * 3600)) * 1000;
        d.createdMs = d.signupMs - std::int64_t(d.rng.below(10 * 86400)) * 1000;
        const DealerIdentity who = DominicanData::makeDealer(d.rng, std::uint64_t(rank), m_options.seed);
        d.isCedula = who.isCedula;
        d.name = who.tradeName;
        d.email = who.email;
        d.phone = who.phone;
        d.currency = d.rng.chancePpm(kUsdPpm) ? Usd : Dop;
        d.stripeBackup = d.currency == Dop && d.rng.chancePpm(kStripeBackupPpm);
        if (d.currency == Usd || d.stripeBackup)
            d.stripeCustomer = stripeId("cus_", d.rng, 14);

        out.integer(d.id).uuid(d.rng.next(), d.rng.next()).text(who.legalName).text(who.tradeName).raw(who.taxId)
            .raw(who.isCedula ? "cedula" : "rnc").raw(who.dealerType).raw(who.verification).text(who.city)
            .text(who.province).text(who.email).raw(who.phone).boolean(who.hasApp);
        if (d.stripeCustomer.empty())
            out.null();
        else
            out.raw(d.stripeCustomer);
        out.timestamp(d.createdMs).timestamp(d.signupMs);
        out.endRow();
    }
}

void SeedGenerator::simulateMonth(int month, SeedBatch &batch)
{
    const int ms = m_monthStart[size_t(month)];
    const int me = m_monthStart[size_t(month) + 1];
    // Within a month, dealers are handled in the order of their billing day, so invoice ids,
    // NCFs and AZUL order ids grow with time as they do in production.
    m_order.clear();
    std::array<std::vector<std::uint32_t>, 29> byDay;
    for (std::uint32_t i = 0; i < m_dealers.size(); ++i) {
        const DealerState &d = m_dealers[i];
        if (d.signupDay >= me)
            break; // sorted by signup day
        const int key = d.signupDay >= ms ? std::min(civilFromDays(d.signupDay).day, 28) : d.anchor;
        byDay[size_t(key)].push_back(i);
    }
    for (const auto &bucket : byDay)
        m_order.insert(m_order.end(), bucket.begin(), bucket.end());

    for (std::uint32_t index : m_order) {
        DealerState &d = m_dealers[index];
        if (d.signupDay >= ms)
            signUp(d, batch);
        if (d.frozen)
            continue;
        if (d.sub.status == StTrial && d.trialEnd < me) {
            SubState next = d.sub;
            const std::int64_t at = localMs(d.trialEnd, 0, 30);
            if (d.trialConverts) {
                next.status = StActive;
                if (change(d, d.trialEnd, at, "trial_to_active", next, batch))
                    startPaidPeriod(d, d.trialEnd, batch);
            } else {
                next.status = StExpired;
                if (change(d, d.trialEnd, at, "status_change", next, batch, {}, false, "Trial ended without a card charge")) {
                    d.cancelledDay = d.trialEnd;
                    d.cancelledMs = at;
                }
            }
        }
        if (d.earlyBird && !d.billing && d.sub.status == StActive && d.freeUntil < me && !d.frozen)
            startPaidPeriod(d, d.freeUntil, batch); // the free months end: New MRR, first invoice
        if (d.sub.plan == PlanLibre && d.sub.status == StActive && !d.frozen) {
            while (d.periodEnd < me) {
                d.periodStart = d.periodEnd;
                d.periodEnd = addMonths(d.periodStart, 1);
            }
            const int from = std::max(ms, d.signupDay + 1);
            if (from < me) {
                const std::uint32_t r = std::uint32_t(d.rng.below(1000000));
                const int day = from + int(d.rng.below(std::uint64_t(me - from)));
                SubState next = d.sub;
                if (r < kLibreUpgradePpm) {
                    next.plan = PlanVisible + int(d.rng.below(3));
                    if (change(d, day, localMs(day, 10, 0) + std::int64_t(d.rng.below(36000000)), "upgrade", next, batch))
                        startPaidPeriod(d, day, batch);
                } else if (r < kLibreUpgradePpm + kLibreCancelPpm) {
                    next.status = StCancelled;
                    const std::int64_t at = localMs(day, 11, 0);
                    if (change(d, day, at, "cancel", next, batch, "not_using_enough")) {
                        d.cancelledDay = day;
                        d.cancelledMs = at;
                    }
                }
            }
        }
        while (d.billing && !d.frozen && (d.sub.status == StActive || d.sub.status == StPastDue) && d.periodEnd < me)
            renew(d, batch);
        if (!d.frozen && (d.sub.status == StCancelled || d.sub.status == StExpired) && d.cancelledDay < ms
            && ms - d.cancelledDay < 365 && d.rng.chancePpm(d.sub.status == StExpired ? kReactivatePpm / 2 : kReactivatePpm)) {
            const int day = ms + int(d.rng.below(std::uint64_t(me - ms)));
            SubState next = d.sub;
            next.status = StActive;
            if (next.plan == PlanLibre)
                next.plan = PlanVisible;
            if (change(d, day, localMs(day, 9, 0) + std::int64_t(d.rng.below(36000000)), "reactivate", next, batch)) {
                d.cancelledDay = CopyBuffer::kNoDate;
                d.cancelledMs = CopyBuffer::kNoTime;
                startPaidPeriod(d, day, batch);
            }
        }
        if (d.sub.status == StActive || d.sub.status == StPastDue || d.sub.status == StTrial)
            purchases(d, std::max(ms, d.signupDay), me, batch);
    }
}

void SeedGenerator::signUp(DealerState &d, SeedBatch &batch)
{
    const bool eligibleEarlyBird = !m_context.earlyBird.empty() && d.signupDay <= m_context.earlyBird.back().deadline;
    d.sub.cycle = catalogPick(d.rng, catalog::kCycleWeights);
    d.sub.plan = catalogPick(d.rng, catalog::kPaidPlanWeights);
    d.sub.status = StActive;
    const SeedContext::EarlyBirdTerms *terms = nullptr;
    if (eligibleEarlyBird && d.rng.chancePpm(kEarlyBirdPpm)) {
        for (const auto &t : m_context.earlyBird) {
            if (d.signupDay <= t.deadline) {
                terms = &t;
                break;
            }
        }
    }
    if (terms) {
        d.earlyBird = true;
        d.sub.discountBp = terms->discountBp;
        d.freeUntil = addMonths(d.signupDay, terms->freeMonths);
        if (terms->discountMonths > 0)
            d.sub.discountEnds = addMonths(d.freeUntil, terms->discountMonths);
        d.periodStart = d.signupDay;
        d.periodEnd = d.freeUntil;
        batch[SeedTable::EarlyBirdEnrolments].integer(d.id).integer(terms->id).timestamp(d.signupMs).date(d.freeUntil)
            .integer(terms->discountBp).dateOrNull(d.sub.discountEnds).endRow();
    } else if (d.rng.chancePpm(kLibrePpm)) {
        d.sub.plan = PlanLibre;
        d.sub.cycle = Monthly;
        d.periodStart = d.signupDay;
        d.periodEnd = addMonths(d.signupDay, 1);
    } else if (d.rng.chancePpm(kTrialPpm)) {
        d.trial = true;
        d.trialConverts = d.rng.chancePpm(kTrialConvertPpm);
        d.sub.status = StTrial;
        d.trialEnd = d.signupDay + 14;
        d.periodStart = d.signupDay;
        d.periodEnd = d.trialEnd;
    }
    const SubState initial = d.sub;
    if (!change(d, d.signupDay, d.signupMs, "created", initial, batch))
        return;
    if (d.sub.plan != PlanLibre)
        addCard(d, d.currency == Usd ? Stripe : Azul, d.signupMs);
    if (d.stripeBackup)
        addCard(d, Stripe, d.signupMs + 60000);
    if (d.sub.plan != PlanLibre && !d.trial && !d.earlyBird)
        startPaidPeriod(d, d.signupDay, batch);
}

void SeedGenerator::startPaidPeriod(DealerState &d, int day, SeedBatch &batch)
{
    if (d.sub.plan != PlanLibre && d.cards.empty())
        addCard(d, d.currency == Usd ? Stripe : Azul, localMs(day, 7, 0));
    if (d.currency == Usd ? d.stripeCard < 0 : d.azulCard < 0)
        addCard(d, d.currency == Usd ? Stripe : Azul, localMs(day, 7, 0));
    const CivilDate c = civilFromDays(day);
    d.anchor = std::min(c.day, 28);
    d.billing = true;
    d.periodStart = day;
    const CivilDate e = civilFromDays(addMonths(day, catalog::kCycleMonths[size_t(d.sub.cycle)]));
    d.periodEnd = daysFromCivil(e.year, e.month, std::min(e.day, d.anchor));
    billPeriod(d, batch);
}

void SeedGenerator::renew(DealerState &d, SeedBatch &batch)
{
    const int day = d.periodEnd;
    const std::int64_t at = localMs(day, 0, 5) + std::int64_t(d.rng.below(3600)) * 1000;
    if (d.rng.chancePpm(kCancelPpm[d.sub.cycle])) {
        // Requested earlier in the period (cancel at period end), effective on the renewal date.
        SubState next = d.sub;
        next.status = StCancelled;
        const std::string_view reason = catalog::kCancellationReasons[size_t(catalogPick(d.rng, catalog::kCancellationWeights))];
        if (change(d, day, at, "cancel", next, batch, reason)) {
            d.billing = false;
            d.cancelledDay = day;
            d.cancelledMs = at;
        }
        return;
    }
    SubState next = d.sub;
    if (next.discountEnds != CopyBuffer::kNoDate && day >= next.discountEnds) {
        next.discountBp = 0;
        next.discountEnds = CopyBuffer::kNoDate;
        if (!change(d, day, at, "discount_change", next, batch, {}, false, "Early Bird discount ended"))
            return;
    }
    next = d.sub;
    const std::uint32_t r = std::uint32_t(d.rng.below(1000000));
    std::string_view type;
    if (r < kUpgradePpm && next.plan < PlanEnterprise) {
        next.plan += next.plan < PlanPro && d.rng.chancePpm(200000) ? 2 : 1;
        type = "upgrade";
    } else if (r >= kUpgradePpm && r < kUpgradePpm + kDowngradePpm && next.plan > PlanVisible) {
        next.plan -= 1;
        type = "downgrade";
    } else if (r >= kUpgradePpm + kDowngradePpm && r < kUpgradePpm + kDowngradePpm + kCycleChangePpm
               && next.cycle != Yearly) {
        next.cycle = Yearly;
        type = "cycle_change";
    }
    if (!type.empty() && !change(d, day, at, type, next, batch))
        return;
    d.periodStart = day;
    d.periodEnd = addMonths(day, catalog::kCycleMonths[size_t(d.sub.cycle)]);
    billPeriod(d, batch);
}

bool SeedGenerator::change(DealerState &d, int day, std::int64_t createdMs, std::string_view type, const SubState &next,
                           SeedBatch &batch, std::string_view reason, bool involuntary, std::string_view note)
{
    if (day >= m_cutoff) {
        d.frozen = true;
        return false;
    }
    d.sub = next;
    d.lastChangeMs = createdMs;
    CopyBuffer &out = batch[SeedTable::SubscriptionChanges];
    out.integer(m_nextChange++).integer(d.id).integer(d.id).date(day).raw(type)
        .integer(m_context.plans[size_t(next.plan)][size_t(d.currency)].versionId)
        .raw(catalog::kCycles[size_t(next.cycle)]).raw(kStatusNames[next.status]).integer(next.discountBp)
        .dateOrNull(next.discountEnds).textOrNull(reason).boolean(involuntary).textOrNull(note).null()
        .timestamp(createdMs);
    out.endRow();
    return true;
}

void SeedGenerator::finish(SeedBatch &batch)
{
    CopyBuffer &subs = batch[SeedTable::Subscriptions];
    CopyBuffer &cards = batch[SeedTable::PaymentMethods];
    for (const DealerState &d : m_dealers) {
        subs.integer(d.id).integer(d.id).raw(d.currency == Usd ? "stripe" : "azul").raw(d.currency == Usd ? "USD" : "DOP")
            .integer(m_context.plans[size_t(d.sub.plan)][size_t(d.currency)].versionId)
            .raw(catalog::kCycles[size_t(d.sub.cycle)]).raw(kStatusNames[d.sub.status]).integer(d.sub.discountBp)
            .dateOrNull(d.sub.discountEnds).date(d.periodStart).date(d.periodEnd).boolean(false).null()
            .timestamp(d.signupMs).timestampOrNull(d.cancelledMs).timestamp(d.signupMs).timestamp(d.lastChangeMs)
            .date(d.periodStart); // billing_anchor: every seeded period starts on the billing day (at most the 28th)
        subs.endRow();
        int stripeDefault = -1;
        for (size_t i = 0; i < d.cards.size(); ++i) {
            const Card &c = d.cards[i];
            cards.integer(c.id).integer(d.id).raw(c.provider == Azul ? "azul" : "stripe").raw(c.token)
                .raw(catalog::kCardBrands[size_t(c.brand)].name).raw(c.last4).integer(c.expMonth).integer(c.expYear)
                .boolean(c.isDefault).timestamp(c.createdMs).timestampOrNull(c.removedMs);
            cards.endRow();
            if (!m_mirror)
                continue;
            const auto &brand = catalog::kCardBrands[size_t(c.brand)];
            const std::string masked = std::string(brand.bins[size_t(c.bin)]) + "******" + c.last4;
            if (c.provider == Azul) {
                char expiration[7];
                std::snprintf(expiration, sizeof expiration, "%04d%02d", c.expYear, c.expMonth);
                batch[SeedTable::AzulDataVaultTokens].raw(c.token).raw(masked).raw(brand.azulName).raw(expiration)
                    .boolean(true).raw("approve").timestamp(c.createdMs).null().timestampOrNull(c.removedMs).endRow();
            } else {
                if (c.isDefault)
                    stripeDefault = int(i);
                batch[SeedTable::StripePaymentMethods].raw(c.token).integer(c.createdMs / 1000).raw(d.stripeCustomer)
                    .raw(brand.name).raw(c.last4).integer(c.expMonth).integer(c.expYear).raw("approve").endRow();
            }
        }
        if (m_mirror && !d.stripeCustomer.empty()) {
            CopyBuffer &cus = batch[SeedTable::StripeCustomers];
            cus.raw(d.stripeCustomer).integer(d.createdMs / 1000).text(d.email).text(d.name).null().raw(d.phone)
                .raw(d.currency == Usd ? "usd" : "dop");
            if (stripeDefault >= 0)
                cus.raw(d.cards[size_t(stripeDefault)].token);
            else
                cus.null();
            cus.raw("{\"okla_dealer_id\": \"" + std::to_string(d.id) + "\"}").boolean(false).endRow();
        }
    }
    generateFx(batch);
    generateProviderCosts(batch);
}

void SeedGenerator::generateFx(SeedBatch &batch)
{
    CopyBuffer &out = batch[SeedTable::FxRates];
    for (size_t i = 0; i < m_fx.size(); ++i)
        out.date(m_fxStart + int(i)).raw("USD").raw("DOP").decimal(m_fx[i], 4).raw("BCRD (seed)").endRow();
}

void SeedGenerator::generateProviderCosts(SeedBatch &batch)
{
    // Fixed monthly costs near the roadmap's budget for the quarter (USD cents); before 2026 the
    // first quarter's, smaller; after 2026 the last quarter's.
    struct Cost
    {
        const char *provider;
        std::array<int, 4> budget; // USD per month, Q1..Q4 2026
        const char *description;
        const char *zeroDescription;
    };
    static constexpr Cost kCosts[] = {
        {"stripe", {50, 120, 200, 350}, "Stripe Billing and Radar (fixed part)", nullptr},
        {"s3", {5, 10, 20, 30}, "DigitalOcean Spaces: storage and transfer", nullptr},
        {"postgresql", {0, 25, 50, 100}, "Managed PostgreSQL node", "Included in the DOKS cluster"},
        {"redis", {0, 15, 35, 70}, "Managed Redis", "Included in the DOKS cluster"},
        {"rabbitmq", {0, 0, 15, 30}, "RabbitMQ node", "Included in the DOKS cluster"},
        {"zoho_mail", {0, 10, 20, 40}, "Zoho Mail seats", "Free plan"},
        {"fcm", {0, 0, 5, 15}, "Firebase Cloud Messaging (Blaze)", "Free tier"},
    };
    SeedRandom rng(m_options.seed, StreamWorld, 7);
    CopyBuffer &out = batch[SeedTable::ProviderCosts];
    for (size_t m = 0; m + 1 < m_monthStart.size(); ++m) {
        const int first = m_monthStart[m];
        const CivilDate c = civilFromDays(first);
        out.raw("azul").date(first).integer(0).raw("DOP").raw("No fixed fee (about 2.5 % per transaction, stored on each payment)").endRow();
        for (const Cost &cost : kCosts) {
            const int quarter = c.year < 2026 ? 0 : c.year > 2026 ? 3 : (c.month - 1) / 3;
            std::int64_t cents = std::int64_t(cost.budget[size_t(quarter)]) * 100;
            if (c.year < 2026)
                cents = cents * 6 / 10;
            const bool zero = cents == 0;
            if (!zero)
                cents = cents * std::int64_t(rng.range(62, 94)) / 100;
            out.raw(cost.provider).date(first).integer(cents).raw("USD")
                .text(std::string_view(zero && cost.zeroDescription ? cost.zeroDescription : cost.description)).endRow();
        }
    }
}

void SeedGenerator::purchases(DealerState &d, int from, int to, SeedBatch &batch)
{
    if (from >= to)
        return;
    const int count = catalogPick(d.rng, kPurchaseWeights);
    for (int i = 0; i < count; ++i) {
        const int day = from + int(d.rng.below(std::uint64_t(to - from)));
        const std::int64_t startMs = localMs(day, 9, 0) + std::int64_t(d.rng.below(12 * 3600)) * 1000;
        static const auto productWeights = [] {
            std::array<int, catalog::kProducts.size()> w{};
            for (size_t k = 0; k < w.size(); ++k)
                w[k] = catalog::kProducts[k].weight;
            return w;
        }();
        const auto &product = catalog::kProducts[size_t(catalogPick(d.rng, productWeights))];
        int provider = d.currency == Usd ? Stripe : Azul;
        if (provider == Azul && d.stripeBackup && day - m_windowStart >= 0 && m_azulOutage[size_t(day - m_windowStart)])
            provider = Stripe;
        if ((provider == Azul ? d.azulCard : d.stripeCard) < 0)
            addCard(d, provider, startMs - 120000);
        const Card card = d.cards[size_t(provider == Azul ? d.azulCard : d.stripeCard)];
        const std::int64_t amount = d.currency == Usd ? product.usdMinor : product.dopTotalMinor;
        std::int64_t itbis = 0;
        if (d.currency == Dop) {
            const std::int64_t base = (amount * 10000 * 2 + (10000 + m_context.itbisBp)) / (2 * (10000 + m_context.itbisBp));
            itbis = amount - base;
        }
        const catalog::Decline *decline = nullptr;
        if (!d.rng.chancePpm(955000)) {
            if (provider == Azul)
                decline = &catalog::kAzulDeclines[size_t(catalogPick(d.rng, declineWeights(catalog::kAzulDeclines)))];
            else
                decline = &catalog::kStripeDeclines[size_t(catalogPick(d.rng, declineWeights(catalog::kStripeDeclines)))];
        }
        char uuid[37];
        CopyBuffer::formatUuid(d.rng.next(), d.rng.next(), uuid);
        uuid[36] = 0;
        const std::int64_t endMs = startMs + 500 + std::int64_t(d.rng.below(provider == Azul ? 2200 : 1200));
        payment(d, card, 0, 0, uuid, amount, itbis, decline, startMs, endMs, product.name, batch);
    }
}

} // namespace okla::sandbox
