#include "services/billing/idempotencyphases.h"

#include <algorithm>

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

#include "services/billing/sqlvalues.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using models::Error;
using models::Result;
using models::Status;

namespace {

// Executors run side by side (docs/worker.md §18) and every settlement appends to the one audit
// chain, so SERIALIZABLE phases collide under load; each collision is retried after a random
// pause whose ceiling doubles with the attempt (5 ms, 10 ms, ... at most 250 ms).
constexpr int kSerializationRetries = 30;
constexpr int kRetryPauseMs = 5;
constexpr int kRetryPauseCeilingMs = 250;

bool isRetryable(const Error &error)
{
    return error.code.endsWith(QLatin1String(".40001")) || error.code.endsWith(QLatin1String(".40P01"));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QVariant actorParam(std::optional<qint64> actorId)
{
    return actorId ? QVariant(*actorId) : QVariant();
}

QString newLeaseToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Status IdempotencyPhases::inTransaction(const std::function<Status()> &work)
{
    for (int attempt = 0;; ++attempt) {
        if (auto begun = m_db.execScript(QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE")); !begun)
            return begun;
        Status done = work();
        if (done)
            done = m_db.execScript(QStringLiteral("COMMIT"));
        if (done)
            return done;
        m_db.rollbackAfterError();
        if (!isRetryable(done.error()) || attempt >= kSerializationRetries)
            return done;
        const int ceiling = std::min(kRetryPauseCeilingMs, kRetryPauseMs << std::min(attempt, 6));
        QThread::msleep(1 + QRandomGenerator::global()->bounded(ceiling));
    }
}

Result<IdempotencyPhases::Claim> IdempotencyPhases::claim(std::optional<qint64> actorId, const QUuid &key,
                                                          const QString &operation, const QJsonObject &params)
{
    const QString keyText = key.toString(QUuid::WithoutBraces);
    const QString paramsText = jsonText(params);
    Claim claim;
    Status status = inTransaction([&]() -> Status {
        claim = Claim{};
        claim.leaseToken = newLeaseToken();
        auto inserted = m_db.exec(QStringLiteral("INSERT INTO idempotency_keys (actor_id, idem_key, operation, params, locked_at, "
                                                 "lease_token, last_run_at) VALUES ($1, $2::uuid, $3, $4::jsonb, now(), $5::uuid, now()) "
                                                 "ON CONFLICT ON CONSTRAINT idempotency_keys_actor_key DO NOTHING RETURNING id"),
                                  {actorParam(actorId), keyText, operation, paramsText, claim.leaseToken});
        if (!inserted)
            return inserted.error();
        if (inserted->rows() == 1) {
            claim.id = inserted->toInt64(0, 0);
            claim.recoveryPoint = QStringLiteral("started");
            return {};
        }
        auto found = m_db.exec(QStringLiteral("SELECT id, operation = $3 AND params = $4::jsonb, recovery_point, "
                                              "locked_at IS NOT NULL AND lease_token IS NOT NULL "
                                              "AND locked_at > now() - make_interval(mins => $5), coalesce(response, '{}')::text "
                                              "FROM idempotency_keys WHERE actor_id IS NOT DISTINCT FROM $1 AND idem_key = $2::uuid FOR UPDATE"),
                               {actorParam(actorId), keyText, operation, paramsText, kLeaseMinutes});
        if (!found)
            return found.error();
        if (found->rows() != 1)
            return models::makeError(QStringLiteral("idempotency.key_missing"), tr("The idempotency key vanished while it was claimed."));
        claim.id = found->toInt64(0, 0);
        if (found->text(0, 1) != QLatin1String("t"))
            return models::makeError(QStringLiteral("idempotency.key_reused"),
                                     tr("This idempotency key was already used for another operation; make a new key."), keyText);
        claim.recoveryPoint = found->text(0, 2);
        claim.response = jsonObject(found->text(0, 4));
        if (claim.recoveryPoint == QLatin1String("finished")) {
            claim.state = ClaimState::Finished;
            return {};
        }
        if (found->text(0, 3) == QLatin1String("t")) {
            claim.state = ClaimState::InProgress;
            return {};
        }
        auto leased = m_db.exec(QStringLiteral("UPDATE idempotency_keys SET locked_at = now(), lease_token = $2::uuid, "
                                               "last_run_at = now() WHERE id = $1"),
                                {claim.id, claim.leaseToken});
        return leased ? Status() : Status(leased.error());
    });
    if (!status)
        return status.error();
    return claim;
}

Status IdempotencyPhases::fenced(const QString &sql, const QVariantList &params)
{
    auto updated = m_db.exec(sql, params);
    if (!updated)
        return updated.error();
    if (updated->affectedRows() != 1)
        return models::makeError(QStringLiteral("idempotency.lease_lost"),
                                 tr("This run lost its lease on the operation (another worker took it over); it stops here."));
    return {};
}

Status IdempotencyPhases::advance(const Claim &claim, const QString &recoveryPoint, const QJsonObject &saved)
{
    return fenced(QStringLiteral("UPDATE idempotency_keys SET recovery_point = $3, last_run_at = now(), "
                                 "response = coalesce(response, '{}'::jsonb) || $4::jsonb WHERE id = $1 AND lease_token = $2::uuid"),
                  {claim.id, claim.leaseToken, recoveryPoint, jsonText(saved)});
}

Status IdempotencyPhases::finish(const Claim &claim, const QJsonObject &response)
{
    return fenced(QStringLiteral("UPDATE idempotency_keys SET recovery_point = 'finished', last_run_at = now(), "
                                 "response = coalesce(response, '{}'::jsonb) || $3::jsonb, locked_at = NULL, lease_token = NULL "
                                 "WHERE id = $1 AND lease_token = $2::uuid"),
                  {claim.id, claim.leaseToken, jsonText(response)});
}

Status IdempotencyPhases::release(const Claim &claim)
{
    auto released = m_db.exec(QStringLiteral("UPDATE idempotency_keys SET locked_at = NULL, lease_token = NULL, last_run_at = now() "
                                             "WHERE id = $1 AND lease_token = $2::uuid"),
                              {claim.id, claim.leaseToken});
    return released ? Status() : Status(released.error());
}

Result<QList<IdempotencyPhases::Unfinished>> IdempotencyPhases::takeUnfinished(int limit)
{
    auto taken = m_db.exec(QStringLiteral("UPDATE idempotency_keys SET last_run_at = now() WHERE id IN ("
                                          " SELECT id FROM idempotency_keys WHERE recovery_point <> 'finished'"
                                          "    AND (locked_at IS NULL OR locked_at < now() - make_interval(mins => $2))"
                                          "    AND last_run_at < now() - interval '60 seconds'"
                                          "  ORDER BY last_run_at LIMIT $1 FOR UPDATE SKIP LOCKED) "
                                          "RETURNING id, actor_id, idem_key, operation, params::text"),
                           {limit, kLeaseMinutes});
    if (!taken)
        return taken.error();
    QList<Unfinished> keys;
    for (int row = 0; row < taken->rows(); ++row) {
        Unfinished key;
        key.id = taken->toInt64(row, 0);
        if (!taken->isNull(row, 1))
            key.actorId = taken->toInt64(row, 1);
        key.key = QUuid::fromString(taken->text(row, 2));
        key.operation = taken->text(row, 3);
        key.params = jsonObject(taken->text(row, 4));
        keys.append(key);
    }
    return keys;
}

Result<qint64> IdempotencyPhases::reapFinished()
{
    auto reaped = m_db.exec(QStringLiteral("DELETE FROM idempotency_keys WHERE recovery_point = 'finished' "
                                           "AND last_run_at < now() - interval '72 hours'"));
    if (!reaped)
        return reaped.error();
    return reaped->affectedRows();
}

Error IdempotencyPhases::inProgressError(const QString &operation)
{
    return models::makeError(QStringLiteral("idempotency.in_progress"),
                             tr("This operation is already running in another worker; it will be finished there."), operation);
}

} // namespace okla::services
