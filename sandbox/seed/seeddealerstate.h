#pragma once

#include <string>
#include <vector>

#include "sandbox/seed/seedgenerator.h"

namespace okla::sandbox {

enum SubscriptionStatus { StTrial, StActive, StPastDue, StCancelled, StSuspended, StExpired };
constexpr const char *kStatusNames[] = {"trial", "active", "past_due", "cancelled", "suspended", "expired"};
enum Provider { Azul, Stripe };

/// A stored card token (AZUL DataVault / Stripe payment method): brand and last 4 only.
struct SeedGenerator::Card
{
    std::int64_t id = 0;
    int provider = Azul;
    int brand = 0;
    int bin = 0;
    char last4[5] = "0000";
    int expMonth = 12;
    int expYear = 2030;
    std::int64_t createdMs = 0;
    std::int64_t removedMs = CopyBuffer::kNoTime;
    bool isDefault = true;
    std::string token; ///< AZUL DataVault GUID or Stripe pm_ id
};

/// Everything the month-by-month simulation remembers about one dealer and its subscription.
struct SeedGenerator::DealerState
{
    SeedRandom rng;
    std::int64_t id = 0;
    int signupDay = 0;
    std::int64_t signupMs = 0;
    std::int64_t createdMs = 0;
    bool isCedula = false;
    bool earlyBird = false;
    bool trial = false;
    bool trialConverts = false;
    bool stripeBackup = false;
    bool billing = false; ///< paid periods are running (renewals happen)
    bool frozen = false;  ///< an event fell after the cutoff: the subscription stays as it is
    int currency = Dop;
    SubState sub;
    int anchor = 1;
    int periodStart = 0;
    int periodEnd = 0;
    int freeUntil = CopyBuffer::kNoDate;
    int trialEnd = CopyBuffer::kNoDate;
    int cancelledDay = CopyBuffer::kNoDate;
    std::int64_t cancelledMs = CopyBuffer::kNoTime;
    std::int64_t lastChangeMs = 0;
    int azulCard = -1;
    int stripeCard = -1;
    std::vector<Card> cards;
    std::string stripeCustomer;
    std::string name;  ///< trade name, for provider descriptions
    std::string email;
    std::string phone;
};

} // namespace okla::sandbox

namespace okla::sandbox {

template<typename Weights>
int catalogPick(SeedRandom &rng, const Weights &weights)
{
    return rng.pick(weights);
}

template<size_t N>
const std::array<int, N> &declineWeights(const std::array<catalog::Decline, N> &declines)
{
    static const std::array<int, N> weights = [&declines] {
        std::array<int, N> w{};
        for (size_t i = 0; i < N; ++i)
            w[i] = declines[i].weight;
        return w;
    }();
    return weights;
}

/// Soft declines only (dunning retries of a soft decline answer soft again when they fail).
template<size_t N>
const std::array<int, N> &softDeclineWeights(const std::array<catalog::Decline, N> &declines)
{
    static const std::array<int, N> weights = [&declines] {
        std::array<int, N> w{};
        for (size_t i = 0; i < N; ++i)
            w[i] = declines[i].hard ? 0 : declines[i].weight;
        return w;
    }();
    return weights;
}

} // namespace okla::sandbox
