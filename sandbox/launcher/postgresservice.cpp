#include "sandbox/launcher/postgresservice.h"

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <libpq-fe.h>

#include "sandbox/launcher/servicespec.h"
#include "services/session/connectionprofile.h"
#include "services/database/dbasetup.h"
#include "services/database/migrator.h"
#include "services/database/pgconnection.h"
#include "models/oklatr.h"

Q_LOGGING_CATEGORY(lcSandboxPg, "okla.sandbox.postgres")

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;
using services::PgConnection;

namespace {

Status chownTo(const QString &path, const RunAs &runAs)
{
    if (runAs.active() && ::chown(QFile::encodeName(path).constData(), uid_t(runAs.uid), gid_t(runAs.gid)) != 0)
        return makeError(QStringLiteral("sandbox.postgres.folder"), Tr::tr("Cannot hand %1 to the PostgreSQL user.").arg(path));
    return {};
}

Status writeOwnedFile(const QString &path, const QByteArray &content, const RunAs &runAs)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) < 0)
        return makeError(QStringLiteral("sandbox.postgres.config"), Tr::tr("Cannot write %1.").arg(path), file.errorString());
    file.close();
    ::chmod(QFile::encodeName(path).constData(), 0600);
    return chownTo(path, runAs);
}

Status makePrivateDir(const QString &path, const RunAs &runAs)
{
    if (!QDir().mkpath(path) || ::chmod(QFile::encodeName(path).constData(), 0700) != 0)
        return makeError(QStringLiteral("sandbox.postgres.folder"), Tr::tr("Cannot create %1.").arg(path));
    return chownTo(path, runAs);
}

// As root, a private root left behind by a deleted sandbox at the same path is not ours to reuse:
// its cluster has roles and data the new sandbox does not know.
Status clearStaleCluster(ServiceContext &ctx)
{
    const QString root = ctx.layout.pgPrivateRoot();
    if (root.isEmpty() || ctx.state.initialised || !QDir(root).exists())
        return {};
    const qint64 pid = ProcessControl::readPidFile(ctx.layout.pgDataDir() + QStringLiteral("/postmaster.pid"));
    if (ProcessControl::isProgram(pid, QStringLiteral("postgres")))
        ProcessControl::stop(pid, SIGINT, 30000);
    ctx.say(Tr::tr("Removing the PostgreSQL data of an earlier sandbox at this path (%1).").arg(root));
    if (!QDir(root).removeRecursively())
        return makeError(QStringLiteral("sandbox.postgres.folder"), Tr::tr("Cannot remove the stale folder %1; delete it by hand.").arg(root));
    return {};
}

Status check()
{
    if (postgresBinDir().isEmpty())
        return makeError(QStringLiteral("sandbox.postgres.missing"),
                         Tr::tr("PostgreSQL's initdb was not found; install the server with `apt-get install postgresql` "
                            "(or set OKLA_PG_BINDIR)."));
    return {};
}

