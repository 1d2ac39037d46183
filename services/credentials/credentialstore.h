#pragma once

#include <QCoreApplication>
#include <QByteArray>
#include <QString>
#include <QStringList>

#include "models/result.h"

namespace okla::services {

/// Reads worker/CLI secrets: one file per secret in a credentials directory (systemd
/// `LoadCredential=` style, docs/security.md §6). Values are returned, never logged.
class CredentialStore
{
public:
    // The names agreed in docs/security.md §6.
    static inline const QString AzulAuth1 = QStringLiteral("azul-auth1");
    static inline const QString AzulAuth2 = QStringLiteral("azul-auth2");
    static inline const QString AzulClientCert = QStringLiteral("azul-client.pem");
    static inline const QString AzulClientKey = QStringLiteral("azul-client.key");
    static inline const QString StripeSecretKey = QStringLiteral("stripe-secret-key");
    static inline const QString StripeWebhookSecret = QStringLiteral("stripe-webhook-secret");
    static inline const QString S3AccessKey = QStringLiteral("s3-access-key");
    static inline const QString S3SecretKey = QStringLiteral("s3-secret-key");
    static inline const QString SmtpPassword = QStringLiteral("smtp-password");
    static inline const QString FcmServiceAccount = QStringLiteral("fcm-service-account.json");
    static inline const QString RedisPassword = QStringLiteral("redis-password");
    /// The Ed25519 key (PKCS#8 PEM) that signs audit checkpoints (docs/security.md §5).
    static inline const QString AuditSigningKey = QStringLiteral("audit-signing.key");
    /// Passwords of the service logins the DBA step makes (docs/security.md §13): the worker's
    /// and the health collectors'. Absent where the server trusts those logins another way.
    static inline const QString PgPassword = QStringLiteral("pg-password");
    static inline const QString PgMonitorPassword = QStringLiteral("pg-monitor-password");
    static QStringList knownNames();

    /// A store over an explicit folder (tests, or a profile's credentialsDir).
    explicit CredentialStore(QString directory);

    /// `$OKLA_CREDENTIALS_DIR`, else `$CREDENTIALS_DIRECTORY`, else @p profileDir (may be empty).
    static CredentialStore fromEnvironment(const QString &profileDir = {});

    QString directory() const { return m_directory; }

    /// Checks the folder itself: exists, is a directory, closed to group and others.
    models::Status checkDirectory() const;

    /// The secret's bytes. Refuses (typed error, code "credentials.*") a missing folder or file,
    /// a name outside knownNames() or with a path separator, a non-regular file (symlink
    /// included), a file readable or writable by group/others, or an open folder.
    /// Text secrets have a single trailing newline removed (files written with `echo`).
    models::Result<QByteArray> read(const QString &name) const;

    /// read() decoded as UTF-8 text, for header values such as Auth1.
    models::Result<QString> readText(const QString &name) const;

private:
    QString m_directory;
    Q_DECLARE_TR_FUNCTIONS(okla::services::CredentialStore)
};

} // namespace okla::services
