#include "sandbox/launcher/sandboxlauncher.h"

#include <algorithm>

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLockFile>
#include <QLoggingCategory>
#include <QThread>

#include "sandbox/launcher/postgresservice.h"
#include "sandbox/launcher/sandboxcredentialwriter.h"
#include "services/audit/auditsigning.h"
#include "services/session/connectionprofile.h"
#include "models/oklatr.h"

Q_LOGGING_CATEGORY(lcSandbox, "okla.sandbox.launcher")

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

// Two launchers on one folder would start servers twice; the second waits, then sees them running.
Result<std::unique_ptr<QLockFile>> lockFolder(const SandboxLayout &layout)
{
    auto lock = std::make_unique<QLockFile>(layout.lockFile());
    lock->setStaleLockTime(0); // a crashed launcher's lock is detected by its pid, not by age
    if (!lock->tryLock(60000))
        return makeError(QStringLiteral("sandbox.busy"),
                         Tr::tr("Another okla-sandbox is working on %1; wait for it to finish and try again.").arg(layout.dir()));
    return lock;
}

qint64 runningPid(const SandboxLayout &layout, const ServiceSpec &spec)
{
    const qint64 pid = ProcessControl::readPidFile(layout.pidFile(spec.name));
    return ProcessControl::isProgram(pid, spec.programHint) ? pid : 0;
}

QString credentialsDirFor(const UpOptions &options, const SandboxState &state, const SandboxLayout &layout)
{
    if (!options.credentialsDir.isEmpty())
        return QDir(options.credentialsDir).absolutePath();
    const QString fromEnv = qEnvironmentVariable("OKLA_CREDENTIALS_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    if (!state.credentialsDir.isEmpty())
        return state.credentialsDir;
    return layout.dir() + QStringLiteral("/credentials");
}
} // namespace

// The profile's [audit] keys: the public half of the sandbox's signing key, and a checkpoint
// folder of the sandbox's own (writable by this OS user only; docs/security.md §5).
Status SandboxLauncher::setAuditCheckpoints(services::ConnectionProfile &profile,
                                            const SandboxCredentialWriter &credentials) const
{
    auto key = credentials.read(QStringLiteral("audit-signing.key"));
    if (!key)
        return key.error();
    auto publicKey = services::AuditSigning::publicKeyOf(key.value());
    if (!publicKey)
        return publicKey.error();
    profile.auditPublicKey = publicKey.value();
    profile.auditCheckpointDir = m_layout.dir() + QStringLiteral("/audit-checkpoints");
    if (!QDir().mkpath(profile.auditCheckpointDir)
        || !QFile::setPermissions(profile.auditCheckpointDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                                  | QFileDevice::ExeOwner))
        return makeError(QStringLiteral("sandbox.audit"),
                         Tr::tr("Cannot create the audit checkpoint folder %1.").arg(profile.auditCheckpointDir));
    return {};
}

SandboxLauncher::SandboxLauncher(const QString &dir, Progress progress) : m_layout(dir), m_progress(std::move(progress)) {}

void SandboxLauncher::say(const QString &line) const
{
    qCInfo(lcSandbox).noquote() << line;
    if (m_progress)
        m_progress(line);
}

Status SandboxLauncher::allocatePorts(const QList<ServiceSpec> &services, const UpOptions &options, SandboxState &state,
                                      bool report) const
{
    // Checked for every service before anything starts, so a busy port changes nothing.
    for (auto it = options.fixedPorts.cbegin(); it != options.fixedPorts.cend(); ++it) {
        const bool known = std::any_of(services.begin(), services.end(), [&](const ServiceSpec &s) { return s.portKeys.contains(it.key()); });
        if (!known)
            return makeError(QStringLiteral("sandbox.usage"),
                             Tr::tr("There is no service port called \"%1\"; see `okla-sandbox status` for the names.").arg(it.key()));
    }
    for (const ServiceSpec &spec : services) {
        const bool running = runningPid(m_layout, spec) != 0;
        for (const QString &key : spec.portKeys) {
            const int current = state.ports.value(key);
            if (options.fixedPorts.contains(key)) {
                const int wanted = options.fixedPorts.value(key);
                if (running && wanted != current)
                    return makeError(QStringLiteral("sandbox.port.running"),
                                     Tr::tr("%1 already runs on port %2; run `okla-sandbox down` before asking for port %3.")
                                         .arg(spec.name).arg(current).arg(wanted));
                if (!running && ProcessControl::portInUse(wanted))
                    return makeError(QStringLiteral("sandbox.port.busy"),
                                     Tr::tr("Port %1 (asked for %2) is busy; choose another with --port %2=N or stop what uses it.")
                                         .arg(wanted).arg(key));
                state.ports.insert(key, wanted);
            } else if (!running && (current == 0 || ProcessControl::portInUse(current))) {
                const int port = ProcessControl::freePort();
                if (port == 0)
                    return makeError(QStringLiteral("sandbox.port.none"), Tr::tr("No free TCP port was found on 127.0.0.1."));
                if (current != 0 && report)
                    say(Tr::tr("Port %1 of %2 is taken by another program; using %3.").arg(current).arg(key).arg(port));
                state.ports.insert(key, port);
            }
        }
    }
    return {};
}

