// Privilege attacks of issue 8 item 10 (docs/security.md §12), each as the role that tried it:
// a temporary table shadowing what a trigger reads, sequences used directly, functions without a
// fixed search_path, and spoofed NOTIFY messages, which must change nothing but cause a re-query.
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <libpq-fe.h>

#include "harness/testenv.h"
#include "services/database/migrator.h"
#include "services/database/notificationlistener.h"

using okla::services::Migrator;
using okla::services::NotificationListener;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;
using okla::tests::outcome;

class TestPrivilegeAttacks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    std::unique_ptr<okla::tests::WorkerLogin> m_workerLogin; ///< dropped at the end
    QString m_worker;                                        ///< its name
    const QStringList m_staff = okla::tests::roleStaff();

    PgConnection as(const QString &role) { return m_db->open(role); }

    QString text(const QString &sql)
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto result = owner.exec(sql);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->text(0, 0);
    }

    /// A fingerprint of everything a spoofed notification could pretend to change.
    QString fingerprint()
    {
        return text(QStringLiteral("SELECT md5((SELECT coalesce(string_agg(r::text, '|' ORDER BY id), '') FROM refunds r)"
                                   " || (SELECT coalesce(string_agg(d::text, '|' ORDER BY id), '') FROM dealers d)"
                                   " || (SELECT coalesce(string_agg(p::text, '|' ORDER BY id), '') FROM payments p))"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database with finance, manager, support and admin staff, a worker login,
        // a dealer and a captured payment
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_privattacks"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        auto staff = okla::tests::createRoleStaff(*m_db);
        QVERIFY2(staff.ok(), qPrintable(staff ? QString() : staff.error().toString()));
        m_workerLogin = std::make_unique<okla::tests::WorkerLogin>(QStringLiteral("pw"));
        m_worker = m_workerLogin->name();
        QVERIFY(owner.execScript(QStringLiteral(
            "INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province)"
            " VALUES (1, 'Autos Caribe SRL', '133325901', 'rnc', 'independent', 'verified', 'Santo Domingo', 'Distrito Nacional');"
            "INSERT INTO payments (id, dealer_id, provider, status, currency, amount_minor, captured_amount, azul_order_id,"
            "                      card_brand, card_last4, created_at)"
            " VALUES (1, 1, 'azul', 'succeeded', 'DOP', 2000000, 2000000, '1001', 'Visa', '4242', now());")));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_workerLogin.reset(); // after the database: its connections are gone
    }

    void staffCannotCreateTemporaryObjects()
    {
        // when a manager (or any staff member) prepares a temporary state_transitions
        for (const QString &who : m_staff) {
            PgConnection attacker = as(who);
            QCOMPARE(outcome(attacker, QStringLiteral("CREATE TEMP TABLE state_transitions (entity text, from_state text, to_state text)")),
                     QStringLiteral("42501"));
        }
        // while the worker, which builds KPI snapshots in temporary tables, still may
        PgConnection worker = as(m_worker);
        QCOMPARE(outcome(worker, QStringLiteral("CREATE TEMP TABLE kpi_probe (x int)")), QStringLiteral("ok"));
    }

    void aTemporaryTableCannotShadowWhatATriggerReads()
    {
        // given an approved refund
        PgConnection ana = as(QStringLiteral("ana"));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto requested = ana.exec(QStringLiteral("INSERT INTO refunds (id, payment_id, amount_minor, reason)"
                                                 " VALUES ($1, 1, 50000, 'duplicate') RETURNING state"), {id});
        QVERIFY2(requested.ok(), qPrintable(requested ? QString() : requested.error().toString()));
        QCOMPARE(requested->text(0, 0), QStringLiteral("approved"));
        // when the worker (the one role with TEMP) shadows state_transitions with a shortcut
        // approved -> succeeded and takes it, with pg_temp first in its own search_path
        PgConnection worker = as(m_worker);
        QVERIFY(worker.execScript(QStringLiteral(
            "CREATE TEMP TABLE state_transitions AS SELECT * FROM public.state_transitions;"
            "INSERT INTO pg_temp.state_transitions VALUES ('refund', 'approved', 'succeeded');"
            "SET search_path = pg_temp, public;")).ok());
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE public.refunds SET state = 'succeeded' WHERE id = $1"), {id}),
                 QStringLiteral("23514"));
        // then the trigger read the real table and nothing changed
        QCOMPARE(text(QStringLiteral("SELECT state || '/' || refunded_amount FROM refunds r JOIN payments p ON p.id = r.payment_id")),
                 QStringLiteral("approved/0"));
    }

    void sequencesCannotBeUsedDirectly()
    {
        const QString sequences = QStringLiteral("SELECT (SELECT last_value || '/' || is_called FROM payments_id_seq)"
                                                 " || ' ' || (SELECT last_value || '/' || is_called FROM dealer_notes_id_seq)");
        const QString before = text(sequences);
        for (const QString &who : m_staff + QStringList{m_worker}) {
            PgConnection attacker = as(who);
            QCOMPARE(outcome(attacker, QStringLiteral("SELECT nextval('payments_id_seq')")), QStringLiteral("42501"));
            QCOMPARE(outcome(attacker, QStringLiteral("SELECT setval('dealer_notes_id_seq', 1)")), QStringLiteral("42501"));
        }
        QCOMPARE(text(sequences), before);
        // identity columns still number rows without any sequence privilege
        PgConnection sofia = as(QStringLiteral("sofia"));
        QCOMPARE(outcome(sofia, QStringLiteral("INSERT INTO dealer_notes (dealer_id, body) VALUES (1, 'llamó por la factura')")),
                 QStringLiteral("ok"));
    }

    void everyFunctionHasAFixedSearchPathEndingInPgTemp()
    {
        // Extension members (pg_trgm's C functions) resolve no names. The three pure IMMUTABLE SQL
        // helpers that KPI queries inline are the documented exception (docs/security.md §12).
        const QStringList inlined{QStringLiteral("okla_cycle_price_minor(bigint,text,integer)"), QStringLiteral("okla_months_in_cycle(text)"),
                                  QStringLiteral("okla_mrr_minor(bigint,text,integer,integer)")};
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto functions = owner.exec(QStringLiteral(
            "SELECT p.oid::regprocedure::text, l.lanname, p.provolatile::text, p.prosecdef,"
            "       (SELECT s FROM unnest(p.proconfig) s WHERE s LIKE 'search\\_path=%')"
            " FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang"
            " WHERE p.pronamespace = 'public'::regnamespace"
            "   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')"
            " ORDER BY 1"));
        QVERIFY(functions.ok());
        QVERIFY(functions->rows() > 20);
        QStringList missing;
        for (int row = 0; row < functions->rows(); ++row) {
            const QString name = functions->text(row, 0);
            const QString setting = functions->text(row, 4);
            if (inlined.contains(name)) {
                QVERIFY2(functions->text(row, 1) == QLatin1String("sql") && functions->text(row, 2) == QLatin1String("i")
                             && functions->text(row, 3) == QLatin1String("f"),
                         qPrintable(name + QStringLiteral(" must stay a plain IMMUTABLE SQL function")));
                continue;
            }
            // pg_temp listed last: unlisted, it would be searched FIRST for tables
            if (!setting.endsWith(QLatin1String("pg_temp")))
                missing << name + u' ' + setting;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
    }

    void aSpoofedNotificationOnlyCausesARequery()
    {
        // given a console listening as ana
        NotificationListener listener(okla::tests::conninfoAs(QStringLiteral("ana"), m_db->name()));
        QSignalSpy connected(&listener, &NotificationListener::connected);
        QSignalSpy notified(&listener, &NotificationListener::notification);
        listener.listen(QStringLiteral("refunds_changed"));
        listener.listen(QStringLiteral("dealers_changed"));
        QVERIFY(connected.wait(10000));
        QTest::qWait(200); // both LISTENs are in
        const QString before = fingerprint();
        // when support (and the worker) send notifications that look like data
        PgConnection sofia = as(QStringLiteral("sofia"));
        QVERIFY(sofia.execScript(QStringLiteral(
            "NOTIFY refunds_changed, '{\"id\": \"00000000-0000-4000-8000-000000000001\", \"state\": \"approved\"}';"
            "SELECT pg_notify('dealers_changed', '1; DROP TABLE refunds');")).ok());
        PgConnection worker = as(m_worker);
        QVERIFY(worker.execScript(QStringLiteral("NOTIFY refunds_changed, 'amount_minor=999999999'")).ok());
        // then the console hears only "something changed on this channel" (no payload reaches it)
        for (int i = 0; i < 50 && notified.size() < 3; ++i)
            notified.wait(100);
        QCOMPARE(notified.size(), 3);
        QStringList channels;
        for (const QList<QVariant> &args : std::as_const(notified)) {
            QCOMPARE(args.size(), 1);
            channels << args.first().toString();
        }
        channels.sort();
        QCOMPARE(channels, (QStringList{QStringLiteral("dealers_changed"), QStringLiteral("refunds_changed"),
                                        QStringLiteral("refunds_changed")}));
        // and nothing in the database changed
        QCOMPARE(fingerprint(), before);
    }

    void realChangesAreAnnouncedWithoutData()
    {
        // given a raw LISTEN connection (what any client could open)
        PgConnection listener = as(QStringLiteral("marco"));
        QVERIFY(listener.execScript(QStringLiteral("LISTEN refunds_changed")).ok());
        // when a refund is requested
        PgConnection ana = as(QStringLiteral("ana"));
        QVERIFY(ana.exec(QStringLiteral("INSERT INTO refunds (id, payment_id, amount_minor, reason) VALUES ($1, 1, 1000, 'other')"),
                         {QUuid::createUuid().toString(QUuid::WithoutBraces)}).ok());
        // then the notification carries no payload
        PGnotify *notify = nullptr;
        for (int i = 0; i < 100 && !notify; ++i) {
            PQconsumeInput(listener.handle());
            notify = PQnotifies(listener.handle());
            if (!notify)
                QTest::qWait(20);
        }
        QVERIFY(notify);
        QCOMPARE(QByteArray(notify->relname), QByteArray("refunds_changed"));
        QCOMPARE(QByteArray(notify->extra), QByteArray());
        PQfreemem(notify);
    }
};

QTEST_GUILESS_MAIN(TestPrivilegeAttacks)
#include "tst_privilegeattacks.moc"
