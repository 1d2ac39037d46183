#include "services/session/connectionprofile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace okla::services {

using models::makeError;

namespace {
QString quoteConnValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}
} // namespace

QString ConnectionProfile::conninfo(const QString &user, const QString &applicationName) const
{
    QString info = QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 application_name=%5 connect_timeout=10")
                       .arg(quoteConnValue(pgHost)).arg(pgPort).arg(quoteConnValue(pgDatabase), quoteConnValue(user),
                                                                   quoteConnValue(applicationName));
    // Over TCP the server's certificate and name are verified unless the profile says otherwise:
    // libpq's own default ("prefer") would accept any server (docs/security.md §8). A Unix
    // socket (a path) has no TLS.
    const bool tcp = !pgHost.isEmpty() && !pgHost.startsWith(u'/');
    if (!pgSslMode.isEmpty())
        info += QStringLiteral(" sslmode=") + quoteConnValue(pgSslMode);
    else if (tcp)
        info += QStringLiteral(" sslmode=verify-full");
    if (!pgSslRootCert.isEmpty())
        info += QStringLiteral(" sslrootcert=") + quoteConnValue(pgSslRootCert);
    return info;
}

QString ConnectionProfile::conninfo(const QString &user, const QString &applicationName, const QString &password) const
{
    QString info = conninfo(user, applicationName);
    if (!passwordless && !password.isEmpty())
        info += QStringLiteral(" password=") + quoteConnValue(password);
    return info;
}

QString ConnectionProfile::profileDir()
{
    const QString fromEnv = qEnvironmentVariable("OKLA_PROFILE_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/okla/profiles");
}

QString ConnectionProfile::activeName()
{
    const QString fromEnv = qEnvironmentVariable("OKLA_PROFILE");
    return fromEnv.isEmpty() ? QStringLiteral("sandbox") : fromEnv;
}

QString ConnectionProfile::pathFor(const QString &name) { return profileDir() + u'/' + name + QStringLiteral(".ini"); }

models::Status ConnectionProfile::checkName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    if (valid.match(name).hasMatch())
        return {};
    return makeError(QStringLiteral("profile.name"),
                     QCoreApplication::translate("okla", "A connection profile name is letters, digits, '.', '_' "
                                                         "or '-' (at most 64), not \"%1\".")
                         .arg(name.left(64)));
}

models::Result<ConnectionProfile> ConnectionProfile::load(const QString &name)
{
    if (models::Status named = checkName(name); !named)
        return named.error();
    const QString path = pathFor(name);
    if (!QFileInfo::exists(path))
        return makeError(QStringLiteral("profile.missing"),
                         QCoreApplication::translate("okla", "Connection profile \"%1\" does not exist; run "
                                                             "\"okla-sandbox up\" or create it.").arg(name),
                         path);
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return makeError(QStringLiteral("profile.corrupt"),
                         QCoreApplication::translate("okla", "Connection profile \"%1\" cannot be read; fix or "
                                                             "delete %2.").arg(name, path));
    // What an insecure keychain fallback would leave behind: refuse to start (docs/security.md §6).
    for (const QString &key : ini.allKeys()) {
        if (key.endsWith(QStringLiteral("/data"), Qt::CaseInsensitive) || (key.contains(QStringLiteral("password"), Qt::CaseInsensitive)
                                                             && !key.endsWith(QStringLiteral("/passwordless"), Qt::CaseInsensitive)))
            return makeError(QStringLiteral("profile.secret"),
                             QCoreApplication::translate("okla", "Connection profile \"%1\" contains a stored secret "
                                                                 "(%2); remove it from %3.").arg(name, key, path));
    }
    ConnectionProfile p;
    p.name = name;
    p.pgHost = ini.value(QStringLiteral("postgres/host")).toString();
    bool portOk = false;
    p.pgPort = ini.value(QStringLiteral("postgres/port"), 5432).toInt(&portOk);
    if (p.pgHost.isEmpty() || !portOk || p.pgPort <= 0 || p.pgPort > 65535)
        return makeError(QStringLiteral("profile.corrupt"),
                         QCoreApplication::translate("okla", "Connection profile \"%1\" has no valid PostgreSQL host "
                                                             "and port; fix or delete %2.").arg(name, path));
    p.pgDatabase = ini.value(QStringLiteral("postgres/database"), p.pgDatabase).toString();
    p.pgSslMode = ini.value(QStringLiteral("postgres/sslmode")).toString();
    p.pgSslRootCert = ini.value(QStringLiteral("postgres/sslrootcert")).toString();
    p.passwordless = ini.value(QStringLiteral("postgres/passwordless"), false).toBool();
    p.defaultUser = ini.value(QStringLiteral("postgres/default_user")).toString();
    p.redisHost = ini.value(QStringLiteral("redis/host"), p.redisHost).toString();
    p.redisPort = ini.value(QStringLiteral("redis/port"), p.redisPort).toInt();
    p.amqpHost = ini.value(QStringLiteral("amqp/host")).toString();
    p.amqpPort = ini.value(QStringLiteral("amqp/port"), p.amqpPort).toInt();
    p.s3Endpoint = ini.value(QStringLiteral("s3/endpoint")).toUrl();
    p.s3Bucket = ini.value(QStringLiteral("s3/bucket"), p.s3Bucket).toString();
    p.s3Region = ini.value(QStringLiteral("s3/region"), p.s3Region).toString();
    p.azulUrl = ini.value(QStringLiteral("azul/url")).toUrl();
    p.azulAlternateUrl = ini.value(QStringLiteral("azul/alternate_url")).toUrl();
    p.azulCaFile = ini.value(QStringLiteral("azul/ca_file")).toString();
    p.stripeUrl = ini.value(QStringLiteral("stripe/url")).toUrl();
    p.providersSimulator = ini.value(QStringLiteral("providers/simulator"), false).toBool();
    p.smtpUrl = ini.value(QStringLiteral("smtp/url")).toUrl();
    p.fcmUrl = ini.value(QStringLiteral("fcm/url")).toUrl();
    p.credentialsDir = ini.value(QStringLiteral("credentials/dir")).toString();
    p.workerLogin = ini.value(QStringLiteral("worker/login")).toString();
    p.auditCheckpointDir = ini.value(QStringLiteral("audit/checkpoint_dir")).toString();
    p.auditPublicKey = ini.value(QStringLiteral("audit/public_key")).toString();
    return p;
}

