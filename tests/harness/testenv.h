#pragma once

// What integration tests need from the "okla_services" fixture (tests/harness/CMakeLists.txt):
// the test profile, database connections as any role (over the private socket, no password),
// throwaway databases, credentials, Redis and the okla-sandbox/okla programs. Header-only.

#include <memory>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QUuid>

#include "services/session/connectionprofile.h"
#include "services/database/dbasetup.h"
#include "services/database/pgconnection.h"
#include "services/redis/redisclient.h"

namespace okla::tests {

/// The fixture's profile ($OKLA_PROFILE=test in $OKLA_PROFILE_DIR); aborts the test when absent.
inline services::ConnectionProfile testProfile()
{
    auto profile = services::ConnectionProfile::load();
    if (!profile)
        qFatal("okla test profile: %s (run the test through ctest, which starts the okla_services fixture)",
               qPrintable(profile.error().toString()));
    return profile.value();
}

/// conninfo for `role` on `database` (empty: the profile's database, "okla").
inline QString conninfoAs(const QString &role, const QString &database = {})
{
    services::ConnectionProfile profile = testProfile();
    if (!database.isEmpty())
        profile.pgDatabase = database;
    return profile.conninfo(role, QStringLiteral("okla-test"));
}

/// An open connection as `role` (a demo staff member: ana, luis, marco, sofia, admin; or
/// okla_owner; or postgres, the cluster's superuser). Check ok() with QVERIFY.
inline models::Result<services::PgConnection> connectAs(const QString &role, const QString &database = {})
{
    return services::PgConnection::openQuiet(conninfoAs(role, database));
}

/// A fresh database owned by okla_owner with the DBA step applied (docs/security.md §13; the
/// superuser's part: group roles and the okla_dba functions), not migrated; dropped when the
/// returned guard dies.
class ThrowawayDatabase
{
public:
    explicit ThrowawayDatabase(const QString &prefix = QStringLiteral("okla_tmp"))
        : m_name(prefix + u'_' + QUuid::createUuid().toString(QUuid::Id128).left(10))
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        if (!su)
            qFatal("throwaway database: %s", qPrintable(su.error().toString()));
        auto created = su->execScript(QStringLiteral("CREATE DATABASE %1 OWNER okla_owner").arg(m_name));
        if (!created)
            qFatal("throwaway database: %s", qPrintable(created.error().toString()));
        auto dba = okla::tests::connectAs(QStringLiteral("postgres"), m_name);
        auto applied = dba ? services::DbaSetup::apply(dba.value()) : models::Status(dba.error());
        if (!applied)
            qFatal("throwaway database, DBA step: %s", qPrintable(applied.error().toString()));
    }
    ~ThrowawayDatabase()
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        auto dropped = su ? su->execScript(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name))
                          : models::Status(su.error());
        if (!dropped) // a leftover database is visible in the fixture, not silently kept
            qWarning("throwaway database %s not dropped: %s", qPrintable(m_name), qPrintable(dropped.error().toString()));
    }
    ThrowawayDatabase(const ThrowawayDatabase &) = delete;
    ThrowawayDatabase &operator=(const ThrowawayDatabase &) = delete;

    const QString &name() const { return m_name; }
    models::Result<services::PgConnection> connectAs(const QString &role) const { return okla::tests::connectAs(role, m_name); }
    /// An open connection as `role`, or the test stops (a fixture that cannot connect is broken).
    services::PgConnection open(const QString &role) const
    {
        auto connection = connectAs(role);
        if (!connection)
            qFatal("connect as %s: %s", qPrintable(role), qPrintable(connection.error().toString()));
        return std::move(connection).value();
    }

private:
    QString m_name;
};

/// A login in the okla_worker group made for one test: logins are cluster-wide, so each test makes
/// its own under a random name, and drops it when the guard dies (after the test's databases,
/// whose connections it may hold).
class WorkerLogin
{
public:
    explicit WorkerLogin(const QString &prefix)
        : m_name(prefix + u'_' + QUuid::createUuid().toString(QUuid::Id128).left(10))
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        auto created = su ? su->execScript(QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE okla_worker").arg(m_name))
                          : models::Status(su.error());
        if (!created)
            qFatal("worker login: %s", qPrintable(created.error().toString()));
    }
    ~WorkerLogin()
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        auto dropped = su ? su->execScript(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_name)) : models::Status(su.error());
        if (!dropped) // a leftover login is visible in the fixture, not silently kept
            qWarning("worker login %s not dropped: %s", qPrintable(m_name), qPrintable(dropped.error().toString()));
    }
    WorkerLogin(const WorkerLogin &) = delete;
    WorkerLogin &operator=(const WorkerLogin &) = delete;

    const QString &name() const { return m_name; }

