#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTcpSocket>

#include "sandbox/launcher/servicespec.h"
#include "services/connectionprofile.h"

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {
QString tr(const char *text) { return QCoreApplication::translate("okla", text); }

const QString kBucket = QStringLiteral("okla-media");

// s3rver is installed by `npm ci` from sandbox/s3/package-lock.json into the build folder
// (target okla_s3rver); OKLA_S3RVER_DIR points elsewhere (e.g. an installed package).
QString s3rverScript()
{
    QString dir = qEnvironmentVariable("OKLA_S3RVER_DIR");
#ifdef OKLA_S3RVER_BUILD_DIR
    if (dir.isEmpty())
        dir = QStringLiteral(OKLA_S3RVER_BUILD_DIR);
#endif
    return dir + QStringLiteral("/node_modules/s3rver/bin/s3rver.js");
}

Status check()
{
    if (ProcessControl::findProgram(QStringLiteral("node")).isEmpty())
        return makeError(QStringLiteral("sandbox.s3.node"),
                         tr("Node.js was not found; install it with `apt-get install nodejs npm`."));
    if (!QFile::exists(s3rverScript()))
        return makeError(QStringLiteral("sandbox.s3.missing"),
                         tr("The object store (s3rver) is not installed; build the target okla_s3rver "
                            "(`cmake --build <build folder> --target okla_s3rver`)."),
                         s3rverScript());
    return {};
}

Status prepare(ServiceContext &ctx)
{
    const QString data = ctx.layout.serviceDir(QStringLiteral("s3"));
    if (!QDir().mkpath(data) || ::chmod(QFile::encodeName(data).constData(), 0700) != 0)
        return makeError(QStringLiteral("sandbox.s3.folder"), tr("Cannot create %1.").arg(data));
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
