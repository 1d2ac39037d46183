#pragma once

#include <QDate>
#include <QString>

#include "models/billing/declineclass.h"
#include "models/result.h"

namespace okla::services {

/// What one charge of an invoice came to (docs/idempotency.md §4, docs/domain.md §21).
struct ChargeOutcome
{
    enum class Kind {
        Succeeded, ///< money captured; payment, invoice and subscription settled
        Declined,  ///< the provider said no; `declineClass` says whether dunning may retry
        Unknown,   ///< nobody knows yet (timeout after sending): reconciliation decides, never resent blindly
        Skipped,   ///< nothing to charge (invoice already paid, voided, or a live charge exists)
    };
    Kind kind = Kind::Skipped;
    qint64 chargeId = 0;         ///< charges.id of this attempt (0 when Skipped)
    QString provider;            ///< "azul" or "stripe"
    QString declineCode;         ///< provider's code when Declined
    models::DeclineClass declineClass = models::DeclineClass::Soft;
};

/// Charges one issued invoice once: the seam between the renewal scheduler / dunning (which decide
/// *when*) and the charge executor (which decides *how*, through the idempotency phases). Calling it
/// again for the same invoice and attempt never makes a second provider effect.
class InvoiceCharger
{
public:
    virtual ~InvoiceCharger() = default;
    /// `attemptNo` starts at 1 for the renewal and grows with every dunning retry; `businessDate`
    /// is the Santo Domingo day the charge belongs to.
    virtual models::Result<ChargeOutcome> chargeInvoice(qint64 invoiceId, int attemptNo, QDate businessDate) = 0;
};

} // namespace okla::services
