#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTcpSocket>

#include "sandbox/launcher/servicespec.h"
#include "services/session/connectionprofile.h"
#include "models/oklatr.h"

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

const QString kBucket = QStringLiteral("okla-media");

// s3rver is installed by `npm ci` from sandbox/s3/package-lock.json into the build folder
// (target okla_s3rver). OKLA_S3RVER_DIR points elsewhere; an installed package would carry it in
// <prefix>/share/okla/s3rver next to bin/.
QString s3rverScript()
{
    const QString relative = QStringLiteral("/node_modules/s3rver/bin/s3rver.js");
    const QString fromEnv = qEnvironmentVariable("OKLA_S3RVER_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv + relative;
    QStringList candidates;
#ifdef OKLA_S3RVER_BUILD_DIR
    candidates << QStringLiteral(OKLA_S3RVER_BUILD_DIR);
#endif
    candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/okla/s3rver");
    for (const QString &dir : candidates) {
        if (QFile::exists(dir + relative))
            return QDir::cleanPath(dir + relative);
    }
    return candidates.first() + relative;
}

Status check()
{
    if (ProcessControl::findProgram(QStringLiteral("node")).isEmpty())
        return makeError(QStringLiteral("sandbox.s3.node"),
                         Tr::tr("Node.js was not found; install it with `apt-get install nodejs npm`."));
    if (!QFile::exists(s3rverScript()))
        return makeError(QStringLiteral("sandbox.s3.missing"),
                         Tr::tr("The object store (s3rver) is not installed; build the target okla_s3rver "
                            "(`cmake --build <build folder> --target okla_s3rver`)."),
                         s3rverScript());
    return {};
}

Status prepare(ServiceContext &ctx)
{
    const QString data = ctx.layout.serviceDir(QStringLiteral("s3"));
    if (!QDir().mkpath(data) || ::chmod(QFile::encodeName(data).constData(), 0700) != 0)
        return makeError(QStringLiteral("sandbox.s3.folder"), Tr::tr("Cannot create %1.").arg(data));
    return {};
}

Result<qint64> start(ServiceContext &ctx)
{
    const QString data = ctx.layout.serviceDir(QStringLiteral("s3"));
    return ProcessControl::startDetached(ProcessControl::findProgram(QStringLiteral("node")),
                                         {s3rverScript(), QStringLiteral("--directory"), data, QStringLiteral("--address"),
                                          QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                          QString::number(ctx.port(QStringLiteral("s3"))), QStringLiteral("--silent"),
                                          QStringLiteral("--configure-bucket"), kBucket},
                                         ctx.layout.logFile(QStringLiteral("s3")), data);
}

// Ready means it answers HTTP; s3rver creates the bucket before it listens.
bool ready(const ServiceContext &ctx)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(ctx.port(QStringLiteral("s3"))));
    if (!socket.waitForConnected(500))
        return false;
    socket.write("HEAD /" + kBucket.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (!reply.contains("\r\n") && socket.waitForReadyRead(1000))
        reply += socket.readAll();
    return reply.startsWith("HTTP/1.1 ");
}

void profile(const ServiceContext &ctx, services::ConnectionProfile &p)
{
    p.s3Endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(ctx.port(QStringLiteral("s3"))));
    p.s3Bucket = kBucket;
    p.s3Region = QStringLiteral("us-east-1");
}

} // namespace

ServiceSpec s3Service()
{
    ServiceSpec spec;
    spec.name = QStringLiteral("s3");
    spec.programHint = QStringLiteral("node");
    spec.portKeys = {QStringLiteral("s3")};
    spec.check = check;
    spec.prepare = prepare;
    spec.start = start;
    spec.ready = ready;
    spec.profile = profile;
    return spec;
}

} // namespace okla::sandbox
