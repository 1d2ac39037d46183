// `okla dba apply`: the DBA step, run once per database as the superuser before `okla migrate`
// (docs/security.md §13).
#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "services/credentials/credentialstore.h"
#include "services/database/dbasetup.h"

namespace okla::cli {
namespace {

using services::CredentialStore;
using services::DbaSetup;

// --worker-login / --collector-login: the service login, its password from the credentials folder
// (pg-password, pg-monitor-password) where there is one (docs/security.md §13).
int makeServiceLogin(CliContext &context, services::PgConnection &superuser, const CliOptions &options,
                     const QString &option, DbaSetup::ServiceGroup group, const QString &credential)
{
    const QString login = options.value(option);
    if (login.isEmpty())
        return 0;
    const auto store = CredentialStore::fromEnvironment();
    QByteArray password;
    if (auto secret = store.read(credential))
        password = secret.value();
    else if (secret.error().code != QLatin1String("credentials.missing")
             && secret.error().code != QLatin1String("credentials.no_directory"))
        return printFailure(context, false, secret.error());
    const bool withPassword = !password.isEmpty();
    if (auto ok = DbaSetup::ensureServiceLogin(superuser, login, group, std::move(password)); !ok)
        return printFailure(context, false, ok.error());
    context.out << (withPassword ? QCoreApplication::translate("okla", "Service login %1 is ready, with the password of %2.")
                                       .arg(login, credential)
                                 : QCoreApplication::translate("okla", "Service login %1 is ready, without a password (no %2 "
                                                                       "credential): the server must trust it some other way.")
                                       .arg(login, credential))
                << '\n';
    return 0;
}

int apply(CliContext &context)
{
    CliOptions options(QStringLiteral("dba apply"),
                       QStringLiteral("[--profile NAME] [--user SUPERUSER] [--worker-login LOGIN] [--collector-login LOGIN]"));
    options.profileOption().userOption().loginOption(QStringLiteral("--worker-login")).loginOption(QStringLiteral("--collector-login"));
    if (!options.parse(context))
        return 2;
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user(QStringLiteral("postgres")), false);
    if (guard.exitCode != 0)
        return guard.exitCode;
    if (auto ok = DbaSetup::apply(guard.connection); !ok) {
        context.err << "okla: " << ok.error().message << '\n';
        if (!ok.error().detail.isEmpty())
            context.err << "  " << services::serverSentence(ok.error().detail) << '\n';
        return 1;
    }
    if (int failed = makeServiceLogin(context, guard.connection, options, QStringLiteral("--worker-login"),
                                      DbaSetup::ServiceGroup::Worker, CredentialStore::PgPassword))
        return failed;
    if (int failed = makeServiceLogin(context, guard.connection, options, QStringLiteral("--collector-login"),
                                      DbaSetup::ServiceGroup::Monitor, CredentialStore::PgMonitorPassword))
        return failed;
    context.out << QCoreApplication::translate("okla", "The DBA step is applied; now run `okla migrate`.") << '\n';
    return 0;
}

} // namespace

OKLA_CLI_COMMAND("dba apply", "as the superuser, once per database before migrate: roles and staff functions", apply);

} // namespace okla::cli
