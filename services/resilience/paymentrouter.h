#pragma once

#include <QString>

#include <optional>

#include "models/result.h"

namespace okla::services {

class BreakerRegistry;

/// Chooses the provider for a charge or refund (docs/resilience.md §10, docs/domain.md §13). Pure logic.
class PaymentRouter
{
public:
    enum class Provider { Azul, Stripe };
    static QString providerName(Provider provider); ///< "azul" | "stripe"

    /// State of this charge's latest AZUL attempt, if any.
    enum class AzulAttempt {
        None,      ///< no AZUL attempt yet
        Failed,    ///< AZUL certainly did nothing (never sent, or breaker open before sending)
        Unknown,   ///< ambiguous, not yet resolved: NEVER route elsewhere
        Succeeded, ///< already charged
    };

    struct Request
    {
        enum class Kind { NewCharge, Refund };
        Kind kind = Kind::NewCharge;
        QString currency;                         ///< invoice / payment currency: "DOP" | "USD"
        bool azulSaleBreakerOpen = false;         ///< state of `azul.sale@<host>`
        AzulAttempt azulAttempt = AzulAttempt::None;
        bool dealerHasStripePaymentMethod = false;
        std::optional<Provider> capturingProvider; ///< refunds: who captured the payment
    };

    struct Decision
    {
        Provider provider = Provider::Azul;
        QString currency;  ///< charged in the invoice's currency, also on fallback
        bool fallback = false;
        QString reason;    ///< short English reason for logs/audit
    };

    /// Error codes: routing.refund_without_provider, routing.currency_unsupported,
    /// routing.already_charged, routing.unknown_pending, routing.azul_unavailable.
    static models::Result<Decision> route(const Request &request);
    /// "AZUL's breaker" for routing: this process's `azul.sale@<host>` breaker (primary host) is
    /// open. Half-open is not: a new charge must be able to become the probe that closes it (if
    /// the probe slot is taken, the call is refused unsent and the charge is then `Failed`).
    static bool azulSaleBreakerOpen(const BreakerRegistry &breakers, const QString &primaryHost = QStringLiteral("pagos"));
};

} // namespace okla::services
