#include "sandbox/launcher/sandboxlayout.h"
#include "models/oklatr.h"

#include <sys/stat.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

// sun_path holds 108 bytes; PostgreSQL appends "/.s.PGSQL.NNNNN" (and a ".lock" file name).
constexpr int kMaxSocketDir = 80;

QString shortHash(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}
} // namespace

QString SandboxLayout::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/okla/sandbox");
}

SandboxLayout::SandboxLayout(const QString &dir)
    : m_dir(QDir::cleanPath(QDir(dir).absolutePath())), m_pgRunAs(RunAs::forPostgres())
{
    const QString hash = shortHash(m_dir);
    if (m_pgRunAs.active()) {
        m_pgPrivateRoot = QStringLiteral("/var/tmp/okla-sandbox-") + hash;
        m_pgDataDir = m_pgPrivateRoot + QStringLiteral("/data");
        m_pgSocketDir = m_pgPrivateRoot + QStringLiteral("/socket");
        m_pgLogFile = m_pgPrivateRoot + QStringLiteral("/postgres.log");
    } else {
        m_pgDataDir = serviceDir(QStringLiteral("postgres")) + QStringLiteral("/data");
        m_pgSocketDir = runDir() + QStringLiteral("/pg");
        if (m_pgSocketDir.toUtf8().size() > kMaxSocketDir)
            m_pgSocketDir = QStringLiteral("/tmp/okla-%1-%2").arg(::getuid()).arg(hash);
        m_pgLogFile = logFile(QStringLiteral("postgres"));
    }
}

Status SandboxLayout::create() const
{
    for (const QString &path : {m_dir, runDir(), logDir()}) {
        if (!QDir().mkpath(path) || ::chmod(QFile::encodeName(path).constData(), 0700) != 0)
            return makeError(QStringLiteral("sandbox.folder"),
                             Tr::tr("Cannot create the sandbox folder %1; choose another with --dir.").arg(path));
    }
    return {};
}

Result<SandboxState> SandboxState::load(const SandboxLayout &layout)
{
    SandboxState state;
    if (!QFileInfo::exists(layout.stateFile()))
        return state;
    QSettings ini(layout.stateFile(), QSettings::IniFormat);
    if (ini.status() != QSettings::NoError || ini.value(QStringLiteral("sandbox/format")).toInt() != 1)
        return makeError(QStringLiteral("sandbox.state.corrupt"),
                         Tr::tr("The sandbox state file %1 is damaged; restore it, or move the folder away and run "
                            "`okla-sandbox up` for a new sandbox.").arg(layout.stateFile()));
    state.initialised = true;
    state.profileName = ini.value(QStringLiteral("sandbox/profile")).toString();
    state.credentialsDir = ini.value(QStringLiteral("sandbox/credentials")).toString();
    ini.beginGroup(QStringLiteral("ports"));
    for (const QString &key : ini.childKeys()) {
        bool ok = false;
        const int port = ini.value(key).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return makeError(QStringLiteral("sandbox.state.corrupt"),
                             Tr::tr("The sandbox state file %1 has an invalid port for %2; fix or delete that line.")
                                 .arg(layout.stateFile(), key));
        state.ports.insert(key, port);
    }
    return state;
}

Status SandboxState::save(const SandboxLayout &layout) const
{
    QSettings ini(layout.stateFile(), QSettings::IniFormat);
    ini.clear();
    ini.setValue(QStringLiteral("sandbox/format"), 1);
    ini.setValue(QStringLiteral("sandbox/profile"), profileName);
    ini.setValue(QStringLiteral("sandbox/credentials"), credentialsDir);
    for (auto it = ports.cbegin(); it != ports.cend(); ++it)
        ini.setValue(QStringLiteral("ports/") + it.key(), it.value());
    ini.sync();
    if (ini.status() != QSettings::NoError)
        return makeError(QStringLiteral("sandbox.state.write"), Tr::tr("Cannot write %1.").arg(layout.stateFile()));
    return {};
}

} // namespace okla::sandbox
