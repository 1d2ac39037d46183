// `okla billing run|status` and `okla reconcile`: ask okla-worker to bill or reconcile a day and
// follow it; read where billing stands (docs/domain.md §22, docs/worker.md §11).
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "app/cli/workrequestrunner.h"
#include "models/oklatr.h"
#include "services/requests/billingstatus.h"

namespace okla::cli {
namespace {

QJsonObject counts(const QMap<QString, qint64> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// `billing run` and `reconcile` take the same options: a day (default: today in Santo Domingo).
int requestForDate(CliContext &context, const QString &command, const QString &kind)
{
    CliOptions options(command, QStringLiteral("[--date YYYY-MM-DD] [--no-wait] [--timeout SECONDS] "
                                               "[--idempotency-key UUID] [--profile NAME] [--user ROLE] [--json]"));
    options.dateOption(QStringLiteral("--date"));
    WorkRequestRunner::declareOptions(options);
    if (!options.parse(context))
        return 2;
    QJsonObject params;
    if (const auto date = options.date(QStringLiteral("--date")))
        params.insert(QStringLiteral("date"), date->toString(Qt::ISODate));
    return WorkRequestRunner::run(context, options, kind, params);
}

int billingRun(CliContext &context)
{
    return requestForDate(context, QStringLiteral("billing run"), QStringLiteral("billing_run"));
}

int reconcile(CliContext &context)
{
    return requestForDate(context, QStringLiteral("reconcile"), QStringLiteral("reconcile"));
}

int billingStatus(CliContext &context)
{
    CliOptions options(QStringLiteral("billing status"), QStringLiteral("[--profile NAME] [--user ROLE] [--json]"));
    options.profileOption().userOption().flag(QStringLiteral("--json"));
    if (!options.parse(context))
        return 2;
    const bool json = options.isSet(QStringLiteral("--json"));
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user());
    if (guard.exitCode != 0)
        return guard.exitCode;
    auto status = services::BillingStatusReader(guard.connection).read();
    if (!status)
        return printFailure(context, json, status.error());
    const services::BillingStatus &s = status.value();
    if (json) {
        const QJsonObject object{
            {QStringLiteral("ok"), true},
            {QStringLiteral("business_date"), s.businessDate.toString(Qt::ISODate)},
            {QStringLiteral("due_subscriptions"), s.dueSubscriptions},
            {QStringLiteral("in_dunning"), s.inDunning},
            {QStringLiteral("charges_today"), counts(s.chargesToday)},
            {QStringLiteral("charges_in_flight"), s.chargesInFlight},
            {QStringLiteral("open_requests"), counts(s.openRequests)},
            {QStringLiteral("workers_alive"), s.workersAlive},
            {QStringLiteral("last_run"), s.lastRunId == 0 ? QJsonValue()
                                                          : QJsonValue(QJsonObject{
                                                                {QStringLiteral("id"), s.lastRunId},
                                                                {QStringLiteral("state"), s.lastRunState},
                                                                {QStringLiteral("created_at"), s.lastRunAt.toString(Qt::ISODate)}})}};
        context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    context.out << Tr::tr("Billing on %1 (Santo Domingo)").arg(s.businessDate.toString(Qt::ISODate)) << '\n'
                << Tr::tr("  subscriptions due: %1, in dunning: %2").arg(s.dueSubscriptions).arg(s.inDunning) << '\n'
                << Tr::tr("  charges today: %1; not yet settled: %2")
                       .arg(QString::fromUtf8(QJsonDocument(counts(s.chargesToday)).toJson(QJsonDocument::Compact)))
                       .arg(s.chargesInFlight)
                << '\n'
                << Tr::tr("  open worker requests: %1")
                       .arg(QString::fromUtf8(QJsonDocument(counts(s.openRequests)).toJson(QJsonDocument::Compact)))
                << '\n'
                << Tr::tr("  workers alive: %1").arg(s.workersAlive) << '\n';
    if (s.lastRunId != 0)
        context.out << Tr::tr("  last billing run: #%1, %2, asked %3")
                           .arg(s.lastRunId).arg(s.lastRunState, s.lastRunAt.toString(Qt::ISODate))
                    << '\n';
    else
        context.out << Tr::tr("  no billing run has been asked for yet") << '\n';
    return 0;
}

} // namespace

OKLA_CLI_COMMAND("billing run", "ask okla-worker to bill a day and follow it [--date D] [--no-wait] [--json]", billingRun);
OKLA_CLI_COMMAND("billing status", "subscriptions due, dunning, charges, requests and workers now [--json]", billingStatus);
OKLA_CLI_COMMAND("reconcile", "ask okla-worker to reconcile both providers for a day [--date D] [--json]", reconcile);

} // namespace okla::cli
