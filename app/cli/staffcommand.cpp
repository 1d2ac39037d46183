// `okla staff list|create|set-role|deactivate`: staff management, admin only (the database
// enforces it and the staff trigger audits it; docs/security.md §13).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "services/staff/staffrepository.h"

namespace okla::cli {
namespace {

using models::StaffMember;
namespace staffrules = models::staffrules;

// A problem with what was typed: one sentence, exit code 2.
int refuseInput(CliContext &context, const QString &command, const models::Error &error)
{
    context.err << "okla staff " << command << ": " << error.message << '\n';
    return 2;
}

// Every staff command also takes --profile and --user (an admin's login; the database refuses others).
bool parse(CliContext &context, CliOptions &options)
{
    options.profileOption().userOption();
    return options.parse(context);
}

// The options a command cannot do without; one sentence naming them when one is missing.
bool haveRequired(CliContext &context, const CliOptions &options, const QString &command, const QStringList &required)
{
    for (const QString &name : required) {
        if (!options.isSet(name)) {
            context.err << "okla staff " << command << ": "
                        << QCoreApplication::translate("okla", "%1 is required (with %2).")
                               .arg(name, required.join(QStringLiteral(", ")))
                        << '\n';
            return false;
        }
    }
    return true;
}

SchemaGuard connect(CliContext &context, const CliOptions &options)
{
    return SchemaGuard::open(context, options.profile(), options.user());
}

QJsonObject toJson(const StaffMember &m)
{
    return { { QStringLiteral("id"), m.id }, { QStringLiteral("login"), m.login },
        { QStringLiteral("full_name"), m.fullName },
        { QStringLiteral("email"), m.email.isEmpty() ? QJsonValue() : QJsonValue(m.email) },
        { QStringLiteral("role"), m.roleKey }, { QStringLiteral("active"), m.active },
        { QStringLiteral("created_at"), m.createdAt.toString(Qt::ISODate) } };
}

int list(CliContext &context)
{
    CliOptions options(QStringLiteral("staff list"), QStringLiteral("[--profile NAME] [--user ROLE] [--json]"));
    options.flag(QStringLiteral("--json"));
    if (!parse(context, options))
        return 2;
    SchemaGuard guard = connect(context, options);
    if (guard.exitCode != 0)
        return guard.exitCode;
    const bool json = options.isSet(QStringLiteral("--json"));
    auto staff = services::StaffRepository(guard.connection).list();
    if (!staff)
        return printFailure(context, json, staff.error());
    if (json) {
        QJsonArray rows;
        for (const StaffMember &m : staff.value())
            rows.append(toJson(m));
        context.out << QJsonDocument(QJsonObject { { QStringLiteral("ok"), true }, { QStringLiteral("staff"), rows } })
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        return 0;
    }
    for (const StaffMember &m : staff.value())
        context.out << m.login.leftJustified(20) << ' ' << m.roleKey.leftJustified(8) << ' '
                    << (m.active ? QCoreApplication::translate("okla", "active")
                                 : QCoreApplication::translate("okla", "inactive"))
                           .leftJustified(9)
                    << ' ' << m.fullName << '\n';
    return 0;
}

// The password for --password-stdin: the first line of stdin, never an argument (it would show in
// the process list and the shell history).
QByteArray readPasswordLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine(1025);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

int create(CliContext &context)
{
    CliOptions options(QStringLiteral("staff create"),
        QStringLiteral("--login LOGIN --name NAME --role finance|manager|support|admin [--email ADDRESS] "
                       "[--password-stdin] [--profile NAME] [--user ROLE]"));
    options.option(QStringLiteral("--login"))
        .option(QStringLiteral("--name"))
        .option(QStringLiteral("--role"))
        .option(QStringLiteral("--email"))
        .flag(QStringLiteral("--password-stdin"));
    if (!parse(context, options)
        || !haveRequired(context, options, QStringLiteral("create"),
            { QStringLiteral("--login"), QStringLiteral("--name"), QStringLiteral("--role") }))
        return 2;
    models::StaffDraft draft;
    draft.login = options.value(QStringLiteral("--login"));
    draft.fullName = options.value(QStringLiteral("--name"));
    draft.email = options.value(QStringLiteral("--email"));
    auto role = staffrules::parseRole(options.value(QStringLiteral("--role")));
    if (!role)
        return refuseInput(context, QStringLiteral("create"), role.error());
    draft.role = role.value();
    if (auto ok = staffrules::checkDraft(draft); !ok)
        return refuseInput(context, QStringLiteral("create"), ok.error());
    QByteArray password;
    if (options.isSet(QStringLiteral("--password-stdin"))) {
        password = readPasswordLine();
        if (password.size() < 12 || password.size() > 1024)
            return refuseInput(context, QStringLiteral("create"),
                models::makeError(QStringLiteral("staff.password"),
                    QCoreApplication::translate(
                        "okla", "A password is 12 to 1024 characters, on the first line of stdin.")));
    }
    SchemaGuard guard = connect(context, options);
    if (guard.exitCode != 0)
        return guard.exitCode;
    auto id = services::StaffRepository(guard.connection).create(draft, password);
    password.fill('\0');
    if (!id)
        return printFailure(context, false, id.error());
    context.out << QCoreApplication::translate("okla", "Staff member %1 is ready in the %2 group (id %3).")
                       .arg(draft.login, models::staffRoleKey(draft.role))
                       .arg(id.value())
                << '\n';
    return 0;
}

int setRole(CliContext &context)
{
    CliOptions options(QStringLiteral("staff set-role"),
        QStringLiteral("--login LOGIN --role finance|manager|support|admin [--profile NAME] [--user ROLE]"));
    options.option(QStringLiteral("--login")).option(QStringLiteral("--role"));
    if (!parse(context, options)
        || !haveRequired(
            context, options, QStringLiteral("set-role"), { QStringLiteral("--login"), QStringLiteral("--role") }))
        return 2;
    const QString login = options.value(QStringLiteral("--login"));
    if (auto ok = staffrules::checkLogin(login); !ok)
        return refuseInput(context, QStringLiteral("set-role"), ok.error());
    auto role = staffrules::parseRole(options.value(QStringLiteral("--role")));
    if (!role)
        return refuseInput(context, QStringLiteral("set-role"), role.error());
    SchemaGuard guard = connect(context, options);
    if (guard.exitCode != 0)
        return guard.exitCode;
    if (auto ok = services::StaffRepository(guard.connection).setRole(login, role.value()); !ok)
        return printFailure(context, false, ok.error());
    context.out << QCoreApplication::translate("okla", "%1 is now in the %2 group only.")
                       .arg(login, models::staffRoleKey(role.value()))
                << '\n';
    return 0;
}

int deactivate(CliContext &context)
{
    CliOptions options(
        QStringLiteral("staff deactivate"), QStringLiteral("--login LOGIN [--profile NAME] [--user ROLE]"));
    options.option(QStringLiteral("--login"));
    if (!parse(context, options)
        || !haveRequired(context, options, QStringLiteral("deactivate"), { QStringLiteral("--login") }))
        return 2;
    const QString login = options.value(QStringLiteral("--login"));
    if (auto ok = staffrules::checkLogin(login); !ok)
        return refuseInput(context, QStringLiteral("deactivate"), ok.error());
    SchemaGuard guard = connect(context, options);
    if (guard.exitCode != 0)
        return guard.exitCode;
    if (auto ok = services::StaffRepository(guard.connection).deactivate(login); !ok)
        return printFailure(context, false, ok.error());
    context.out << QCoreApplication::translate(
        "okla", "%1 is deactivated: the login cannot sign in and its sessions were ended.")
                       .arg(login)
                << '\n';
    return 0;
}

} // namespace

OKLA_CLI_COMMAND("staff list", "everyone in the staff table [--json]", list);
OKLA_CLI_COMMAND("staff create", "create or re-create a staff login (admin) --login --name --role", create);
OKLA_CLI_COMMAND("staff set-role", "move a staff login to one other group (admin) --login --role", setRole);
OKLA_CLI_COMMAND("staff deactivate", "NOLOGIN, out of every group, sessions ended (admin) --login", deactivate);

} // namespace okla::cli
