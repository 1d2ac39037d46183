#include "app/cli/workrequestrunner.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>

#include "app/cli/schemaguard.h"
#include "models/oklatr.h"
#include "services/requests/workrequestclient.h"

namespace okla::cli {

using services::WorkRequest;
using services::WorkRequestClient;

namespace {

constexpr int kPollMilliseconds = 500;
constexpr qint64 kDefaultTimeoutSeconds = 900;
constexpr qint64 kNoWorkerHintSeconds = 10;

int exitCodeFor(const models::Error &error)
{
    if (error.code == QLatin1String("request.forbidden"))
        return 3;
    if (error.code == QLatin1String("request.key_reused") || error.code == QLatin1String("request.invalid"))
        return 2;
    return 1;
}

int fail(CliContext &context, bool json, const models::Error &error)
{
    printFailure(context, json, error);
    return exitCodeFor(error);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject toJson(const WorkRequest &request)
{
    return {{QStringLiteral("id"), request.id},
            {QStringLiteral("kind"), request.kind},
            {QStringLiteral("state"), request.state},
            {QStringLiteral("params"), request.params},
            {QStringLiteral("progress"), request.progress},
            {QStringLiteral("result"), request.result},
            {QStringLiteral("error"), request.error.isEmpty() ? QJsonValue() : QJsonValue(request.error)},
            {QStringLiteral("claimed_by"), request.claimedBy.isEmpty() ? QJsonValue() : QJsonValue(request.claimedBy)}};
}

int report(CliContext &context, bool json, const WorkRequest &request)
{
    const bool ok = request.state != QLatin1String("failed");
    if (json) {
        context.out << compact({{QStringLiteral("ok"), ok}, {QStringLiteral("request"), toJson(request)}}) << '\n';
    } else if (request.state == QLatin1String("succeeded")) {
        context.out << Tr::tr("Request #%1 (%2) succeeded: %3").arg(request.id).arg(request.kind, compact(request.result))
                    << '\n';
    } else if (request.state == QLatin1String("failed")) {
        context.err << "okla: " << Tr::tr("Request #%1 (%2) failed: %3").arg(request.id).arg(request.kind, request.error)
                    << '\n';
    } else {
        context.out << Tr::tr("Request #%1 (%2) is %3.").arg(request.id).arg(request.kind, request.state) << '\n';
    }
    return ok ? 0 : 1;
}

} // namespace

void WorkRequestRunner::declareOptions(CliOptions &options)
{
    options.profileOption()
        .userOption()
        .option(QStringLiteral("--idempotency-key"))
        .positiveIntOption(QStringLiteral("--timeout"))
        .flag(QStringLiteral("--no-wait"))
        .flag(QStringLiteral("--json"));
}

int WorkRequestRunner::run(CliContext &context, const CliOptions &options, const QString &kind,
                           const QJsonObject &params)
{
    const bool json = options.isSet(QStringLiteral("--json"));
    QUuid key = QUuid::createUuid();
    if (options.isSet(QStringLiteral("--idempotency-key"))) {
        key = QUuid::fromString(options.value(QStringLiteral("--idempotency-key")));
        if (key.isNull())
            return options.refuse(context, Tr::tr("--idempotency-key must be a UUID such as %1.")
                                               .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    }
    SchemaGuard guard = SchemaGuard::open(context, options.profile(), options.user());
    if (guard.exitCode != 0)
        return guard.exitCode;
    WorkRequestClient client(guard.connection);
    auto id = client.submit(kind, params, key);
    if (!id)
        return fail(context, json, id.error());
    auto request = client.fetch(id.value());
    if (!request)
        return fail(context, json, request.error());
    if (options.isSet(QStringLiteral("--no-wait")) || request->finished())
        return report(context, json, request.value());

    if (!json)
        context.err << Tr::tr("Request #%1 (%2) queued; waiting for okla-worker (Ctrl+C stops waiting, not the work).")
                           .arg(id.value()).arg(kind)
                    << '\n';
    const qint64 timeout = options.positiveInt(QStringLiteral("--timeout")).value_or(kDefaultTimeoutSeconds);
    QDeadlineTimer deadline(timeout * 1000);
    QDeadlineTimer hintAt(kNoWorkerHintSeconds * 1000);
    bool hinted = false;
    QJsonObject shownProgress;
    while (!request->finished() && !deadline.hasExpired()) {
        QThread::msleep(kPollMilliseconds);
        request = client.fetch(id.value());
        if (!request)
            return fail(context, json, request.error());
        if (!json && request->progress != shownProgress && !request->progress.isEmpty()) {
            shownProgress = request->progress;
            context.err << Tr::tr("  progress: %1").arg(compact(shownProgress)) << '\n';
            context.err.flush();
        }
        if (!json && !hinted && request->state == QLatin1String("pending") && hintAt.hasExpired()) {
            hinted = true;
            context.err << Tr::tr("  still pending: is an okla-worker running? (`okla worker status`)") << '\n';
            context.err.flush();
        }
    }
    if (!request->finished()) {
        if (!json)
            context.err << "okla: "
                        << Tr::tr("request #%1 is still %2 after %3 s; it goes on in the worker (follow it with "
                                  "`okla billing status`).")
                               .arg(id.value()).arg(request->state).arg(timeout)
                        << '\n';
        else
            report(context, json, request.value());
        return 1;
    }
    return report(context, json, request.value());
}

} // namespace okla::cli
