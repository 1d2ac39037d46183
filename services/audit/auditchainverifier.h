#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include "models/audit/auditcanonical.h"
#include "models/result.h"

namespace okla::services {

class PgConnection;

/// What recomputing the audit log's hash chain in the program found (docs/security.md §5).
struct AuditChainReport
{
    qint64 rowsChecked = 0;
    qint64 lastSeq = 0;               ///< the last row's seq (0: empty log)
    QByteArray lastHash;              ///< the last row's recomputed hash (32 zero bytes: empty log)
    std::optional<qint64> firstBadSeq; ///< the first row that breaks the chain
    QString problem;                  ///< translated sentence naming that row
    QHash<qint64, QByteArray> hashesAt; ///< recomputed hashes of the rows the caller asked for
    bool intact() const { return !firstBadSeq.has_value(); }
};

/// Reads every row of audit_log and recomputes the chain with models::AuditCanonical: no function
/// of the database is trusted, so a replaced audit_verify() or audit_canonical() changes nothing.
class AuditChainVerifier
{
public:
    /// `keepHash(seq)`: whether to keep that row's recomputed hash in hashesAt.
    static models::Result<AuditChainReport> verify(PgConnection &connection,
                                                   const std::function<bool(qint64)> &keepHash = {});
    /// Up to `limit` rows after `afterSeq`, in seq order, as the program reads them.
    static models::Result<QList<models::AuditRow>> readRows(PgConnection &connection, qint64 afterSeq, int limit);
};

} // namespace okla::services
