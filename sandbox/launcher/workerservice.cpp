// okla-worker as a sandbox service (docs/worker.md §17): started after the profile is written, with
// its own login, and the Stripe simulator told where to deliver its signed webhooks.
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include "models/oklatr.h"
#include "sandbox/launcher/postgresservice.h"
#include "sandbox/launcher/processcontrol.h"
#include "sandbox/launcher/servicespec.h"
#include "services/database/dbasetup.h"
#include "services/database/pgconnection.h"
#include "services/session/connectionprofile.h"

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

/// The sandbox worker's login: a member of okla_worker, trusted over the private socket.
const QString kWorkerLogin = QStringLiteral("okla_sandbox_worker");

/// $OKLA_WORKER_BIN, else beside okla-sandbox or in the build tree's app/worker, else PATH.
QString workerProgram()
{
    const QString fromEnv = qEnvironmentVariable("OKLA_WORKER_BIN");
    if (!fromEnv.isEmpty())
        return QFile::exists(fromEnv) ? fromEnv : QString();
    const QString here = QCoreApplication::applicationDirPath();
    return ProcessControl::findProgram(QStringLiteral("okla-worker"), {here, here + QStringLiteral("/../../app/worker")});
}

Status check()
{
    if (workerProgram().isEmpty())
        return makeError(QStringLiteral("sandbox.worker.missing"),
                         Tr::tr("The worker (okla-worker) was not found; build the target okla-worker."));
    return {};
}

/// The login, made by the superuser as `okla dba apply --worker-login` does (docs/security.md §13).
Status prepare(ServiceContext &ctx)
{
    auto su = services::PgConnection::open(
        sandboxConninfo(ctx.layout.pgSocketDir(), ctx.port(QStringLiteral("postgres")), QStringLiteral("postgres")));
    if (!su)
        return su.error();
    return services::DbaSetup::ensureServiceLogin(su.value(), kWorkerLogin, services::DbaSetup::ServiceGroup::Worker, {});
}

Result<qint64> start(ServiceContext &ctx)
{
    const QString dir = ctx.layout.serviceDir(QStringLiteral("worker"));
    if (!QDir().mkpath(dir))
        return makeError(QStringLiteral("sandbox.worker.folder"), Tr::tr("Cannot create %1.").arg(dir));
    return ProcessControl::startDetached(workerProgram(),
                                         {QStringLiteral("--profile"), ctx.options.profileName,
                                          QStringLiteral("--credentials-dir"), ctx.credentials.dir(),
                                          QStringLiteral("--http-port"), QString::number(ctx.port(QStringLiteral("worker")))},
                                         ctx.layout.logFile(QStringLiteral("worker")), dir);
}

/// One small HTTP exchange on 127.0.0.1; the status code (0: no answer).
int httpStatus(int port, const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!socket.waitForConnected(500))
        return 0;
    socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                 + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    while (answer.size() < 12 && socket.waitForReadyRead(2000))
        answer += socket.readAll();
    return answer.startsWith("HTTP/1.") ? answer.mid(9, 3).toInt() : 0;
}

// Ready once /healthz answers 200: the worker reached its database.
bool ready(const ServiceContext &ctx) { return httpStatus(ctx.port(QStringLiteral("worker")), "GET", "/healthz") == 200; }

/// The Stripe simulator delivers its signed events to this worker (docs/providers.md §16).
Status provision(ServiceContext &ctx)
{
    const QByteArray url = QStringLiteral("http://127.0.0.1:%1/webhooks/stripe").arg(ctx.port(QStringLiteral("worker"))).toUtf8();
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("url"), QString::fromUtf8(url)}}).toJson(QJsonDocument::Compact);
    if (httpStatus(ctx.port(QStringLiteral("stripe")), "POST", "/_sim/webhook", body) != 200)
        return makeError(QStringLiteral("sandbox.worker.webhook"),
                         Tr::tr("The Stripe simulator did not accept the worker's webhook address; see %1.")
                             .arg(ctx.layout.logFile(QStringLiteral("sim"))));
    return {};
}

} // namespace

ServiceSpec workerService()
{
    ServiceSpec spec;
    spec.name = QStringLiteral("worker");
    spec.programHint = QStringLiteral("okla-worker");
    spec.portKeys = {QStringLiteral("worker")};
    spec.enabled = [](const UpOptions &options) { return options.withWorker; };
    spec.afterProfile = true; // it reads the profile this `up` writes
    spec.check = check;
    spec.prepare = prepare;
    spec.start = start;
    spec.ready = ready;
    spec.provision = provision;
    spec.profile = [](const ServiceContext &, services::ConnectionProfile &p) { p.workerLogin = kWorkerLogin; };
    spec.stopSignal = SIGTERM; // finishes the requests in flight and gives back the rest
    spec.stopTimeoutMs = 60000;
    return spec;
}

} // namespace okla::sandbox
