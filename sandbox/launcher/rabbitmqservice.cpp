// Optional RabbitMQ (okla-sandbox up --with-rabbitmq). Debian's /usr/sbin/rabbitmq-server wrapper
// insists on the rabbitmq user, so the real script in /usr/lib/rabbitmq/bin runs with RABBITMQ_*
// variables pointing into the sandbox folder. Erlang's port mapper (epmd) is a service of its own
// on a private port, so `down` stops it too and no system-wide epmd is left behind.
#include <sys/stat.h>

#include <QCryptographicHash>
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

const QString kRabbitScript = QStringLiteral("/usr/lib/rabbitmq/bin/rabbitmq-server");

bool wanted(const UpOptions &options) { return options.withRabbitMq; }

QString rabbitDir(const ServiceContext &ctx) { return ctx.layout.serviceDir(QStringLiteral("rabbitmq")); }

Status checkPrograms()
{
    if (!QFile::exists(kRabbitScript) || ProcessControl::findProgram(QStringLiteral("epmd")).isEmpty())
        return makeError(QStringLiteral("sandbox.rabbitmq.missing"),
                         Tr::tr("RabbitMQ was not found; install it with `apt-get install rabbitmq-server` or leave out "
                            "--with-rabbitmq (the worker then uses its in-process queue)."));
    return {};
}

bool tcpAnswers(int port, const QByteArray &hello, char expectedFirstByte)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!socket.waitForConnected(500))
        return false;
    if (hello.isEmpty())
        return true;
    socket.write(hello);
    return socket.waitForReadyRead(2000) && socket.peek(1).startsWith(expectedFirstByte);
}

Result<qint64> startEpmd(ServiceContext &ctx)
{
    return ProcessControl::startDetached(ProcessControl::findProgram(QStringLiteral("epmd")),
                                         {QStringLiteral("-port"), QString::number(ctx.port(QStringLiteral("epmd"))),
                                          QStringLiteral("-address"), QStringLiteral("127.0.0.1")},
                                         ctx.layout.logFile(QStringLiteral("epmd")), ctx.layout.dir());
}

Status prepareRabbit(ServiceContext &ctx)
{
    const QString dir = rabbitDir(ctx);
    for (const QString &path : QStringList{dir, dir + QStringLiteral("/mnesia"), dir + QStringLiteral("/log")}) {
        if (!QDir().mkpath(path) || ::chmod(QFile::encodeName(path).constData(), 0700) != 0)
            return makeError(QStringLiteral("sandbox.rabbitmq.folder"), Tr::tr("Cannot create %1.").arg(path));
    }
    QFile plugins(dir + QStringLiteral("/enabled_plugins"));
    QFile config(dir + QStringLiteral("/rabbitmq.conf"));
    // guest/guest works from loopback only, which is all the sandbox listens on.
    if (!plugins.open(QIODevice::WriteOnly | QIODevice::Truncate) || plugins.write("[].\n") < 0
        || !config.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || config.write("loopback_users.guest = true\nlog.console = false\nlog.file.level = warning\n") < 0)
        return makeError(QStringLiteral("sandbox.rabbitmq.config"), Tr::tr("Cannot write the RabbitMQ configuration in %1.").arg(dir));
    return {};
}

Result<qint64> startRabbit(ServiceContext &ctx)
{
    const QString dir = rabbitDir(ctx);
    const QString node = QStringLiteral("okla-%1@localhost")
                             .arg(QString::fromLatin1(QCryptographicHash::hash(ctx.layout.dir().toUtf8(), QCryptographicHash::Sha256).toHex().left(8)));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir); // the Erlang cookie lives here
    env.insert(QStringLiteral("RABBITMQ_CONF_ENV_FILE"), dir + QStringLiteral("/rabbitmq-env.conf")); // not /etc's
    env.insert(QStringLiteral("RABBITMQ_CONFIG_FILE"), dir + QStringLiteral("/rabbitmq.conf"));
    env.insert(QStringLiteral("RABBITMQ_ADVANCED_CONFIG_FILE"), dir + QStringLiteral("/advanced.config"));
    env.insert(QStringLiteral("RABBITMQ_ENABLED_PLUGINS_FILE"), dir + QStringLiteral("/enabled_plugins"));
    env.insert(QStringLiteral("RABBITMQ_MNESIA_BASE"), dir + QStringLiteral("/mnesia"));
    env.insert(QStringLiteral("RABBITMQ_LOG_BASE"), dir + QStringLiteral("/log"));
    env.insert(QStringLiteral("RABBITMQ_NODENAME"), node);
    env.insert(QStringLiteral("RABBITMQ_NODE_IP_ADDRESS"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("RABBITMQ_NODE_PORT"), QString::number(ctx.port(QStringLiteral("amqp"))));
    env.insert(QStringLiteral("RABBITMQ_DIST_PORT"), QString::number(ctx.port(QStringLiteral("amqp-dist"))));
    env.insert(QStringLiteral("ERL_EPMD_PORT"), QString::number(ctx.port(QStringLiteral("epmd"))));
    // Makes the script exec the VM instead of waiting on it, so the pid we record is the broker's.
    env.insert(QStringLiteral("RUNNING_UNDER_SYSTEMD"), QStringLiteral("true"));
    return ProcessControl::startDetached(kRabbitScript, {}, ctx.layout.logFile(QStringLiteral("rabbitmq")), dir, env);
}

} // namespace

ServiceSpec epmdService()
{
    ServiceSpec spec;
    spec.name = QStringLiteral("epmd");
    spec.programHint = QStringLiteral("epmd");
    spec.portKeys = {QStringLiteral("epmd")};
    spec.enabled = wanted;
    spec.check = checkPrograms;
    spec.start = startEpmd;
    spec.ready = [](const ServiceContext &ctx) { return tcpAnswers(ctx.port(QStringLiteral("epmd")), {}, 0); };
    return spec;
}

ServiceSpec rabbitMqService()
{
    ServiceSpec spec;
    spec.name = QStringLiteral("rabbitmq");
    spec.programHint = QStringLiteral("beam");
    spec.portKeys = {QStringLiteral("amqp"), QStringLiteral("amqp-dist")};
    spec.enabled = wanted;
    spec.check = checkPrograms;
    spec.prepare = prepareRabbit;
    spec.start = startRabbit;
    // AMQP 0-9-1 protocol header; the broker answers with a Connection.Start method frame (type 1).
    spec.ready = [](const ServiceContext &ctx) {
        return tcpAnswers(ctx.port(QStringLiteral("amqp")), QByteArray("AMQP\x00\x00\x09\x01", 8), '\x01');
    };
    spec.readyTimeoutMs = 90000;
    spec.profile = [](const ServiceContext &ctx, services::ConnectionProfile &p) {
        p.amqpHost = QStringLiteral("127.0.0.1");
        p.amqpPort = ctx.port(QStringLiteral("amqp"));
    };
    spec.stopTimeoutMs = 60000;
    return spec;
}

} // namespace okla::sandbox
