#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "models/result.h"
#include "services/providers/azul/azulpaymentflow.h"

namespace okla::services {

class PgConnection;
struct ProviderAnswer;

/// Whose provider requests these are: a charge (charges.id) or a refund (refunds.id).
struct RequestOwner
{
    enum class Kind { Charge, Refund };
    Kind kind = Kind::Charge;
    QString id;

    static RequestOwner charge(qint64 chargeId) { return {Kind::Charge, QString::number(chargeId)}; }
    static RequestOwner refund(const QString &refundId) { return {Kind::Refund, refundId}; }
};

/// The rows the executors write besides the charge or refund itself: provider requests
/// (docs/idempotency.md §9), outbox messages (§11) and dealer notices (docs/domain.md §23).
class BillingRecords
{
public:
    explicit BillingRecords(PgConnection &db) : m_db(db) {}

    /// One provider request, written before it is sent. A CustomOrderId already recorded (the
    /// intent phase wrote attempt 1) is kept as it is.
    models::Status recordRequest(const RequestOwner &owner, const QString &provider, const QString &operation,
                                 int attemptNo, const QString &customOrderId, const QString &idempotencyKey,
                                 const QString &host);
    /// The AZUL flow's hook that records each attempt id of @p owner before it is sent. The flow
    /// must finish before this object goes.
    azul::AzulPaymentFlow::RecordFn azulRecorder(const RequestOwner &owner, const QString &operation, const QString &host);
    /// The AZUL attempt ids recorded so far, in order: a resumed run verifies them before any resend.
    models::Result<QStringList> attemptIds(const RequestOwner &owner);
    /// Writes the provider's answer on the owner's pending requests.
    models::Status settleRequests(const RequestOwner &owner, const ProviderAnswer &answer);

    /// An outbox row, in the caller's transaction (the relay publishes it).
    models::Status outbox(const QString &eventType, const QJsonObject &payload);
    /// A dealer notice, exactly once per @p eventKey, in the dealer's language, to the dealer's
    /// e-mail address (push when there is none).
    models::Status notify(qint64 dealerId, const QString &kind, const QString &eventKey, const QJsonObject &data);

private:
    QString ownerColumn(const RequestOwner &owner) const;
    PgConnection &m_db;
};

} // namespace okla::services