private:
    QString m_name;
};

/// The SQLSTATE of a database error ("42501"), from its code "db.<state>".
inline QString sqlState(const models::Error &error)
{
    return error.code.section(u'.', -1);
}

/// What an attack statement got: "ok" when accepted, else the SQLSTATE of the refusal.
inline QString outcome(services::PgConnection &connection, const QString &sql, const QVariantList &params = {})
{
    auto r = connection.exec(sql, params);
    return r ? QStringLiteral("ok") : sqlState(r.error());
}

/// THE way a test creates (or re-creates) a staff member: okla_staff_create as the superuser
/// `postgres` in `database` (empty: the profile's), since the owner cannot create logins
/// (docs/security.md §13). Logins are cluster-wide: a test that changes one's group or
/// deactivates it uses a login of its own. Returns the staff id. Check ok() with QVERIFY.
inline models::Result<qint64> createStaff(const QString &database, const QString &login, const QString &fullName,
                                          const QString &staffRole)
{
    auto su = connectAs(QStringLiteral("postgres"), database);
    if (!su)
        return su.error();
    auto id = su->exec(QStringLiteral("SELECT okla_staff_create($1, $2, $3)"), {login, fullName, staffRole});
    if (!id)
        return id.error();
    return id->toInt64(0, 0);
}

inline models::Result<qint64> createStaff(const ThrowawayDatabase &db, const QString &login, const QString &fullName,
                                          const QString &staffRole)
{
    return createStaff(db.name(), login, fullName, staffRole);
}

/// The role tests' staff, one per group: ana (finance), marco (manager), sofia (support), admin.
inline const QStringList &roleStaff()
{
    static const QStringList logins{QStringLiteral("ana"), QStringLiteral("marco"), QStringLiteral("sofia"), QStringLiteral("admin")};
    return logins;
}

/// Creates roleStaff() in `db` as "Test <login>".
inline models::Status createRoleStaff(const ThrowawayDatabase &db)
{
    const QStringList groups{QStringLiteral("finance"), QStringLiteral("manager"), QStringLiteral("support"), QStringLiteral("admin")};
    for (qsizetype i = 0; i < roleStaff().size(); ++i) {
        auto made = createStaff(db, roleStaff()[i], QStringLiteral("Test ") + roleStaff()[i], groups[i]);
        if (!made)
            return made.error();
    }
    return {};
}

/// A secret from the fixture's credentials folder ($OKLA_CREDENTIALS_DIR), trimmed.
inline QByteArray credential(const QString &name)
{
    QFile file(qEnvironmentVariable("OKLA_CREDENTIALS_DIR") + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

/// A Redis client on the fixture's Redis (AUTH with its redis-password).
inline std::unique_ptr<services::RedisClient> redisClient()
{
    return std::make_unique<services::RedisClient>(services::RedisConfig::fromProfile(testProfile()));
}

/// A program of the build ($OKLA_BINARY_DIR): "okla-sandbox", "okla", "okla-admin"...
inline QString programPath(const QString &name)
{
    static const QHash<QString, QString> folders = {{QStringLiteral("okla-sandbox"), QStringLiteral("sandbox/launcher")},
                                                    {QStringLiteral("okla"), QStringLiteral("app/cli")},
                                                    {QStringLiteral("okla-admin"), QStringLiteral("app/admin")},
                                                    {QStringLiteral("okla-sim"), QStringLiteral("sandbox/sims")},
                                                    {QStringLiteral("okla-worker"), QStringLiteral("app/worker")}};
    return qEnvironmentVariable("OKLA_BINARY_DIR") + u'/' + folders.value(name, QStringLiteral(".")) + u'/' + name;
}

/// Output and exit code of one run of a program.
struct ProgramRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs a program of the build to completion (default 120 s), with extra environment variables.
inline ProgramRun runProgram(const QString &name, const QStringList &args, const QProcessEnvironment &extraEnv = {},
                             int timeoutMs = 120000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : extraEnv.keys())
        env.insert(key, extraEnv.value(key));
    process.setProcessEnvironment(env);
    process.start(programPath(name), args);
    ProgramRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        run.err = "did not start or finish: " + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace okla::tests
