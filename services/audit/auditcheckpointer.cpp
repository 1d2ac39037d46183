#include "services/audit/auditcheckpointer.h"

#include <sys/stat.h>

#include <algorithm>

#include <QDir>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include "services/audit/auditsigning.h"
#include "services/database/pgconnection.h"
#include "models/oklatr.h"

namespace okla::services {

using models::makeError;
using models::Result;
using models::Status;

namespace {

const QString kPrefix = QStringLiteral("audit-checkpoint-");

QString when(const AuditCheckpoint &checkpoint)
{
    return checkpoint.signedAt.toString(Qt::ISODate);
}

} // namespace

QByteArray AuditCheckpoint::rowsDigest() const
{
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QByteArray &hash : rowHashes)
        digest.addData(hash);
    return digest.result();
}

QByteArray AuditCheckpoint::signedMessage() const
{
    return QByteArrayLiteral("okla-audit-checkpoint/1\nseq=") + QByteArray::number(seq) + "\nhead_hash=" + headHash.toHex()
           + "\nsigned_at=" + signedAt.toString(Qt::ISODate).toLatin1() + "\nfrom_seq=" + QByteArray::number(fromSeq)
           + "\nrows_digest=" + rowsDigest().toHex() + '\n';
}

QByteArray AuditCheckpoint::toJson() const
{
    QJsonArray rows;
    for (const QByteArray &hash : rowHashes)
        rows.append(QString::fromLatin1(hash.toHex()));
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), 1},
                                     {QStringLiteral("seq"), seq},
                                     {QStringLiteral("head_hash"), QString::fromLatin1(headHash.toHex())},
                                     {QStringLiteral("signed_at"), signedAt.toString(Qt::ISODate)},
                                     {QStringLiteral("from_seq"), fromSeq},
                                     {QStringLiteral("row_hashes"), rows},
                                     {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}})
               .toJson(QJsonDocument::Indented);
}

Result<AuditCheckpoint> AuditCheckpoint::fromJson(const QByteArray &json, const QString &fileName)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    AuditCheckpoint c;
    c.fileName = fileName;
    c.seq = qint64(o.value(QStringLiteral("seq")).toDouble(-1));
    c.headHash = QByteArray::fromHex(o.value(QStringLiteral("head_hash")).toString().toLatin1());
    c.signedAt = QDateTime::fromString(o.value(QStringLiteral("signed_at")).toString(), Qt::ISODate).toUTC();
    c.fromSeq = qint64(o.value(QStringLiteral("from_seq")).toDouble(-1));
    bool hashesOk = true;
    for (const QJsonValue &row : o.value(QStringLiteral("row_hashes")).toArray()) {
        c.rowHashes.append(QByteArray::fromHex(row.toString().toLatin1()));
        hashesOk = hashesOk && c.rowHashes.last().size() == 32;
    }
    c.signature = QByteArray::fromBase64(o.value(QStringLiteral("signature")).toString().toLatin1());
    if (o.value(QStringLiteral("format")).toInt() != 1 || c.seq < 0 || c.headHash.size() != 32 || !c.signedAt.isValid()
        || c.signature.size() != 64 || !hashesOk || c.fromSeq < 1 || c.fromSeq + c.rowHashes.size() != c.seq + 1)
        return makeError(QStringLiteral("audit.checkpoint.format"),
                         Tr::tr("The audit checkpoint %1 is not a checkpoint this program can read.").arg(fileName));
    return c;
}

