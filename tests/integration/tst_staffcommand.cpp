// `okla staff list|create|set-role|deactivate` and `okla dba apply` as an operator runs them: the
// real CLI binary against the fixture's database (docs/security.md §13).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "harness/testenv.h"

using okla::tests::runProgram;

class TestStaffCommand : public QObject
{
    Q_OBJECT

private:
    QStringList m_logins; ///< logins this test made (cluster-wide: dropped at the end)

    QString freshLogin()
    {
        m_logins << QStringLiteral("cli_") + QUuid::createUuid().toString(QUuid::Id128).left(10);
        return m_logins.last();
    }

    static okla::tests::ProgramRun staff(const QStringList &args, const QString &user = QStringLiteral("admin"))
    {
        return runProgram(QStringLiteral("okla"), QStringList{QStringLiteral("staff")} + args + QStringList{QStringLiteral("--user"), user});
    }

    static QJsonObject listed(const QString &login)
    {
        const auto run = staff({QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        if (!doc.value(QStringLiteral("ok")).toBool())
            qWarning("staff list --json: %s", run.err.constData());
        for (const QJsonValue &v : doc.value(QStringLiteral("staff")).toArray())
            if (v.toObject().value(QStringLiteral("login")).toString() == login)
                return v.toObject();
        return {};
    }

    static bool isMember(const QString &login, const QString &group)
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"));
        auto r = su ? su->exec(QStringLiteral("SELECT pg_has_role($1, $2, 'MEMBER')"), {login, group})
                    : okla::models::Result<okla::services::PgResult>(su.error());
        return r && r->text(0, 0) == QLatin1String("t");
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        QVERIFY(su.ok());
        auto rows = okla::tests::connectAs(QStringLiteral("postgres"));
        QVERIFY(rows.ok());
        QVERIFY(rows->exec(QStringLiteral("DELETE FROM staff WHERE role_name = ANY (string_to_array($1, ','))"),
                           {m_logins.join(u',')}).ok());
        for (const QString &login : std::as_const(m_logins))
            QVERIFY(su->execScript(QStringLiteral("DROP ROLE IF EXISTS %1").arg(login)).ok());
    }

    void anAdminManagesAStaffLogin()
    {
        const QString login = freshLogin();
        // when an admin creates a finance login
        auto created = staff({QStringLiteral("create"), QStringLiteral("--login"), login, QStringLiteral("--name"),
                              QStringLiteral("Carla Núñez"), QStringLiteral("--role"), QStringLiteral("finance"),
                              QStringLiteral("--email"), QStringLiteral("carla@okla.com.do")});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        // then the list shows it, active, in finance
        QJsonObject row = listed(login);
        QCOMPARE(row.value(QStringLiteral("role")).toString(), QStringLiteral("finance"));
        QCOMPARE(row.value(QStringLiteral("full_name")).toString(), QStringLiteral("Carla Núñez"));
        QVERIFY(row.value(QStringLiteral("active")).toBool());
        QVERIFY(isMember(login, QStringLiteral("okla_finance")));
        // when the admin moves it to support
        auto moved = staff({QStringLiteral("set-role"), QStringLiteral("--login"), login, QStringLiteral("--role"), QStringLiteral("support")});
        QVERIFY2(moved.exitCode == 0, moved.err.constData());
        QCOMPARE(listed(login).value(QStringLiteral("role")).toString(), QStringLiteral("support"));
        QVERIFY(!isMember(login, QStringLiteral("okla_finance")));
        // when the admin deactivates it
        auto gone = staff({QStringLiteral("deactivate"), QStringLiteral("--login"), login});
        QVERIFY2(gone.exitCode == 0, gone.err.constData());
        QVERIFY(!listed(login).value(QStringLiteral("active")).toBool());
        QVERIFY(!okla::tests::connectAs(login).ok());
        // and the text list names it inactive
        const auto text = staff({QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(login.toUtf8()));
    }

    void badInputIsRefusedInOneSentence()
    {
        const QString login = freshLogin();
        const QStringList base{QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("X")};
        const QList<QStringList> bad = {
            base + QStringList{QStringLiteral("--login"), QStringLiteral("x; DROP ROLE y"), QStringLiteral("--role"), QStringLiteral("support")},
            base + QStringList{QStringLiteral("--login"), QStringLiteral("okla_owner"), QStringLiteral("--role"), QStringLiteral("support")},
            base + QStringList{QStringLiteral("--login"), QStringLiteral("Ana"), QStringLiteral("--role"), QStringLiteral("support")},
            base + QStringList{QStringLiteral("--login"), login, QStringLiteral("--role"), QStringLiteral("superuser")},
            base + QStringList{QStringLiteral("--login"), login, QStringLiteral("--role"), QStringLiteral("support"),
                               QStringLiteral("--email"), QStringLiteral("not-an-address")},
            {QStringLiteral("create"), QStringLiteral("--login"), login, QStringLiteral("--role"), QStringLiteral("support"),
             QStringLiteral("--name"), QString(201, u'a')},
            {QStringLiteral("set-role"), QStringLiteral("--login"), QStringLiteral("pg_monitor"), QStringLiteral("--role"), QStringLiteral("admin")},
            {QStringLiteral("deactivate"), QStringLiteral("--login"), QString(100000, u'a')},
            {QStringLiteral("create"), QStringLiteral("--bogus")},
            {QStringLiteral("create"), QStringLiteral("--login"), login},
        };
        for (const QStringList &args : bad) {
            const auto run = staff(args);
            QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ').left(80) + u' ' + QString::fromUtf8(run.err)));
            QCOMPARE(run.err.count('\n'), 1);
            QVERIFY(run.err.size() < 400); // never echoes a 100 kB argument
        }
        QVERIFY(listed(login).isEmpty());
    }

    void theDatabaseRefusesWhatTheCliCannotKnow()
    {
        // when support tries, or an admin aims at a role that is no staff login
        const QString login = freshLogin();
        auto support = staff({QStringLiteral("create"), QStringLiteral("--login"), login, QStringLiteral("--name"), QStringLiteral("X"),
                              QStringLiteral("--role"), QStringLiteral("admin")},
                             QStringLiteral("sofia"));
        QCOMPARE(support.exitCode, 1);
        QVERIFY2(support.err.contains("Only an admin"), support.err.constData());
        auto postgres = staff({QStringLiteral("set-role"), QStringLiteral("--login"), QStringLiteral("postgres"), QStringLiteral("--role"),
                               QStringLiteral("support")});
        QCOMPARE(postgres.exitCode, 1);
        QVERIFY2(postgres.err.contains("no active staff member"), postgres.err.constData());
        auto self = staff({QStringLiteral("deactivate"), QStringLiteral("--login"), QStringLiteral("admin")});
        QCOMPARE(self.exitCode, 1);
        QVERIFY(isMember(QStringLiteral("admin"), QStringLiteral("okla_admin")));
    }

    void aPasswordTravelsOnlyAsAVerifier()
    {
        // given a password typed on stdin (never an argument)
        const QString login = freshLogin();
        const QByteArray password = "correct horse battery staple";
        auto create = [&](const QByteArray &typed) {
            QProcess process;
            process.start(okla::tests::programPath(QStringLiteral("okla")),
                          {QStringLiteral("staff"), QStringLiteral("create"), QStringLiteral("--login"), login,
                           QStringLiteral("--name"), QStringLiteral("Con Clave"), QStringLiteral("--role"),
                           QStringLiteral("support"), QStringLiteral("--password-stdin"), QStringLiteral("--user"),
                           QStringLiteral("admin")});
            process.waitForStarted(10000);
            process.write(typed + '\n');
            process.closeWriteChannel();
            process.waitForFinished(60000);
            return process.exitCode();
        };
        // when it is too short, then it is refused before anything is sent
        QCOMPARE(create("short"), 2);
        QVERIFY(listed(login).isEmpty());
        // when the admin creates the login with a good one
        QCOMPARE(create(password), 0);
        // then the server holds a SCRAM verifier made on the client, not the password
        auto su = okla::tests::connectAs(QStringLiteral("postgres"));
        auto stored = su->exec(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = $1"), {login});
        QVERIFY(stored.ok());
        QVERIFY(stored->text(0, 0).startsWith(QLatin1String("SCRAM-SHA-256$")));
        QVERIFY(!stored->text(0, 0).contains(QString::fromUtf8(password)));
    }

    void dbaApplyNeedsASuperuserAndIsIdempotent()
    {
        // when the owner runs the DBA step, then a superuser twice
        auto owner = runProgram(QStringLiteral("okla"), {QStringLiteral("dba"), QStringLiteral("apply"), QStringLiteral("--user"),
                                                         QStringLiteral("okla_owner")});
        QCOMPARE(owner.exitCode, 1);
        QVERIFY2(owner.err.contains("superuser"), owner.err.constData());
        for (int i = 0; i < 2; ++i) {
            auto run = runProgram(QStringLiteral("okla"), {QStringLiteral("dba"), QStringLiteral("apply")});
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
        // then the owner still cannot create roles and the schema still matches
        auto check = runProgram(QStringLiteral("okla"), {QStringLiteral("schema"), QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0, check.err.constData());
    }

    void dbaApplyMakesServiceLogins()
    {
        // given a credentials folder holding the worker's password and none for the collectors
        QTemporaryDir credentials;
        QVERIFY(credentials.isValid());
        QFile::setPermissions(credentials.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QByteArray password = "worker-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
        QFile secret(credentials.path() + QStringLiteral("/pg-password"));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(password + '\n');
        secret.close();
        QFile::setPermissions(secret.fileName(), QFile::ReadOwner | QFile::WriteOwner);
        QProcessEnvironment env;
        env.insert(QStringLiteral("OKLA_CREDENTIALS_DIR"), credentials.path());
        const QString worker = freshLogin();
        const QString collector = freshLogin();

        // when the DBA step makes the worker's and a collector's login
        auto run = runProgram(QStringLiteral("okla"), {QStringLiteral("dba"), QStringLiteral("apply"), QStringLiteral("--worker-login"),
                                                       worker, QStringLiteral("--collector-login"), collector}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.out.contains(password) && !run.err.contains(password));

        // then each is in its one group, not staff, and only the worker's has a (SCRAM) password
        QVERIFY(isMember(worker, QStringLiteral("okla_worker")));
        QVERIFY(!isMember(worker, QStringLiteral("okla_staff")) && !isMember(worker, QStringLiteral("pg_monitor")));
        QVERIFY(isMember(collector, QStringLiteral("pg_monitor")));
        QVERIFY(!isMember(collector, QStringLiteral("okla_worker")));
        auto su = okla::tests::connectAs(QStringLiteral("postgres"));
        QVERIFY(su.ok());
        auto stored = su->exec(QStringLiteral("SELECT rolname, coalesce(rolpassword, '') FROM pg_authid WHERE rolname IN ($1, $2) "
                                              "ORDER BY rolname = $1 DESC"), {worker, collector});
        QVERIFY(stored.ok() && stored->rows() == 2);
        QVERIFY(stored->text(0, 1).startsWith(QLatin1String("SCRAM-SHA-256$")));
        QVERIFY(stored->text(1, 1).isEmpty());

        // and a staff login or the collector's cannot be turned into the worker's, nor can the owner
        // make a login or a superuser put one in a staff group
        for (const QString &victim : {QStringLiteral("ana"), collector}) {
            auto refused = runProgram(QStringLiteral("okla"), {QStringLiteral("dba"), QStringLiteral("apply"),
                                                               QStringLiteral("--worker-login"), victim}, env);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(victim.toUtf8()), refused.err.constData());
            QVERIFY(!isMember(victim, QStringLiteral("okla_worker")));
        }
        auto owner = okla::tests::connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner.ok());
        QCOMPARE(okla::tests::outcome(owner.value(), QStringLiteral("SELECT okla_dba.service_login('rt_owner_made', 'okla_worker')")),
                 QStringLiteral("42501"));
        QCOMPARE(okla::tests::outcome(su.value(), QStringLiteral("SELECT okla_dba.service_login($1, 'okla_admin')"), {worker}),
                 QStringLiteral("22023"));
        QVERIFY(!isMember(worker, QStringLiteral("okla_admin")));
    }
};

QTEST_GUILESS_MAIN(TestStaffCommand)
#include "tst_staffcommand.moc"
