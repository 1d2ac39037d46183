#include "models/billing/declineclass.h"

#include <array>

namespace okla::models {

namespace {

constexpr PaymentProvider Azul = PaymentProvider::Azul;
constexpr PaymentProvider Stripe = PaymentProvider::Stripe;
constexpr DeclineClass Hard = DeclineClass::Hard;
constexpr DeclineClass Soft = DeclineClass::Soft;
constexpr DeclineClass Technical = DeclineClass::Technical;

// THE decline table (docs/domain.md §21). Hard only when the issuer says the card itself is
// finished (lost, stolen, pick up, closed, invalid number or account, expired, revoked);
// Technical when nobody decided about the card (issuer or provider down, timeout, our own
// configuration or request); everything else is Soft. Codes in no row are Soft too.
constexpr std::array kRules{
    // AZUL IsoCodes with ResponseCode ISO8583 (docs/providers.md §6, §17).
    DeclineRule{Azul, "04", "", Hard, "card cancelled, pick up"},
    DeclineRule{Azul, "07", "", Hard, "pick up card, special condition (ISO 8583)"},
    DeclineRule{Azul, "14", "", Hard, "invalid card number"},
    DeclineRule{Azul, "41", "", Hard, "lost card, pick up (ISO 8583)"},
    DeclineRule{Azul, "43", "", Hard, "stolen card, pick up"},
    DeclineRule{Azul, "54", "", Hard, "expired card"},
    DeclineRule{Azul, "03", "", Soft, "invalid merchant (configuration; the provider layer alerts staff)"},
    DeclineRule{Azul, "05", "", Soft, "do not honor"},
    DeclineRule{Azul, "08", "", Soft, "cardholder not authenticated (3DS)"},
    DeclineRule{Azul, "12", "", Soft, "invalid transaction"},
    DeclineRule{Azul, "13", "", Soft, "invalid amount"},
    DeclineRule{Azul, "51", "", Soft, "insufficient funds"},
    DeclineRule{Azul, "57", "", Soft, "transaction not permitted to the cardholder"},
    DeclineRule{Azul, "59", "", Soft, "suspected fraud"},
    DeclineRule{Azul, "62", "", Soft, "restricted card"},
    DeclineRule{Azul, "63", "", Soft, "security violation"},
    DeclineRule{Azul, "82", "", Soft, "security block"},
    DeclineRule{Azul, "83", "", Soft, "declined"},
    DeclineRule{Azul, "91", "", Technical, "issuer unavailable"},
    DeclineRule{Azul, "96", "", Technical, "system malfunction (ISO 8583)"},
    DeclineRule{Azul, "99", "SGS-002303", Hard, "invalid card number"},
    DeclineRule{Azul, "99", "SGS-005002", Hard, "card brand not supported"},
    DeclineRule{Azul, "99", "SGS-005996", Hard, "card brand not supported"},
    DeclineRule{Azul, "99", "SGS-005101", Soft, "3DS authentication failed"},
    DeclineRule{Azul, "99", "SGS-007778", Technical, "not processed, please retry"},
    DeclineRule{Azul, "99", "SGS-030508", Technical, "timed out"},
    DeclineRule{Azul, "99", "", Soft, "general decline"},
    // AZUL ResponseCode Error (empty IsoCode), by ErrorDescription (docs/providers.md §5).
    DeclineRule{Azul, "", "DataVault TokenId", Hard, "stored card token expired or unknown"},
    DeclineRule{Azul, "", "VALIDATION_ERROR:ExpirationPassed", Hard, "expired card"},
    DeclineRule{Azul, "", "VALIDATION_ERROR", Technical, "request bug (our side)"},
    DeclineRule{Azul, "", "PARSING_ERROR", Technical, "request bug (our side)"},
    DeclineRule{Azul, "", "PROCESSING_ERROR", Technical, "processing error (ambiguous)"},
    DeclineRule{Azul, "", "FATAL_ERROR", Technical, "fatal error (ambiguous)"},
    DeclineRule{Azul, "", "WRONG TRANSACTION STATE", Technical, "repeat of a decided request (ambiguous)"},
    DeclineRule{Azul, "", "SGS-030508", Technical, "timed out"},
    DeclineRule{Azul, "", "SGS-007778", Technical, "not processed, please retry"},
    DeclineRule{Azul, "", "MISSING_AUTH_HEADER", Technical, "configuration"},
    DeclineRule{Azul, "", "INVALID_AUTH", Technical, "configuration"},
    DeclineRule{Azul, "", "DISABLED_PROFILE", Technical, "configuration"},
    DeclineRule{Azul, "", "INVALID_MERCHANTID", Technical, "configuration"},
    DeclineRule{Azul, "", "INVALID_CHANNEL", Technical, "configuration"},
    DeclineRule{Azul, "", "INVALID_VPN_IPADDRESS", Technical, "configuration"},
    DeclineRule{Azul, "", "INVALID_CLIENT_CERT", Technical, "configuration"},
    DeclineRule{Azul, "", "MISSING_CLIENT_CERT", Technical, "configuration"},
    DeclineRule{Azul, "", "SSL_OFF", Technical, "configuration"},
    DeclineRule{Azul, "", "INVALID_HTTP_METHOD", Technical, "configuration"},
    // Stripe decline_code, or the error's code without one (docs/providers.md §12, §17).
    DeclineRule{Stripe, "stolen_card", "", Hard, "stolen card"},
    DeclineRule{Stripe, "lost_card", "", Hard, "lost card"},
    DeclineRule{Stripe, "pickup_card", "", Hard, "pick up card"},
    DeclineRule{Stripe, "expired_card", "", Hard, "expired card"},
    DeclineRule{Stripe, "incorrect_number", "", Hard, "incorrect card number"},
    DeclineRule{Stripe, "invalid_number", "", Hard, "invalid card number"},
    DeclineRule{Stripe, "invalid_account", "", Hard, "card or account invalid"},
    DeclineRule{Stripe, "card_not_supported", "", Hard, "card does not support this purchase"},
    DeclineRule{Stripe, "new_account_information_available", "", Hard, "card replaced by the issuer"},
    DeclineRule{Stripe, "revocation_of_authorization", "", Hard, "cardholder revoked the recurring payment"},
    DeclineRule{Stripe, "revocation_of_all_authorizations", "", Hard, "cardholder revoked all recurring payments"},
    DeclineRule{Stripe, "stop_payment_order", "", Hard, "cardholder stopped this merchant's payments"},
    DeclineRule{Stripe, "insufficient_funds", "", Soft, "insufficient funds"},
    DeclineRule{Stripe, "generic_decline", "", Soft, "declined, no reason given"},
    DeclineRule{Stripe, "do_not_honor", "", Soft, "do not honor"},
    DeclineRule{Stripe, "try_again_later", "", Soft, "declined, try again later"},
    DeclineRule{Stripe, "card_declined", "", Soft, "declined (no decline_code)"},
    DeclineRule{Stripe, "call_issuer", "", Soft, "declined, cardholder should call the issuer"},
    DeclineRule{Stripe, "card_velocity_exceeded", "", Soft, "card limit exceeded"},
    DeclineRule{Stripe, "withdrawal_count_limit_exceeded", "", Soft, "card limit exceeded"},
    DeclineRule{Stripe, "card_decline_rate_limit_exceeded", "", Soft, "too many declines on this card"},
    DeclineRule{Stripe, "authentication_required", "", Soft, "issuer wants authentication"},
    DeclineRule{Stripe, "fraudulent", "", Soft, "suspected fraud"},
    DeclineRule{Stripe, "restricted_card", "", Soft, "restricted card"},
    DeclineRule{Stripe, "security_violation", "", Soft, "security violation"},
    DeclineRule{Stripe, "transaction_not_allowed", "", Soft, "transaction not allowed"},
    DeclineRule{Stripe, "not_permitted", "", Soft, "not permitted"},
    DeclineRule{Stripe, "service_not_allowed", "", Soft, "service not allowed"},
    DeclineRule{Stripe, "no_action_taken", "", Soft, "declined, no action taken"},
    DeclineRule{Stripe, "incorrect_cvc", "", Soft, "incorrect CVC"},
    DeclineRule{Stripe, "invalid_amount", "", Soft, "invalid amount"},
    DeclineRule{Stripe, "currency_not_supported", "", Soft, "currency not supported"},
    DeclineRule{Stripe, "duplicate_transaction", "", Soft, "duplicate transaction"},
    DeclineRule{Stripe, "processing_error", "", Technical, "processing error"},
    DeclineRule{Stripe, "issuer_not_available", "", Technical, "issuer unavailable"},
    DeclineRule{Stripe, "reenter_transaction", "", Technical, "issuer could not process, try again"},
    DeclineRule{Stripe, "lock_timeout", "", Technical, "object locked by another request"},
    DeclineRule{Stripe, "rate_limit", "", Technical, "too many requests"},
    DeclineRule{Stripe, "idempotency_key_in_use", "", Technical, "same key still in flight"},
};

bool sameCode(QStringView a, const char *b)
{
    return a.compare(QLatin1StringView(b), Qt::CaseInsensitive) == 0;
}

} // namespace

std::span<const DeclineRule> declineRules()
{
    return kRules;
}

const DeclineRule *findDeclineRule(PaymentProvider provider, QStringView code, QStringView detail)
{
    code = code.trimmed();
    detail = detail.trimmed();
    // The row for the code whose detail prefix is the longest that matches ("" matches any).
    const DeclineRule *best = nullptr;
    qsizetype bestLength = -1;
    for (const DeclineRule &rule : kRules) {
        if (rule.provider != provider || !sameCode(code, rule.code))
            continue;
        const QLatin1StringView prefix(rule.detailPrefix);
        if (provider == PaymentProvider::Stripe && !prefix.isEmpty())
            continue;
        const bool matches = prefix.isEmpty() || detail.startsWith(prefix, Qt::CaseInsensitive); // a null detail too
        if (matches && prefix.size() > bestLength) {
            best = &rule;
            bestLength = prefix.size();
        }
    }
    return best;
}

DeclineClass classifyDecline(PaymentProvider provider, QStringView code, QStringView detail)
{
    if (const DeclineRule *rule = findDeclineRule(provider, code, detail))
        return rule->declineClass;
    // No answer to judge (empty code, unknown error) is Technical; an unknown decline code is Soft.
    return code.trimmed().isEmpty() ? DeclineClass::Technical : DeclineClass::Soft;
}

QString declineClassName(DeclineClass declineClass)
{
    switch (declineClass) {
    case DeclineClass::Hard:
        return QStringLiteral("hard");
    case DeclineClass::Soft:
        return QStringLiteral("soft");
    case DeclineClass::Technical:
        return QStringLiteral("technical");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace okla::models
