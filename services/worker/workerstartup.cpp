#include "services/worker/workerstartup.h"

#include <QCoreApplication>

#include "services/database/migrator.h"

namespace okla::services {

using models::makeError;

namespace {

models::Status checkWorkerRole(PgConnection &connection)
{
    auto member = connection.exec(QStringLiteral("SELECT pg_has_role(current_user, 'okla_worker', 'MEMBER')"));
    if (!member)
        return member.error();
    if (member->text(0, 0) != QLatin1String("t"))
        return makeError(QStringLiteral("worker.login_role"),
                         QCoreApplication::translate("okla.worker", "The worker login is not a member of okla_worker; "
                                                                    "make it with \"okla dba apply --worker-login NAME\"."));
    return {};
}

} // namespace

models::Result<ConnectionProfile> WorkerStartup::reloadProfile(const QString &name)
{
    return ConnectionProfile::load(name.isEmpty() ? ConnectionProfile::activeName() : name);
}

models::Result<QString> WorkerStartup::loginConninfo(const ConnectionProfile &profile, const CredentialStore &credentials,
                                                     PgConnection *checked)
{
    const QString application = QStringLiteral("okla-worker");
    QString conninfo = profile.conninfo(profile.workerLogin, application);
    auto connection = PgConnection::openQuiet(conninfo);
    if (!connection && connection.error().detail.contains(QLatin1String("no password supplied"))) {
        // The server asks for a password: the worker's is `pg-password` in the credentials folder.
        auto password = credentials.readText(CredentialStore::PgPassword);
        if (!password)
            return password.error();
        conninfo = profile.conninfo(profile.workerLogin, application, password.value());
        connection = PgConnection::openQuiet(conninfo);
    }
    if (!connection)
        return connection.error();
    if (checked)
        *checked = std::move(connection).value();
    return conninfo;
}

models::Result<WorkerStartup> WorkerStartup::prepare(const WorkerOptions &options, const QStringList &requiredCredentials)
{
    WorkerStartup startup;
    auto profile = reloadProfile(options.profileName);
    if (!profile)
        return profile.error();
    startup.profile = profile.value();
    startup.credentials = options.credentialsDir.isEmpty() ? CredentialStore::fromEnvironment(startup.profile.credentialsDir)
                                                           : CredentialStore(options.credentialsDir);
    if (auto folder = startup.credentials.checkDirectory(); !folder)
        return folder.error();
    for (const QString &name : requiredCredentials) {
        auto secret = startup.credentials.read(name); // checked here, read again where it is used
        if (!secret)
            return secret.error();
        secret->fill('\0');
    }
    if (startup.profile.workerLogin.isEmpty())
        return makeError(QStringLiteral("worker.no_login"),
                         QCoreApplication::translate("okla.worker", "Connection profile \"%1\" names no worker login; add "
                                                                    "\"login=NAME\" under [worker].").arg(startup.profile.name));
    auto conninfo = loginConninfo(startup.profile, startup.credentials, &startup.connection);
    if (!conninfo)
        return conninfo.error();
    startup.conninfo = conninfo.value();
    if (auto role = checkWorkerRole(startup.connection); !role)
        return role.error();
    if (auto schema = Migrator::checkCompatible(startup.connection); !schema)
        return schema.error();
    return startup;
}

} // namespace okla::services
