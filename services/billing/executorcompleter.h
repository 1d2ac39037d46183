#pragma once

#include "models/result.h"

namespace okla::services {

class ChargeExecutor;
class PgConnection;
class RefundExecutor;

/// What the worker's daemon calls on its schedule (docs/worker.md §7, docs/idempotency.md §5):
/// approved refunds to execute, unfinished operations to complete, finished keys to reap.
class ExecutorCompleter
{
public:
    ExecutorCompleter(PgConnection &db, ChargeExecutor &charges, RefundExecutor &refunds)
        : m_db(db), m_charges(charges), m_refunds(refunds) {}

    /// Executes up to @p limit approved refunds, oldest first, claimed with FOR UPDATE SKIP LOCKED
    /// so several workers share them. Returns how many were executed (any outcome).
    models::Result<int> executePendingRefunds(int limit);
    /// Resumes up to @p limit unfinished charges and refunds whose lease expired. Returns how many
    /// were resumed; one that fails is left for the next round.
    models::Result<int> resumeUnfinished(int limit = 20);
    /// Deletes finished keys older than 72 h; returns how many.
    models::Result<qint64> reapFinished();

private:
    PgConnection &m_db;
    ChargeExecutor &m_charges;
    RefundExecutor &m_refunds;
};

} // namespace okla::services