Status SandboxLauncher::startService(const ServiceSpec &spec, ServiceContext &ctx)
{
    if (const qint64 pid = runningPid(m_layout, spec)) {
        say(Tr::tr("%1 is already running (pid %2).").arg(spec.name).arg(pid));
    } else {
        if (spec.prepare) {
            if (auto ok = spec.prepare(ctx); !ok)
                return ok;
        }
        say(Tr::tr("Starting %1…").arg(spec.name));
        auto started = spec.start(ctx);
        if (!started)
            return started.error();
        if (auto ok = ProcessControl::writePidFile(m_layout.pidFile(spec.name), started.value()); !ok)
            return ok;
    }
    QDeadlineTimer deadline(spec.readyTimeoutMs);
    while (!spec.ready(ctx)) {
        // Only "alive" here: a start script may still be about to exec the real program.
        const qint64 pid = ProcessControl::readPidFile(m_layout.pidFile(spec.name));
        if (!ProcessControl::isAlive(pid) || deadline.hasExpired())
            return makeError(QStringLiteral("sandbox.start"),
                             Tr::tr("%1 did not become ready; see %2.").arg(spec.name, m_layout.logFile(spec.name)));
        QThread::msleep(50);
    }
    return {};
}

Status SandboxLauncher::startAndProvision(const QList<ServiceSpec> &services, ServiceContext &ctx, bool afterProfile)
{
    for (const ServiceSpec &spec : services) {
        if (spec.afterProfile != afterProfile)
            continue;
        if (auto ok = startService(spec, ctx); !ok)
            return ok;
    }
    for (const ServiceSpec &spec : services) {
        if (spec.afterProfile != afterProfile || !spec.provision)
            continue;
        if (auto ok = spec.provision(ctx); !ok)
            return ok;
    }
    return {};
}

Status SandboxLauncher::preflight(const QList<ServiceSpec> &services, UpOptions &options) const
{
    for (const ServiceSpec &spec : services) {
        if (spec.check) {
            if (auto ok = spec.check(); !ok)
                return ok;
        }
    }
    auto state = SandboxState::load(m_layout);
    if (!state)
        return state.error();
    if (options.profileName.isEmpty())
        options.profileName = state->profileName.isEmpty() ? services::ConnectionProfile::activeName() : state->profileName;
    if (QFileInfo::exists(services::ConnectionProfile::pathFor(options.profileName))) {
        auto existing = services::ConnectionProfile::load(options.profileName);
        if (!existing)
            return existing.error(); // a damaged profile is the person's to fix; never silently overwritten
    }
    SandboxState scratch = state.value(); // ports are only checked here, allocated under the lock
    return allocatePorts(services, options, scratch, false);
}

Status SandboxLauncher::up(UpOptions options)
{
    QElapsedTimer clock;
    clock.start();
    const QList<ServiceSpec> all = sandboxServices();
    QList<ServiceSpec> services;
    // An optional service started by an earlier `up --with-…` stays part of the sandbox while it runs.
    std::copy_if(all.begin(), all.end(), std::back_inserter(services),
                 [&](const ServiceSpec &s) { return s.enabled(options) || runningPid(m_layout, s) != 0; });
    // Bad input is refused before the folder is even created: missing programs, a damaged state
    // file or profile, a busy port.
    if (auto ok = preflight(services, options); !ok)
        return ok;
    if (auto ok = m_layout.create(); !ok)
        return ok;
    auto lock = lockFolder(m_layout);
    if (!lock)
        return lock.error();
    auto loaded = SandboxState::load(m_layout);
    if (!loaded)
        return loaded.error();
    SandboxState *state = &loaded.value();
    if (options.profileName.isEmpty())
        options.profileName = state->profileName.isEmpty() ? services::ConnectionProfile::activeName() : state->profileName;
    if (auto ok = allocatePorts(services, options, *state, true); !ok)
        return ok;

    SandboxCredentialWriter credentials(credentialsDirFor(options, *state, m_layout));
    if (auto ok = credentials.ensureDefaults(); !ok)
        return ok;
    state->profileName = options.profileName;
    state->credentialsDir = credentials.dir();
    // Saved before anything starts, so a server started by an `up` that fails later keeps its
    // port on the next `up`. `initialised` keeps the value read at load (PostgreSQL's prepare uses
    // it to tell a leftover cluster of a deleted sandbox from ours).
    if (auto ok = state->save(m_layout); !ok)
        return ok;
    ServiceContext ctx{m_layout, options, credentials, *state, [this](const QString &line) { say(line); }};
    if (auto ok = startAndProvision(services, ctx, false); !ok)
        return ok;
    services::ConnectionProfile profile;
    profile.name = options.profileName;
    profile.credentialsDir = credentials.dir();
    if (auto ok = setAuditCheckpoints(profile, credentials); !ok)
        return ok;
    for (const ServiceSpec &spec : services) {
        if (spec.profile)
            spec.profile(ctx, profile);
    }
    if (auto ok = profile.save(); !ok)
        return ok;
    if (auto ok = startAndProvision(services, ctx, true); !ok)
        return ok;
    say(Tr::tr("Sandbox is up in %1 s: profile \"%2\" (%3), credentials in %4.")
            .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1)
            .arg(profile.name, services::ConnectionProfile::pathFor(profile.name), credentials.dir()));
    return {};
}

