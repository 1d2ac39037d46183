#include "sandbox/launcher/processcontrol.h"
#include "models/oklatr.h"

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

// setpriv ships with util-linux (always present on Debian); it drops to the user without a login shell.
void wrapRunAs(const RunAs &runAs, QString &program, QStringList &args)
{
    if (!runAs.active())
        return;
    QStringList wrapped{QStringLiteral("--reuid=%1").arg(runAs.uid), QStringLiteral("--regid=%1").arg(runAs.gid),
                        QStringLiteral("--clear-groups"), QStringLiteral("--"), program};
    wrapped += args;
    args = wrapped;
    program = QStringLiteral("setpriv");
}
// A detached server is reparented to PID 1, which may reap it late (containers): once it is a
// zombie it has exited and released its ports and files.
bool isZombie(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) == 'Z';
}
} // namespace

RunAs RunAs::forPostgres()
{
    if (::geteuid() != 0)
        return {};
    return RunAs{65534, 65534};
}

Result<CommandResult> ProcessControl::run(const QString &program, const QStringList &args, const RunAs &runAs,
                                          int timeoutMs, const QString &workingDir, const QProcessEnvironment &env)
{
    QString prog = program;
    QStringList arguments = args;
    wrapRunAs(runAs, prog, arguments);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(prog, arguments);
    if (!process.waitForStarted(10000))
        return makeError(QStringLiteral("sandbox.exec"), Tr::tr("Cannot start %1.").arg(program), process.errorString());
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return makeError(QStringLiteral("sandbox.exec.timeout"),
                         Tr::tr("%1 did not finish within %2 s.").arg(program).arg(timeoutMs / 1000));
    }
    CommandResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = process.readAll();
    return result;
}

Result<qint64> ProcessControl::startDetached(const QString &program, const QStringList &args, const QString &logFile,
                                             const QString &workingDir, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(args);
    process.setWorkingDirectory(workingDir);
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(logFile, QIODevice::Append);
    process.setStandardErrorFile(logFile, QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid))
        return makeError(QStringLiteral("sandbox.exec"), Tr::tr("Cannot start %1.").arg(program), process.errorString());
    return pid;
}

bool ProcessControl::isProgram(qint64 pid, const QString &programHint)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0 || isZombie(pid))
        return false;
    // /proc/<pid>/exe names the running binary; a zombie has none.
    const QString exe = QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
    if (!exe.isEmpty())
        return QFileInfo(exe).fileName().contains(programHint);
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) && QString::fromUtf8(comm.readAll()).contains(programHint);
}

bool ProcessControl::isAlive(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), 0) == 0 && !isZombie(pid); }

bool ProcessControl::stop(qint64 pid, int signal, int timeoutMs)
{
    if (::kill(pid_t(pid), signal) != 0)
        return errno == ESRCH;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (::kill(pid_t(pid), 0) != 0 || isZombie(pid))
            return true;
        QThread::msleep(50);
    }
    return false;
}

qint64 ProcessControl::readPidFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

Status ProcessControl::writePidFile(const QString &path, qint64 pid)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QByteArray::number(pid) + '\n') < 0)
        return makeError(QStringLiteral("sandbox.pidfile"), Tr::tr("Cannot write %1.").arg(path), file.errorString());
    return {};
}

int ProcessControl::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool ProcessControl::portInUse(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    const bool connected = socket.waitForConnected(300);
    socket.abort();
    if (connected)
        return true;
    // Nobody answers, but a socket may still be bound (e.g. in TIME_WAIT or listening elsewhere).
    QTcpServer probe;
    return !probe.listen(QHostAddress::LocalHost, quint16(port));
}

QString ProcessControl::findProgram(const QString &name, const QStringList &folders)
{
    for (const QString &folder : folders) {
        const QString candidate = QDir(folder).filePath(name);
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace okla::sandbox