models::Status ConnectionProfile::save() const
{
    if (models::Status named = checkName(name); !named)
        return named;
    QDir().mkpath(profileDir());
    const QString path = pathFor(name);
    const QString temp = path + QStringLiteral(".tmp");
    QFile::remove(temp);
    {
        QSettings ini(temp, QSettings::IniFormat);
        ini.setValue(QStringLiteral("postgres/host"), pgHost);
        ini.setValue(QStringLiteral("postgres/port"), pgPort);
        ini.setValue(QStringLiteral("postgres/database"), pgDatabase);
        ini.setValue(QStringLiteral("postgres/sslmode"), pgSslMode);
        ini.setValue(QStringLiteral("postgres/sslrootcert"), pgSslRootCert);
        ini.setValue(QStringLiteral("postgres/passwordless"), passwordless);
        ini.setValue(QStringLiteral("postgres/default_user"), defaultUser);
        ini.setValue(QStringLiteral("redis/host"), redisHost);
        ini.setValue(QStringLiteral("redis/port"), redisPort);
        ini.setValue(QStringLiteral("amqp/host"), amqpHost);
        ini.setValue(QStringLiteral("amqp/port"), amqpPort);
        ini.setValue(QStringLiteral("s3/endpoint"), s3Endpoint.toString());
        ini.setValue(QStringLiteral("s3/bucket"), s3Bucket);
        ini.setValue(QStringLiteral("s3/region"), s3Region);
        ini.setValue(QStringLiteral("azul/url"), azulUrl.toString());
        ini.setValue(QStringLiteral("azul/alternate_url"), azulAlternateUrl.toString());
        ini.setValue(QStringLiteral("azul/ca_file"), azulCaFile);
        ini.setValue(QStringLiteral("stripe/url"), stripeUrl.toString());
        ini.setValue(QStringLiteral("providers/simulator"), providersSimulator);
        ini.setValue(QStringLiteral("smtp/url"), smtpUrl.toString());
        ini.setValue(QStringLiteral("fcm/url"), fcmUrl.toString());
        ini.setValue(QStringLiteral("credentials/dir"), credentialsDir);
        if (!workerLogin.isEmpty())
            ini.setValue(QStringLiteral("worker/login"), workerLogin);
        ini.setValue(QStringLiteral("audit/checkpoint_dir"), auditCheckpointDir);
        ini.setValue(QStringLiteral("audit/public_key"), auditPublicKey);
        ini.sync();
        if (ini.status() != QSettings::NoError)
            return makeError(QStringLiteral("profile.write"),
                             QCoreApplication::translate("okla", "Could not write connection profile %1.").arg(path));
    }
    QFile::remove(path);
    if (!QFile::rename(temp, path))
        return makeError(QStringLiteral("profile.write"),
                         QCoreApplication::translate("okla", "Could not write connection profile %1.").arg(path));
    return {};
}

} // namespace okla::services
