#pragma once

#include <QJsonObject>
#include <QString>

#include "models/billing/declineclass.h"

namespace okla::services::azul {
struct AzulFlowResult;
struct AzulOutcome;
}
namespace okla::services::stripe {
struct StripeOutcome;
}

namespace okla::services {

template<typename Outcome>
struct CallResult;

/// What a provider said about one charge or refund, reduced to what the executors record in the
/// `provider_done` phase (docs/idempotency.md §4, §7). Saved in the idempotency key's response, so
/// the `finished` phase can complete it after a crash without asking the provider again.
struct ProviderAnswer
{
    enum class State {
        Succeeded, ///< money moved
        Failed,    ///< the provider certainly did nothing (declined, refused, never sent)
        Unknown,   ///< it may have: reconciliation decides, never resent blindly
    };
    State state = State::Unknown;
    bool neverSent = false;      ///< nothing left this process (breaker open, refused locally)
    QString declineCode;         ///< AZUL IsoCode, Stripe decline_code or error code
    QString declineDetail;       ///< AZUL ErrorDescription (narrows the decline class)
    QString message;             ///< provider's or transport's text, for engineers (no card numbers)
    QString customOrderId;       ///< AZUL: the attempt that succeeded
    QString azulOrderId, rrn, authorizationCode;
    QString stripePaymentIntentId, stripeChargeId, stripeRefundId, requestId;
    QString cardBrand, cardLast4;

    QString stateName() const;   ///< succeeded, failed, unknown (the charges'/refunds' state)
    models::DeclineClass declineClass(const QString &provider) const;
    QJsonObject toJson() const;
    static ProviderAnswer fromJson(const QJsonObject &object);

    /// Unknown because we cannot even tell what was sent (the attempts could not be read):
    /// reconciliation decides, nothing is sent.
    static ProviderAnswer undetermined(const QString &why)
    {
        ProviderAnswer a;
        a.message = why;
        return a;
    }
    /// An AZUL money-moving flow run through services/resilience.
    static ProviderAnswer fromAzulFlow(const CallResult<azul::AzulFlowResult> &call);
    /// A single AZUL request (a void) run through services/resilience.
    static ProviderAnswer fromAzulOnce(const CallResult<azul::AzulOutcome> &call);
    /// A Stripe POST (payment intent or refund) run through services/resilience.
    static ProviderAnswer fromStripe(const CallResult<stripe::StripeOutcome> &call);
};

} // namespace okla::services
