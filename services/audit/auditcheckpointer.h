#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/result.h"
#include "services/audit/auditchainverifier.h"

namespace okla::services {

class PgConnection;

/// A signed statement "the audit log's row `seq` had hash `headHash`, and rows `fromSeq`..`seq`
/// had `rowHashes`" (docs/security.md §5). The row hashes let `okla audit verify` name the first
/// row that was changed; the signature covers them through their digest.
struct AuditCheckpoint
{
    static constexpr qint64 kMaxRowHashes = 100000;

    qint64 seq = 0;
    QByteArray headHash;  ///< 32 bytes
    QDateTime signedAt;   ///< UTC, whole seconds
    qint64 fromSeq = 1;   ///< the first row listed in rowHashes (seq + 1 when none)
    QList<QByteArray> rowHashes; ///< hashes of rows fromSeq..seq, 32 bytes each
    QByteArray signature; ///< Ed25519, 64 bytes
    QString fileName;     ///< where it was read from or written to

    /// sha256 of the row hashes, concatenated.
    QByteArray rowsDigest() const;
    /// The exact bytes that are signed.
    QByteArray signedMessage() const;
    /// {"format":1,"seq":…,"head_hash":"hex","signed_at":"ISO","from_seq":…,"row_hashes":["hex",…],"signature":"base64"}
    QByteArray toJson() const;
    static models::Result<AuditCheckpoint> fromJson(const QByteArray &json, const QString &fileName);
};

/// The outcome of `okla audit verify`: the chain recomputed here, then compared with every
/// checkpoint in the folder whose signature the public key accepts.
struct AuditVerification
{
    AuditChainReport chain;
    int checkpointsChecked = 0;
    std::optional<AuditCheckpoint> latest; ///< the newest valid checkpoint
    std::optional<qint64> firstBadSeq;     ///< the first row known to be wrong or missing
    QStringList problems;                  ///< translated sentences; empty = intact
    QStringList warnings;                  ///< e.g. no public key: only the chain was checked
    bool intact() const { return problems.isEmpty(); }
};

/// Signs and checks audit checkpoints: `okla audit checkpoint` (the worker's credentials, daily
/// from the worker and on demand) and `okla audit verify`. Checkpoints live in a folder the
/// database owner cannot write (profile `[audit] checkpoint_dir`); the public key is in the
/// profile (`[audit] public_key`), the private key in the credential `audit-signing.key`.
class AuditCheckpointer
{
public:
    AuditCheckpointer(QString checkpointDir, QString publicKey)
        : m_dir(std::move(checkpointDir)), m_publicKey(std::move(publicKey)) {}

    /// Every checkpoint file of the folder, oldest seq first (an absent folder has none).
    models::Result<QList<AuditCheckpoint>> load() const;

    /// Recomputes the chain and compares it with the checkpoints: detects a changed row, a
    /// rewritten-and-rechained log and a cut tail.
    models::Result<AuditVerification> verify(PgConnection &connection) const;

    /// verify(), and only when intact: signs the head (seq and hash) with `privatePem` and writes
    /// the checkpoint into the folder. Refuses a key whose public half is not the profile's.
    models::Result<AuditCheckpoint> checkpoint(PgConnection &connection, const QByteArray &privatePem) const;

private:
    models::Status checkFolder(bool create) const;
    /// The first row of `c`'s range whose recomputed hash differs from the one it lists.
    models::Result<qint64> firstChangedRow(PgConnection &connection, const AuditCheckpoint &c) const;

    QString m_dir;
    QString m_publicKey;
};

} // namespace okla::services
