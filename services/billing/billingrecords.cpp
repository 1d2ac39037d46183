#include "services/billing/billingrecords.h"

#include <QJsonDocument>

#include "services/billing/provideranswer.h"
#include "services/billing/sqlvalues.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using models::Result;
using models::Status;

namespace {

Status statusOf(const Result<PgResult> &result)
{
    return result ? Status() : Status(result.error());
}

} // namespace

QString BillingRecords::ownerColumn(const RequestOwner &owner) const
{
    return owner.kind == RequestOwner::Kind::Charge ? QStringLiteral("charge_id") : QStringLiteral("refund_id");
}

Status BillingRecords::recordRequest(const RequestOwner &owner, const QString &provider, const QString &operation,
                                     int attemptNo, const QString &customOrderId, const QString &idempotencyKey,
                                     const QString &host)
{
    const QString cast = owner.kind == RequestOwner::Kind::Charge ? QStringLiteral("bigint") : QStringLiteral("uuid");
    return statusOf(m_db.exec(QStringLiteral("INSERT INTO provider_requests (%1, provider, operation, attempt_no, custom_order_id, "
                                             "idempotency_key, host) VALUES ($1::%2, $2, $3, $4, $5, $6, $7) "
                                             "ON CONFLICT (custom_order_id) DO NOTHING")
                                  .arg(ownerColumn(owner), cast),
                              {owner.id, provider, operation, attemptNo, nullIfEmpty(customOrderId), nullIfEmpty(idempotencyKey),
                               host}));
}

azul::AzulPaymentFlow::RecordFn BillingRecords::azulRecorder(const RequestOwner &owner, const QString &operation,
                                                             const QString &host)
{
    return [this, owner, operation, host](const QString &customOrderId, int number) {
        return QtFuture::makeReadyFuture(recordRequest(owner, QStringLiteral("azul"), operation, number, customOrderId, {}, host));
    };
}

Result<QStringList> BillingRecords::attemptIds(const RequestOwner &owner)
{
    auto rows = m_db.exec(QStringLiteral("SELECT custom_order_id FROM provider_requests WHERE %1::text = $1 "
                                         "AND custom_order_id IS NOT NULL ORDER BY attempt_no, id")
                              .arg(ownerColumn(owner)),
                          {owner.id});
    if (!rows)
        return rows.error();
    QStringList ids;
    for (int row = 0; row < rows->rows(); ++row)
        ids << rows->text(row, 0);
    return ids;
}

Status BillingRecords::settleRequests(const RequestOwner &owner, const ProviderAnswer &answer)
{
    QString outcome;
    switch (answer.state) {
    case ProviderAnswer::State::Succeeded: outcome = QStringLiteral("approved"); break;
    case ProviderAnswer::State::Failed: outcome = answer.neverSent ? QStringLiteral("error") : QStringLiteral("declined"); break;
    case ProviderAnswer::State::Unknown: outcome = QStringLiteral("ambiguous"); break;
    }
    // The approved AZUL attempt is the one named; the others found nothing.
    return statusOf(m_db.exec(QStringLiteral("UPDATE provider_requests SET "
                                             " outcome = CASE WHEN $2::text = 'approved' AND coalesce($3::text, '') <> '' AND custom_order_id IS DISTINCT FROM $3::text "
                                             "                THEN 'not_found' ELSE $2::text END,"
                                             " iso_code = $4, error_description = left($5, 500), azul_order_id = $6, request_id = $7,"
                                             " finished_at = now() "
                                             "WHERE %1::text = $1 AND outcome = 'pending'")
                                  .arg(ownerColumn(owner)),
                              {owner.id, outcome, answer.customOrderId, nullIfEmpty(answer.declineCode),
                               nullIfEmpty(answer.message), nullIfEmpty(answer.azulOrderId), nullIfEmpty(answer.requestId)}));
}

Status BillingRecords::outbox(const QString &eventType, const QJsonObject &payload)
{
    return statusOf(m_db.exec(QStringLiteral("INSERT INTO outbox (event_type, payload) VALUES ($1, $2::jsonb)"),
                              {eventType, jsonText(payload)}));
}

Status BillingRecords::notify(qint64 dealerId, const QString &kind, const QString &eventKey, const QJsonObject &data)
{
    static const QString kEmail = QStringLiteral("'^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'");
    return statusOf(m_db.exec(QStringLiteral("INSERT INTO notifications (dealer_id, kind, language, channel, recipient, data, event_key) "
                                             "SELECT id, $2, language, CASE WHEN email ~ %1 THEN 'email' ELSE 'push' END, "
                                             "       CASE WHEN email ~ %1 THEN email END, $3::jsonb, $4 "
                                             "FROM dealers WHERE id = $1 ON CONFLICT (event_key) DO NOTHING")
                                  .arg(kEmail),
                              {dealerId, kind, jsonText(data), eventKey}));
}

} // namespace okla::services
