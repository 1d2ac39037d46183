// `okla audit verify` and `okla audit checkpoint`: the audit log's chain recomputed here, outside
// the database, and checked against signed checkpoints (docs/security.md §5).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "services/audit/auditcheckpointer.h"
#include "services/credentials/credentialstore.h"
#include "models/oklatr.h"

namespace okla::cli {
namespace {

int verify(CliContext &context)
{
    CliOptions options(QStringLiteral("audit verify"),
                       QStringLiteral("[--profile NAME] [--user ROLE] [--checkpoint-dir DIR] [--public-key BASE64] [--json]"));
    options.profileOption().userOption().option(QStringLiteral("--checkpoint-dir")).option(QStringLiteral("--public-key"))
        .flag(QStringLiteral("--json"));
    if (!options.parse(context))
        return 2;
    const bool json = options.isSet(QStringLiteral("--json"));
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user());
    if (guard.exitCode != 0)
        return guard.exitCode;
    const services::AuditCheckpointer checkpointer(
        options.value(QStringLiteral("--checkpoint-dir"), guard.profile.auditCheckpointDir),
        options.value(QStringLiteral("--public-key"), guard.profile.auditPublicKey));
    auto verified = checkpointer.verify(guard.connection);
    if (!verified)
        return printFailure(context, json, verified.error());
    const services::AuditVerification &v = verified.value();
    if (json) {
        QJsonObject object{{QStringLiteral("ok"), v.intact()},
                           {QStringLiteral("intact"), v.intact()},
                           {QStringLiteral("rows_checked"), v.chain.rowsChecked},
                           {QStringLiteral("last_seq"), v.chain.lastSeq},
                           {QStringLiteral("checkpoints_checked"), v.checkpointsChecked},
                           {QStringLiteral("problems"), QJsonArray::fromStringList(v.problems)},
                           {QStringLiteral("warnings"), QJsonArray::fromStringList(v.warnings)}};
        if (v.firstBadSeq)
            object.insert(QStringLiteral("first_bad_seq"), *v.firstBadSeq);
        if (v.latest)
            object.insert(QStringLiteral("checkpoint_seq"), v.latest->seq);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        return v.intact() ? 0 : 1;
    }
    for (const QString &warning : v.warnings)
        context.err << "okla: " << warning << '\n';
    if (!v.intact()) {
        context.out << Tr::tr("Audit log BROKEN:") << '\n';
        for (const QString &problem : v.problems)
            context.out << "  " << problem << '\n';
        return 1;
    }
    if (v.latest)
        context.out << Tr::tr("Audit log intact: %1 rows checked, consistent with %2 signed checkpoint(s) (the latest covers "
                          "rows up to %3).").arg(v.chain.rowsChecked).arg(v.checkpointsChecked).arg(v.latest->seq)
                    << '\n';
    else
        context.out << Tr::tr("Audit log intact: %1 rows checked.").arg(v.chain.rowsChecked) << '\n';
    return 0;
}

int checkpoint(CliContext &context)
{
    CliOptions options(QStringLiteral("audit checkpoint"), QStringLiteral("[--profile NAME] [--user ROLE] [--json]"));
    options.profileOption().userOption().flag(QStringLiteral("--json"));
    if (!options.parse(context))
        return 2;
    const bool json = options.isSet(QStringLiteral("--json"));
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user());
    if (guard.exitCode != 0)
        return guard.exitCode;
    const auto store = services::CredentialStore::fromEnvironment(guard.profile.credentialsDir);
    auto key = store.read(services::CredentialStore::AuditSigningKey);
    if (!key)
        return printFailure(context, json, key.error());
    const services::AuditCheckpointer checkpointer(guard.profile.auditCheckpointDir, guard.profile.auditPublicKey);
    auto written = checkpointer.checkpoint(guard.connection, key.value());
    if (!written)
        return printFailure(context, json, written.error());
    if (json)
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                 {QStringLiteral("seq"), written->seq},
                                                 {QStringLiteral("head_hash"), QString::fromLatin1(written->headHash.toHex())},
                                                 {QStringLiteral("file"), written->fileName}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
    else
        context.out << Tr::tr("Audit checkpoint signed: rows up to %1, written to %2.").arg(written->seq).arg(written->fileName)
                    << '\n';
    return 0;
}

} // namespace

OKLA_CLI_COMMAND("audit verify", "recompute the audit log's hash chain here and check it against the signed checkpoints",
                 verify);
OKLA_CLI_COMMAND("audit checkpoint", "verify the audit log, then sign its head into the checkpoint folder (worker)",
                 checkpoint);

} // namespace okla::cli
