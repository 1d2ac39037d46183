#include "sandbox/launcher/sandboxcredentialwriter.h"

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

#include "services/audit/auditsigning.h"
#include "models/oklatr.h"

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {
} // namespace

QByteArray SandboxCredentialWriter::randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toHex();
}

Status SandboxCredentialWriter::prepare() const
{
    if (!QDir().mkpath(m_dir) || ::chmod(QFile::encodeName(m_dir).constData(), 0700) != 0)
        return makeError(QStringLiteral("sandbox.credentials"),
                         Tr::tr("Cannot create the credentials folder %1; check its permissions.").arg(m_dir));
    return {};
}

Status SandboxCredentialWriter::ensure(const QString &name, const std::function<QByteArray()> &generate) const
{
    const QString path = QDir(m_dir).filePath(name);
    if (!QFile::exists(path)) {
        // Created 0600 before any byte is written, so the secret is never readable by others.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(generate()) < 0 || !file.commit())
            return makeError(QStringLiteral("sandbox.credentials"), Tr::tr("Cannot write the credential %1.").arg(path),
                             file.errorString());
    }
    if (::chmod(QFile::encodeName(path).constData(), 0600) != 0)
        return makeError(QStringLiteral("sandbox.credentials"), Tr::tr("Cannot protect the credential %1.").arg(path));
    return {};
}

Result<QByteArray> SandboxCredentialWriter::read(const QString &name) const
{
    QFile file(QDir(m_dir).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("sandbox.credentials.missing"),
                         Tr::tr("The credential %1 is missing; run `okla-sandbox up` to recreate it.").arg(file.fileName()));
    return file.readAll().trimmed();
}

Status SandboxCredentialWriter::ensureDefaults() const
{
    // Random values for our own servers; s3rver only accepts its built-in S3RVER/S3RVER pair.
    const std::pair<const char *, std::function<QByteArray()>> defaults[] = {
        {"redis-password", [] { return randomHex(24); }},
        {"s3-access-key", [] { return QByteArrayLiteral("S3RVER"); }},
        {"s3-secret-key", [] { return QByteArrayLiteral("S3RVER"); }},
        {"stripe-secret-key", []() -> QByteArray { return "sk_test_" + randomHex(16); }},
        {"stripe-webhook-secret", []() -> QByteArray { return "whsec_" + randomHex(16); }},
        {"azul-auth1", []() -> QByteArray { return "okla-auth1-" + randomHex(8); }},
        {"azul-auth2", []() -> QByteArray { return "okla-auth2-" + randomHex(8); }},
        {"smtp-password", [] { return randomHex(12); }},
        // Signs audit checkpoints (docs/security.md §5); its public half goes into the profile.
        {"audit-signing.key", []() -> QByteArray {
             auto pair = services::AuditSigning::generate();
             return pair ? pair->privatePem : QByteArray();
         }},
    };
    if (auto ok = prepare(); !ok)
        return ok;
    for (const auto &[name, generate] : defaults) {
        if (auto ok = ensure(QString::fromLatin1(name), generate); !ok)
            return ok;
    }
    return {};
}

} // namespace okla::sandbox
