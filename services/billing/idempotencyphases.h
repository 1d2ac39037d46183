#pragma once

#include <functional>
#include <optional>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// The idempotency key of one money-moving operation and the phases around it
/// (docs/idempotency.md §3, §4, §13): phase 0 takes the key's lease, every later phase is one
/// SERIALIZABLE transaction (retried on 40001/40P01) that moves the recovery point, fenced by
/// the lease token, so a worker that lost its lease changes nothing.
class IdempotencyPhases
{
public:
    static constexpr int kLeaseMinutes = 10;

    enum class ClaimState {
        Claimed,    ///< this run holds the lease: continue from `recoveryPoint`
        InProgress, ///< another run holds a live lease
        Finished,   ///< done before: `response` is the answer
    };
    struct Claim
    {
        ClaimState state = ClaimState::Claimed;
        qint64 id = 0;
        QString recoveryPoint;  ///< started, intent_committed, provider_done, finished
        QString leaseToken;
        QJsonObject response;   ///< what the phases saved so far (the final answer when finished)
    };
    /// An unfinished key whose lease expired, for the completer (docs/idempotency.md §5).
    struct Unfinished
    {
        qint64 id = 0;
        std::optional<qint64> actorId;
        QUuid key;
        QString operation;
        QJsonObject params;
    };

    explicit IdempotencyPhases(PgConnection &db) : m_db(db) {}

    /// Runs @p work inside BEGIN ISOLATION LEVEL SERIALIZABLE … COMMIT; a serialization failure
    /// or deadlock (of the work or the commit) runs it again, up to 3 more times. @p work must
    /// touch nothing but the database.
    models::Status inTransaction(const std::function<models::Status()> &work);

    /// Phase 0: inserts the key or loads it; takes the lease unless a live one is held.
    /// `actorId` empty: the worker's own operation. The same key with another operation or other
    /// params is refused (`idempotency.key_reused`).
    models::Result<Claim> claim(std::optional<qint64> actorId, const QUuid &key, const QString &operation,
                                const QJsonObject &params);

    // Inside inTransaction(): each fails with `idempotency.lease_lost` when the lease is gone.
    /// Moves the recovery point and merges @p saved into the key's response.
    models::Status advance(const Claim &claim, const QString &recoveryPoint, const QJsonObject &saved = {});
    /// Recovery point `finished`, the final response, the lease cleared.
    models::Status finish(const Claim &claim, const QJsonObject &response);

    /// Gives the lease back without moving on (a run that cannot proceed now; the completer retries).
    models::Status release(const Claim &claim);

    /// Unfinished keys whose lease expired and whose last run is over a minute old, oldest first,
    /// taken with FOR UPDATE SKIP LOCKED and stamped, so workers share them.
    models::Result<QList<Unfinished>> takeUnfinished(int limit);
    /// Deletes finished keys older than 72 hours; returns how many.
    models::Result<qint64> reapFinished();

    /// The error of a run that found its lease taken by another run.
    static models::Error inProgressError(const QString &operation);

private:
    models::Status fenced(const QString &sql, const QVariantList &params);

    PgConnection &m_db;
    Q_DECLARE_TR_FUNCTIONS(okla::services::IdempotencyPhases)
};

} // namespace okla::services
