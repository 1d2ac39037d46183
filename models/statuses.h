#pragma once

#include <optional>
#include <span>
#include <type_traits>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace okla::models {

// The statuses of docs/domain.md §10 and docs/idempotency.md §7. Each enum has ONE table in
// statuses.cpp (value, database name, English label); toDb/fromDb/label/allValues below are
// generic over those tables, so adding a value is one line in one place.

enum class DealerVerificationStatus { Pending, UnderReview, Verified, Rejected, Suspended };
enum class DealerType { Independent, Franchise, MultiLocation, OnlineOnly, Wholesale };
enum class SubscriptionStatus { Trial, Active, PastDue, Cancelled, Suspended, Expired };
enum class PlanChangeType { Upgrade, Downgrade, Cancel, Reactivate, TrialToActive };
enum class CancellationReason {
    TooExpensive,
    NotEnoughValue,
    SwitchedCompetitor,
    TechnicalIssues,
    BusinessClosed,
    NotUsingEnough,
    SeasonalPause,
    PoorSupport,
    MissingFeatures,
    Other,
};
enum class PaymentStatus { Pending, Processing, Succeeded, Failed, Refunded, PartiallyRefunded, Disputed };
enum class InvoiceStatus { Draft, Issued, Sent, Paid, PartiallyPaid, Overdue, Cancelled, Voided };
/// The console's own refund workflow (approval steps + the provider request states).
enum class RefundStatus {
    Requested,
    AwaitingApproval,
    Approved,
    Submitting,
    Succeeded,
    Failed,
    Unknown,
    Reconciled,
    Rejected,
};
/// A charge or a provider request (docs/idempotency.md §7): submitting -> succeeded | failed | unknown -> reconciled.
enum class ProviderRequestState { Submitting, Succeeded, Failed, Unknown, Reconciled };
enum class PaymentProvider { Azul, Stripe };
enum class BillingCycle { Monthly, Quarterly, Yearly };
/// Reconciliation discrepancy types (docs/domain.md §16).
enum class DiscrepancyType {
    PaymentWithoutRecord,
    SubscriptionWithoutPayment,
    AmountMismatch,
    OrphanedStripeCustomer,
    StatusMismatch,
    PaymentStatusMismatch,
    StripeSubscriptionWithoutRecord,
};

/// One row of a status table. The label is a QT_TRANSLATE_NOOP3 pair so that lupdate extracts
/// it; the comment disambiguates identical English words across enums ("Cancelled" is
/// "Cancelada" for a subscription but may differ elsewhere in Spanish).
template<typename E>
struct StatusEntry
{
    E value;
    const char *db;
    struct
    {
        const char *source;
        const char *comment;
    } label;
};

template<typename E>
inline constexpr bool isStatusEnum = false;

template<typename E>
concept StatusEnum = isStatusEnum<E>;

/// The table of one enum; specialised (and defined) in statuses.cpp for each enum below.
template<typename E>
std::span<const StatusEntry<E>> statusEntries();

#define OKLA_DECLARE_STATUS_ENUM(E)                                                                                    \
    template<>                                                                                                         \
    inline constexpr bool isStatusEnum<E> = true;                                                                      \
    template<>                                                                                                         \
    std::span<const StatusEntry<E>> statusEntries<E>();

OKLA_DECLARE_STATUS_ENUM(DealerVerificationStatus)
OKLA_DECLARE_STATUS_ENUM(DealerType)
OKLA_DECLARE_STATUS_ENUM(SubscriptionStatus)
OKLA_DECLARE_STATUS_ENUM(PlanChangeType)
OKLA_DECLARE_STATUS_ENUM(CancellationReason)
OKLA_DECLARE_STATUS_ENUM(PaymentStatus)
OKLA_DECLARE_STATUS_ENUM(InvoiceStatus)
OKLA_DECLARE_STATUS_ENUM(RefundStatus)
OKLA_DECLARE_STATUS_ENUM(ProviderRequestState)
OKLA_DECLARE_STATUS_ENUM(PaymentProvider)
OKLA_DECLARE_STATUS_ENUM(BillingCycle)
OKLA_DECLARE_STATUS_ENUM(DiscrepancyType)
#undef OKLA_DECLARE_STATUS_ENUM

namespace detail {
template<StatusEnum E>
const StatusEntry<E> *findEntry(E value)
{
    for (const StatusEntry<E> &entry : statusEntries<E>()) {
        if (entry.value == value)
            return &entry;
    }
    Q_ASSERT_X(false, "statuses", "enum value missing from its table in statuses.cpp");
    return nullptr;
}
} // namespace detail

/// The lower snake case name stored in PostgreSQL, e.g. "awaiting_approval".
template<StatusEnum E>
QString toDb(E value)
{
    const StatusEntry<E> *entry = detail::findEntry(value);
    return entry ? QString::fromLatin1(entry->db) : QString();
}

/// The value for a database name; nullopt for anything unknown (exact, case-sensitive match).
template<StatusEnum E>
std::optional<E> fromDb(QStringView db)
{
    for (const StatusEntry<E> &entry : statusEntries<E>()) {
        if (db == QLatin1StringView(entry.db))
            return entry.value;
    }
    return std::nullopt;
}

/// The label people see, translated in context "okla.status".
template<StatusEnum E>
QString label(E value)
{
    const StatusEntry<E> *entry = detail::findEntry(value);
    return entry ? QCoreApplication::translate("okla.status", entry->label.source, entry->label.comment) : QString();
}

/// Every value in declaration order (for combo boxes, filters, tests).
template<StatusEnum E>
QList<E> allValues()
{
    QList<E> values;
    for (const StatusEntry<E> &entry : statusEntries<E>())
        values << entry.value;
    return values;
}

/// Every database name, e.g. for a CHECK constraint or a SQL filter.
template<StatusEnum E>
QStringList dbValues()
{
    QStringList values;
    for (const StatusEntry<E> &entry : statusEntries<E>())
        values << QString::fromLatin1(entry.db);
    return values;
}

} // namespace okla::models
