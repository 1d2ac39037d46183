#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// One proposed change of a money policy (docs/security.md §14).
struct PolicyChange
{
    qint64 id = 0;
    QString table;      ///< billing_policies, plans or plan_versions
    QString operation;  ///< insert, update or delete
    QString values;     ///< the row's values, JSON text
    QString reason;
    QString state;      ///< pending, approved or rejected
    QString proposedBy; ///< login
    QDateTime proposedAt;
    QString decidedBy;  ///< login, empty while pending
    QDateTime decidedAt;
    QString decisionReason;
};

/// Money policies (limits, dunning, plans) change only when one admin proposes and another
/// approves: okla_policy_propose/approve/reject in the database, which checks who calls.
class PolicyChangeRepository
{
public:
    explicit PolicyChangeRepository(PgConnection &connection) : m_connection(connection) {}

    models::Result<QList<PolicyChange>> list(bool pendingOnly);
    models::Result<qint64> propose(const QString &table, const QString &operation, const QString &valuesJson,
                                   const QString &reason);
    models::Status approve(qint64 id);
    models::Status reject(qint64 id, const QString &reason);

private:
    PgConnection &m_connection;
};

} // namespace okla::services
