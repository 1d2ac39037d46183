// `okla policy list|propose|approve|reject`: money policies (limits, dunning, plans) change only
// when one admin proposes and another approves; the database enforces it (docs/security.md §14).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "services/policy/policychangerepository.h"
#include "models/oklatr.h"

namespace okla::cli {
namespace {

using services::PolicyChange;
using services::PolicyChangeRepository;


constexpr qsizetype kMaxValues = 10000;
constexpr qsizetype kMaxReason = 500;

// A problem with what was typed: one sentence, exit code 2.
int refuse(CliContext &context, const QString &command, const QString &sentence)
{
    context.err << "okla policy " << command << ": " << sentence << '\n';
    return 2;
}

bool parse(CliContext &context, CliOptions &options)
{
    options.profileOption().userOption().flag(QStringLiteral("--json"));
    return options.parse(context);
}

SchemaGuard connect(CliContext &context, const CliOptions &options)
{
    return SchemaGuard::open(context, options.profile(), options.user());
}

// --id: a positive whole number, or one sentence.
bool readId(CliContext &context, const QString &command, const CliOptions &options, qint64 &id)
{
    const std::optional<qint64> given = options.positiveInt(QStringLiteral("--id"));
    id = given.value_or(0);
    if (!given) {
        refuse(context, command, Tr::tr("--id must be the number of a proposed change (see `okla policy list`)."));
        return false;
    }
    return true;
}

bool readReason(CliContext &context, const QString &command, const CliOptions &options, QString &reason)
{
    reason = options.value(QStringLiteral("--reason")).trimmed();
    if (reason.isEmpty() || reason.size() > kMaxReason) {
        refuse(context, command, Tr::tr("--reason is required: 1 to %1 characters saying why.").arg(kMaxReason));
        return false;
    }
    return true;
}

QJsonObject toJson(const PolicyChange &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("table"), c.table},
            {QStringLiteral("operation"), c.operation},
            {QStringLiteral("values"), QJsonDocument::fromJson(c.values.toUtf8()).object()},
            {QStringLiteral("reason"), c.reason},
            {QStringLiteral("state"), c.state},
            {QStringLiteral("proposed_by"), c.proposedBy},
            {QStringLiteral("proposed_at"), c.proposedAt.toString(Qt::ISODate)},
            {QStringLiteral("decided_by"), c.decidedBy.isEmpty() ? QJsonValue() : QJsonValue(c.decidedBy)},
            {QStringLiteral("decided_at"), c.decidedAt.isValid() ? QJsonValue(c.decidedAt.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("decision_reason"), c.decisionReason.isEmpty() ? QJsonValue() : QJsonValue(c.decisionReason)}};
}

int list(CliContext &context)
{
    CliOptions options(QStringLiteral("policy list"), QStringLiteral("[--all] [--profile NAME] [--user ROLE] [--json]"));
    options.flag(QStringLiteral("--all"));
    if (!parse(context, options))
        return 2;
    const bool json = options.isSet(QStringLiteral("--json"));
    SchemaGuard guard = connect(context, options);
    if (guard.exitCode != 0)
        return guard.exitCode;
    auto changes = PolicyChangeRepository(guard.connection).list(!options.isSet(QStringLiteral("--all")));
    if (!changes)
        return printFailure(context, json, changes.error());
    if (json) {
        QJsonArray rows;
        for (const PolicyChange &c : changes.value())
            rows.append(toJson(c));
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("changes"), rows}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        return 0;
    }
    if (changes->isEmpty())
        context.out << Tr::tr("No money-policy change is waiting for approval.") << '\n';
    for (const PolicyChange &c : changes.value())
        context.out << QStringLiteral("#%1 %2 %3 %4 %5 (%6, %7)").arg(c.id).arg(c.state, c.operation, c.table, c.values,
                                                                          c.proposedBy, c.reason)
                    << '\n';
    return 0;
}

