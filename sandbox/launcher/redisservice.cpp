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

QString configPath(const ServiceContext &ctx) { return ctx.layout.serviceDir(QStringLiteral("redis")) + QStringLiteral("/redis.conf"); }

Status check()
{
    if (ProcessControl::findProgram(QStringLiteral("redis-server")).isEmpty())
        return makeError(QStringLiteral("sandbox.redis.missing"),
                         Tr::tr("redis-server was not found; install it with `apt-get install redis-server`."));
    return {};
}

Status prepare(ServiceContext &ctx)
{
    const QString dir = ctx.layout.serviceDir(QStringLiteral("redis"));
    if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0)
        return makeError(QStringLiteral("sandbox.redis.folder"), Tr::tr("Cannot create %1.").arg(dir));
    auto password = ctx.credentials.read(QStringLiteral("redis-password"));
    if (!password)
        return password.error();
    // The password lives in a 0600 file, not on the command line where `ps` would show it.
    const QByteArray config = QStringLiteral("bind 127.0.0.1\nprotected-mode yes\nport %1\ndir %2\n"
                                             "dbfilename dump.rdb\nsave 60 1\nsave 10 1000\nappendonly no\n"
                                             "daemonize no\nlogfile \"\"\n")
                                  .arg(ctx.port(QStringLiteral("redis")))
                                  .arg(dir)
                                  .toUtf8()
                              + "requirepass " + password.value() + '\n';
    QFile file(configPath(ctx));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(config) < 0)
        return makeError(QStringLiteral("sandbox.redis.config"), Tr::tr("Cannot write %1.").arg(file.fileName()));
    return {};
}

Result<qint64> start(ServiceContext &ctx)
{
    return ProcessControl::startDetached(ProcessControl::findProgram(QStringLiteral("redis-server")), {configPath(ctx)},
                                         ctx.layout.logFile(QStringLiteral("redis")),
                                         ctx.layout.serviceDir(QStringLiteral("redis")));
}

// Ready means it answers an authenticated PING, so the password in the credentials folder works.
bool ready(const ServiceContext &ctx)
{
    auto password = ctx.credentials.read(QStringLiteral("redis-password"));
    if (!password)
        return false;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(ctx.port(QStringLiteral("redis"))));
    if (!socket.waitForConnected(500))
        return false;
    socket.write("*2\r\n$4\r\nAUTH\r\n$" + QByteArray::number(password->size()) + "\r\n" + password.value() + "\r\n*1\r\n$4\r\nPING\r\n");
    QByteArray reply;
    while (!reply.contains("PONG") && !reply.contains("-") && socket.waitForReadyRead(1000))
        reply += socket.readAll();
    return reply.startsWith("+OK") && reply.contains("+PONG");
}

void profile(const ServiceContext &ctx, services::ConnectionProfile &p)
{
    p.redisHost = QStringLiteral("127.0.0.1");
    p.redisPort = ctx.port(QStringLiteral("redis"));
}

} // namespace

ServiceSpec redisService()
{
    ServiceSpec spec;
    spec.name = QStringLiteral("redis");
    spec.programHint = QStringLiteral("redis");
    spec.portKeys = {QStringLiteral("redis")};
    spec.check = check;
    spec.prepare = prepare;
    spec.start = start;
    spec.ready = ready;
    spec.profile = profile;
    spec.stopSignal = SIGTERM; // redis saves dump.rdb on SIGTERM, so the data survives down/up
    return spec;
}

} // namespace okla::sandbox
