// Billing half of the seed generator: invoices, charges (attempt 1 and dunning retries),
// payments with their provider ids and fees, refunds, cards, and the simulators' mirror rows.
#include "sandbox/seed/seedgenerator.h"

#include <algorithm>
#include <cstdio>

#include "sandbox/seed/seedcalendar.h"
#include "sandbox/seed/seeddealerstate.h"

namespace okla::sandbox {

namespace {

// Attempt outcomes in ppm. First attempts: about 94 % approved (the roadmap's Q1 figure).
constexpr std::uint32_t kFirstAmbiguousPpm = 3000;
constexpr std::uint32_t kFirstApprovedPpm = 941000;
constexpr std::uint32_t kFirstTechnicalPpm = 2500;
constexpr std::uint32_t kRetryAmbiguousPpm = 2000;
constexpr std::uint32_t kRetryApprovedPpm = 450000;
constexpr std::uint32_t kRetryTechnicalPpm = 3000;
constexpr std::uint32_t kNewCardApprovedPpm = 920000;
constexpr std::uint32_t kAmbiguousFoundPpm = 600000; // reconciliation finds the payment
constexpr std::uint32_t kCardUpdatePpm = 450000;     // after a hard decline the dealer updates the card
constexpr std::uint32_t kRefundPpm = 11000;
constexpr std::uint32_t kFullRefundPpm = 550000;

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string digits(SeedRandom &rng, int n)
{
    std::string out(size_t(n), '0');
    for (auto &c : out)
        c = char('0' + rng.below(10));
    return out;
}

std::string rrnFor(std::int64_t utcMs, std::int64_t order)
{
    const int day = localDay(utcMs);
    const CivilDate c = civilFromDays(day);
    const int doy = day - daysFromCivil(c.year, 1, 1) + 1;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%02d%03d%07lld", c.year % 100, doy, static_cast<long long>(order % 10000000));
    return buf;
}

std::string_view stripeRefundReason(std::string_view reason)
{
    if (reason == "duplicate" || reason == "fraudulent" || reason == "requested_by_customer")
        return reason;
    return {};
}

} // namespace

std::string SeedGenerator::stripeId(std::string_view prefix, SeedRandom &rng, int length)
{
    // The first 11 characters encode a bijective hash of a counter, so ids never repeat; the rest
    // is random, as Stripe's ids look.
    std::string out(prefix);
    std::uint64_t unique = mix64(++m_stripeSerial ^ mix64(m_options.seed));
    for (int i = 0; i < 11; ++i) {
        out += kBase62[unique % 62];
        unique /= 62;
    }
    for (int i = 11; i < length; ++i)
        out += kBase62[rng.below(62)];
    return out;
}

SeedGenerator::Card &SeedGenerator::addCard(DealerState &d, int provider, std::int64_t createdMs)
{
    static const auto brandWeights = [] {
        std::array<int, catalog::kCardBrands.size()> w{};
        for (size_t i = 0; i < w.size(); ++i)
            w[i] = catalog::kCardBrands[i].weight;
        return w;
    }();
    Card c;
    c.id = m_nextCard++;
    c.provider = provider;
    c.brand = d.rng.pick(brandWeights);
    c.bin = int(d.rng.below(3));
    for (int i = 0; i < 4; ++i)
        c.last4[i] = char('0' + d.rng.below(10));
    c.createdMs = createdMs;
    c.expYear = civilFromDays(localDay(createdMs)).year + 2 + int(d.rng.below(4));
    c.expMonth = 1 + int(d.rng.below(12));
    if (provider == Azul) {
        char guid[37];
        CopyBuffer::formatUuid(d.rng.next(), d.rng.next(), guid);
        for (auto &ch : guid)
            ch = char(ch >= 'a' && ch <= 'f' ? ch - 'a' + 'A' : ch);
        c.token.assign(guid, 36);
    } else {
        c.token = stripeId("pm_", d.rng);
    }
    int &slot = provider == Azul ? d.azulCard : d.stripeCard;
    if (slot >= 0) {
        d.cards[size_t(slot)].isDefault = false;
        d.cards[size_t(slot)].removedMs = createdMs;
    }
    d.cards.push_back(std::move(c));
    slot = int(d.cards.size()) - 1;
    return d.cards.back();
}

void SeedGenerator::billPeriod(DealerState &d, SeedBatch &batch)
{
    const std::int64_t invoiceId = m_nextInvoice++;
    const std::int64_t price = cyclePrice(d.sub, d.currency);
    const bool discounted = d.sub.discountBp > 0
                            && (d.sub.discountEnds == CopyBuffer::kNoDate || d.periodStart < d.sub.discountEnds);
    const std::int64_t subtotal = discounted ? (price * (10000 - d.sub.discountBp) + 5000) / 10000 : price;
    const std::int64_t itbis = d.currency == Dop ? (subtotal * m_context.itbisBp + 5000) / 10000 : 0;
    const std::int64_t total = subtotal + itbis;
    const int ncfType = d.isCedula ? 1 : 0; // B02 final consumer for cédulas, B01 for RNC holders
    const std::int64_t ncf = ++m_ncf[size_t(ncfType)];
    const int due = d.periodStart;
    const int periodEnd = d.periodEnd;
    const std::int64_t issuedMs = localMs(due, 5, 0) + std::int64_t(d.rng.below(600)) * 1000;
    std::int64_t paidMs = CopyBuffer::kNoTime;

    const bool fallback = d.currency == Dop && d.stripeBackup && m_azulOutage[size_t(due - m_windowStart)];
    const std::int64_t firstMs = localMs(due, 6, 0) + std::int64_t(d.rng.below(4 * 3600)) * 1000;
    const AttemptResult first = attempt(d, invoiceId, 1, firstMs, total, itbis, fallback, AttemptMode::First, batch);
    if (first.succeeded) {
        paidMs = first.endMs;
    } else {
        SubState next = d.sub;
        next.status = StPastDue;
        if (change(d, due, first.endMs, "status_change", next, batch, {}, false, "Renewal charge failed")) {
            int attemptNo = 2;
            const int provider = d.currency == Usd ? Stripe : Azul;
            if (first.hard) {
                // No retry can fix a stolen/expired/invalid card: the dealer may enter a new one.
                if (d.rng.chancePpm(kCardUpdatePpm)) {
                    const int day = due + 1 + int(d.rng.below(4));
                    if (day < m_cutoff) {
                        const std::int64_t at = localMs(day, 9, 0) + std::int64_t(d.rng.below(10 * 3600)) * 1000;
                        addCard(d, provider, at - 240000);
                        const AttemptResult r = attempt(d, invoiceId, attemptNo++, at, total, itbis, false,
                                                        AttemptMode::NewCard, batch);
                        if (r.succeeded)
                            paidMs = r.endMs;
                    }
                }
            } else {
                for (int k = 0; k < 3; ++k) {
                    const int day = due + m_context.retryDays[size_t(k)];
                    if (day >= m_cutoff) {
                        d.frozen = true; // still in dunning when the history ends
                        break;
                    }
                    const std::int64_t at = localMs(day, 6, 0) + std::int64_t(d.rng.below(4 * 3600)) * 1000;
                    const AttemptResult r = attempt(d, invoiceId, attemptNo++, at, total, itbis, false,
                                                    AttemptMode::Retry, batch);
                    if (r.succeeded) {
                        paidMs = r.endMs;
                        break;
                    }
                    if (r.hard)
                        break;
                }
            }
            if (paidMs != CopyBuffer::kNoTime) {
                next = d.sub;
                next.status = StActive;
                change(d, localDay(paidMs), paidMs, "status_change", next, batch, {}, false, "Dunning recovered the payment");
            } else if (!d.frozen) {
                next = d.sub;
                next.status = StSuspended;
                const int suspendDay = due + m_context.suspendDay;
                if (change(d, suspendDay, localMs(suspendDay, 0, 10), "status_change", next, batch, {}, true,
                           "Dunning: listings hidden")) {
                    next.status = StCancelled;
                    const int cancelDay = due + m_context.cancelDay;
                    const std::int64_t at = localMs(cancelDay, 0, 10);
                    if (change(d, cancelDay, at, "cancel", next, batch, {}, true, "Dunning ended without payment")) {
                        d.billing = false;
                        d.cancelledDay = cancelDay;
                        d.cancelledMs = at;
                    }
                }
            }
        }
    }

    char ncfText[32];
    std::snprintf(ncfText, sizeof ncfText, "%s%08lld", ncfType == 1 ? "B02" : "B01", static_cast<long long>(ncf));
    CopyBuffer &inv = batch[SeedTable::Invoices];
    inv.integer(invoiceId).integer(d.id).integer(d.id).date(due).date(periodEnd).raw(d.currency == Usd ? "USD" : "DOP")
        .integer(subtotal).integer(itbis).integer(total).raw(paidMs != CopyBuffer::kNoTime ? "paid" : "overdue")
        .raw(ncfText).date(due).timestamp(issuedMs).timestampOrNull(paidMs).null().timestamp(issuedMs);
    inv.endRow();
}

SeedGenerator::AttemptResult SeedGenerator::attempt(DealerState &d, std::int64_t invoiceId, int attemptNo,
                                                    std::int64_t startMs, std::int64_t amount, std::int64_t itbis,
                                                    bool fallback, AttemptMode mode, SeedBatch &batch)
{
    const int provider = fallback || d.currency == Usd ? Stripe : Azul;
    if ((provider == Azul ? d.azulCard : d.stripeCard) < 0)
        addCard(d, provider, startMs - 60000);
    const Card card = d.cards[size_t(provider == Azul ? d.azulCard : d.stripeCard)];
    const std::int64_t chargeId = m_nextCharge++;
    char uuid[37];
    CopyBuffer::formatUuid(d.rng.next(), d.rng.next(), uuid);
    uuid[36] = 0;

    enum { Approved, Declined, Technical, Ambiguous } outcome = Approved;
    const std::uint32_t r = std::uint32_t(d.rng.below(1000000));
    switch (mode) {
    case AttemptMode::First:
        outcome = r < kFirstAmbiguousPpm                                          ? Ambiguous
                  : r < kFirstAmbiguousPpm + kFirstApprovedPpm                    ? Approved
                  : r < kFirstAmbiguousPpm + kFirstApprovedPpm + kFirstTechnicalPpm ? Technical
                                                                                   : Declined;
        break;
    case AttemptMode::Retry:
        outcome = r < kRetryAmbiguousPpm                                          ? Ambiguous
                  : r < kRetryAmbiguousPpm + kRetryApprovedPpm                    ? Approved
                  : r < kRetryAmbiguousPpm + kRetryApprovedPpm + kRetryTechnicalPpm ? Technical
                                                                                   : Declined;
        break;
    case AttemptMode::NewCard: outcome = r < kNewCardApprovedPpm ? Approved : Declined; break;
    }
    const catalog::Decline *decline = nullptr;
    if (outcome == Declined) {
        const bool softOnly = mode != AttemptMode::First;
        if (provider == Azul)
            decline = &catalog::kAzulDeclines[size_t(d.rng.pick(softOnly ? softDeclineWeights(catalog::kAzulDeclines)
                                                                          : declineWeights(catalog::kAzulDeclines)))];
        else
            decline = &catalog::kStripeDeclines[size_t(d.rng.pick(softOnly ? softDeclineWeights(catalog::kStripeDeclines)
                                                                            : declineWeights(catalog::kStripeDeclines)))];
    }
    const bool found = outcome == Ambiguous && d.rng.chancePpm(kAmbiguousFoundPpm);
    const std::int64_t latency = provider == Azul ? 650 + std::int64_t(d.rng.below(1950)) : 350 + std::int64_t(d.rng.below(1150));
    std::int64_t endMs = startMs + latency;
    if (outcome == Technical)
        endMs = startMs + 150 + std::int64_t(d.rng.below(400));
    else if (outcome == Ambiguous)
        endMs = startMs + 120000; // no answer within the request timeout; reconciliation decided

    CopyBuffer &out = batch[SeedTable::Charges];
    out.integer(chargeId).raw(std::string_view(uuid, 36)).integer(invoiceId).integer(d.id)
        .raw(provider == Azul ? "azul" : "stripe").integer(attemptNo).boolean(fallback)
        .raw(d.currency == Usd ? "USD" : "DOP").integer(amount).integer(itbis);
    switch (outcome) {
    case Approved: out.raw("succeeded").null().null().null().null(); break;
    case Declined: out.raw("failed").null().raw("declined").raw(decline->code).text(decline->message); break;
    case Technical:
        out.raw("failed").null().raw("technical").null()
            .raw(provider == Azul ? "ResponseCode Error: SGS-007778 not processed, please retry" : "api_error (HTTP 500)");
        break;
    case Ambiguous:
        out.raw("reconciled").raw(found ? "succeeded" : "failed").raw("ambiguous").null()
            .raw(found ? "No answer within 120 s; reconciliation found the payment"
                       : "No answer within 120 s; reconciliation found no payment");
        break;
    }
    out.timestamp(startMs).timestamp(endMs);
    out.endRow();

    AttemptResult result;
    result.succeeded = outcome == Approved || found;
    result.definite = outcome == Approved || outcome == Declined || found;
    result.hard = decline && decline->hard;
    result.endMs = endMs;
    if (result.definite) {
        const std::int64_t providerEnd = outcome == Ambiguous ? startMs + latency : endMs;
        const char *plan = catalog::kPlanKeys[size_t(d.sub.plan)].data();
        std::string description = std::string("OKLA ") + plan + " (" + catalog::kCycles[size_t(d.sub.cycle)].data() + ")";
        payment(d, card, invoiceId, chargeId, uuid, amount, itbis, decline, startMs, providerEnd, description, batch);
    }
    return result;
}

std::int64_t SeedGenerator::payment(DealerState &d, const Card &card, std::int64_t invoiceId, std::int64_t chargeId,
                                    const char *operationUuid, std::int64_t amount, std::int64_t itbis,
                                    const catalog::Decline *decline, std::int64_t startMs, std::int64_t endMs,
                                    std::string_view description, SeedBatch &batch)
{
    const std::int64_t paymentId = m_nextPayment++;
    const bool approved = decline == nullptr;
    const bool azul = card.provider == Azul;
    const auto &brand = catalog::kCardBrands[size_t(card.brand)];
    std::string providerId; // AzulOrderId or ch_
    std::string intentId;
    std::string customOrder;
    std::string rrn;
    std::string authCode;
    if (azul) {
        const std::int64_t order = ++m_azulOrder;
        providerId = std::to_string(order);
        customOrder = std::string(operationUuid) + "-1";
        rrn = rrnFor(endMs, order);
        if (approved)
            authCode = digits(d.rng, 6);
    } else {
        providerId = stripeId("ch_", d.rng);
        intentId = stripeId("pi_", d.rng);
    }
    std::int64_t fee = 0;
    if (approved) {
        if (azul) {
            fee = (amount * 250 + 5000) / 10000;
        } else {
            // 2.9 % + US$0.30; a DOP charge through Stripe pays the 30 cents at the day's rate.
            const std::int64_t fixed = d.currency == Usd ? 30 : (30 * fxRate(localDay(endMs)) + 5000) / 10000;
            fee = (amount * 290 + 5000) / 10000 + fixed;
        }
    }
    std::int64_t refunded = 0;
    if (approved && d.rng.chancePpm(kRefundPpm))
        refund(d, card, paymentId, invoiceId, amount, endMs, providerId, intentId, batch, refunded);
    const char *status = !approved ? "failed" : refunded == amount ? "refunded" : refunded > 0 ? "partially_refunded" : "succeeded";
    const char *currency = d.currency == Usd ? "USD" : "DOP";

    CopyBuffer &out = batch[SeedTable::Payments];
    out.integer(paymentId).integer(d.id);
    if (invoiceId)
        out.integer(invoiceId).integer(chargeId);
    else
        out.null().null();
    out.raw(azul ? "azul" : "stripe").raw(status).raw(currency).integer(amount).integer(itbis).integer(fee)
        .integer(approved ? amount : 0).integer(refunded).integer(refunded);
    if (azul)
        out.raw(providerId).raw(customOrder).raw(rrn).textOrNull(authCode).null().null();
    else
        out.null().null().null().null().raw(providerId).raw(intentId);
    out.raw(brand.name).raw(card.last4);
    if (approved)
        out.null().null();
    else
        out.raw(decline->code).text(decline->message);
    out.timestamp(startMs).timestampOrNull(approved ? endMs : CopyBuffer::kNoTime);
    out.endRow();

    if (!m_mirror)
        return paymentId;
    if (azul) {
        const std::string masked = std::string(brand.bins[size_t(card.bin)]) + "******" + card.last4;
        CopyBuffer &t = batch[SeedTable::AzulTransactions];
        t.raw(providerId).raw(customOrder).raw("Sale").raw(approved ? "approved" : "declined").integer(amount)
            .integer(itbis).integer(refunded).null().raw(approved ? "00" : decline->code)
            .raw(approved ? "APROBADA" : "DECLINADA").text(approved ? std::string_view() : decline->message)
            .raw(authCode).raw(rrn).raw(std::to_string(std::stoll(providerId) % 10000)).raw(std::to_string(localDay(endMs) % 1000))
            .raw("").raw(catalog::kAzulStore).raw(masked).raw(brand.azulName).raw(card.token).timestamp(endMs);
        t.endRow();
    } else {
        const char *lower = d.currency == Usd ? "usd" : "dop";
        const std::string metadata = std::string("{\"okla_operation_id\": \"") + operationUuid + "\"}";
        CopyBuffer &pi = batch[SeedTable::StripePaymentIntents];
        pi.raw(intentId).integer(startMs / 1000).integer(amount).integer(approved ? amount : 0).raw(lower)
            .raw(d.stripeCustomer.empty() ? std::string_view("\\N") : std::string_view(d.stripeCustomer)).raw(card.token)
            .raw(approved ? "succeeded" : "requires_payment_method").raw(providerId).text(description);
        if (approved)
            pi.null();
        else
            pi.text(std::string("{\"type\": \"card_error\", \"code\": \"") + std::string(decline->stripeFailureCode)
                    + "\", \"decline_code\": \"" + std::string(decline->code) + "\", \"message\": \""
                    + std::string(decline->message) + "\", \"charge\": \"" + providerId + "\"}");
        pi.text(metadata);
        pi.endRow();
        CopyBuffer &ch = batch[SeedTable::StripeCharges];
        ch.raw(providerId).integer(endMs / 1000).integer(amount).integer(approved ? amount : 0).integer(refunded).raw(lower)
            .raw(d.stripeCustomer.empty() ? std::string_view("\\N") : std::string_view(d.stripeCustomer)).raw(intentId)
            .raw(card.token).raw(approved ? "succeeded" : "failed").boolean(approved).boolean(false);
        if (approved)
            ch.null().null().null();
        else
            ch.raw(decline->stripeFailureCode).text(decline->message).raw(decline->code);
        ch.raw(brand.name).raw(card.last4).integer(card.expMonth).integer(card.expYear).text(description).text(metadata);
        ch.endRow();
    }
    return paymentId;
}

void SeedGenerator::refund(DealerState &d, const Card &card, std::int64_t paymentId, std::int64_t invoiceId,
                           std::int64_t amount, std::int64_t paidMs, const std::string &providerId,
                           const std::string &intentId, SeedBatch &batch, std::int64_t &refunded)
{
    const std::string_view reason = catalog::kRefundReasons[size_t(d.rng.pick(catalog::kRefundReasonWeights))];
    const bool ley = reason == "ley_358_05"; // full refund within 48 h
    const bool full = ley || d.rng.chancePpm(kFullRefundPpm);
    const std::int64_t delay = ley ? std::int64_t(d.rng.below(40 * 3600)) * 1000
                                   : (1 + std::int64_t(d.rng.below(20))) * kMsPerDay + std::int64_t(d.rng.below(36000)) * 1000;
    const std::int64_t createdMs = paidMs + delay;
    std::int64_t value = amount;
    if (!full) {
        value = amount * d.rng.range(10, 80) / 100 / 100 * 100; // whole currency units
        if (value <= 0 || value >= amount)
            value = amount;
    }
    if (localDay(createdMs) >= m_cutoff || m_context.financeStaff.empty())
        return;
    const std::int64_t requester = m_context.financeStaff[size_t(d.rng.below(m_context.financeStaff.size()))];
    std::int64_t approver = 0;
    if (value > m_context.refundApprovalLimit[size_t(d.currency)]) {
        std::vector<std::int64_t> others;
        for (std::int64_t s : m_context.approverStaff)
            if (s != requester)
                others.push_back(s);
        if (others.empty())
            return; // nobody could approve it: the policy forbids the refund
        approver = others[size_t(d.rng.below(others.size()))];
    }
    const std::int64_t decidedMs = createdMs + (approver ? std::int64_t(600 + d.rng.below(6 * 3600)) * 1000
                                                         : std::int64_t(1 + d.rng.below(30)) * 1000);
    const std::int64_t settledMs = decidedMs + std::int64_t(2 + d.rng.below(40)) * 1000;
    if (localDay(settledMs) >= m_cutoff)
        return;
    const std::uint64_t hi = d.rng.next();
    const std::uint64_t lo = d.rng.next();
    char uuid[37];
    CopyBuffer::formatUuid(hi, lo, uuid);
    uuid[36] = 0;
    const bool azul = card.provider == Azul;
    const std::string refundId = azul ? std::to_string(++m_azulOrder) : stripeId("re_", d.rng);
    // Drawn whether or not the simulators are mirrored, so mirroring never changes the okla rows.
    const std::string refundAuthCode = azul ? digits(d.rng, 6) : std::string();

    CopyBuffer &out = batch[SeedTable::Refunds];
    out.raw(std::string_view(uuid, 36)).integer(paymentId).raw(azul ? "azul" : "stripe")
        .raw(d.currency == Usd ? "USD" : "DOP").integer(value).raw(reason).null().raw("succeeded").null().boolean(false)
        .integer(requester);
    if (approver)
        out.integer(approver);
    else
        out.null();
    out.null();
    if (invoiceId) {
        char b04[32];
        std::snprintf(b04, sizeof b04, "B04%08lld", static_cast<long long>(++m_ncf[2]));
        out.raw(b04); // a refund of an invoiced charge needs a credit note
    } else {
        out.null();
    }
    out.raw(refundId).null().timestamp(createdMs).timestamp(decidedMs).timestamp(settledMs);
    out.endRow();
    refunded = value;

    if (!m_mirror)
        return;
    if (azul) {
        const std::string masked = std::string(catalog::kCardBrands[size_t(card.brand)].bins[size_t(card.bin)]) + "******" + card.last4;
        CopyBuffer &t = batch[SeedTable::AzulTransactions];
        t.raw(refundId).raw(std::string(uuid, 36) + "-1").raw("Refund").raw("approved").integer(value).integer(0).integer(0)
            .raw(providerId).raw("00").raw("APROBADA").raw("").raw(refundAuthCode).raw(rrnFor(settledMs, std::stoll(refundId)))
            .raw(std::to_string(std::stoll(refundId) % 10000)).raw(std::to_string(localDay(settledMs) % 1000)).raw("")
            .raw(catalog::kAzulStore).raw(masked).raw(catalog::kCardBrands[size_t(card.brand)].azulName).null()
            .timestamp(settledMs);
        t.endRow();
    } else {
        CopyBuffer &re = batch[SeedTable::StripeRefunds];
        re.raw(refundId).integer(settledMs / 1000).integer(value).raw(d.currency == Usd ? "usd" : "dop").raw(providerId)
            .raw(intentId).raw("succeeded").textOrNull(stripeRefundReason(reason)).null()
            .raw(std::string("{\"okla_id\": \"") + uuid + "\"}");
        re.endRow();
    }
}

} // namespace okla::sandbox
