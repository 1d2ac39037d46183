#include "services/credentials/credentialstore.h"

#include <sys/stat.h>

#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCredentials, "okla.services.credentials")

namespace okla::services {

using models::makeError;

namespace {

// lstat, not QFileInfo: QFileInfo follows symlinks for permissions and cannot tell us about
// group/other bits reliably on every platform.
bool lstatPath(const QString &path, struct stat &st)
{
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

} // namespace

QStringList CredentialStore::knownNames()
{
    return {AzulAuth1, AzulAuth2, AzulClientCert, AzulClientKey, StripeSecretKey, StripeWebhookSecret,
            S3AccessKey, S3SecretKey, SmtpPassword, FcmServiceAccount, RedisPassword, AuditSigningKey,
            PgPassword, PgMonitorPassword};
}

CredentialStore::CredentialStore(QString directory)
    : m_directory(std::move(directory))
{
}

CredentialStore CredentialStore::fromEnvironment(const QString &profileDir)
{
    for (const char *var : {"OKLA_CREDENTIALS_DIR", "CREDENTIALS_DIRECTORY"}) {
        const QString dir = qEnvironmentVariable(var);
        if (!dir.isEmpty())
            return CredentialStore(dir);
    }
    return CredentialStore(profileDir);
}

models::Status CredentialStore::checkDirectory() const
{
    if (m_directory.isEmpty())
        return makeError(QStringLiteral("credentials.no_directory"),
                         tr("No credentials directory is configured (set OKLA_CREDENTIALS_DIR or the profile's credentials folder)."));
    struct stat st {};
    if (!lstatPath(m_directory, st))
        return makeError(QStringLiteral("credentials.directory_missing"),
                         tr("The credentials directory does not exist."), m_directory);
    if (!S_ISDIR(st.st_mode))
        return makeError(QStringLiteral("credentials.not_a_directory"),
                         tr("The credentials path is not a directory."), m_directory);
    // Group/other may not list or enter the folder: a secret's name is already information.
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return makeError(QStringLiteral("credentials.directory_open"),
                         tr("The credentials directory is open to other users; run chmod 700 on it."),
                         QStringLiteral("%1 mode %2").arg(m_directory).arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    return {};
}

models::Result<QByteArray> CredentialStore::read(const QString &name) const
{
    if (!knownNames().contains(name) || name.contains(u'/') || name.contains(u'\\'))
        return makeError(QStringLiteral("credentials.unknown_name"), tr("Unknown credential name."), name);
    if (auto dir = checkDirectory(); !dir)
        return dir.error();

    const QString path = m_directory + u'/' + name;
    struct stat st {};
    if (!lstatPath(path, st))
        return makeError(QStringLiteral("credentials.missing"),
                         tr("A required credential file is missing."), path);
    if (!S_ISREG(st.st_mode))
        return makeError(QStringLiteral("credentials.not_regular"),
                         tr("A credential is not a regular file (symbolic links are refused)."), path);
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return makeError(QStringLiteral("credentials.file_open"),
                         tr("A credential file is readable or writable by other users; run chmod 600 on it."),
                         QStringLiteral("%1 mode %2").arg(path).arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("credentials.unreadable"),
                         tr("A credential file cannot be read."), path + QStringLiteral(": ") + file.errorString());
    QByteArray value = file.readAll();
    if (value.endsWith("\r\n"))
        value.chop(2);
    else if (value.endsWith('\n'))
        value.chop(1);
    if (value.isEmpty())
        return makeError(QStringLiteral("credentials.empty"), tr("A credential file is empty."), path);
    // Name only: the value never reaches a log.
    qCDebug(lcCredentials) << "read credential" << name;
    return value;
}

models::Result<QString> CredentialStore::readText(const QString &name) const
{
    auto bytes = read(name);
    if (!bytes)
        return bytes.error();
    return QString::fromUtf8(bytes.value());
}

} // namespace okla::services
