// `okla providers status [--json]` and `okla providers probe [--json]`.
#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "services/session/connectionprofile.h"
#include "services/redis/redisclient.h"
#include "services/resilience/providerhealth.h"
#include "services/resilience/providerprobe.h"
#include "services/resilience/resiliencemanager.h"

using namespace okla::services;

namespace {

QString ms(double value)
{
    return value <= 0 ? QStringLiteral("-") : QString::number(value, 'f', 0);
}

/// `--profile NAME` and `--json`, as every okla command; anything else is refused rather than
/// ignored, so a mistyped or unsupported option never reports on another profile's providers.
struct ProvidersArgs
{
    bool ok = false;
    bool json = false;
    QString profile;
};

ProvidersArgs parseArgs(okla::cli::CliContext &ctx, const QString &command)
{
    okla::cli::CliOptions options(command, QStringLiteral("[--profile NAME] [--json]"));
    options.profileOption().flag(QStringLiteral("--json"));
    ProvidersArgs args;
    args.ok = options.parse(ctx);
    args.json = options.isSet(QStringLiteral("--json"));
    args.profile = options.profile();
    return args;
}

int providersStatus(okla::cli::CliContext &ctx)
{
    const ProvidersArgs args = parseArgs(ctx, QStringLiteral("providers status"));
    if (!args.ok)
        return 2;
    const bool json = args.json;
    auto profile = ConnectionProfile::load(args.profile);
    if (!profile) {
        ctx.err << profile.error().toString() << '\n';
        return 1;
    }
    auto redis = std::make_shared<RedisClient>(RedisConfig::fromProfile(*profile));
    HealthReader reader(redis);
    auto perProcess = reader.readPerProcess();
    const QString where = QStringLiteral("%1:%2").arg(profile->redisHost).arg(profile->redisPort);
    if (!perProcess) {
        if (json) {
            ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("redis"), where},
                                                 {QStringLiteral("reachable"), false},
                                                 {QStringLiteral("error"), perProcess.error().toString()}})
                           .toJson(QJsonDocument::Indented);
        } else {
            ctx.err << QCoreApplication::translate("okla", "Provider health is kept in Redis, which did not answer:") << ' ' << perProcess.error().toString() << '\n';
        }
        return 1;
    }
    const QList<OperationHealth> aggregate = HealthReader::aggregate(*perProcess);
    if (json) {
        QJsonArray operations;
        for (const OperationHealth &op : aggregate) {
            QJsonObject o = op.toJson();
            o.remove(QStringLiteral("process"));
            QJsonArray detail;
            for (const OperationHealth &p : *perProcess)
                if (p.key == op.key)
                    detail.append(QJsonObject{{QStringLiteral("process"), p.process},
                                              {QStringLiteral("state"), p.state},
                                              {QStringLiteral("calls"), p.windowCalls},
                                              {QStringLiteral("failures"), p.windowFailures},
                                              {QStringLiteral("count"), p.latency.count},
                                              {QStringLiteral("p50Ms"), p.p50Ms()},
                                              {QStringLiteral("p95Ms"), p.p95Ms()},
                                              {QStringLiteral("limiter"), p.limiter},
                                              {QStringLiteral("updated"), p.updatedUtc.toString(Qt::ISODateWithMs)}});
            o.insert(QStringLiteral("perProcess"), detail);
            operations.append(o);
        }
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("redis"), where},
                                             {QStringLiteral("reachable"), true},
                                             {QStringLiteral("operations"), operations}})
                       .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (aggregate.isEmpty()) {
        ctx.out << QCoreApplication::translate("okla", "No process has reported provider health in the last 30 seconds.") << '\n';
        return 0;
    }
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(QStringLiteral("OPERATION"), -28)
                   .arg(QStringLiteral("BREAKER"), -10)
                   .arg(QStringLiteral("PROCS"), 5)
                   .arg(QStringLiteral("CALLS/60s"), 9)
                   .arg(QStringLiteral("FAILED"), 6)
                   .arg(QStringLiteral("SAMPLES"), 7)
                   .arg(QStringLiteral("P50 ms"), 7)
                   .arg(QStringLiteral("P95 ms"), 7)
                   .arg(QStringLiteral("LIMITER"));
    for (const OperationHealth &op : aggregate) {
        QString state = op.state;
        if (op.openRemainingMs > 0)
            state += QStringLiteral(" %1s").arg((op.openRemainingMs + 999) / 1000);
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                       .arg(op.key.name(), -28)
                       .arg(state, -10)
                       .arg(op.processes, 5)
                       .arg(op.windowCalls, 9)
                       .arg(op.windowFailures, 6)
                       .arg(op.latency.count, 7)
                       .arg(ms(op.p50Ms()), 7)
                       .arg(ms(op.p95Ms()), 7)
                       .arg(op.limiter == QLatin1String("local") ? QCoreApplication::translate("okla", "local (Redis was unreachable)") : op.limiter);
        for (const QString &error : op.recentErrors)
            ctx.out << "    " << error << '\n';
    }
    return 0;
}

int providersProbe(okla::cli::CliContext &ctx)
{
    const ProvidersArgs args = parseArgs(ctx, QStringLiteral("providers probe"));
    if (!args.ok)
        return 2;
    const bool json = args.json;
    auto profile = ConnectionProfile::load(args.profile);
    if (!profile) {
        ctx.err << profile.error().toString() << '\n';
        return 1;
    }
    // Through the resilience layer, so the probe counts in breakers, limiter and shared health.
    auto manager = ResilienceManager::fromProfile(*profile);
    QFuture<QList<ProbeResult>> future = ProviderProbe::run(*profile, manager);
    QEventLoop loop;
    QFutureWatcher<QList<ProbeResult>> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    const QList<ProbeResult> results = future.result();
    if (manager->redis()) {
        HealthPublisher publisher(manager->redis(), manager->healthRecorder(), manager->breakerRegistry(), manager->rateLimiter());
        publisher.publishNow().waitForFinished();
    }
    bool allOk = !results.isEmpty();
    QJsonArray array;
    for (const auto &r : results) {
        allOk = allOk && r.ok;
        array.append(r.toJson());
        if (!json)
            ctx.out << QStringLiteral("%1 %2 %3 ms  %4%5\n")
                           .arg(r.provider, -7)
                           .arg(r.ok ? QStringLiteral("ok") : QStringLiteral("FAILED"), -6)
                           .arg(r.latencyMs, 6)
                           .arg(r.detail)
                           .arg(r.method.isEmpty() ? QString() : QStringLiteral("  [") + r.method + u']');
    }
    if (json)
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (results.isEmpty())
        ctx.out << QCoreApplication::translate("okla", "No payment provider is configured in this profile.") << '\n';
    return allOk ? 0 : 1;
}

} // namespace

OKLA_CLI_COMMAND("providers status", "breakers, latency and recent errors of AZUL and Stripe across all processes [--profile NAME] [--json]",
                 providersStatus);
OKLA_CLI_COMMAND("providers probe", "one harmless read-only call to each configured payment provider [--profile NAME] [--json]",
                 providersProbe);
