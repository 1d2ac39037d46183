#include "services/audit/auditchainverifier.h"

#include "models/audit/auditcanonical.h"
#include "services/database/pgconnection.h"
#include "models/oklatr.h"

namespace okla::services {

using models::AuditRow;
using models::makeError;
using models::Result;

namespace {

constexpr int kBatch = 5000;

// Timestamps as microseconds and hashes as hex: nothing depends on the session's settings.
const QString kSelect = QStringLiteral(
    "SELECT seq, (extract(epoch FROM occurred_at) * 1000000)::bigint, actor, actor_staff_id, action, entity, entity_id, "
    "result, reason, before::text, after::text, canonical_version, encode(prev_hash, 'hex'), encode(hash, 'hex') "
    "FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2");

AuditRow rowAt(const PgResult &r, int i)
{
    AuditRow row;
    row.seq = r.toInt64(i, 0);
    row.occurredAtMicros = r.toInt64(i, 1);
    row.actor = r.text(i, 2);
    if (!r.isNull(i, 3))
        row.actorStaffId = r.toInt64(i, 3);
    row.action = r.text(i, 4);
    row.entity = r.text(i, 5);
    if (!r.isNull(i, 6))
        row.entityId = r.text(i, 6);
    row.result = r.text(i, 7);
    if (!r.isNull(i, 8))
        row.reason = r.text(i, 8);
    if (!r.isNull(i, 9))
        row.before = r.bytes(i, 9);
    if (!r.isNull(i, 10))
        row.after = r.bytes(i, 10);
    row.canonicalVersion = int(r.toInt64(i, 11));
    row.prevHash = QByteArray::fromHex(r.bytes(i, 12));
    row.hash = QByteArray::fromHex(r.bytes(i, 13));
    return row;
}

} // namespace

Result<QList<AuditRow>> AuditChainVerifier::readRows(PgConnection &connection, qint64 afterSeq, int limit)
{
    auto rows = connection.exec(kSelect, {afterSeq, limit});
    if (!rows)
        return rows.error();
    QList<AuditRow> out;
    out.reserve(rows->rows());
    for (int i = 0; i < rows->rows(); ++i)
        out.append(rowAt(rows.value(), i));
    return out;
}

Result<AuditChainReport> AuditChainVerifier::verify(PgConnection &connection, const std::function<bool(qint64)> &keepHash)
{
    AuditChainReport report;
    report.lastHash = QByteArray(32, '\0');
    // One snapshot for every batch and the head, so rows appended meanwhile do not look like a gap.
    if (auto begin = connection.execScript(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")); !begin)
        return begin.error();
    auto fail = [&](const models::Error &error) -> Result<AuditChainReport> {
        connection.rollbackAfterError();
        return makeError(QStringLiteral("audit.read"),
                         Tr::tr("Could not read the audit log (finance, manager, admin or the worker may): %1").arg(error.message),
                         error.detail);
    };
    auto broken = [&](qint64 seq, const QString &problem) {
        report.firstBadSeq = seq;
        report.problem = problem;
    };
    qint64 after = 0;
    while (report.intact()) {
        auto rows = readRows(connection, after, kBatch);
        if (!rows)
            return fail(rows.error());
        for (const AuditRow &row : std::as_const(rows.value())) {
            if (!report.intact())
                break;
            if (row.seq != report.lastSeq + 1) {
                broken(report.lastSeq + 1, Tr::tr("row %1 is missing (the next row is %2)").arg(report.lastSeq + 1).arg(row.seq));
                break;
            }
            if (row.prevHash != report.lastHash) {
                broken(row.seq, Tr::tr("row %1 does not point at the hash of row %2").arg(row.seq).arg(report.lastSeq));
                break;
            }
            auto hash = models::AuditCanonical::chainHash(report.lastHash, row);
            if (!hash) {
                broken(row.seq, Tr::tr("row %1: %2").arg(row.seq).arg(hash.error().message));
                break;
            }
            if (hash.value() != row.hash) {
                broken(row.seq, Tr::tr("row %1 was changed after it was written (its hash does not match its content)").arg(row.seq));
                break;
            }
            report.lastSeq = row.seq;
            report.lastHash = hash.value();
            ++report.rowsChecked;
            if (keepHash && keepHash(row.seq))
                report.hashesAt.insert(row.seq, report.lastHash);
        }
        if (rows->size() < kBatch)
            break;
        after = report.lastSeq;
    }
    if (report.intact()) {
        auto head = connection.exec(QStringLiteral("SELECT seq, encode(hash, 'hex') FROM audit_head"));
        if (!head)
            return fail(head.error());
        if (head->rows() != 1 || head->toInt64(0, 0) != report.lastSeq
            || QByteArray::fromHex(head->bytes(0, 1)) != report.lastHash)
            broken(report.lastSeq + 1, Tr::tr("the head of the log (row %1) does not match its last row %2; rows after %2 are missing")
                                           .arg(head->rows() == 1 ? head->text(0, 0) : QStringLiteral("?"))
                                           .arg(report.lastSeq));
    }
    connection.rollbackAfterError(); // read only: ends the snapshot
    return report;
}

} // namespace okla::services
