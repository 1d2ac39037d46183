#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "models/result.h"

namespace okla::models {

/// One row of the audit log as the program reads it (docs/security.md §5). `before`/`after` are
/// the jsonb values as PostgreSQL prints them (`jsonb::text`); absent ones are std::nullopt.
struct AuditRow
{
    qint64 seq = 0;
    qint64 occurredAtMicros = 0; ///< microseconds since 1970-01-01 00:00:00 UTC
    QString actor;
    std::optional<qint64> actorStaffId;
    QString action;
    QString entity;
    std::optional<QString> entityId;
    QString result;
    std::optional<QString> reason;
    std::optional<QByteArray> before;
    std::optional<QByteArray> after;
    int canonicalVersion = 1;
    QByteArray prevHash; ///< 32 bytes, as stored
    QByteArray hash;     ///< 32 bytes, as stored
};

/// The audit log's canonical form, the same bytes as the database's audit_canonical (version 0)
/// and audit_canonical_v1 (version 1); docs/security.md §5 defines both. No database needed.
namespace AuditCanonical {

inline constexpr int kLatestVersion = 1;

/// JSON text (as PostgreSQL prints a jsonb) in canonical form v1: keys sorted bytewise, no
/// whitespace, strings escaped as PostgreSQL's to_json does, number tokens kept as written.
Result<QByteArray> canonicalJson(const QByteArray &json);

/// A string as PostgreSQL's to_json(text)::text writes it.
QByteArray jsonString(const QString &text);

/// occurred_at as the canonical form writes it: "YYYY-MM-DDTHH:MM:SS.ffffffZ" (UTC).
QByteArray utcTimestamp(qint64 microsSinceEpoch);

/// The row's canonical bytes in its own canonicalVersion (0 or 1).
Result<QByteArray> canonicalRow(const AuditRow &row);

/// sha256(prevHash ‖ canonicalRow(row)).
Result<QByteArray> chainHash(const QByteArray &prevHash, const AuditRow &row);

} // namespace AuditCanonical

} // namespace okla::models
