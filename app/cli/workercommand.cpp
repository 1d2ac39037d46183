// `okla worker status [--json]`: the running workers and the request queue (docs/worker.md §6).
#include <QJsonDocument>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "services/worker/workerstatus.h"

namespace okla::cli {

namespace {

void printText(QTextStream &out, const services::WorkerStatusReport &report)
{
    out << QCoreApplication::translate("okla", "Workers:") << '\n';
    if (report.instances.isEmpty())
        out << "  " << QCoreApplication::translate("okla", "none has recorded a heartbeat") << '\n';
    for (const auto &i : report.instances)
        out << "  " << i.instanceId.leftJustified(40) << ' ' << i.state.leftJustified(8) << ' '
            << QCoreApplication::translate("okla", "heartbeat %1 s ago, version %2, %3 of %4 busy")
                   .arg(QString::number(i.heartbeatAgeSeconds, 'f', 0), i.version)
                   .arg(i.status.value(QStringLiteral("in_flight")).toInt())
                   .arg(i.concurrency)
            << '\n';
    out << QCoreApplication::translate("okla", "Requests:") << '\n';
    if (report.requests.isEmpty())
        out << "  " << QCoreApplication::translate("okla", "none") << '\n';
    for (const auto &c : report.requests)
        out << "  " << c.kind.leftJustified(22) << ' ' << c.state.leftJustified(10) << ' ' << c.count << '\n';
}

int workerStatus(CliContext &context)
{
    CliOptions options(QStringLiteral("worker status"), QStringLiteral("[--profile NAME] [--user ROLE] [--json]"));
    options.profileOption().userOption().flag(QStringLiteral("--json"));
    if (!options.parse(context))
        return 2;
    const bool json = options.isSet(QStringLiteral("--json"));
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user());
    if (guard.exitCode != 0)
        return guard.exitCode;
    auto report = services::WorkerStatusReport::read(guard.connection);
    if (!report)
        return printFailure(context, json, report.error());
    if (json)
        context.out << QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        printText(context.out, report.value());
    return 0;
}

} // namespace

OKLA_CLI_COMMAND("worker status", "workers' heartbeats and the request queue by kind and state", workerStatus);

} // namespace okla::cli
