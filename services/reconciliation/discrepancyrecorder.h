#pragma once

#include <optional>

#include "models/result.h"
#include "services/reconciliation/discrepancy.h"

namespace okla::services {

class PgConnection;

/// Writes findings into reconciliation_discrepancies, once: a finding that is open already
/// (same type, provider and provider id) or that someone resolved with exactly the same facts is
/// not written again, so running a day twice adds nothing (docs/worker.md §14).
class DiscrepancyRecorder
{
public:
    explicit DiscrepancyRecorder(PgConnection &db) : m_db(db) {}

    /// Returns how many rows were new. @p runRequestId: the reconcile request that found them.
    models::Result<int> record(const Discrepancies &findings, std::optional<qint64> runRequestId);

private:
    PgConnection &m_db;
};

} // namespace okla::services
