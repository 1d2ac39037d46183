#include "statuses.h"

#include <array>

// One table per enum: the value, its database name (lower snake case, as OKLA's backend stores
// it) and its English label. toDb/fromDb/label in statuses.h are generic over these tables.
// Labels are QT_TRANSLATE_NOOP3 so lupdate extracts them with the enum as disambiguation.

namespace okla::models {

namespace {

constexpr std::array<StatusEntry<DealerVerificationStatus>, 5> kDealerVerificationStatus{{
    {DealerVerificationStatus::Pending, "pending", QT_TRANSLATE_NOOP3("okla.status", "Pending", "dealer verification")},
    {DealerVerificationStatus::UnderReview, "under_review", QT_TRANSLATE_NOOP3("okla.status", "Under review", "dealer verification")},
    {DealerVerificationStatus::Verified, "verified", QT_TRANSLATE_NOOP3("okla.status", "Verified", "dealer verification")},
    {DealerVerificationStatus::Rejected, "rejected", QT_TRANSLATE_NOOP3("okla.status", "Rejected", "dealer verification")},
    {DealerVerificationStatus::Suspended, "suspended", QT_TRANSLATE_NOOP3("okla.status", "Suspended", "dealer verification")},
}};

constexpr std::array<StatusEntry<DealerType>, 5> kDealerType{{
    {DealerType::Independent, "independent", QT_TRANSLATE_NOOP3("okla.status", "Independent", "dealer type")},
    {DealerType::Franchise, "franchise", QT_TRANSLATE_NOOP3("okla.status", "Franchise", "dealer type")},
    {DealerType::MultiLocation, "multi_location", QT_TRANSLATE_NOOP3("okla.status", "Multi-location", "dealer type")},
    {DealerType::OnlineOnly, "online_only", QT_TRANSLATE_NOOP3("okla.status", "Online only", "dealer type")},
    {DealerType::Wholesale, "wholesale", QT_TRANSLATE_NOOP3("okla.status", "Wholesale", "dealer type")},
}};

constexpr std::array<StatusEntry<SubscriptionStatus>, 6> kSubscriptionStatus{{
    {SubscriptionStatus::Trial, "trial", QT_TRANSLATE_NOOP3("okla.status", "Trial", "subscription")},
    {SubscriptionStatus::Active, "active", QT_TRANSLATE_NOOP3("okla.status", "Active", "subscription")},
    {SubscriptionStatus::PastDue, "past_due", QT_TRANSLATE_NOOP3("okla.status", "Past due", "subscription")},
    {SubscriptionStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP3("okla.status", "Cancelled", "subscription")},
    {SubscriptionStatus::Suspended, "suspended", QT_TRANSLATE_NOOP3("okla.status", "Suspended", "subscription")},
    {SubscriptionStatus::Expired, "expired", QT_TRANSLATE_NOOP3("okla.status", "Expired", "subscription")},
}};

constexpr std::array<StatusEntry<PlanChangeType>, 5> kPlanChangeType{{
    {PlanChangeType::Upgrade, "upgrade", QT_TRANSLATE_NOOP3("okla.status", "Upgrade", "plan change")},
    {PlanChangeType::Downgrade, "downgrade", QT_TRANSLATE_NOOP3("okla.status", "Downgrade", "plan change")},
    {PlanChangeType::Cancel, "cancel", QT_TRANSLATE_NOOP3("okla.status", "Cancel", "plan change")},
    {PlanChangeType::Reactivate, "reactivate", QT_TRANSLATE_NOOP3("okla.status", "Reactivate", "plan change")},
    {PlanChangeType::TrialToActive, "trial_to_active", QT_TRANSLATE_NOOP3("okla.status", "Trial to active", "plan change")},
}};

constexpr std::array<StatusEntry<CancellationReason>, 10> kCancellationReason{{
    {CancellationReason::TooExpensive, "too_expensive", QT_TRANSLATE_NOOP3("okla.status", "Too expensive", "cancellation reason")},
    {CancellationReason::NotEnoughValue, "not_enough_value", QT_TRANSLATE_NOOP3("okla.status", "Not enough value", "cancellation reason")},
    {CancellationReason::SwitchedCompetitor, "switched_competitor", QT_TRANSLATE_NOOP3("okla.status", "Switched to a competitor", "cancellation reason")},
    {CancellationReason::TechnicalIssues, "technical_issues", QT_TRANSLATE_NOOP3("okla.status", "Technical issues", "cancellation reason")},
    {CancellationReason::BusinessClosed, "business_closed", QT_TRANSLATE_NOOP3("okla.status", "Business closed", "cancellation reason")},
    {CancellationReason::NotUsingEnough, "not_using_enough", QT_TRANSLATE_NOOP3("okla.status", "Not using it enough", "cancellation reason")},
    {CancellationReason::SeasonalPause, "seasonal_pause", QT_TRANSLATE_NOOP3("okla.status", "Seasonal pause", "cancellation reason")},
    {CancellationReason::PoorSupport, "poor_support", QT_TRANSLATE_NOOP3("okla.status", "Poor support", "cancellation reason")},
    {CancellationReason::MissingFeatures, "missing_features", QT_TRANSLATE_NOOP3("okla.status", "Missing features", "cancellation reason")},
    {CancellationReason::Other, "other", QT_TRANSLATE_NOOP3("okla.status", "Other", "cancellation reason")},
}};

constexpr std::array<StatusEntry<PaymentStatus>, 7> kPaymentStatus{{
    {PaymentStatus::Pending, "pending", QT_TRANSLATE_NOOP3("okla.status", "Pending", "payment")},
    {PaymentStatus::Processing, "processing", QT_TRANSLATE_NOOP3("okla.status", "Processing", "payment")},
    {PaymentStatus::Succeeded, "succeeded", QT_TRANSLATE_NOOP3("okla.status", "Succeeded", "payment")},
    {PaymentStatus::Failed, "failed", QT_TRANSLATE_NOOP3("okla.status", "Failed", "payment")},
    {PaymentStatus::Refunded, "refunded", QT_TRANSLATE_NOOP3("okla.status", "Refunded", "payment")},
    {PaymentStatus::PartiallyRefunded, "partially_refunded", QT_TRANSLATE_NOOP3("okla.status", "Partially refunded", "payment")},
    {PaymentStatus::Disputed, "disputed", QT_TRANSLATE_NOOP3("okla.status", "Disputed", "payment")},
}};

constexpr std::array<StatusEntry<InvoiceStatus>, 8> kInvoiceStatus{{
    {InvoiceStatus::Draft, "draft", QT_TRANSLATE_NOOP3("okla.status", "Draft", "invoice")},
    {InvoiceStatus::Issued, "issued", QT_TRANSLATE_NOOP3("okla.status", "Issued", "invoice")},
    {InvoiceStatus::Sent, "sent", QT_TRANSLATE_NOOP3("okla.status", "Sent", "invoice")},
    {InvoiceStatus::Paid, "paid", QT_TRANSLATE_NOOP3("okla.status", "Paid", "invoice")},
    {InvoiceStatus::PartiallyPaid, "partially_paid", QT_TRANSLATE_NOOP3("okla.status", "Partially paid", "invoice")},
    {InvoiceStatus::Overdue, "overdue", QT_TRANSLATE_NOOP3("okla.status", "Overdue", "invoice")},
    {InvoiceStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP3("okla.status", "Cancelled", "invoice")},
    {InvoiceStatus::Voided, "voided", QT_TRANSLATE_NOOP3("okla.status", "Voided", "invoice")},
}};

constexpr std::array<StatusEntry<RefundStatus>, 9> kRefundStatus{{
    {RefundStatus::Requested, "requested", QT_TRANSLATE_NOOP3("okla.status", "Requested", "refund")},
    {RefundStatus::AwaitingApproval, "awaiting_approval", QT_TRANSLATE_NOOP3("okla.status", "Awaiting approval", "refund")},
    {RefundStatus::Approved, "approved", QT_TRANSLATE_NOOP3("okla.status", "Approved", "refund")},
    {RefundStatus::Submitting, "submitting", QT_TRANSLATE_NOOP3("okla.status", "Submitting", "refund")},
    {RefundStatus::Succeeded, "succeeded", QT_TRANSLATE_NOOP3("okla.status", "Succeeded", "refund")},
    {RefundStatus::Failed, "failed", QT_TRANSLATE_NOOP3("okla.status", "Failed", "refund")},
    {RefundStatus::Unknown, "unknown", QT_TRANSLATE_NOOP3("okla.status", "Unknown", "refund")},
    {RefundStatus::Reconciled, "reconciled", QT_TRANSLATE_NOOP3("okla.status", "Reconciled", "refund")},
    {RefundStatus::Rejected, "rejected", QT_TRANSLATE_NOOP3("okla.status", "Rejected", "refund")},
}};

constexpr std::array<StatusEntry<ProviderRequestState>, 5> kProviderRequestState{{
    {ProviderRequestState::Submitting, "submitting", QT_TRANSLATE_NOOP3("okla.status", "Submitting", "provider request")},
    {ProviderRequestState::Succeeded, "succeeded", QT_TRANSLATE_NOOP3("okla.status", "Succeeded", "provider request")},
    {ProviderRequestState::Failed, "failed", QT_TRANSLATE_NOOP3("okla.status", "Failed", "provider request")},
    {ProviderRequestState::Unknown, "unknown", QT_TRANSLATE_NOOP3("okla.status", "Unknown", "provider request")},
    {ProviderRequestState::Reconciled, "reconciled", QT_TRANSLATE_NOOP3("okla.status", "Reconciled", "provider request")},
}};

constexpr std::array<StatusEntry<PaymentProvider>, 2> kPaymentProvider{{
    {PaymentProvider::Azul, "azul", QT_TRANSLATE_NOOP3("okla.status", "AZUL", "payment provider")},
    {PaymentProvider::Stripe, "stripe", QT_TRANSLATE_NOOP3("okla.status", "Stripe", "payment provider")},
}};

constexpr std::array<StatusEntry<BillingCycle>, 3> kBillingCycle{{
    {BillingCycle::Monthly, "monthly", QT_TRANSLATE_NOOP3("okla.status", "Monthly", "billing cycle")},
    {BillingCycle::Quarterly, "quarterly", QT_TRANSLATE_NOOP3("okla.status", "Quarterly", "billing cycle")},
    {BillingCycle::Yearly, "yearly", QT_TRANSLATE_NOOP3("okla.status", "Yearly", "billing cycle")},
}};

constexpr std::array<StatusEntry<DiscrepancyType>, 7> kDiscrepancyType{{
    {DiscrepancyType::PaymentWithoutRecord, "payment_without_record", QT_TRANSLATE_NOOP3("okla.status", "Payment without record", "reconciliation discrepancy")},
    {DiscrepancyType::SubscriptionWithoutPayment, "subscription_without_payment", QT_TRANSLATE_NOOP3("okla.status", "Subscription without payment", "reconciliation discrepancy")},
    {DiscrepancyType::AmountMismatch, "amount_mismatch", QT_TRANSLATE_NOOP3("okla.status", "Amount mismatch", "reconciliation discrepancy")},
    {DiscrepancyType::OrphanedStripeCustomer, "orphaned_stripe_customer", QT_TRANSLATE_NOOP3("okla.status", "Orphaned Stripe customer", "reconciliation discrepancy")},
    {DiscrepancyType::StatusMismatch, "status_mismatch", QT_TRANSLATE_NOOP3("okla.status", "Status mismatch", "reconciliation discrepancy")},
    {DiscrepancyType::PaymentStatusMismatch, "payment_status_mismatch", QT_TRANSLATE_NOOP3("okla.status", "Payment status mismatch", "reconciliation discrepancy")},
    {DiscrepancyType::StripeSubscriptionWithoutRecord, "stripe_subscription_without_record", QT_TRANSLATE_NOOP3("okla.status", "Stripe subscription without record", "reconciliation discrepancy")},
}};

} // namespace

template<>
std::span<const StatusEntry<DealerVerificationStatus>> statusEntries<DealerVerificationStatus>()
{
    return kDealerVerificationStatus;
}

template<>
std::span<const StatusEntry<DealerType>> statusEntries<DealerType>()
{
    return kDealerType;
}

template<>
std::span<const StatusEntry<SubscriptionStatus>> statusEntries<SubscriptionStatus>()
{
    return kSubscriptionStatus;
}

template<>
std::span<const StatusEntry<PlanChangeType>> statusEntries<PlanChangeType>()
{
    return kPlanChangeType;
}

template<>
std::span<const StatusEntry<CancellationReason>> statusEntries<CancellationReason>()
{
    return kCancellationReason;
}

template<>
std::span<const StatusEntry<PaymentStatus>> statusEntries<PaymentStatus>()
{
    return kPaymentStatus;
}

template<>
std::span<const StatusEntry<InvoiceStatus>> statusEntries<InvoiceStatus>()
{
    return kInvoiceStatus;
}

template<>
std::span<const StatusEntry<RefundStatus>> statusEntries<RefundStatus>()
{
    return kRefundStatus;
}

template<>
std::span<const StatusEntry<ProviderRequestState>> statusEntries<ProviderRequestState>()
{
    return kProviderRequestState;
}

template<>
std::span<const StatusEntry<PaymentProvider>> statusEntries<PaymentProvider>()
{
    return kPaymentProvider;
}

template<>
std::span<const StatusEntry<BillingCycle>> statusEntries<BillingCycle>()
{
    return kBillingCycle;
}

template<>
std::span<const StatusEntry<DiscrepancyType>> statusEntries<DiscrepancyType>()
{
    return kDiscrepancyType;
}

} // namespace okla::models
