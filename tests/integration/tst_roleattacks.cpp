// Roles and privilege, attacked (docs/security.md §13): the owner cannot create or grant roles,
// only admins reach staff management, and a moved or deactivated staff login keeps nothing of its
// old group. Each attack runs as the role that tries it and expects the refusal.
#include <QTest>

#include "harness/testenv.h"
#include "services/database/migrator.h"

using okla::services::Migrator;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;
using okla::tests::outcome;

class TestRoleAttacks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    QStringList m_logins; ///< logins this test made (roles are cluster-wide: dropped at the end)

    PgConnection as(const QString &role) { return m_db->open(role); }

    QString freshLogin()
    {
        m_logins << QStringLiteral("rt_") + QUuid::createUuid().toString(QUuid::Id128).left(10);
        return m_logins.last();
    }

    bool isMember(const QString &login, const QString &group)
    {
        PgConnection su = as(QStringLiteral("postgres"));
        auto r = su.exec(QStringLiteral("SELECT pg_has_role($1, $2, 'MEMBER')"), {login, group});
        return r && r->text(0, 0) == QLatin1String("t");
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database whose only admin is `admin`, and ana in finance, sofia in support
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_roleattacks"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        for (const auto &[login, role] : {std::pair{"admin", "admin"}, std::pair{"ana", "finance"}, std::pair{"sofia", "support"}}) {
            auto made = okla::tests::createStaff(*m_db, QString::fromLatin1(login), QStringLiteral("Test %1").arg(login),
                                                 QString::fromLatin1(role));
            QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().toString()));
        }
    }

    void cleanupTestCase()
    {
        m_db.reset();
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        QVERIFY(su.ok());
        for (const QString &login : std::as_const(m_logins))
            QVERIFY(su->exec(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = $1"), {login}).ok()
                    && su->execScript(QStringLiteral("DROP ROLE IF EXISTS %1").arg(login)).ok());
    }

    void ownerCannotCreateOrGrantRoles()
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        // when the owner tries to create a role, give itself CREATEROLE back, or grant itself the
        // role that runs programs on the server (COPY ... TO PROGRAM)
        QCOMPARE(outcome(owner, QStringLiteral("CREATE ROLE rt_owner_made LOGIN")), QStringLiteral("42501"));
        QCOMPARE(outcome(owner, QStringLiteral("ALTER ROLE okla_owner CREATEROLE")), QStringLiteral("42501"));
        QCOMPARE(outcome(owner, QStringLiteral("GRANT pg_execute_server_program TO okla_owner")), QStringLiteral("42501"));
        QCOMPARE(outcome(owner, QStringLiteral("GRANT okla_admin TO okla_owner")), QStringLiteral("42501"));
        // then it has none of it
        auto attributes = owner.exec(QStringLiteral("SELECT rolcreaterole OR rolsuper, pg_has_role('okla_owner', 'pg_execute_server_program', 'MEMBER')"
                                                    " FROM pg_roles WHERE rolname = 'okla_owner'"));
        QVERIFY(attributes.ok());
        QCOMPARE(attributes->text(0, 0), QStringLiteral("f"));
        QCOMPARE(attributes->text(0, 1), QStringLiteral("f"));
    }

    void ownerCannotUseOrReplaceTheDbaFunctions()
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        const QString login = freshLogin();
        // when the owner calls the superuser's functions itself (it holds EXECUTE for its wrappers)
        QCOMPARE(outcome(owner, QStringLiteral("SELECT okla_dba.staff_upsert($1, 'okla_admin', NULL)"), {login}),
                 QStringLiteral("42501"));
        QCOMPARE(outcome(owner, QStringLiteral("SELECT okla_dba.staff_deactivate('ana')")), QStringLiteral("42501"));
        QCOMPARE(outcome(owner, QStringLiteral("SELECT okla_dba.check_caller()")), QStringLiteral("42501"));
        // or through its own wrapper, which it owns and may therefore execute
        QCOMPARE(outcome(owner, QStringLiteral("SELECT okla_staff_create($1, 'Owner Made', 'admin')"), {login}),
                 QStringLiteral("42501"));
        // or replaces one of them
        QCOMPARE(outcome(owner, QStringLiteral("CREATE OR REPLACE FUNCTION okla_dba.check_caller() RETURNS void"
                                               " LANGUAGE sql AS 'SELECT'")),
                 QStringLiteral("42501"));
        // then no login was made and no staff row written
        QVERIFY(!isMember(login, QStringLiteral("okla_admin")));
        auto row = owner.exec(QStringLiteral("SELECT count(*) FROM staff WHERE role_name = $1"), {login});
        QVERIFY(row.ok());
        QCOMPARE(row->toInt64(0, 0), 0);
    }

    void onlyAdminsManageStaff()
    {
        const QString login = freshLogin();
        for (const QString &who : {QStringLiteral("sofia"), QStringLiteral("ana")}) {
            PgConnection attacker = as(who);
            // when support or finance tries to create an admin, move someone, deactivate someone
            QCOMPARE(outcome(attacker, QStringLiteral("SELECT okla_staff_create($1, 'Mine', 'admin')"), {login}),
                     QStringLiteral("42501"));
            QCOMPARE(outcome(attacker, QStringLiteral("SELECT okla_staff_set_role($1, 'admin')"), {who}), QStringLiteral("42501"));
            QCOMPARE(outcome(attacker, QStringLiteral("SELECT okla_staff_deactivate('admin')")), QStringLiteral("42501"));
            QCOMPARE(outcome(attacker, QStringLiteral("SELECT okla_dba.staff_upsert($1, 'okla_admin', NULL)"), {who}),
                     QStringLiteral("42501"));
            QCOMPARE(outcome(attacker, QStringLiteral("UPDATE staff SET staff_role = 'admin' WHERE role_name = $1"), {who}),
                     QStringLiteral("42501"));
        }
        // then nobody was promoted
        QVERIFY(!isMember(QStringLiteral("sofia"), QStringLiteral("okla_admin")));
        QVERIFY(!isMember(QStringLiteral("ana"), QStringLiteral("okla_admin")));
    }

    void aMovedLoginLeavesItsOldGroup()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        const QString login = freshLogin();
        // given a finance login made by an admin
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'Rita Finanzas', 'finance', 'rita@okla.com.do')"),
                         {login}),
                 QStringLiteral("ok"));
        QVERIFY(isMember(login, QStringLiteral("okla_finance")));
        QVERIFY(isMember(login, QStringLiteral("okla_staff")));
        // when the admin re-creates it as support
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'Rita Soporte', 'support')"), {login}),
                 QStringLiteral("ok"));
        // then it is no longer in finance and can no longer insert a refund
        QVERIFY(!isMember(login, QStringLiteral("okla_finance")));
        QVERIFY(isMember(login, QStringLiteral("okla_support")));
        PgConnection rita = as(login);
        QCOMPARE(outcome(rita, QStringLiteral("INSERT INTO refunds (payment_id, provider, currency, amount_minor, reason, requested_by)"
                                              " VALUES (1, 'azul', 'DOP', 100, 'requested_by_customer', current_staff_id())")),
                 QStringLiteral("42501"));
        // and when moved again with set-role, only the new group remains
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_set_role($1, 'manager')"), {login}), QStringLiteral("ok"));
        QVERIFY(isMember(login, QStringLiteral("okla_manager")));
        QVERIFY(!isMember(login, QStringLiteral("okla_support")));
        auto row = admin.exec(QStringLiteral("SELECT staff_role FROM staff WHERE role_name = $1"), {login});
        QVERIFY(row.ok());
        QCOMPARE(row->text(0, 0), QStringLiteral("manager"));
    }

    void deactivationEndsSessionsAndLogins()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        const QString login = freshLogin();
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'Pedro Saliente', 'finance')"), {login}),
                 QStringLiteral("ok"));
        // given an open session of that login
        PgConnection pedro = as(login);
        QVERIFY(pedro.exec(QStringLiteral("SELECT 1")).ok());
        // when an admin deactivates it
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_deactivate($1)"), {login}), QStringLiteral("ok"));
        // then the login cannot sign in, is in no staff group, its row says inactive
        PgConnection su = as(QStringLiteral("postgres"));
        auto role = su.exec(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"), {login});
        QVERIFY(role.ok());
        QCOMPARE(role->text(0, 0), QStringLiteral("f"));
        QVERIFY(!isMember(login, QStringLiteral("okla_finance")));
        auto row = admin.exec(QStringLiteral("SELECT active FROM staff WHERE role_name = $1"), {login});
        QVERIFY(row.ok());
        QCOMPARE(row->text(0, 0), QStringLiteral("f"));
        // and the open session was ended before the call returned
        QVERIFY(!pedro.exec(QStringLiteral("SELECT 1")).ok());
        // and a new connection is refused
        QVERIFY(!m_db->connectAs(login).ok());
        // and the change is in the audit log in the admin's name
        auto audited = su.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'staff' AND actor = 'admin'"
                                              " AND after ->> 'role_name' = $1 AND after ->> 'active' = 'false'"),
                               {login});
        QVERIFY(audited.ok());
        QCOMPARE(audited->toInt64(0, 0), 1);
    }

    void adminsCannotReachOtherRoles()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        // when an admin aims the staff functions at roles that are not staff logins, or at SQL
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_set_role('postgres', 'support')")), QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create('postgres', 'Root', 'admin')")), QStringLiteral("42501"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_set_role('okla_owner', 'support')")), QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create('okla_owner', 'Owner', 'admin')")), QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create('pg_monitor', 'Monitor', 'admin')")), QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'X', 'admin')"), {QStringLiteral("x; DROP ROLE y")}),
                 QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_deactivate('okla_owner')")), QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'X', 'superuser')"), {freshLogin()}),
                 QStringLiteral("22023"));
        // or sets a clear password (only SCRAM verifiers are taken)
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'X', 'support', NULL, 'hunter2')"), {freshLogin()}),
                 QStringLiteral("22023"));
        // (a malformed verifier would be taken by the server as a clear password)
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'X', 'support', NULL, 'SCRAM-SHA-256$hunter2')"),
                         {freshLogin()}),
                 QStringLiteral("22023"));
        // then postgres and the owner are what they were
        auto roles = admin.exec(QStringLiteral("SELECT bool_and(rolsuper) FILTER (WHERE rolname = 'postgres'),"
                                               " bool_or(rolsuper OR rolcreaterole) FILTER (WHERE rolname = 'okla_owner')"
                                               " FROM pg_roles"));
        QVERIFY(roles.ok());
        QCOMPARE(roles->text(0, 0), QStringLiteral("t"));
        QCOMPARE(roles->text(0, 1), QStringLiteral("f"));
        QVERIFY(!isMember(QStringLiteral("okla_owner"), QStringLiteral("okla_staff")));
    }

    void anAdminKeepsTheConsoleManageable()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        // when the only admin deactivates or demotes themself, or edits the row around the functions
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_deactivate('admin')")), QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_set_role('admin', 'support')")), QStringLiteral("22023"));
        QCOMPARE(outcome(admin, QStringLiteral("UPDATE staff SET active = false WHERE role_name = 'ana'")), QStringLiteral("42501"));
        // then they are still an admin; names and e-mails stay directly editable
        QVERIFY(isMember(QStringLiteral("admin"), QStringLiteral("okla_admin")));
        QCOMPARE(outcome(admin, QStringLiteral("UPDATE staff SET email = 'ana@okla.com.do' WHERE role_name = 'ana'")),
                 QStringLiteral("ok"));
    }

    void aScramVerifierSetsAPassword()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        const QString login = freshLogin();
        // a verifier as PQencryptPasswordConn makes it (the clear password never reaches SQL)
        const QString verifier = QStringLiteral("SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$"
                                                "Y2eRFXLWrUnuM8NBTPPoG0Na9Jo+iWz9y0qDnDeJljg=:"
                                                "i9OU/WREaWC16d96s1DBISzhBItqQjA4x+ra3A4ZmKc=");
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_staff_create($1, 'Con Clave', 'support', NULL, $2)"), {login, verifier}),
                 QStringLiteral("ok"));
        PgConnection su = as(QStringLiteral("postgres"));
        auto stored = su.exec(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = $1"), {login});
        QVERIFY(stored.ok());
        QCOMPARE(stored->text(0, 0), verifier);
    }
};

QTEST_GUILESS_MAIN(TestRoleAttacks)
#include "tst_roleattacks.moc"