Status prepare(ServiceContext &ctx)
{
    const QString bin = postgresBinDir();
    const SandboxLayout &layout = ctx.layout;
    const RunAs &runAs = layout.pgRunAs();
    if (auto ok = clearStaleCluster(ctx); !ok)
        return ok;
    if (!layout.pgPrivateRoot().isEmpty()) {
        if (auto ok = makePrivateDir(layout.pgPrivateRoot(), runAs); !ok)
            return ok;
    } else if (auto ok = makePrivateDir(QFileInfo(layout.pgDataDir()).path(), runAs); !ok) {
        return ok;
    }
    if (auto ok = makePrivateDir(layout.pgSocketDir(), runAs); !ok)
        return ok;
    const QString workDir = QFileInfo(layout.pgDataDir()).path();
    if (!QFile::exists(layout.pgDataDir() + QStringLiteral("/PG_VERSION"))) {
        ctx.say(Tr::tr("Creating the PostgreSQL cluster in %1…").arg(layout.pgDataDir()));
        auto init = ProcessControl::run(bin + QStringLiteral("/initdb"),
                                        {QStringLiteral("-D"), layout.pgDataDir(), QStringLiteral("-U"), QStringLiteral("postgres"),
                                         QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                                         QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")},
                                        runAs, 120000, workDir);
        if (!init)
            return init.error();
        if (init->exitCode != 0)
            return makeError(QStringLiteral("sandbox.postgres.initdb"), Tr::tr("initdb failed; see the output below."),
                             QString::fromLocal8Bit(init->output));
        QFile conf(layout.pgDataDir() + QStringLiteral("/postgresql.conf"));
        if (!conf.open(QIODevice::Append) || conf.write("\ninclude_if_exists = 'okla-sandbox.conf'\n") < 0)
            return makeError(QStringLiteral("sandbox.postgres.config"), Tr::tr("Cannot write %1.").arg(conf.fileName()));
    }
    // Rewritten on every up: the port may have moved. No TCP at all, and trust only on the private
    // socket, whose 0700 folder is the access control (docs/architecture.md §10: demo staff need no password).
    const QByteArray settings = QStringLiteral("port = %1\nlisten_addresses = ''\nunix_socket_directories = '%2'\n"
                                               "unix_socket_permissions = 0700\n"
                                               "wal_level = minimal\nmax_wal_senders = 0\nsynchronous_commit = off\n"
                                               "logging_collector = off\n"
                                               // Who connected and who failed to (docs/security.md §6): the
                                               // server is the only one that sees a refused sign-in.
                                               "log_connections = on\nlog_disconnections = on\n"
                                               "log_line_prefix = '%m [%p] %q%u@%d '\n"
                                               // No DETAIL (it quotes a duplicate card token), no failing
                                               // statement (its text may carry one): docs/security.md §7.
                                               "log_error_verbosity = terse\nlog_min_error_statement = panic\n"
                                               "log_parameter_max_length_on_error = 0\n")
                                    .arg(ctx.port(QStringLiteral("postgres")))
                                    .arg(layout.pgSocketDir())
                                    .toUtf8();
    if (auto ok = writeOwnedFile(layout.pgDataDir() + QStringLiteral("/okla-sandbox.conf"), settings, runAs); !ok)
        return ok;
    return writeOwnedFile(layout.pgDataDir() + QStringLiteral("/pg_hba.conf"),
                          "# okla-sandbox: only the private Unix socket, no TCP, no password.\n"
                          "local all all trust\n",
                          runAs);
}

Result<qint64> start(ServiceContext &ctx)
{
    const SandboxLayout &layout = ctx.layout;
    if (!QFile::exists(layout.pgLogFile())) {
        QFile log(layout.pgLogFile());
        if (!log.open(QIODevice::WriteOnly))
            return makeError(QStringLiteral("sandbox.postgres.log"), Tr::tr("Cannot create %1.").arg(layout.pgLogFile()),
                             log.errorString());
        log.close();
        if (Status owned = chownTo(layout.pgLogFile(), layout.pgRunAs()); !owned)
            return owned.error();
    }
    auto run = ProcessControl::run(postgresBinDir() + QStringLiteral("/pg_ctl"),
                                   {QStringLiteral("-D"), layout.pgDataDir(), QStringLiteral("-l"), layout.pgLogFile(),
                                    QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                                   layout.pgRunAs(), 90000, QFileInfo(layout.pgDataDir()).path());
    if (!run)
        return run.error();
    if (run->exitCode != 0)
        return makeError(QStringLiteral("sandbox.postgres.start"),
                         Tr::tr("PostgreSQL did not start; see %1.").arg(layout.pgLogFile()), QString::fromLocal8Bit(run->output));
    return ProcessControl::readPidFile(layout.pgDataDir() + QStringLiteral("/postmaster.pid"));
}

bool ready(const ServiceContext &ctx)
{
    const QByteArray info = sandboxConninfo(ctx.layout.pgSocketDir(), ctx.port(QStringLiteral("postgres")),
                                            QStringLiteral("postgres"), QStringLiteral("postgres")).toUtf8();
    return PQping(info.constData()) == PQPING_OK;
}

Result<PgConnection> connect(const ServiceContext &ctx, const QString &user, const QString &db)
{
    // "role is already a member" and similar notices of a repeated up are noise, not news.
    return PgConnection::openQuiet(sandboxConninfo(ctx.layout.pgSocketDir(), ctx.port(QStringLiteral("postgres")), user, db));
}

QString quoteIdent(const QString &name) { return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"'; }

Status ensureRole(PgConnection &su, const QString &role, const QString &attributes)
{
    auto exists = su.exec(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = $1"), {role});
    if (!exists)
        return exists.error();
    if (exists->rows() > 0)
        return su.execScript(QStringLiteral("ALTER ROLE %1 %2").arg(quoteIdent(role), attributes));
    return su.execScript(QStringLiteral("CREATE ROLE %1 %2").arg(quoteIdent(role), attributes));
}

Status provision(ServiceContext &ctx)
{
    auto su = connect(ctx, QStringLiteral("postgres"), QStringLiteral("postgres"));
    if (!su)
        return su.error();
    // okla_owner owns the database and runs the migrations (as `okla migrate` does in production);
    // it creates no role (docs/security.md §13): an earlier sandbox's CREATEROLE is taken away here.
    if (auto ok = ensureRole(su.value(), QStringLiteral("okla_owner"), QStringLiteral("LOGIN NOCREATEROLE NOSUPERUSER")); !ok)
        return ok;
    auto db = su->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = 'okla'"));
    if (!db)
        return db.error();
    if (db->rows() == 0) {
        ctx.say(Tr::tr("Creating the database okla…"));
        if (auto ok = su->execScript(QStringLiteral("CREATE DATABASE okla OWNER okla_owner")); !ok)
            return ok;
    }
    // The DBA step, as the superuser, before the migrations (`okla dba apply` in production).
    auto dba = connect(ctx, QStringLiteral("postgres"), QStringLiteral("okla"));
    if (!dba)
        return dba.error();
    if (auto ok = services::DbaSetup::apply(dba.value()); !ok)
        return ok;
    auto owner = connect(ctx, QStringLiteral("okla_owner"), QStringLiteral("okla"));
    if (!owner)
        return owner.error();
    auto migrated = services::Migrator::migrate(owner.value(), ctx.say);
    if (!migrated)
        return migrated.error();
    // Each demo person gets a login role in their group AND a staff row (current_staff_id() is what
    // row-level security and the audit log see), through the admins' function, called by the superuser.
    for (const DemoStaff &staff : demoStaff()) {
        auto created = dba->exec(QStringLiteral("SELECT okla_staff_create($1, $2, $3, $4)"),
                                 {staff.role, staff.fullName, staff.group.mid(5), QString(staff.role + QStringLiteral("@okla.com.do"))});
        if (!created)
            return created.error();
    }
    return {};
}

void profile(const ServiceContext &ctx, services::ConnectionProfile &p)
{
    p.pgHost = ctx.layout.pgSocketDir();
    p.pgPort = ctx.port(QStringLiteral("postgres"));
    p.pgDatabase = QStringLiteral("okla");
    p.pgSslMode.clear();
    p.passwordless = true;
    p.defaultUser = QStringLiteral("ana");
}

} // namespace

const QList<DemoStaff> &demoStaff()
{
    static const QList<DemoStaff> staff = {
        {QStringLiteral("ana"), QStringLiteral("okla_finance"), QStringLiteral("Ana Pérez")},
        {QStringLiteral("luis"), QStringLiteral("okla_finance"), QStringLiteral("Luis Gómez")},
        {QStringLiteral("marco"), QStringLiteral("okla_manager"), QStringLiteral("Marco Díaz")},
        {QStringLiteral("sofia"), QStringLiteral("okla_support"), QStringLiteral("Sofía Martínez")},
        {QStringLiteral("admin"), QStringLiteral("okla_admin"), QStringLiteral("Administración OKLA")},
    };
    return staff;
}

QString sandboxConninfo(const QString &socketDir, int port, const QString &user, const QString &database)
{
    services::ConnectionProfile p;
    p.pgHost = socketDir;
    p.pgPort = port;
    p.pgDatabase = database;
    return p.conninfo(user, QStringLiteral("okla-sandbox"));
}

QString postgresBinDir()
{
    const QString fromEnv = qEnvironmentVariable("OKLA_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return QFile::exists(fromEnv + QStringLiteral("/initdb")) ? fromEnv : QString();
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : found) {
        const QString bin = versions.filePath(version) + QStringLiteral("/bin");
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    const QString inPath = ProcessControl::findProgram(QStringLiteral("initdb"));
    return inPath.isEmpty() ? QString() : QFileInfo(inPath).path();
}

ServiceSpec postgresService()
{
    ServiceSpec spec;
    spec.name = QStringLiteral("postgres");
    spec.programHint = QStringLiteral("postgres");
    spec.portKeys = {QStringLiteral("postgres")};
    spec.check = check;
    spec.prepare = prepare;
    spec.start = start;
    spec.ready = ready;
    spec.readyTimeoutMs = 60000;
    spec.provision = provision;
    spec.profile = profile;
    spec.stopSignal = SIGINT; // "fast" shutdown: ends sessions, checkpoints, keeps every committed row
    return spec;
}

} // namespace okla::sandbox
