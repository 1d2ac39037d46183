// `okla audit verify`: recomputes the audit log's hash chain in the database (docs/security.md §5).
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"

namespace okla::cli {
namespace {

int verify(CliContext &context)
{
    CliOptions options(QStringLiteral("audit verify"), QStringLiteral("[--profile NAME] [--user ROLE] [--json]"));
    options.profileOption().userOption().flag(QStringLiteral("--json"));
    if (!options.parse(context))
        return 2;
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user());
    if (guard.exitCode != 0)
        return guard.exitCode;
    auto result = guard.connection.exec(QStringLiteral("SELECT first_bad_seq, rows_checked, problem FROM audit_verify()"));
    if (!result) {
        context.err << "okla: "
                    << QCoreApplication::translate("okla", "Could not verify the audit log (a manager or admin role "
                                                           "is needed): %1").arg(result.error().detail)
                    << '\n';
        return 1;
    }
    const bool intact = result->isNull(0, 0);
    const qint64 checked = result->toInt64(0, 1);
    if (options.isSet(QStringLiteral("--json"))) {
        QJsonObject json{{QStringLiteral("intact"), intact}, {QStringLiteral("rows_checked"), checked}};
        if (!intact) {
            json.insert(QStringLiteral("first_bad_seq"), result->toInt64(0, 0));
            json.insert(QStringLiteral("problem"), result->text(0, 2));
        }
        context.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    } else if (intact) {
        context.out << QCoreApplication::translate("okla", "Audit log intact: %1 rows checked.").arg(checked) << '\n';
    } else {
        context.out << QCoreApplication::translate("okla", "Audit log BROKEN at row %1 (%2); %3 rows before it are intact.")
                           .arg(result->text(0, 0), result->text(0, 2)).arg(checked)
                    << '\n';
    }
    return intact ? 0 : 1;
}

} // namespace

OKLA_CLI_COMMAND("audit verify", "recompute the audit log's hash chain (manager/admin)", verify);

} // namespace okla::cli
