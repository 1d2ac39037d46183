#pragma once

#include <optional>

#include <QString>

#include "services/billing/executorproviders.h"
#include "services/billing/provideranswer.h"

namespace okla::services {

class BillingRecords;
class ResilienceManager;

/// One refund as the executor works on it: the row and the payment it returns money from.
struct RefundRow
{
    QString id;                 ///< refunds.id: the key everywhere (docs/idempotency.md §2)
    QString state;
    qint64 requestedBy = 0;
    qint64 paymentId = 0;
    qint64 dealerId = 0;
    QString provider;           ///< the capturing provider: refunds never change provider
    QString currency;
    qint64 amountMinor = 0;
    QString reason;
    bool isVoid = false;        ///< AZUL void instead of refund (decided in the intent phase)
    bool voidAllowed = false;   ///< full amount, nothing else refunded, within the void window
    qint64 capturedMinor = 0;
    qint64 paymentItbisMinor = 0;
    QString azulOrderId, saleCustomOrderId, stripeChargeId, stripePaymentIntentId;
};

/// The provider side of a refund (docs/idempotency.md §14): Stripe with the refund's UUID as
/// Idempotency-Key and metadata[okla_id]; AZUL Refund with per-attempt CustomOrderIds verified
/// before any resend, or a Void (verified through the sale's CustomOrderId after a crash).
class RefundProvider
{
public:
    RefundProvider(ResilienceManager &resilience, ExecutorProviders providers, BillingRecords &records)
        : m_resilience(resilience), m_providers(providers), m_records(records) {}

    /// Sends the refund; @p resumed: a crashed run may have sent it already.
    ProviderAnswer execute(const RefundRow &refund, bool resumed);
    /// What the provider knows of an `unknown` refund, without sending any refund: Succeeded or
    /// Failed when it can tell, nullopt when it still cannot.
    std::optional<ProviderAnswer> lookUp(const RefundRow &refund);

private:
    ProviderAnswer stripeRefund(const RefundRow &refund);
    ProviderAnswer azulRefund(const RefundRow &refund, bool resumed);
    ProviderAnswer azulVoid(const RefundRow &refund, bool resumed);
    std::optional<ProviderAnswer> stripeLookUp(const RefundRow &refund);
    std::optional<ProviderAnswer> azulRefundLookUp(const RefundRow &refund);
    /// VerifyPayment of the sale: Succeeded when AZUL shows it voided, Failed when it shows the
    /// sale still standing, nullopt when AZUL could not say.
    std::optional<ProviderAnswer> azulVoidLookUp(const RefundRow &refund);

    ResilienceManager &m_resilience;
    ExecutorProviders m_providers;
    BillingRecords &m_records;
};

} // namespace okla::services
