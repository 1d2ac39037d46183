#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include "models/result.h"

class QSettings;

namespace okla::services {

/// Remembers a staff password in the OS keychain through QtKeychain, never anywhere else
/// (docs/security.md §6): no insecure fallback; any error but "entry not found" means "no keyring".
/// Jobs are asynchronous D-Bus calls answered on the calling thread's event loop.
class PasswordVault : public QObject
{
    Q_OBJECT
public:
    explicit PasswordVault(QString service = QStringLiteral("okla-admin"), QObject *parent = nullptr);

    /// Whether a keyring answers: ok, or an error with code "keyring.unavailable".
    QFuture<models::Status> probe();
    /// The password stored for `account`; code "keyring.notfound" when none is stored.
    QFuture<models::Result<QString>> read(const QString &account);
    QFuture<models::Status> write(const QString &account, const QString &password);
    QFuture<models::Status> remove(const QString &account);

    /// Key used for a profile and user ("sandbox/ana").
    static QString accountFor(const QString &profile, const QString &user) { return profile + u'/' + user; }
    /// Refuses to start when settings hold what an insecure keychain fallback leaves (a "*/data" key).
    static models::Status checkNoInsecureLeftovers(const QSettings &settings);

private:
    QString m_service;
};

} // namespace okla::services
