#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "models/result.h"

namespace okla::sandbox {

/// How the launcher runs helper programs and watches the servers it started. PostgreSQL refuses to
/// run as root, so as root its programs run as an unprivileged user through setpriv.
struct RunAs
{
    int uid = -1; ///< -1: as ourselves
    int gid = -1;
    bool active() const { return uid >= 0; }
    /// `nobody` (65534) when we are root, else nobody (run as ourselves).
    static RunAs forPostgres();
};

struct CommandResult
{
    int exitCode = -1;
    QByteArray output; ///< stdout and stderr merged
};

class ProcessControl
{
public:
    /// Runs a program to completion (initdb, pg_ctl...) with a timeout; an error if it cannot start.
    static models::Result<CommandResult> run(const QString &program, const QStringList &args, const RunAs &runAs = {},
                                             int timeoutMs = 60000, const QString &workingDir = {},
                                             const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    /// Starts a long-running server detached from us; stdout/stderr go to `logFile`.
    static models::Result<qint64> startDetached(const QString &program, const QStringList &args, const QString &logFile,
                                                const QString &workingDir,
                                                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    /// True when `pid` is alive and its executable's file name contains `programHint`
    /// (so a recycled pid of another program is never signalled).
    static bool isProgram(qint64 pid, const QString &programHint);
    /// True while `pid` exists and has not exited (a zombie has).
    static bool isAlive(qint64 pid);
    /// Sends `signal`, then waits up to `timeoutMs` for the process to go away.
    static bool stop(qint64 pid, int signal, int timeoutMs);

    static qint64 readPidFile(const QString &path);
    static models::Status writePidFile(const QString &path, qint64 pid);

    /// A TCP port on 127.0.0.1 that nobody listens on right now (0 if none found).
    static int freePort();
    /// True when something accepts TCP connections on 127.0.0.1:port.
    static bool portInUse(int port);

    /// Finds a program in the given folders, then in PATH; empty if absent.
    static QString findProgram(const QString &name, const QStringList &folders = {});
};

} // namespace okla::sandbox
