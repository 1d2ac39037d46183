#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace okla::sandbox::catalog {

/// Decline codes the seed uses, with how often each occurs among declines (per mille) and
/// whether a retry can ever succeed (docs/domain.md §12: stolen/lost/invalid cards stop retries at once).
struct Decline
{
    std::string_view code;
    std::string_view message;
    int weight;
    bool hard;
    std::string_view stripeFailureCode; ///< charge.failure_code (Stripe only)
};

// AZUL IsoCodes (docs/providers.md §6) with the messages AZUL answers in.
inline constexpr std::array kAzulDeclines{
    Decline{"51", "Fondos insuficientes", 430, false, ""},
    Decline{"05", "Transacción no autorizada (no honrar)", 230, false, ""},
    Decline{"91", "Emisor no disponible, reintente", 120, false, ""},
    Decline{"54", "Tarjeta vencida", 110, true, ""},
    Decline{"14", "Tarjeta inválida", 60, true, ""},
    Decline{"43", "Tarjeta robada, retener", 30, true, ""},
    Decline{"04", "Tarjeta cancelada, retener", 20, true, ""},
};

// Stripe decline_code values (docs/providers.md §17) with Stripe's customer-facing messages.
inline constexpr std::array kStripeDeclines{
    Decline{"insufficient_funds", "Your card has insufficient funds.", 400, false, "card_declined"},
    Decline{"generic_decline", "Your card was declined.", 250, false, "card_declined"},
    Decline{"do_not_honor", "Your card was declined.", 100, false, "card_declined"},
    Decline{"try_again_later", "Your card was declined. Try again later.", 50, false, "card_declined"},
    Decline{"expired_card", "Your card has expired.", 120, true, "expired_card"},
    Decline{"incorrect_number", "Your card number is incorrect.", 30, true, "incorrect_number"},
    Decline{"stolen_card", "Your card was declined.", 30, true, "card_declined"},
    Decline{"lost_card", "Your card was declined.", 20, true, "card_declined"},
};

/// One-time purchases (boosts, OKLA Coins): most AZUL transactions (docs/kpi.md §16).
struct Product
{
    std::string_view name;
    std::int64_t dopTotalMinor; ///< tax included
    std::int64_t usdMinor;
    int weight;
};
inline constexpr std::array kProducts{
    Product{"Boost 7 días", 59000, 1000, 400},
    Product{"Boost 30 días", 177000, 2900, 180},
    Product{"OKLA Coins 100", 118000, 1900, 260},
    Product{"OKLA Coins 500", 472000, 7900, 120},
    Product{"Vitrina destacada 15 días", 236000, 3900, 40},
};

struct CardBrand
{
    std::string_view name;      ///< stored in the okla database (Stripe's lower-case names)
    std::string_view azulName;  ///< as AZUL reports it
    std::array<std::string_view, 3> bins;
    int weight;
};
inline constexpr std::array kCardBrands{
    CardBrand{"visa", "VISA", {"476134", "454617", "491613"}, 560},
    CardBrand{"mastercard", "MASTERCARD", {"542418", "520082", "557151"}, 390},
    CardBrand{"amex", "AMEX", {"377935", "371449", "378282"}, 30},
    CardBrand{"discover", "DISCOVER", {"601100", "644564", "650002"}, 20},
};

inline constexpr std::array<std::string_view, 10> kCancellationReasons{
    "too_expensive", "not_enough_value", "switched_competitor", "technical_issues", "business_closed",
    "not_using_enough", "seasonal_pause", "poor_support", "missing_features", "other"};
inline constexpr std::array<int, 10> kCancellationWeights{220, 160, 120, 40, 130, 140, 70, 30, 50, 40};

inline constexpr std::array<std::string_view, 6> kPlanKeys{"libre", "visible", "starter", "pro", "elite", "enterprise"};
inline constexpr std::array<int, 6> kPaidPlanWeights{0, 300, 300, 250, 100, 50};
inline constexpr std::array<std::string_view, 3> kCycles{"monthly", "quarterly", "yearly"};
inline constexpr std::array<int, 3> kCycleWeights{800, 120, 80};
inline constexpr std::array<int, 3> kCycleMonths{1, 3, 12};

// A Ley 358-05 withdrawal voids the subscription (docs/kpi.md §3: no New MRR, no churn); the seed does not
// model voided subscriptions, so it never picks that reason (weight 0).
inline constexpr std::array<std::string_view, 6> kRefundReasons{"requested_by_customer", "service_issue", "duplicate",
                                                         "ley_358_05", "fraudulent", "other"};
inline constexpr std::array<int, 6> kRefundReasonWeights{500, 200, 100, 0, 20, 100};

inline constexpr std::string_view kAzulStore = "39038540035";

} // namespace okla::sandbox::catalog
