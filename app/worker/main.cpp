// okla-worker: the headless half of the service layer (docs/worker.md §4).
#include <csignal>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include "app/worker/workeroptions.h"
#include "models/secretmask.h"
#include "services/concurrency/servicethread.h"
#include "services/worker/actionhandlers.h"
#include "services/worker/reconcilehandler.h"
#include "services/worker/requesthandler.h"
#include "services/worker/signalpipe.h"
#include "services/worker/workerdaemon.h"

using namespace okla::services;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("okla-worker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OKLA_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} okla-worker %{type}: %{message}"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const auto parsed = okla::worker::parseOptions(app.arguments().mid(1), err);
    if (parsed.help) {
        out << okla::worker::usage() << '\n';
        return 0;
    }
    if (!parsed.ok)
        return 2;

    // The signals are caught before the checks, so a SIGTERM during start-up is not lost.
    SignalPipe signalPipe({SIGTERM, SIGINT, SIGHUP});
    auto registry = std::make_shared<RequestHandlerRegistry>();
    registerBuiltInHandlers(*registry);
    registerBillingHandlers(*registry, parsed.options.profileName);
    registerActionHandlers(*registry, parsed.options.profileName);
    registerReconcileHandler(*registry, parsed.options.profileName);
    // A handler that cannot work without a credential says so here (registry->requireCredentials,
    // docs/worker.md §5); the provider handlers read theirs per request instead.
    auto startup = WorkerStartup::prepare(parsed.options, registry->requiredCredentials());
    if (!startup) {
        err << "okla-worker: " << QCoreApplication::translate("okla.worker", "refusing to start:") << ' '
            << startup.error().message << '\n';
        if (!startup.error().detail.isEmpty())
            err << "  " << okla::models::maskSecrets(startup.error().detail) << '\n';
        return 1;
    }

    int code = 0;
    {
        WorkerDaemon daemon(parsed.options, std::move(startup).value(), registry, QStringLiteral(OKLA_VERSION));
        QObject::connect(&signalPipe, &SignalPipe::received, &daemon, [&daemon](int signalNumber) {
            if (signalNumber == SIGHUP)
                daemon.reloadProfile();
            else
                daemon.stop();
        });
        QObject::connect(&daemon, &WorkerDaemon::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        if (auto started = daemon.start(); !started) {
            err << "okla-worker: " << QCoreApplication::translate("okla.worker", "refusing to start:") << ' '
                << okla::models::maskSecrets(started.error().toString()) << '\n';
            return 1;
        }
        code = app.exec();
    }
    // The daemon's threads were told to end with it; let them finish before the process does.
    ServiceThread::reapRetired(5000);
    return code;
}
