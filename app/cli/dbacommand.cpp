// `okla dba apply`: the DBA step, run once per database as the superuser before `okla migrate`
// (docs/security.md §13).
#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "services/database/dbasetup.h"

namespace okla::cli {
namespace {

int apply(CliContext &context)
{
    CliOptions options(QStringLiteral("dba apply"), QStringLiteral("[--profile NAME] [--user SUPERUSER]"));
    options.profileOption().userOption();
    if (!options.parse(context))
        return 2;
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user(QStringLiteral("postgres")), false);
    if (guard.exitCode != 0)
        return guard.exitCode;
    if (auto ok = services::DbaSetup::apply(guard.connection); !ok) {
        context.err << "okla: " << ok.error().message << '\n';
        if (!ok.error().detail.isEmpty())
            context.err << "  " << ok.error().detail.section(u'\n', 0, 0) << '\n';
        return 1;
    }
    context.out << QCoreApplication::translate("okla", "The DBA step is applied; now run `okla migrate`.") << '\n';
    return 0;
}

} // namespace

OKLA_CLI_COMMAND("dba apply", "as the superuser, once per database before migrate: roles and staff functions", apply);

} // namespace okla::cli