int propose(CliContext &context)
{
    const QString command = QStringLiteral("propose");
    CliOptions options(QStringLiteral("policy propose"),
                       QStringLiteral("--table billing_policies|plans|plan_versions --operation insert|update|delete "
                                      "--values JSON --reason TEXT [--profile NAME] [--user ROLE] [--json]"));
    options.choiceOption(QStringLiteral("--table"), {QStringLiteral("billing_policies"), QStringLiteral("plans"), QStringLiteral("plan_versions")})
        .choiceOption(QStringLiteral("--operation"), {QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete")})
        .option(QStringLiteral("--values"))
        .option(QStringLiteral("--reason"));
    if (!parse(context, options))
        return 2;
    const QString table = options.value(QStringLiteral("--table"));
    const QString operation = options.value(QStringLiteral("--operation"));
    const QString values = options.value(QStringLiteral("--values"));
    if (!QStringList{QStringLiteral("billing_policies"), QStringLiteral("plans"), QStringLiteral("plan_versions")}.contains(table))
        return refuse(context, command, Tr::tr("--table must be billing_policies, plans or plan_versions."));
    if (!QStringList{QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete")}.contains(operation))
        return refuse(context, command, Tr::tr("--operation must be insert, update or delete."));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(values.toUtf8(), &error);
    if (values.size() > kMaxValues || error.error != QJsonParseError::NoError || !document.isObject()
        || document.object().isEmpty())
        return refuse(context, command,
                      Tr::tr("--values must be a JSON object of column values of at most %1 characters, e.g. "
                         "'{\"key\": \"refund_approval_limit_minor\", \"value\": {\"DOP\": 2000000, \"USD\": 40000}}'.")
                          .arg(kMaxValues));
    QString reason;
    if (!readReason(context, command, options, reason))
        return 2;
    const bool json = options.isSet(QStringLiteral("--json"));
    SchemaGuard guard = connect(context, options);
    if (guard.exitCode != 0)
        return guard.exitCode;
    auto id = PolicyChangeRepository(guard.connection).propose(table, operation, values, reason);
    if (!id)
        return printFailure(context, json, id.error());
    if (json)
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("id"), id.value()}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
    else
        context.out << Tr::tr("Proposed change #%1; another admin must approve it (`okla policy approve --id %1`).").arg(id.value())
                    << '\n';
    return 0;
}

int decide(CliContext &context, bool approve)
{
    const QString command = approve ? QStringLiteral("approve") : QStringLiteral("reject");
    CliOptions options(QStringLiteral("policy ") + command,
                       approve ? QStringLiteral("--id N [--profile NAME] [--user ROLE] [--json]")
                               : QStringLiteral("--id N --reason TEXT [--profile NAME] [--user ROLE] [--json]"));
    options.positiveIntOption(QStringLiteral("--id"));
    if (!approve)
        options.option(QStringLiteral("--reason"));
    if (!parse(context, options))
        return 2;
    qint64 id = 0;
    if (!readId(context, command, options, id))
        return 2;
    QString reason;
    if (!approve && !readReason(context, command, options, reason))
        return 2;
    const bool json = options.isSet(QStringLiteral("--json"));
    SchemaGuard guard = connect(context, options);
    if (guard.exitCode != 0)
        return guard.exitCode;
    PolicyChangeRepository repository(guard.connection);
    auto done = approve ? repository.approve(id) : repository.reject(id, reason);
    if (!done)
        return printFailure(context, json, done.error());
    if (json)
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("id"), id}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
    else
        context.out << (approve ? Tr::tr("Change #%1 approved and applied.") : Tr::tr("Change #%1 rejected.")).arg(id) << '\n';
    return 0;
}

int approveChange(CliContext &context) { return decide(context, true); }
int rejectChange(CliContext &context) { return decide(context, false); }

} // namespace

OKLA_CLI_COMMAND("policy list", "money-policy changes waiting for a second admin [--all] [--json]", list);
OKLA_CLI_COMMAND("policy propose", "propose a change of billing_policies, plans or plan_versions (admin)", propose);
OKLA_CLI_COMMAND("policy approve", "approve and apply another admin's proposed change (admin)", approveChange);
OKLA_CLI_COMMAND("policy reject", "reject a proposed change with a reason (admin)", rejectChange);

} // namespace okla::cli