Status AuditCheckpointer::checkFolder(bool create) const
{
    if (m_dir.isEmpty())
        return makeError(QStringLiteral("audit.checkpoint.no_dir"),
                         Tr::tr("The profile names no folder for audit checkpoints; set [audit] checkpoint_dir."));
    if (create && !QDir().mkpath(m_dir))
        return makeError(QStringLiteral("audit.checkpoint.dir"), Tr::tr("Cannot create the audit checkpoint folder %1.").arg(m_dir));
    struct stat st {};
    if (::stat(QFile::encodeName(m_dir).constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return makeError(QStringLiteral("audit.checkpoint.dir"), Tr::tr("The audit checkpoint folder %1 does not exist.").arg(m_dir));
    // Whoever else may write here could replace checkpoints: only its owner may.
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return makeError(QStringLiteral("audit.checkpoint.dir_open"),
                         Tr::tr("The audit checkpoint folder %1 is writable by others; make it writable by its owner only "
                            "(chmod go-w).").arg(m_dir));
    return {};
}

Result<QList<AuditCheckpoint>> AuditCheckpointer::load() const
{
    QList<AuditCheckpoint> checkpoints;
    if (m_dir.isEmpty() || !QDir(m_dir).exists())
        return checkpoints;
    if (auto ok = checkFolder(false); !ok)
        return ok.error();
    const QDir dir(m_dir);
    for (const QString &name : dir.entryList({kPrefix + QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("audit.checkpoint.read"), Tr::tr("Cannot read the audit checkpoint %1.").arg(file.fileName()));
        auto checkpoint = AuditCheckpoint::fromJson(file.read(16 * 1024 * 1024), file.fileName());
        if (!checkpoint)
            return checkpoint.error();
        checkpoints.append(checkpoint.value());
    }
    std::stable_sort(checkpoints.begin(), checkpoints.end(),
                     [](const AuditCheckpoint &a, const AuditCheckpoint &b) { return a.seq < b.seq; });
    return checkpoints;
}

Result<AuditVerification> AuditCheckpointer::verify(PgConnection &connection) const
{
    AuditVerification v;
    auto loaded = load();
    if (!loaded)
        return loaded.error();
    QList<AuditCheckpoint> valid;
    if (m_publicKey.isEmpty()) {
        v.warnings << Tr::tr("The profile has no audit public key ([audit] public_key), so no checkpoint was checked: a "
                         "rewritten-and-rechained log or a cut tail cannot be detected.");
    } else {
        for (const AuditCheckpoint &c : loaded.value()) {
            if (AuditSigning::verify(m_publicKey, c.signedMessage(), c.signature))
                valid.append(c);
            else
                v.problems << Tr::tr("The audit checkpoint %1 is not signed by the audit key; someone wrote it by hand.")
                                  .arg(c.fileName);
        }
        if (loaded->isEmpty())
            v.warnings << Tr::tr("No audit checkpoint in %1 yet: a rewritten-and-rechained log or a cut tail cannot be "
                             "detected; run `okla audit checkpoint`.").arg(m_dir.isEmpty() ? QStringLiteral("-") : m_dir);
    }
    QSet<qint64> seqs;
    for (const AuditCheckpoint &c : std::as_const(valid))
        seqs.insert(c.seq);
    auto chain = AuditChainVerifier::verify(connection, [&](qint64 seq) { return seqs.contains(seq); });
    if (!chain)
        return chain.error();
    v.chain = chain.value();
    if (!v.chain.intact()) {
        v.firstBadSeq = v.chain.firstBadSeq;
        v.problems.prepend(Tr::tr("The audit log is broken at row %1: %2.").arg(*v.chain.firstBadSeq).arg(v.chain.problem));
        return v;
    }
    qint64 lastGood = 0;
    for (const AuditCheckpoint &c : std::as_const(valid)) {
        ++v.checkpointsChecked;
        v.latest = c;
        if (c.seq > v.chain.lastSeq) {
            v.firstBadSeq = v.chain.lastSeq + 1;
            v.problems << Tr::tr("The audit log ends at row %1, but the checkpoint signed %2 covers rows up to %3: rows %4 to %3 "
                             "were removed.").arg(v.chain.lastSeq).arg(when(c)).arg(c.seq).arg(v.chain.lastSeq + 1);
            break;
        }
        if (c.seq > 0 && v.chain.hashesAt.value(c.seq) != c.headHash) {
            auto changed = firstChangedRow(connection, c);
            if (!changed)
                return changed.error();
            // Rows before the checkpoint's list and after the last good checkpoint are not listed.
            if (changed.value() > c.fromSeq || c.fromSeq <= lastGood + 1) {
                v.firstBadSeq = changed.value();
                v.problems << Tr::tr("The audit log was rewritten: row %1 differs from the checkpoint signed %2 (rows up to %3), "
                                 "and the chain after it was recomputed.").arg(changed.value()).arg(when(c)).arg(c.seq);
            } else {
                v.firstBadSeq = lastGood + 1;
                v.problems << Tr::tr("The audit log was rewritten: row %1 no longer has the hash signed %2 in its checkpoint, so "
                                 "a row from %3 to %4 was changed and the chain recomputed.")
                                  .arg(c.seq).arg(when(c)).arg(lastGood + 1).arg(c.fromSeq);
            }
            break;
        }
        lastGood = c.seq;
    }
    return v;
}

Result<qint64> AuditCheckpointer::firstChangedRow(PgConnection &connection, const AuditCheckpoint &c) const
{
    auto chain = AuditChainVerifier::verify(connection, [&](qint64 seq) { return seq >= c.fromSeq && seq <= c.seq; });
    if (!chain)
        return chain.error();
    for (qint64 seq = c.fromSeq; seq <= c.seq; ++seq) {
        if (chain->hashesAt.value(seq) != c.rowHashes.at(seq - c.fromSeq))
            return seq;
    }
    return c.seq;
}

Result<AuditCheckpoint> AuditCheckpointer::checkpoint(PgConnection &connection, const QByteArray &privatePem) const
{
    auto publicKey = AuditSigning::publicKeyOf(privatePem);
    if (!publicKey)
        return publicKey.error();
    if (!m_publicKey.isEmpty() && publicKey.value() != m_publicKey)
        return makeError(QStringLiteral("audit.key_mismatch"),
                         Tr::tr("The audit signing key does not match the profile's [audit] public_key; the checkpoint was "
                            "not written."));
    if (auto ok = checkFolder(true); !ok)
        return ok.error();
    auto verified = AuditCheckpointer(m_dir, publicKey.value()).verify(connection);
    if (!verified)
        return verified.error();
    if (!verified->intact())
        return makeError(QStringLiteral("audit.broken"),
                         Tr::tr("The audit log did not verify, so it was not signed: %1").arg(verified->problems.first()));
    // The rows since the last checkpoint (at most kMaxRowHashes), read again in one snapshot.
    const qint64 after = verified->latest ? verified->latest->seq : 0;
    auto chain = AuditChainVerifier::verify(connection, [&](qint64 seq) { return seq >= after; });
    if (!chain)
        return chain.error();
    // Still the log the last checkpoint signed (nothing was rewritten between the two readings).
    if (after > 0 && chain->intact() && chain->hashesAt.value(after) != verified->latest->headHash)
        return makeError(QStringLiteral("audit.broken"),
                         Tr::tr("The audit log changed while it was being checked, so it was not signed; run `okla audit "
                            "verify`."));
    if (!chain->intact())
        return makeError(QStringLiteral("audit.broken"),
                         Tr::tr("The audit log did not verify, so it was not signed: %1").arg(chain->problem));
    AuditCheckpoint c;
    c.seq = chain->lastSeq;
    c.headHash = chain->lastHash;
    c.fromSeq = std::max(after + 1, c.seq + 1 - AuditCheckpoint::kMaxRowHashes);
    for (qint64 seq = c.fromSeq; seq <= c.seq; ++seq)
        c.rowHashes.append(chain->hashesAt.value(seq));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    c.signedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    auto signature = AuditSigning::sign(privatePem, c.signedMessage());
    if (!signature)
        return signature.error();
    c.signature = signature.value();
    c.fileName = QDir(m_dir).filePath(QStringLiteral("%1%2-%3.json")
                                          .arg(kPrefix)
                                          .arg(c.seq, 12, 10, QLatin1Char('0'))
                                          .arg(c.signedAt.toString(QStringLiteral("yyyyMMddTHHmmssZ"))));
    QSaveFile file(c.fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(c.toJson()) < 0 || !file.commit())
        return makeError(QStringLiteral("audit.checkpoint.write"), Tr::tr("Cannot write the audit checkpoint %1.").arg(c.fileName),
                         file.errorString());
    return c;
}

} // namespace okla::services