Status SandboxLauncher::down()
{
    if (!QFileInfo::exists(m_layout.runDir())) {
        say(Tr::tr("Nothing runs from %1.").arg(m_layout.dir()));
        return {};
    }
    auto lock = lockFolder(m_layout);
    if (!lock)
        return lock.error();
    QList<ServiceSpec> services = sandboxServices();
    std::reverse(services.begin(), services.end());
    for (const ServiceSpec &spec : services) {
        const QString pidFile = m_layout.pidFile(spec.name);
        if (!QFile::exists(pidFile))
            continue;
        const qint64 pid = ProcessControl::readPidFile(pidFile);
        if (!ProcessControl::isProgram(pid, spec.programHint)) {
            say(Tr::tr("%1 was not running.").arg(spec.name));
            QFile::remove(pidFile);
            continue;
        }
        say(Tr::tr("Stopping %1 (pid %2)…").arg(spec.name).arg(pid));
        if (!ProcessControl::stop(pid, spec.stopSignal, spec.stopTimeoutMs))
            return makeError(QStringLiteral("sandbox.stop"),
                             Tr::tr("%1 (pid %2) did not stop in time; see %3.").arg(spec.name).arg(pid).arg(m_layout.logFile(spec.name)));
        QFile::remove(pidFile);
    }
    say(Tr::tr("Sandbox in %1 is down.").arg(m_layout.dir()));
    return {};
}

Result<QList<ServiceStatus>> SandboxLauncher::status() const
{
    auto state = SandboxState::load(m_layout);
    if (!state)
        return state.error();
    QList<ServiceStatus> result;
    for (const ServiceSpec &spec : sandboxServices()) {
        ServiceStatus s;
        s.name = spec.name;
        s.pid = runningPid(m_layout, spec);
        s.running = s.pid != 0;
        for (const QString &key : spec.portKeys) {
            if (state->ports.contains(key))
                s.ports.insert(key, state->ports.value(key));
        }
        result.append(s);
    }
    return result;
}

Result<QJsonObject> SandboxLauncher::statusJson() const
{
    auto list = status();
    if (!list)
        return list.error();
    auto state = SandboxState::load(m_layout);
    QJsonArray services;
    for (const ServiceStatus &s : list.value()) {
        QJsonObject ports;
        for (auto it = s.ports.cbegin(); it != s.ports.cend(); ++it)
            ports.insert(it.key(), it.value());
        services.append(QJsonObject{{QStringLiteral("name"), s.name},
                                    {QStringLiteral("running"), s.running},
                                    {QStringLiteral("pid"), s.pid},
                                    {QStringLiteral("ports"), ports}});
    }
    return QJsonObject{{QStringLiteral("dir"), m_layout.dir()},
                       {QStringLiteral("initialised"), state && state->initialised},
                       {QStringLiteral("profile"), state ? state->profileName : QString()},
                       {QStringLiteral("credentials"), state ? state->credentialsDir : QString()},
                       {QStringLiteral("postgres_socket"), m_layout.pgSocketDir()},
                       {QStringLiteral("services"), services}};
}

Result<QString> SandboxLauncher::conninfo(const QString &user, const QString &database) const
{
    auto state = SandboxState::load(m_layout);
    if (!state)
        return state.error();
    if (!state->initialised || !state->ports.contains(QStringLiteral("postgres")))
        return makeError(QStringLiteral("sandbox.missing"),
                         Tr::tr("There is no sandbox in %1; run `okla-sandbox up` first.").arg(m_layout.dir()));
    return sandboxConninfo(m_layout.pgSocketDir(), state->ports.value(QStringLiteral("postgres")), user, database);
}

} // namespace okla::sandbox
