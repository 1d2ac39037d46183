#pragma once

#include <QHash>
#include <QString>

#include "models/result.h"
#include "sandbox/launcher/processcontrol.h"

namespace okla::sandbox {

/// Where everything of one sandbox lives. The folder holds state (sandbox.ini), pid files, logs,
/// Redis and S3 data; PostgreSQL's data and socket move to /var/tmp/okla-sandbox-<hash> when we
/// run as root, because the unprivileged user PostgreSQL runs as cannot reach /root.
class SandboxLayout
{
public:
    explicit SandboxLayout(const QString &dir);

    /// $XDG_DATA_HOME/okla/sandbox (else ~/.local/share/okla/sandbox).
    static QString defaultDir();

    const QString &dir() const { return m_dir; }
    QString stateFile() const { return m_dir + QStringLiteral("/sandbox.ini"); }
    QString lockFile() const { return m_dir + QStringLiteral("/.lock"); }
    QString runDir() const { return m_dir + QStringLiteral("/run"); }
    QString logDir() const { return m_dir + QStringLiteral("/logs"); }
    QString serviceDir(const QString &service) const { return m_dir + u'/' + service; }
    QString pidFile(const QString &service) const { return runDir() + u'/' + service + QStringLiteral(".pid"); }
    QString logFile(const QString &service) const { return logDir() + u'/' + service + QStringLiteral(".log"); }

    /// The private folder of PostgreSQL when it runs as another user (empty otherwise).
    const QString &pgPrivateRoot() const { return m_pgPrivateRoot; }
    const QString &pgDataDir() const { return m_pgDataDir; }
    const QString &pgSocketDir() const { return m_pgSocketDir; }
    const QString &pgLogFile() const { return m_pgLogFile; }
    const RunAs &pgRunAs() const { return m_pgRunAs; }

    /// Creates the folders (0700) that every service needs.
    models::Status create() const;

private:
    QString m_dir;
    QString m_pgPrivateRoot;
    QString m_pgDataDir;
    QString m_pgSocketDir;
    QString m_pgLogFile;
    RunAs m_pgRunAs;
};

/// What must stay the same from one `up` to the next: the ports (so the profile stays valid).
struct SandboxState
{
    QHash<QString, int> ports;
    QString profileName;
    QString credentialsDir;
    bool initialised = false; ///< the state file existed

    static models::Result<SandboxState> load(const SandboxLayout &layout);
    models::Status save(const SandboxLayout &layout) const;
};

} // namespace okla::sandbox
