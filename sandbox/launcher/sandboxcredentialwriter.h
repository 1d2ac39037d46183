#pragma once

#include <functional>

#include <QByteArray>
#include <QString>

#include "models/result.h"

namespace okla::sandbox {

/// Creates and fills the sandbox's credentials folder (docs/security.md §6): a 0700
/// folder of 0600 files, one secret per file, systemd LoadCredential style. Values are random test
/// values and are kept across `up`s (servers were configured with them). The launcher's services
/// read back what it wrote (read()); the programs themselves read secrets only through
/// services::CredentialStore, which also refuses folders and files that are not private.
class SandboxCredentialWriter
{
public:
    explicit SandboxCredentialWriter(QString dir) : m_dir(std::move(dir)) {}

    const QString &dir() const { return m_dir; }
    /// Creates the folder (0700) and tightens its mode if it already exists.
    models::Status prepare() const;
    /// Writes `name` with `generate()` unless it exists; always (re)sets the mode to 0600.
    models::Status ensure(const QString &name, const std::function<QByteArray()> &generate) const;
    /// The secret's bytes without a trailing newline; an error if absent.
    models::Result<QByteArray> read(const QString &name) const;
    /// Writes the defaults every sandbox has (Redis, S3, Stripe, AZUL, SMTP test values).
    models::Status ensureDefaults() const;

    /// `bytes` random bytes as lowercase hex.
    static QByteArray randomHex(int bytes);

private:
    QString m_dir;
};

} // namespace okla::sandbox
