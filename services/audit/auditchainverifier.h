#pragma once

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

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
    QHash<qint64, QByteArray> hashesAt; ///< recomputed hashes at the seqs the caller asked for
    bool intact() const { return !firstBadSeq.has_value(); }
};

/// Reads every row of audit_log and recomputes the chain with models::AuditCanonical: no function
/// of the database is trusted, so a replaced audit_verify() or audit_canonical() changes nothing.
class AuditChainVerifier
{
public:
    static models::Result<AuditChainReport> verify(PgConnection &connection, const QSet<qint64> &hashesWanted = {});
};

} // namespace okla::services
