#pragma once

#include <QFuture>

#include "services/providers/stripe/stripeclient.h"
#include "services/resilience/resilientcall.h"

namespace okla::services {
class ResilienceManager;
}

namespace okla::services::stripe {

/// Stripe calls as the worker makes them: one prepared StripeRequest sent under
/// services/resilience (Stripe retry policy of docs/resilience.md §3, breaker `stripe.<operation>`,
/// shared rate limit). Every retry resends the SAME request, so a POST keeps its Idempotency-Key.
/// Must be called on a service thread with an event loop.
class StripeOperations
{
public:
    StripeOperations(StripeClient &client, ResilienceManager &manager) : m_client(client), m_manager(manager) {}

    QFuture<CallResult<StripeOutcome>> call(const StripeRequest &request);

    /// docs/idempotency.md §6: the OKLA refund row's uuid is the key and metadata[okla_id].
    QFuture<CallResult<StripeOutcome>> createRefund(const QString &oklaRefundId, const QString &chargeId,
                                                    const QString &paymentIntentId, const std::optional<models::Money> &amount,
                                                    const QString &reason = {})
    {
        return call(StripeClient::createRefund(oklaRefundId, chargeId, paymentIntentId, amount, reason));
    }

private:
    StripeClient &m_client;
    ResilienceManager &m_manager;
};

} // namespace okla::services::stripe
