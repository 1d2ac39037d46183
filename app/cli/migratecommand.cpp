// `okla migrate` and `okla schema check`: the schema version commands (docs/howto.md §4).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "services/database/functionbodies.h"
#include "services/database/migrator.h"
#include "models/oklatr.h"

namespace okla::cli {

using services::Migrator;

namespace {

struct Options
{
    QString profile;
    QString user;
    bool json = false;
    bool status = false;
};

// Flags shared by the schema commands, checked by CliOptions; anything else is refused with one
// sentence (exit 2).
bool parseOptions(CliContext &context, const QString &command, bool allowStatus, Options &options)
{
    CliOptions parsed(command, allowStatus ? QStringLiteral("[--status] [--profile NAME] [--user ROLE] [--json]")
                                           : QStringLiteral("[--profile NAME] [--user ROLE] [--json]"));
    parsed.profileOption().userOption().flag(QStringLiteral("--json"));
    if (allowStatus)
        parsed.flag(QStringLiteral("--status"));
    if (!parsed.parse(context))
        return false;
    options.profile = parsed.value(QStringLiteral("--profile"));
    options.user = parsed.user();
    options.json = parsed.isSet(QStringLiteral("--json"));
    options.status = parsed.isSet(QStringLiteral("--status"));
    return true;
}

QJsonObject stateJson(const services::SchemaState &state)
{
    QJsonArray pending;
    for (int v : state.pending)
        pending.append(v);
    return {{QStringLiteral("applied"), state.applied},
            {QStringLiteral("expected"), state.expected},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("problems"), QJsonArray::fromStringList(state.problems)},
            {QStringLiteral("up_to_date"), state.upToDate()}};
}

int migrate(CliContext &context)
{
    Options options;
    if (!parseOptions(context, QStringLiteral("migrate"), true, options))
        return 2;
    // The owner applies migrations (it owns the schema); --status may be read by anyone.
    const QString user = options.user.isEmpty() ? QStringLiteral("okla_owner") : options.user;
    SchemaGuard guard = SchemaGuard::open(context, options.profile, user, false);
    if (guard.exitCode != 0)
        return guard.exitCode;
    if (options.status) {
        auto state = Migrator::inspect(guard.connection);
        if (!state)
            return printFailure(context, options.json, state.error());
        if (options.json) {
            context.out << QJsonDocument(stateJson(state.value())).toJson(QJsonDocument::Compact) << '\n';
        } else {
            context.out << Tr::tr("Schema version %1 of %2.").arg(state->applied).arg(state->expected) << '\n';
            for (int v : state->pending)
                context.out << "  " << Tr::tr("pending: migration %1").arg(v) << '\n';
            for (const QString &p : state->problems)
                context.out << "  " << p << '\n';
        }
        return state->problems.isEmpty() ? 0 : 1;
    }
    auto applied = Migrator::migrate(guard.connection, [&](const QString &line) {
        if (!options.json) {
            context.out << line << '\n';
            context.out.flush();
        }
    });
    if (!applied)
        return printFailure(context, options.json, applied.error());
    if (options.json) {
        auto state = Migrator::inspect(guard.connection);
        QJsonObject object = state ? stateJson(state.value()) : QJsonObject{};
        object.insert(QStringLiteral("ok"), true);
        object.insert(QStringLiteral("applied_now"), applied.value());
        context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    }
    return 0;
}

int schemaCheck(CliContext &context)
{
    Options options;
    if (!parseOptions(context, QStringLiteral("schema check"), false, options))
        return 2;
    SchemaGuard guard = SchemaGuard::open(context, options.profile, options.user, false);
    if (guard.exitCode != 0)
        return guard.exitCode;
    if (auto ok = Migrator::checkCompatible(guard.connection); !ok)
        return printFailure(context, options.json, ok.error());
    // The checksums say which migrations ran; the bodies say the functions are still theirs.
    auto functions = services::FunctionBodies::compare(guard.connection);
    if (!functions)
        return printFailure(context, options.json, functions.error());
    if (!functions->isEmpty()) {
        if (options.json)
            context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                                     {QStringLiteral("code"), QStringLiteral("schema.functions")},
                                                     {QStringLiteral("message"), functions->first()},
                                                     {QStringLiteral("problems"), QJsonArray::fromStringList(functions.value())}})
                               .toJson(QJsonDocument::Compact)
                        << '\n';
        for (const QString &problem : functions.value())
            context.err << "okla: " << problem << '\n';
        return 1;
    }
    const int version = Migrator::embedded().isEmpty() ? 0 : Migrator::embedded().constLast().version;
    if (options.json)
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("version"), version}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
    else
        context.out << Tr::tr("The database schema matches this program (version %1).").arg(version) << '\n';
    return 0;
}

} // namespace

} // namespace okla::cli

OKLA_CLI_COMMAND("migrate", "apply pending schema migrations as okla_owner [--status] [--profile NAME] [--json]",
                 okla::cli::migrate);
OKLA_CLI_COMMAND("schema check", "refuse (exit 1) unless the database schema matches this program [--json]",
                 okla::cli::schemaCheck);
