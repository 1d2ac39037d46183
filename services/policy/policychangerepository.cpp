#include "services/policy/policychangerepository.h"

#include "services/database/pgconnection.h"

namespace okla::services {

using models::Error;
using models::makeError;
using models::Result;
using models::Status;

namespace {

Error refusal(const Error &error)
{
    const QString state = error.code.section(u'.', -1);
    if (state == QLatin1String("42501"))
        return makeError(QStringLiteral("policy.forbidden"),
                         QCoreApplication::translate("okla", "Refused: %1.").arg(serverSentence(error.detail)));
    if (state == QLatin1String("22023") || state == QLatin1String("22P02") || state == QLatin1String("23514")
        || state == QLatin1String("23505") || state == QLatin1String("23503"))
        return makeError(QStringLiteral("policy.refused"),
                         QCoreApplication::translate("okla", "The database refused the change: %1.")
                             .arg(serverSentence(error.detail)));
    return makeError(error.code, error.message, serverSentence(error.detail));
}

} // namespace

Result<QList<PolicyChange>> PolicyChangeRepository::list(bool pendingOnly)
{
    auto rows = m_connection.exec(QStringLiteral(
        "SELECT r.id, r.target_table, r.operation, r.row_values::text, r.reason, r.state, p.role_name, "
        "to_char(r.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), coalesce(d.role_name, ''), "
        "coalesce(to_char(r.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), "
        "coalesce(r.decision_reason, '') "
        "FROM policy_change_requests r JOIN staff p ON p.id = r.proposed_by LEFT JOIN staff d ON d.id = r.decided_by "
        "WHERE NOT $1 OR r.state = 'pending' ORDER BY r.id"), {pendingOnly});
    if (!rows)
        return refusal(rows.error());
    QList<PolicyChange> changes;
    for (int i = 0; i < rows->rows(); ++i) {
        PolicyChange c;
        c.id = rows->toInt64(i, 0);
        c.table = rows->text(i, 1);
        c.operation = rows->text(i, 2);
        c.values = rows->text(i, 3);
        c.reason = rows->text(i, 4);
        c.state = rows->text(i, 5);
        c.proposedBy = rows->text(i, 6);
        c.proposedAt = QDateTime::fromString(rows->text(i, 7), Qt::ISODate);
        c.decidedBy = rows->text(i, 8);
        c.decidedAt = QDateTime::fromString(rows->text(i, 9), Qt::ISODate);
        c.decisionReason = rows->text(i, 10);
        changes.append(c);
    }
    return changes;
}

Result<qint64> PolicyChangeRepository::propose(const QString &table, const QString &operation, const QString &valuesJson,
                                               const QString &reason)
{
    auto id = m_connection.exec(QStringLiteral("SELECT okla_policy_propose($1, $2, $3::jsonb, $4)"),
                                {table, operation, valuesJson, reason});
    if (!id)
        return refusal(id.error());
    return id->toInt64(0, 0);
}

Status PolicyChangeRepository::approve(qint64 id)
{
    if (auto ok = m_connection.exec(QStringLiteral("SELECT okla_policy_approve($1)"), {id}); !ok)
        return refusal(ok.error());
    return {};
}

Status PolicyChangeRepository::reject(qint64 id, const QString &reason)
{
    if (auto ok = m_connection.exec(QStringLiteral("SELECT okla_policy_reject($1, $2)"), {id, reason}); !ok)
        return refusal(ok.error());
    return {};
}

} // namespace okla::services
