// The worker's tables of migration 14 (docs/security.md §16, docs/domain.md §22, §23), each action
// run as the role that tries it: who may ask the worker for what, a repeated idempotency key,
// the NOTIFY of a new request, the worker's claim and settlement, the notifications outbox,
// webhook dedupe, reconciliation discrepancies, worker heartbeats and the subscription schedule.
// Every refusal is checked together with "nothing changed".
#include <QTest>
#include <QUuid>

#include <libpq-fe.h>

#include "harness/testenv.h"
#include "services/database/migrator.h"

using okla::services::Migrator;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;
using okla::tests::outcome;

namespace {

QString newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

const QString kRequest = QStringLiteral("SELECT okla_request_work($1, $2::jsonb, $3::uuid)");

} // namespace

class TestWorkerSchema : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    std::unique_ptr<okla::tests::WorkerLogin> m_workerLogin; ///< dropped at the end
    QString m_worker;                                        ///< its name
    const QStringList m_staff = okla::tests::roleStaff();

    PgConnection as(const QString &role) { return m_db->open(role); }

    QString text(const QString &sql, const QVariantList &params = {})
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto result = owner.exec(sql, params);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->text(0, 0);
    }
    qint64 scalar(const QString &sql, const QVariantList &params = {}) { return text(sql, params).toLongLong(); }

    /// Everything on a table, to show that a refused action changed nothing.
    QString fingerprint(const QString &table)
    {
        return text(QStringLiteral("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM %1 t").arg(table));
    }

    /// A request through okla_request_work as `role`: the new row's id, or the refusal's SQLSTATE.
    QString request(const QString &role, const QString &kind, const QString &params = QStringLiteral("{}"),
                    const QString &key = newKey())
    {
        PgConnection connection = as(role);
        auto r = connection.exec(kRequest, {kind, params, key});
        return r ? r->text(0, 0) : okla::tests::sqlState(r.error());
    }

    /// The first notification on `connection` within two seconds (channel, payload), or empty.
    static QPair<QByteArray, QByteArray> nextNotification(PgConnection &connection)
    {
        for (int i = 0; i < 100; ++i) {
            PQconsumeInput(connection.handle());
            if (PGnotify *notify = PQnotifies(connection.handle())) {
                QPair<QByteArray, QByteArray> got{notify->relname, notify->extra};
                PQfreemem(notify);
                return got;
            }
            QTest::qWait(20);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database with finance, manager, support and admin staff, a worker login
        // and a dealer with a subscription and a payment
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_workerschema"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        auto staff = okla::tests::createRoleStaff(*m_db);
        QVERIFY2(staff.ok(), qPrintable(staff ? QString() : staff.error().toString()));
        m_workerLogin = std::make_unique<okla::tests::WorkerLogin>(QStringLiteral("ws"));
        m_worker = m_workerLogin->name();
        QVERIFY(owner.execScript(QStringLiteral(
            "INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province, email)"
            " VALUES (1, 'Autos Caribe SRL', '133325901', 'rnc', 'independent', 'verified', 'Santo Domingo',"
            "         'Distrito Nacional', 'pagos@autoscaribe.do');"
            "INSERT INTO subscriptions (id, dealer_id, provider, currency, plan_version_id, billing_cycle, status,"
            "                           current_period_start, current_period_end, started_at)"
            " SELECT 1, 1, 'azul', 'DOP', id, 'monthly', 'active', '2026-01-31', '2026-02-28', now()"
            "   FROM plan_versions WHERE plan_key = 'pro' AND currency = 'DOP';"
            "INSERT INTO payments (id, dealer_id, provider, status, currency, amount_minor, captured_amount, azul_order_id,"
            "                      card_brand, card_last4, created_at)"
            " VALUES (1, 1, 'azul', 'succeeded', 'DOP', 677556, 677556, '1001', 'Visa', '4242', now());")).ok());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_workerLogin.reset(); // after the database: its connections are gone
    }

    void eachKindIsAskedOnlyByItsRoles()
    {
        // who may ask for what (docs/security.md §16): finance, manager, support, admin
        const QList<QPair<QString, QList<bool>>> rules{
            {QStringLiteral("billing_run"), {true, true, false, true}},
            {QStringLiteral("reconcile"), {true, true, false, true}},
            {QStringLiteral("retry_charge"), {true, false, false, false}},
            {QStringLiteral("cancel_at_period_end"), {true, true, false, false}},
            {QStringLiteral("change_plan"), {true, true, false, false}},
            {QStringLiteral("resend_receipt"), {true, false, true, false}},
            {QStringLiteral("portal_link"), {true, false, true, false}},
        };
        for (const auto &[kind, allowed] : rules) {
            for (int i = 0; i < m_staff.size(); ++i) {
                const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM worker_requests"));
                const QString got = request(m_staff[i], kind, QStringLiteral("{\"subscription_id\": 1}"));
                const qint64 after = scalar(QStringLiteral("SELECT count(*) FROM worker_requests"));
                if (allowed[i]) {
                    QVERIFY2(got.toLongLong() > 0, qPrintable(kind + u' ' + m_staff[i] + u' ' + got));
                    QCOMPARE(after, before + 1);
                    // stamped from the session, whatever the client says
                    QCOMPARE(text(QStringLiteral("SELECT s.role_name || '/' || r.state FROM worker_requests r"
                                                 " JOIN staff s ON s.id = r.requested_by WHERE r.id = $1"), {got}),
                             m_staff[i] + QStringLiteral("/pending"));
                } else {
                    QVERIFY2(got == QLatin1String("42501"), qPrintable(kind + u' ' + m_staff[i] + u' ' + got));
                    QCOMPARE(after, before);
                }
            }
        }
        // an unknown kind and a non-object are refused with a sentence
        QCOMPARE(request(QStringLiteral("ana"), QStringLiteral("refund_everything")), QStringLiteral("22023"));
        QCOMPARE(request(QStringLiteral("ana"), QStringLiteral("billing_run"), QStringLiteral("[1, 2]")), QStringLiteral("22023"));
        // the worker may schedule its own runs, nothing else
        QVERIFY(request(m_worker, QStringLiteral("billing_run")).toLongLong() > 0);
        QCOMPARE(request(m_worker, QStringLiteral("retry_charge")), QStringLiteral("42501"));
    }

    void staffCannotWriteRequestsDirectly()
    {
        const QString id = request(QStringLiteral("ana"), QStringLiteral("reconcile"));
        QVERIFY(id.toLongLong() > 0);
        const QString before = fingerprint(QStringLiteral("worker_requests"));
        for (const QString &who : m_staff) {
            PgConnection attacker = as(who);
            QCOMPARE(outcome(attacker, QStringLiteral("INSERT INTO worker_requests (kind, idem_key, requested_by, state)"
                                                      " VALUES ('billing_run', gen_random_uuid(), 1, 'succeeded')")),
                     QStringLiteral("42501"));
            QCOMPARE(outcome(attacker, QStringLiteral("UPDATE worker_requests SET state = 'succeeded', result = '{}'"
                                                      " WHERE id = $1"), {id}),
                     QStringLiteral("42501"));
            QCOMPARE(outcome(attacker, QStringLiteral("DELETE FROM worker_requests WHERE id = $1"), {id}), QStringLiteral("42501"));
        }
        QCOMPARE(fingerprint(QStringLiteral("worker_requests")), before);
    }

    void aRepeatedKeyReturnsTheFirstRowAndOtherParamsAreRefused()
    {
        // given a billing run asked for once
        const QString key = newKey();
        const QString first = request(QStringLiteral("ana"), QStringLiteral("billing_run"),
                                      QStringLiteral("{\"date\": \"2026-12-01\", \"dry_run\": false}"), key);
        QVERIFY(first.toLongLong() > 0);
        // when the same person repeats it (the same JSON written differently)
        const QString again = request(QStringLiteral("ana"), QStringLiteral("billing_run"),
                                      QStringLiteral("{\"dry_run\":false,\"date\":\"2026-12-01\"}"), key);
        // then the first row comes back and there is still one row for the key
        QCOMPARE(again, first);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE idem_key = $1"), {key}), 1);
        // when the key comes back with other parameters or another kind: refused, nothing written
        const QString before = fingerprint(QStringLiteral("worker_requests"));
        QCOMPARE(request(QStringLiteral("ana"), QStringLiteral("billing_run"), QStringLiteral("{\"date\": \"2026-12-02\"}"), key),
                 QStringLiteral("23505"));
        QCOMPARE(request(QStringLiteral("ana"), QStringLiteral("reconcile"), QStringLiteral("{\"date\": \"2026-12-01\", \"dry_run\": false}"), key),
                 QStringLiteral("23505"));
        QCOMPARE(fingerprint(QStringLiteral("worker_requests")), before);
        // a key belongs to its requester: someone else's same key is their own request
        const QString marcos = request(QStringLiteral("marco"), QStringLiteral("billing_run"), QStringLiteral("{}"), key);
        QVERIFY(marcos.toLongLong() > 0 && marcos != first);
    }

    void aNewRequestIsAnnouncedWithoutData()
    {
        // given a raw LISTEN connection, as the worker opens one
        PgConnection listener = as(m_worker);
        QVERIFY(listener.execScript(QStringLiteral("LISTEN worker_requests; LISTEN worker_requests_changed")).ok());
        // when finance asks for a reconciliation
        const QString id = request(QStringLiteral("ana"), QStringLiteral("reconcile"));
        QVERIFY(id.toLongLong() > 0);
        // then the worker hears it on the channel, with no payload to trust (docs/security.md §12)
        const auto inserted = nextNotification(listener);
        QCOMPARE(inserted.first, QByteArray("worker_requests"));
        QCOMPARE(inserted.second, QByteArray());
        // and a change of the row is announced on the other channel
        PgConnection worker = as(m_worker);
        QVERIFY(worker.exec(QStringLiteral("UPDATE worker_requests SET progress = '{\"done\": 0}' WHERE id = $1"), {id}).ok());
        QCOMPARE(nextNotification(listener).first, QByteArray("worker_requests_changed"));
    }

    void theWorkerClaimsWithSkipLockedAndSettles()
    {
        // given two pending requests and two workers claiming at once
        const QString a = request(QStringLiteral("ana"), QStringLiteral("retry_charge"), QStringLiteral("{\"subscription_id\": 1}"));
        const QString b = request(QStringLiteral("ana"), QStringLiteral("retry_charge"), QStringLiteral("{\"subscription_id\": 2}"));
        QVERIFY(a.toLongLong() > 0 && b.toLongLong() > 0);
        const QString claim = QStringLiteral("SELECT id FROM worker_requests WHERE state = 'pending' AND id IN ($1, $2)"
                                             " ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1");
        PgConnection first = as(m_worker);
        PgConnection second = as(m_worker);
        QVERIFY(first.execScript(QStringLiteral("BEGIN")).ok());
        QVERIFY(second.execScript(QStringLiteral("BEGIN")).ok());
        auto one = first.exec(claim, {a, b});
        auto two = second.exec(claim, {a, b});
        QVERIFY(one.ok() && two.ok());
        // then each got a different row
        QCOMPARE(one->text(0, 0), a);
        QCOMPARE(two->text(0, 0), b);
        QVERIFY(first.exec(QStringLiteral("UPDATE worker_requests SET state = 'running', claimed_by = 'w1',"
                                          " started_at = '2020-01-01' WHERE id = $1"), {a}).ok());
        QVERIFY(first.execScript(QStringLiteral("COMMIT")).ok());
        QVERIFY(second.execScript(QStringLiteral("ROLLBACK")).ok());
        // the server's clock, not the worker's, dates the claim
        QCOMPARE(text(QStringLiteral("SELECT state || '/' || claimed_by || '/' || (started_at > now() - interval '1 minute')"
                                     " FROM worker_requests WHERE id = $1"), {a}),
                 QStringLiteral("running/w1/true"));
        // when it finishes, finished_at is stamped
        QVERIFY(first.exec(QStringLiteral("UPDATE worker_requests SET state = 'succeeded', result = '{\"charged\": 1}'"
                                          " WHERE id = $1"), {a}).ok());
        QCOMPARE(text(QStringLiteral("SELECT (finished_at IS NOT NULL)::text FROM worker_requests WHERE id = $1"), {a}), QStringLiteral("true"));
        // and what the worker may not do is refused, changing nothing
        const QString before = fingerprint(QStringLiteral("worker_requests"));
        QCOMPARE(outcome(first, QStringLiteral("UPDATE worker_requests SET params = '{}' WHERE id = $1"), {b}), QStringLiteral("42501"));
        QCOMPARE(outcome(first, QStringLiteral("UPDATE worker_requests SET requested_by = NULL WHERE id = $1"), {b}), QStringLiteral("42501"));
        QCOMPARE(outcome(first, QStringLiteral("UPDATE worker_requests SET state = 'succeeded' WHERE id = $1"), {b}), QStringLiteral("23514"));
        QCOMPARE(outcome(first, QStringLiteral("UPDATE worker_requests SET result = '{}' WHERE id = $1"), {a}), QStringLiteral("23514"));
        QCOMPARE(outcome(first, QStringLiteral("INSERT INTO worker_requests (kind, idem_key) VALUES ('billing_run', gen_random_uuid())")),
                 QStringLiteral("42501"));
        QCOMPARE(fingerprint(QStringLiteral("worker_requests")), before);
        // the request and each change of state are in the audit log
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'worker_requests' AND entity_id = $1"), {a}), 3);
    }

    void notificationsAreOnePerEventAndWrittenByTheWorker()
    {
        PgConnection worker = as(m_worker);
        const QString insert = QStringLiteral(
            "INSERT INTO notifications (dealer_id, kind, language, channel, recipient, data, event_key)"
            " VALUES (1, 'pre_charge', 'es', 'email', 'pagos@autoscaribe.do', '{\"amount_minor\": 677556}', $1)"
            " ON CONFLICT (event_key) DO NOTHING RETURNING id");
        auto first = worker.exec(insert, {QStringLiteral("pre_charge:invoice:7")});
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
        QCOMPARE(first->rows(), 1);
        // the same event again writes nothing
        auto again = worker.exec(insert, {QStringLiteral("pre_charge:invoice:7")});
        QVERIFY(again.ok());
        QCOMPARE(again->rows(), 0);
        QCOMPARE(outcome(worker, QStringLiteral("INSERT INTO notifications (dealer_id, kind, language, recipient, event_key)"
                                                " VALUES (1, 'receipt', 'es', 'pagos@autoscaribe.do', 'pre_charge:invoice:7')")),
                 QStringLiteral("23505"));
        // unknown kinds, languages and an e-mail without an address are refused
        QCOMPARE(outcome(worker, QStringLiteral("INSERT INTO notifications (dealer_id, kind, language, recipient, event_key)"
                                                " VALUES (1, 'promo', 'es', 'a@b.do', 'x:1')")), QStringLiteral("23514"));
        QCOMPARE(outcome(worker, QStringLiteral("INSERT INTO notifications (dealer_id, kind, language, recipient, event_key)"
                                                " VALUES (1, 'receipt', 'fr', 'a@b.do', 'x:2')")), QStringLiteral("23514"));
        QCOMPARE(outcome(worker, QStringLiteral("INSERT INTO notifications (dealer_id, kind, language, event_key)"
                                                " VALUES (1, 'receipt', 'es', 'x:3')")), QStringLiteral("23514"));
        // delivery bookkeeping is the worker's; what was notified is not
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE notifications SET sent_at = now(), attempts = 1")), QStringLiteral("ok"));
        const QString before = fingerprint(QStringLiteral("notifications"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE notifications SET recipient = 'x@evil.do'")), QStringLiteral("42501"));
        QCOMPARE(outcome(worker, QStringLiteral("DELETE FROM notifications")), QStringLiteral("42501"));
        // staff read (support answers the phone) and write nothing
        for (const QString &who : m_staff) {
            PgConnection person = as(who);
            QCOMPARE(outcome(person, QStringLiteral("SELECT count(*) FROM notifications")), QStringLiteral("ok"));
            QCOMPARE(outcome(person, QStringLiteral("INSERT INTO notifications (dealer_id, kind, language, recipient, event_key)"
                                                    " VALUES (1, 'receipt', 'es', 'a@b.do', 'x:4')")), QStringLiteral("42501"));
            QCOMPARE(outcome(person, QStringLiteral("UPDATE notifications SET sent_at = NULL")), QStringLiteral("42501"));
            // device tokens stay with the worker
            QCOMPARE(outcome(person, QStringLiteral("SELECT fcm_token FROM dealer_devices")), QStringLiteral("42501"));
            QCOMPARE(outcome(person, QStringLiteral("SELECT dealer_id, platform FROM dealer_devices")), QStringLiteral("ok"));
        }
        QCOMPARE(fingerprint(QStringLiteral("notifications")), before);
    }

    void dealerLanguageIsSpanishOrEnglish()
    {
        QCOMPARE(text(QStringLiteral("SELECT language FROM dealers WHERE id = 1")), QStringLiteral("es"));
        PgConnection worker = as(m_worker);
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE dealers SET language = 'fr' WHERE id = 1")), QStringLiteral("23514"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE dealers SET language = 'en' WHERE id = 1")), QStringLiteral("ok"));
        QCOMPARE(text(QStringLiteral("SELECT language FROM dealers WHERE id = 1")), QStringLiteral("en"));
        PgConnection sofia = as(QStringLiteral("sofia"));
        QCOMPARE(outcome(sofia, QStringLiteral("UPDATE dealers SET language = 'es' WHERE id = 1")), QStringLiteral("42501"));
    }

    void webhookEventsAreTheWorkersAndOncePerId()
    {
        PgConnection worker = as(m_worker);
        const QString insert = QStringLiteral("INSERT INTO stripe_webhook_events (event_id, type, object_id, payload_sha256)"
                                              " VALUES ('evt_1Q2w3E', 'payment_intent.succeeded', 'pi_1', repeat('ab', 32))"
                                              " ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
        auto first = worker.exec(insert);
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
        QCOMPARE(first->rows(), 1);
        auto repeated = worker.exec(insert);
        QVERIFY(repeated.ok());
        QCOMPARE(repeated->rows(), 0);
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE stripe_webhook_events SET processed_at = now()")), QStringLiteral("ok"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE stripe_webhook_events SET type = 'charge.refunded'")), QStringLiteral("42501"));
        for (const QString &who : m_staff) {
            PgConnection person = as(who);
            QCOMPARE(outcome(person, QStringLiteral("SELECT count(*) FROM stripe_webhook_events")), QStringLiteral("42501"));
        }
    }

    void discrepanciesAreOpenOnceAndResolvedByFinance()
    {
        // given the worker's reconciliation finds an amount mismatch
        PgConnection worker = as(m_worker);
        const QString insert = QStringLiteral(
            "INSERT INTO reconciliation_discrepancies (provider, kind, provider_ref, payment_id, expected_minor,"
            " actual_minor, currency) VALUES ('azul', 'amount_mismatch', '1001', 1, 677556, 677500, 'DOP')");
        QCOMPARE(outcome(worker, insert + QStringLiteral(" RETURNING id")), QStringLiteral("ok"));
        // then the same open discrepancy cannot be reported twice
        const QString before = fingerprint(QStringLiteral("reconciliation_discrepancies"));
        QCOMPARE(outcome(worker, insert), QStringLiteral("23505"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE reconciliation_discrepancies SET resolved_at = now()")), QStringLiteral("42501"));
        // support sees none of it; a manager cannot rewrite what was found
        PgConnection sofia = as(QStringLiteral("sofia"));
        QCOMPARE(outcome(sofia, QStringLiteral("SELECT count(*) FROM reconciliation_discrepancies")), QStringLiteral("42501"));
        QCOMPARE(outcome(sofia, QStringLiteral("UPDATE reconciliation_discrepancies SET resolved_at = now()")), QStringLiteral("42501"));
        PgConnection marco = as(QStringLiteral("marco"));
        QCOMPARE(outcome(marco, QStringLiteral("UPDATE reconciliation_discrepancies SET actual_minor = 677556")), QStringLiteral("42501"));
        QCOMPARE(fingerprint(QStringLiteral("reconciliation_discrepancies")), before);
        // when finance resolves it with a back-dated time, the server stamps who and when
        PgConnection ana = as(QStringLiteral("ana"));
        QCOMPARE(outcome(ana, QStringLiteral("UPDATE reconciliation_discrepancies SET resolved_at = '2020-01-01',"
                                             " resolution_note = 'AZUL fee withheld' WHERE kind = 'amount_mismatch'")),
                 QStringLiteral("ok"));
        QCOMPARE(text(QStringLiteral("SELECT s.role_name || '/' || (d.resolved_at > now() - interval '1 minute')"
                                     " FROM reconciliation_discrepancies d JOIN staff s ON s.id = d.resolved_by")),
                 QStringLiteral("ana/true"));
        // a resolved one stays resolved, and the same mismatch may be found again later
        QCOMPARE(outcome(marco, QStringLiteral("UPDATE reconciliation_discrepancies SET resolved_at = NULL")), QStringLiteral("23514"));
        QCOMPARE(outcome(worker, insert), QStringLiteral("ok"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'reconciliation_discrepancies'")), 3);
    }

    void workersReportTheirHeartbeat()
    {
        PgConnection worker = as(m_worker);
        const QString upsert = QStringLiteral(
            "INSERT INTO worker_instances (instance_id, hostname, pid, started_at, version, concurrency, status)"
            " VALUES ('host-a:42', 'host-a', 42, now(), '0.9.0', 8, $1::jsonb)"
            " ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = now(), status = excluded.status");
        QCOMPARE(outcome(worker, upsert, {QStringLiteral("{\"in_flight\": 0}")}), QStringLiteral("ok"));
        QCOMPARE(outcome(worker, upsert, {QStringLiteral("{\"in_flight\": 3}")}), QStringLiteral("ok"));
        QCOMPARE(text(QStringLiteral("SELECT count(*) || '/' || max(status ->> 'in_flight') FROM worker_instances")), QStringLiteral("1/3"));
        for (const QString &who : m_staff) {
            PgConnection person = as(who);
            QCOMPARE(outcome(person, QStringLiteral("SELECT count(*) FROM worker_instances")), QStringLiteral("ok"));
            QCOMPARE(outcome(person, QStringLiteral("UPDATE worker_instances SET heartbeat_at = now()")), QStringLiteral("42501"));
        }
    }

    void theScheduleIsTheWorkers()
    {
        // a subscription inserted without an anchor is billed on its first period's day
        QCOMPARE(text(QStringLiteral("SELECT billing_anchor::text FROM subscriptions WHERE id = 1")), QStringLiteral("2026-01-31"));
        const QString before = fingerprint(QStringLiteral("subscriptions"));
        for (const QString &who : m_staff) {
            PgConnection person = as(who);
            QCOMPARE(outcome(person, QStringLiteral("UPDATE subscriptions SET next_charge_on = '2026-03-31', dunning_attempts = 0")),
                     QStringLiteral("42501"));
        }
        QCOMPARE(fingerprint(QStringLiteral("subscriptions")), before);
        PgConnection worker = as(m_worker);
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE subscriptions SET next_charge_on = '2026-02-28', dunning_attempts = 1,"
                                                " dunning_started_on = '2026-02-28' WHERE id = 1")),
                 QStringLiteral("ok"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE subscriptions SET dunning_attempts = -1 WHERE id = 1")), QStringLiteral("23514"));
        // a change of status is audited (the worker cannot append audit rows itself)
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE subscriptions SET status = 'past_due' WHERE id = 1")), QStringLiteral("ok"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'subscriptions' AND entity_id = '1'")), 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkerSchema)
#include "tst_workerschema.moc"
