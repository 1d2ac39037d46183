#include "services/providers/stripe/stripeoperations.h"

#include "services/resilience/resiliencemanager.h"

namespace okla::services::stripe {

QFuture<CallResult<StripeOutcome>> StripeOperations::call(const StripeRequest &request)
{
    // Fix the key once, here, so that every attempt of this call carries it.
    StripeRequest prepared = request;
    if (prepared.method == "POST" && prepared.idempotencyKey.isEmpty())
        prepared.idempotencyKey = StripeClient::newIdempotencyKey();
    const OperationKey key{QStringLiteral("stripe"), prepared.operation, {}};
    return ResilientCall::run<StripeOutcome>(
        m_manager, CallOptions(key), [this, prepared](int) { return m_client.send(prepared); },
        [](const StripeOutcome &o) { return o.toAttemptReport(); });
}

} // namespace okla::services::stripe
