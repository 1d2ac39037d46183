#pragma once

#include <span>

#include <QString>
#include <QStringView>

#include "models/statuses.h"

namespace okla::models {

/// What a failed charge means for dunning (docs/domain.md §21).
enum class DeclineClass {
    Hard,      ///< can never succeed on this card: stop retrying, ask for a new card
    Soft,      ///< the issuer said no this time: retry on the dunning days
    Technical, ///< nobody decided (issuer down, processing error, timeout): retry soon
};

/// One row of the decline table (declineclass.cpp): a provider's code, for AZUL optionally
/// narrowed by the start of its ErrorDescription, and its class.
struct DeclineRule
{
    PaymentProvider provider;
    const char *code;         ///< AZUL IsoCode ("" for ResponseCode Error); Stripe decline_code or error code
    const char *detailPrefix; ///< AZUL ErrorDescription prefix, case-insensitive; "" = any
    DeclineClass declineClass;
    const char *meaning;      ///< English, for engineers and the docs
};

/// The whole table, in lookup order (narrowed rows before their code's plain row).
std::span<const DeclineRule> declineRules();

/// The class of a decline or failed charge.
/// - AZUL: `code` is the IsoCode ("" when ResponseCode is Error), `detail` the ErrorDescription
///   ("SGS-002303: Invalid credit card number", "PROCESSING_ERROR", "DataVault TokenId is
///   expired."); the human ResponseMessage is never matched.
/// - Stripe: `code` is the decline_code, or the error's `code` when there is no decline_code;
///   `detail` is ignored.
/// Codes are compared case-insensitively, surrounding spaces ignored. A code in no row is Soft
/// (retried on the dunning days only, never given up on, never hammered); an empty code with no
/// matching detail (no answer at all) is Technical.
DeclineClass classifyDecline(PaymentProvider provider, QStringView code, QStringView detail = {});

/// The rule that decided, or nullptr when none matched (the defaults above applied).
const DeclineRule *findDeclineRule(PaymentProvider provider, QStringView code, QStringView detail = {});

/// "hard", "soft", "technical": stable names for logs, JSON and the charges' failure notes.
QString declineClassName(DeclineClass declineClass);

} // namespace okla::models
