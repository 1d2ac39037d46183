// Findings into reconciliation_discrepancies, each once (docs/worker.md §14).
#include "services/reconciliation/discrepancyrecorder.h"

#include "services/billing/sqlvalues.h"
#include "services/database/pgconnection.h"

namespace okla::services {

namespace {

QVariant orNull(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

models::Result<int> DiscrepancyRecorder::record(const Discrepancies &findings, std::optional<qint64> runRequestId)
{
    int recorded = 0;
    for (const Discrepancy &d : findings) {
        // One statement per finding, each its own transaction: a finding written stays written.
        auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO reconciliation_discrepancies (run_request_id, provider, kind, provider_ref, payment_id,"
                           "       subscription_id, expected_minor, actual_minor, currency, detail)"
                           " SELECT $1::bigint, $2::text, $3::text, $4::text, $5::bigint, $6::bigint, $7::bigint, $8::bigint, $9::text,"
                           "        $10::jsonb"
                           "  WHERE NOT EXISTS (SELECT 1 FROM reconciliation_discrepancies r"
                           "                     WHERE r.kind = $3::text AND r.provider = $2::text AND r.provider_ref = $4::text"
                           "                       AND r.resolved_at IS NOT NULL"
                           "                       AND r.expected_minor IS NOT DISTINCT FROM $7::bigint"
                           "                       AND r.actual_minor IS NOT DISTINCT FROM $8::bigint"
                           "                       AND r.currency IS NOT DISTINCT FROM $9::text AND r.detail = $10::jsonb)"
                           " ON CONFLICT (kind, provider, provider_ref) WHERE resolved_at IS NULL DO NOTHING RETURNING id"),
            {orNull(runRequestId), d.provider, models::toDb(d.type), d.providerRef.left(255), orNull(d.paymentId),
             orNull(d.subscriptionId), orNull(d.expectedMinor), orNull(d.actualMinor), nullIfEmpty(d.currency),
             jsonText(d.detail)});
        if (!inserted)
            return inserted.error();
        recorded += inserted->rows();
    }
    return recorded;
}

} // namespace okla::services
