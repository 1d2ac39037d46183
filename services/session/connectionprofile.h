#pragma once

#include <QString>
#include <QUrl>

#include "models/result.h"

namespace okla::services {

/// Where a console, worker or CLI finds its servers: one INI file per profile, never a secret.
/// `$OKLA_PROFILE_DIR` (else `$XDG_CONFIG_HOME/okla/profiles`) holds `<name>.ini`;
/// `$OKLA_PROFILE` picks one (default "sandbox").
struct ConnectionProfile
{
    QString name;
    // PostgreSQL: host is a hostname or a Unix-socket folder.
    QString pgHost;
    int pgPort = 5432;
    QString pgDatabase = QStringLiteral("okla");
    QString pgSslMode;       ///< empty for a Unix socket; "verify-full" for remote servers
    QString pgSslRootCert;
    bool passwordless = false; ///< sandbox: staff connect over a private socket without a password
    QString defaultUser;       ///< pre-filled in the sign-in dialog
    // Redis
    QString redisHost = QStringLiteral("127.0.0.1");
    int redisPort = 6379;
    // RabbitMQ (empty host = in-process queue)
    QString amqpHost;
    int amqpPort = 5672;
    // Object storage (S3 API)
    QUrl s3Endpoint;
    QString s3Bucket = QStringLiteral("okla-media");
    QString s3Region = QStringLiteral("us-east-1");
    // Payment providers
    QUrl azulUrl;
    QUrl azulAlternateUrl;
    QString azulCaFile;        ///< private CA for the AZUL host (sandbox simulator)
    QUrl stripeUrl;
    /// `providers/simulator`: the providers are the sandbox's simulators, so plain http:// to a
    /// loopback address is allowed; everything else must be https:// (docs/security.md §8).
    bool providersSimulator = false;
    QUrl smtpUrl;
    QUrl fcmUrl;
    QString credentialsDir;    ///< worker/CLI secrets folder (one 0600 file per secret)
    QString workerLogin;       ///< `[worker] login`: okla-worker's own database login (docs/worker.md §4)
    // Audit checkpoints (docs/security.md §5): where the signed checkpoints are written and read
    // (a folder the database owner cannot write) and the Ed25519 public key, base64 of 32 bytes.
    QString auditCheckpointDir;
    QString auditPublicKey;

    /// libpq conninfo for a given login role (no password: libpq asks the caller for it).
    QString conninfo(const QString &user, const QString &applicationName = QStringLiteral("okla")) const;
    /// The same with the person's password (never stored; a passwordless profile ignores it).
    QString conninfo(const QString &user, const QString &applicationName, const QString &password) const;

    static QString profileDir();
    static QString activeName();
    static QString pathFor(const QString &name);
    /// A profile name is a file name in the profile folder, never a path: letters, digits, '.',
    /// '_' and '-', at most 64, not starting with '.' (so "../x" or "a/b" cannot leave the folder).
    static models::Status checkName(const QString &name);

    static models::Result<ConnectionProfile> load(const QString &name = activeName());
    models::Status save() const;
};

} // namespace okla::services
