// The AZUL and Stripe simulators (okla-sim, sandbox/sims) as one sandbox service.
#include <sys/stat.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTcpSocket>

#include "sandbox/launcher/postgresservice.h"
#include "sandbox/launcher/servicespec.h"
#include "services/session/connectionprofile.h"
#include "models/oklatr.h"

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

/// $OKLA_SIM_BIN, else beside okla-sandbox or in the build tree's sandbox/sims, else PATH.
QString simProgram()
{
    const QString fromEnv = qEnvironmentVariable("OKLA_SIM_BIN");
    if (!fromEnv.isEmpty())
        return QFile::exists(fromEnv) ? fromEnv : QString();
    const QString here = QCoreApplication::applicationDirPath();
    return ProcessControl::findProgram(QStringLiteral("okla-sim"), {here, here + QStringLiteral("/../sims")});
}

QString certDir(const ServiceContext &ctx) { return ctx.layout.serviceDir(QStringLiteral("sim")) + QStringLiteral("/certs"); }

Status check()
{
    if (simProgram().isEmpty())
        return makeError(QStringLiteral("sandbox.sim.missing"),
                         Tr::tr("The payment simulators (okla-sim) were not found; build the target okla-sim."));
    if (ProcessControl::findProgram(QStringLiteral("openssl")).isEmpty())
        return makeError(QStringLiteral("sandbox.sim.openssl"),
                         Tr::tr("openssl was not found; install it with `apt-get install openssl`."));
    return {};
}

Status prepare(ServiceContext &ctx)
{
    const QString dir = ctx.layout.serviceDir(QStringLiteral("sim"));
    if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0)
        return makeError(QStringLiteral("sandbox.sim.folder"), Tr::tr("Cannot create %1.").arg(dir));
    return {};
}

Result<qint64> start(ServiceContext &ctx)
{
    // The simulators keep their state in the database okla_sim of the sandbox cluster (created by
    // okla-sim on first start) so that it survives down/up and the seed can mirror provider ids.
    const QString db = sandboxConninfo(ctx.layout.pgSocketDir(), ctx.port(QStringLiteral("postgres")), QStringLiteral("postgres"),
                                       QStringLiteral("okla_sim"));
    return ProcessControl::startDetached(simProgram(),
                                         {QStringLiteral("--azul-port"), QString::number(ctx.port(QStringLiteral("azul"))),
                                          QStringLiteral("--stripe-port"), QString::number(ctx.port(QStringLiteral("stripe"))),
                                          QStringLiteral("--db"), db, QStringLiteral("--certs"), certDir(ctx),
                                          QStringLiteral("--credentials"), ctx.credentials.dir()},
                                         ctx.layout.logFile(QStringLiteral("sim")), ctx.layout.serviceDir(QStringLiteral("sim")));
}

bool listening(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    return socket.waitForConnected(500);
}

// Both listen only after their database and certificates are ready.
bool ready(const ServiceContext &ctx)
{
    return listening(ctx.port(QStringLiteral("azul"))) && listening(ctx.port(QStringLiteral("stripe")));
}

/// The client certificate the AZUL simulator asks for, copied where the worker reads secrets.
Status provision(ServiceContext &ctx)
{
    const std::pair<const char *, const char *> files[] = {{"client.pem", "azul-client.pem"}, {"client.key", "azul-client.key"}};
    for (const auto &[from, to] : files) {
        QFile source(certDir(ctx) + u'/' + QLatin1String(from));
        if (!source.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("sandbox.sim.certs"), Tr::tr("Cannot read %1.").arg(source.fileName()));
        const QByteArray bytes = source.readAll();
        QFile target(ctx.credentials.dir() + u'/' + QLatin1String(to));
        if (!target.open(QIODevice::WriteOnly | QIODevice::Truncate) || !target.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || target.write(bytes) != bytes.size())
            return makeError(QStringLiteral("sandbox.sim.certs"), Tr::tr("Cannot write %1.").arg(target.fileName()));
    }
    return {};
}

void profile(const ServiceContext &ctx, services::ConnectionProfile &p)
{
    p.azulUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/webservices/JSON/Default.aspx").arg(ctx.port(QStringLiteral("azul"))));
    p.azulCaFile = certDir(ctx) + QStringLiteral("/ca.pem");
    p.stripeUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(ctx.port(QStringLiteral("stripe"))));
    p.providersSimulator = true; // plain http to these loopback simulators only (docs/security.md §8)
}

} // namespace

ServiceSpec simService()
{
    ServiceSpec spec;
    spec.name = QStringLiteral("sim");
    spec.programHint = QStringLiteral("okla-sim");
    spec.portKeys = {QStringLiteral("azul"), QStringLiteral("stripe")};
    spec.check = check;
    spec.prepare = prepare;
    spec.start = start;
    spec.ready = ready;
    spec.readyTimeoutMs = 60000; // the first start makes a CA and two certificates
    spec.provision = provision;
    spec.profile = profile;
    spec.stopSignal = SIGTERM; // every change is committed to okla_sim when it is answered
    spec.stopTimeoutMs = 10000;
    return spec;
}

} // namespace okla::sandbox
