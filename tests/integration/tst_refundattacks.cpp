// Money attacks of issue 8 (items 1-3, 11), each run as the role that tried it (docs/security.md
// §2-§4, §11): refunds reserve against their payment, approval follows the payment's running
// total, people write only the columns they choose, the worker only those it settles, and no card
// number reaches a free-text column. Every refusal is checked together with "nothing changed".
#include <atomic>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

#include <QTest>
#include <QUuid>

#include "harness/cardnumbercases.h"
#include "harness/testenv.h"
#include "services/database/migrator.h"

using okla::services::Migrator;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;
using okla::tests::sqlState;
using okla::tests::outcome;

namespace {

// Payments made in initTestCase (AZUL, DOP, captured in full unless said otherwise).
constexpr qint64 SevenSplits = 1;   // RD$67,484.20
constexpr qint64 TenTimes = 2;      // RD$20,000.00
constexpr qint64 RaceInTurn = 3;    // RD$50,000.00
constexpr qint64 RaceAtOnce = 4;    // RD$50,000.00
constexpr qint64 FailedCharge = 5;  // failed, captured 0
constexpr qint64 Stamps = 6;        // RD$30,000.00
constexpr qint64 Decisions = 7;     // RD$30,000.00
constexpr qint64 Settlement = 8;    // RD$30,000.00, invoiced (credit note on success)
constexpr qint64 FreeText = 9;      // RD$30,000.00
constexpr qint64 ManyRefunders = 10; // RD$50,000.00

QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

} // namespace

class TestRefundAttacks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    std::unique_ptr<okla::tests::WorkerLogin> m_workerLogin; ///< dropped at the end
    QString m_worker;                                        ///< its name
    qint64 m_luisId = 0;
    qint64 m_marcoId = 0;

    PgConnection as(const QString &role) { return m_db->open(role); }

    qint64 scalar(const QString &sql, const QVariantList &params = {})
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto result = owner.exec(sql, params);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->toInt64(0, 0);
    }

    qint64 reserved(qint64 payment) { return scalar(QStringLiteral("SELECT refund_reserved FROM payments WHERE id = $1"), {payment}); }
    qint64 refundCount(qint64 payment) { return scalar(QStringLiteral("SELECT count(*) FROM refunds WHERE payment_id = $1"), {payment}); }

    /// A refund request with only the columns a person chooses; the state the database gave it,
    /// or the refusal.
    static okla::models::Result<QString> request(PgConnection &connection, qint64 payment, qint64 amount,
                                                 const QString &id = newId(), const QString &note = {})
    {
        auto r = connection.exec(QStringLiteral("INSERT INTO refunds (id, payment_id, amount_minor, reason, note)"
                                                " VALUES ($1, $2, $3, 'requested_by_customer', $4) RETURNING state"),
                                 {id, payment, amount, note.isEmpty() ? QVariant() : QVariant(note)});
        if (!r)
            return r.error();
        return r->text(0, 0);
    }

    struct RaceOutcome
    {
        int accepted = 0;
        int refusedOverRefund = 0;
        QString unexpected; ///< the first refusal that is not an over-refund (23514), if any
    };

    /// `sessions` finance sessions (ana and luis in turn) released together, each requesting
    /// `amount` on `payment`. They queue on the payment's lock by design, so each waits longer
    /// than a console session's 3 s lock_timeout may allow on a loaded machine: the race is about
    /// the reservation, not the timeout.
    RaceOutcome raceRefunds(int sessions, qint64 payment, qint64 amount)
    {
        std::vector<PgConnection> connections;
        for (int i = 0; i < sessions; ++i) {
            connections.push_back(as(i % 2 ? QStringLiteral("luis") : QStringLiteral("ana")));
            if (!connections.back().execScript(QStringLiteral("SET lock_timeout = '60s'")).ok())
                qFatal("SET lock_timeout refused");
        }
        std::atomic<int> ready = 0;
        std::atomic<int> accepted = 0;
        std::atomic<int> refusedOverRefund = 0;
        std::mutex unexpectedMutex;
        RaceOutcome outcome;
        std::vector<std::thread> threads;
        for (int i = 0; i < sessions; ++i) {
            threads.emplace_back([&, i]() {
                ++ready;
                while (ready.load() < sessions)
                    std::this_thread::yield();
                auto r = request(connections[size_t(i)], payment, amount);
                if (r) {
                    ++accepted;
                } else if (sqlState(r.error()) == QLatin1String("23514")) {
                    ++refusedOverRefund;
                } else {
                    const std::lock_guard lock(unexpectedMutex);
                    if (outcome.unexpected.isEmpty())
                        outcome.unexpected = r.error().toString();
                }
            });
        }
        for (auto &t : threads)
            t.join();
        outcome.accepted = accepted.load();
        outcome.refusedOverRefund = refusedOverRefund.load();
        return outcome;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database, finance ana and luis, manager marco, support sofia, a worker login
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_refundattacks"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        for (const auto &[login, name, role] : {std::tuple{"ana", "Ana Pérez", "finance"}, std::tuple{"luis", "Luis Gómez", "finance"},
                                                std::tuple{"sofia", "Sofía Martínez", "support"}, std::tuple{"marco", "Marco Díaz", "manager"}}) {
            auto made = okla::tests::createStaff(*m_db, QString::fromUtf8(login), QString::fromUtf8(name), QString::fromUtf8(role));
            QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().toString()));
            if (QLatin1String(login) == QLatin1String("luis"))
                m_luisId = made.value();
            if (QLatin1String(login) == QLatin1String("marco"))
                m_marcoId = made.value();
        }
        m_workerLogin = std::make_unique<okla::tests::WorkerLogin>(QStringLiteral("rw"));
        m_worker = m_workerLogin->name();

        // and ten AZUL payments in DOP; one with an invoice, one failed
        QVERIFY(owner.execScript(QStringLiteral(
            "INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province)"
            " VALUES (1, 'Autos Caribe SRL', '133325901', 'rnc', 'independent', 'verified', 'Santo Domingo', 'Distrito Nacional');"
            "INSERT INTO subscriptions (id, dealer_id, provider, currency, plan_version_id, billing_cycle, status,"
            "  current_period_start, current_period_end, started_at)"
            " SELECT 1, 1, 'azul', 'DOP', id, 'monthly', 'active', '2026-11-01', '2026-12-01', now()"
            "   FROM plan_versions WHERE plan_key = 'pro' AND currency = 'DOP';"
            "INSERT INTO invoices (id, subscription_id, dealer_id, period_start, period_end, currency, subtotal_minor,"
            "  itbis_minor, total_minor, status, due_date) VALUES (1, 1, 1, '2026-11-01', '2026-12-01', 'DOP', 2542373,"
            "  457627, 3000000, 'paid', '2026-11-01');"
            "INSERT INTO payments (id, dealer_id, invoice_id, provider, status, currency, amount_minor, captured_amount,"
            "                      azul_order_id, card_brand, card_last4, created_at)"
            " VALUES (1, 1, NULL, 'azul', 'succeeded', 'DOP', 6748420, 6748420, '2001', 'Visa', '4242', now()),"
            "        (2, 1, NULL, 'azul', 'succeeded', 'DOP', 2000000, 2000000, '2002', 'Visa', '4242', now()),"
            "        (3, 1, NULL, 'azul', 'succeeded', 'DOP', 5000000, 5000000, '2003', 'Visa', '4242', now()),"
            "        (4, 1, NULL, 'azul', 'succeeded', 'DOP', 5000000, 5000000, '2004', 'Visa', '4242', now()),"
            "        (5, 1, NULL, 'azul', 'failed', 'DOP', 3000000, 0, '2005', 'Visa', '4242', now()),"
            "        (6, 1, NULL, 'azul', 'succeeded', 'DOP', 3000000, 3000000, '2006', 'Visa', '4242', now()),"
            "        (7, 1, NULL, 'azul', 'succeeded', 'DOP', 3000000, 3000000, '2007', 'Visa', '4242', now()),"
            "        (8, 1, 1, 'azul', 'succeeded', 'DOP', 3000000, 3000000, '2008', 'Visa', '4242', now()),"
            "        (9, 1, NULL, 'azul', 'succeeded', 'DOP', 3000000, 3000000, '2009', 'Visa', '4242', now()),"
            "        (10, 1, NULL, 'azul', 'succeeded', 'DOP', 5000000, 5000000, '2010', 'Visa', '4242', now());")));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_workerLogin.reset(); // after the database: its connections are gone
    }

    // Item 1: seven self-approved refunds of RD$9,999.99 on a payment of RD$67,484.20.
    void sevenSplitRefundsNeitherExceedTheCaptureNorAvoidApproval()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        QStringList states;
        for (int i = 0; i < 6; ++i) {
            auto state = request(ana, SevenSplits, 999999);
            QVERIFY2(state.ok(), qPrintable(state ? QString() : state.error().toString()));
            states << state.value();
        }
        // then only the first stays under the RD$10,000 limit on its own; the running total puts
        // every later one in front of a second person
        QCOMPARE(states, (QStringList{QStringLiteral("approved")} << QStringList(5, QStringLiteral("awaiting_approval"))));
        QCOMPARE(reserved(SevenSplits), 6 * 999999);
        // when ana asks for the seventh (RD$69,999.93 in all against RD$67,484.20 captured)
        auto seventh = request(ana, SevenSplits, 999999);
        // then it is refused with a sentence that says why, and nothing changed
        QVERIFY(!seventh.ok());
        QCOMPARE(sqlState(seventh.error()), QStringLiteral("23514"));
        QVERIFY2(seventh.error().detail.contains(QStringLiteral("exceeds what is left to refund")), qPrintable(seventh.error().detail));
        QCOMPARE(refundCount(SevenSplits), 6);
        QCOMPARE(reserved(SevenSplits), 6 * 999999);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM refunds WHERE payment_id = $1 AND approved_by IS NULL"
                                       " AND state = 'approved'"), {SevenSplits}), 1);
    }

    void aRefundOfTenTimesTheCaptureIsRefused()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        auto refused = request(ana, TenTimes, 10 * 2000000);
        QVERIFY(!refused.ok());
        QCOMPARE(sqlState(refused.error()), QStringLiteral("23514"));
        QCOMPARE(refundCount(TenTimes), 0);
        QCOMPARE(reserved(TenTimes), 0);
    }

    void aRefundOnAFailedPaymentIsRefused()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        auto refused = request(ana, FailedCharge, 100);
        QVERIFY(!refused.ok());
        QCOMPARE(sqlState(refused.error()), QStringLiteral("23514"));
        QVERIFY2(refused.error().detail.contains(QStringLiteral("only a captured payment")), qPrintable(refused.error().detail));
        QCOMPARE(refundCount(FailedCharge), 0);
        QCOMPARE(reserved(FailedCharge), 0);
    }

    // Item 1: two finance users refund the whole payment at the same time; one waits for the other.
    void concurrentFullRefundsOneCommitsTheOtherIsRefused()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        QVERIFY(ana.execScript(QStringLiteral("BEGIN")).ok());
        auto first = request(ana, RaceInTurn, 5000000);
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
        // when luis asks for the same full refund while ana's transaction is still open
        PgConnection luis = as(QStringLiteral("luis"));
        auto pid = luis.exec(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid.ok());
        const qint64 luisPid = pid->toInt64(0, 0);
        okla::models::Result<QString> second = okla::models::makeError(QStringLiteral("not.run"), QString());
        std::thread racer([&luis, &second]() { second = request(luis, RaceInTurn, 5000000); });
        // then luis's request waits on the payment's lock until ana commits
        PgConnection su = as(QStringLiteral("postgres")); // sees every session's wait events
        bool waiting = false;
        for (int i = 0; i < 500 && !waiting; ++i) { // up to 10 s on a loaded machine
            auto lock = su.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'"),
                                {luisPid});
            waiting = lock && lock->toInt64(0, 0) == 1;
            if (!waiting)
                QTest::qWait(20);
        }
        QVERIFY(ana.execScript(QStringLiteral("COMMIT")).ok());
        racer.join();
        QVERIFY(waiting);
        QVERIFY(!second.ok());
        QCOMPARE(sqlState(second.error()), QStringLiteral("23514"));
        QCOMPARE(refundCount(RaceInTurn), 1);
        QCOMPARE(reserved(RaceInTurn), 5000000);
    }

    void manyFullRefundsAtOnceExactlyOneWins()
    {
        // given six finance sessions released together, each asking for the whole RD$50,000
        const RaceOutcome race = raceRefunds(6, RaceAtOnce, 5000000);
        QVERIFY2(race.unexpected.isEmpty(), qPrintable(race.unexpected));
        QCOMPARE(race.accepted, 1);
        QCOMPARE(race.refusedOverRefund, 5);
        QCOMPARE(refundCount(RaceAtOnce), 1);
        QCOMPARE(reserved(RaceAtOnce), 5000000);
    }

    void thirtyTwoConcurrentRefundersNeverExceedTheCapture()
    {
        // given 32 finance sessions each asking at once for a tenth of RD$50,000
        constexpr int sessions = 32;
        const RaceOutcome race = raceRefunds(sessions, ManyRefunders, 500000);
        // then exactly ten fit, the rest are refused, and the sums agree with the reservation
        QVERIFY2(race.unexpected.isEmpty(), qPrintable(race.unexpected));
        QCOMPARE(race.accepted, 10);
        QCOMPARE(race.refusedOverRefund, sessions - 10);
        QCOMPARE(reserved(ManyRefunders), 5000000);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(amount_minor) FROM refunds WHERE payment_id = $1"), {ManyRefunders}), 5000000);
        // and the running total sent all but the first below the limit to a second person
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM refunds WHERE payment_id = $1 AND state = 'approved'"), {ManyRefunders}), 2);
    }

    // Item 2: a person cannot choose what the database stamps.
    void aPersonCannotSetStampedColumnsOnInsert_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::newRow("resolution") << "resolution" << "succeeded";
        QTest::newRow("provider_refund_id") << "provider_refund_id" << "re_fake";
        QTest::newRow("credit_note_ncf") << "credit_note_ncf" << "B0400000001";
        QTest::newRow("created_at") << "created_at" << "2020-01-01 00:00:00-04";
        QTest::newRow("state") << "state" << "approved";
        QTest::newRow("requested_by") << "requested_by" << "LUIS";
        QTest::newRow("approved_by") << "approved_by" << "LUIS";
        QTest::newRow("decided_at") << "decided_at" << "2019-01-01 00:00:00-04";
        QTest::newRow("settled_at") << "settled_at" << "2019-01-01 00:00:00-04";
        QTest::newRow("is_void") << "is_void" << "true";
        QTest::newRow("failure_message") << "failure_message" << "none";
    }

    void aPersonCannotSetStampedColumnsOnInsert()
    {
        QFETCH(QString, column);
        QFETCH(QString, value);
        if (value == QLatin1String("LUIS"))
            value = QString::number(m_luisId);
        PgConnection ana = as(QStringLiteral("ana"));
        const qint64 ncfBefore = scalar(QStringLiteral("SELECT next_value FROM ncf_sequences WHERE ncf_type = 'B04'"));
        // when ana names the column in her request
        const QString sql = QStringLiteral("INSERT INTO refunds (id, payment_id, amount_minor, reason, %1)"
                                           " VALUES ($1, $2, 100000, 'requested_by_customer', $3)").arg(column);
        QCOMPARE(outcome(ana, sql, {newId(), Stamps, value}), QStringLiteral("42501"));
        // then nothing was stored, reserved or numbered
        QCOMPARE(refundCount(Stamps), 0);
        QCOMPARE(reserved(Stamps), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT next_value FROM ncf_sequences WHERE ncf_type = 'B04'")), ncfBefore);
    }

    void theDatabaseStampsWhoAndWhen()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        const QString id = newId();
        QCOMPARE(request(ana, Stamps, 100000, id).value(), QStringLiteral("approved"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto row = owner.exec(QStringLiteral("SELECT s.role_name, r.created_at > now() - interval '1 minute', r.approved_by IS NULL,"
                                             " r.resolution IS NULL, r.credit_note_ncf IS NULL, r.provider = 'azul', r.currency"
                                             " FROM refunds r JOIN staff s ON s.id = r.requested_by WHERE r.id = $1"), {id});
        QVERIFY(row.ok());
        QCOMPARE(row->text(0, 0), QStringLiteral("ana"));
        for (int c = 1; c <= 5; ++c)
            QCOMPARE(row->text(0, c), QStringLiteral("t"));
        QCOMPARE(row->text(0, 6), QStringLiteral("DOP"));
    }

    // Item 2: an approver cannot back-date the decision or name someone else as the approver.
    void anApproverCannotChooseWhoOrWhen()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        const QString id = newId();
        QCOMPARE(request(ana, Decisions, 1500000, id).value(), QStringLiteral("awaiting_approval"));
        PgConnection luis = as(QStringLiteral("luis"));
        QCOMPARE(outcome(luis, QStringLiteral("UPDATE refunds SET state = 'approved', decided_at = '2019-01-01' WHERE id = $1"), {id}),
                 QStringLiteral("42501"));
        QCOMPARE(outcome(luis, QStringLiteral("UPDATE refunds SET state = 'approved', approved_by = $2 WHERE id = $1"), {id, m_marcoId}),
                 QStringLiteral("42501"));
        QCOMPARE(outcome(luis, QStringLiteral("UPDATE refunds SET amount_minor = 1 WHERE id = $1"), {id}), QStringLiteral("42501"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM refunds WHERE id = $1 AND state = 'awaiting_approval'"
                                       " AND approved_by IS NULL AND decided_at IS NULL"), {id}), 1);
        // when luis decides it the only way open to him, the database records him and the time
        auto approved = luis.exec(QStringLiteral("UPDATE refunds SET state = 'approved' WHERE id = $1"), {id});
        QVERIFY(approved.ok());
        QCOMPARE(approved->affectedRows(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM refunds WHERE id = $1 AND approved_by = $2"
                                       " AND decided_at > now() - interval '1 minute'"), {id, m_luisId}), 1);
    }

    void aRejectionReleasesTheReservation()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        const qint64 before = reserved(Decisions);
        const QString id = newId();
        QCOMPARE(request(ana, Decisions, 1200000, id).value(), QStringLiteral("awaiting_approval"));
        QCOMPARE(reserved(Decisions), before + 1200000);
        PgConnection marco = as(QStringLiteral("marco"));
        QCOMPARE(outcome(marco, QStringLiteral("UPDATE refunds SET state = 'rejected', rejected_reason = 'no corresponde'"
                                               " WHERE id = $1"), {id}),
                 QStringLiteral("ok"));
        QCOMPARE(reserved(Decisions), before);
        QCOMPARE(scalar(QStringLiteral("SELECT approved_by FROM refunds WHERE id = $1"), {id}), m_marcoId);
    }

    // Item 3: the worker settles, and nothing else.
    void theWorkerUpdatesOnlyTheSettlementColumns()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        const QString toSettle = newId();
        const QString awaiting = newId();
        QCOMPARE(request(ana, Settlement, 1100000, toSettle).value(), QStringLiteral("awaiting_approval"));
        PgConnection luis = as(QStringLiteral("luis"));
        QVERIFY(luis.exec(QStringLiteral("UPDATE refunds SET state = 'approved' WHERE id = $1"), {toSettle}).ok());
        QCOMPARE(request(ana, Settlement, 1500000, awaiting).value(), QStringLiteral("awaiting_approval"));
        PgConnection worker = as(m_worker);
        const QString before = QStringLiteral("SELECT md5(string_agg(r::text, '|' ORDER BY id)) FROM refunds r WHERE payment_id = 8");
        PgConnection owner = as(QStringLiteral("okla_owner"));
        const QString snapshot = owner.exec(before)->text(0, 0);
        // when the worker writes what a person or the database decides
        for (const QString &set : {QStringLiteral("amount_minor = 1"), QStringLiteral("note = 'x'"), QStringLiteral("approved_by = 1"),
                                   QStringLiteral("decided_at = now()"), QStringLiteral("created_at = now()"),
                                   QStringLiteral("requested_by = 1"), QStringLiteral("credit_note_ncf = 'B0400000009'"),
                                   QStringLiteral("settled_at = now()"), QStringLiteral("rejected_reason = 'x'")})
            QCOMPARE(outcome(worker, QStringLiteral("UPDATE refunds SET %1 WHERE id = $1").arg(set), {toSettle}), QStringLiteral("42501"));
        QCOMPARE(outcome(worker, QStringLiteral("INSERT INTO refunds (id, payment_id, amount_minor, reason) VALUES ($1, 8, 1, 'other')"),
                         {newId()}),
                 QStringLiteral("42501"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE payments SET refund_reserved = 0, refunded_amount = 0 WHERE id = 8")),
                 QStringLiteral("42501"));
        // or approves a refund awaiting approval (row-level security: no row for it)
        auto approve = worker.exec(QStringLiteral("UPDATE refunds SET state = 'approved' WHERE id = $1"), {awaiting});
        QVERIFY(approve.ok());
        QCOMPARE(approve->affectedRows(), 0);
        // then nothing changed
        QCOMPARE(owner.exec(before)->text(0, 0), snapshot);

        // when it settles the approved one, the database books it and numbers its credit note
        const qint64 ncf = scalar(QStringLiteral("SELECT next_value FROM ncf_sequences WHERE ncf_type = 'B04'"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE refunds SET state = 'submitting' WHERE id = $1"), {toSettle}), QStringLiteral("ok"));
        QCOMPARE(outcome(worker, QStringLiteral("UPDATE refunds SET state = 'succeeded', provider_refund_id = '3001' WHERE id = $1"),
                         {toSettle}),
                 QStringLiteral("ok"));
        auto settled = owner.exec(QStringLiteral("SELECT r.credit_note_ncf, r.settled_at IS NOT NULL, p.refunded_amount, p.status"
                                                 " FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.id = $1"), {toSettle});
        QVERIFY(settled.ok());
        QCOMPARE(settled->text(0, 0), QStringLiteral("B04%1").arg(ncf, 8, 10, QLatin1Char('0')));
        QCOMPARE(settled->text(0, 1), QStringLiteral("t"));
        QCOMPARE(settled->toInt64(0, 2), 1100000);
        QCOMPARE(settled->text(0, 3), QStringLiteral("partially_refunded"));
    }

    void aFailedRefundReleasesItsReservation()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        const QString id = newId();
        QCOMPARE(request(ana, FreeText, 3000000, id).value(), QStringLiteral("awaiting_approval"));
        PgConnection marco = as(QStringLiteral("marco"));
        QVERIFY(marco.exec(QStringLiteral("UPDATE refunds SET state = 'approved' WHERE id = $1"), {id}).ok());
        QVERIFY(!request(ana, FreeText, 100).ok()); // all of it is reserved
        PgConnection worker = as(m_worker);
        QVERIFY(worker.execScript(QStringLiteral("UPDATE refunds SET state = 'submitting' WHERE id = '%1';"
                                                 "UPDATE refunds SET state = 'failed', failure_message = 'declined' WHERE id = '%1';")
                                      .arg(id)).ok());
        QCOMPARE(reserved(FreeText), 0);
        // then the amount can be asked for again (the failed refund no longer counts toward approval)
        QCOMPARE(request(ana, FreeText, 900000).value(), QStringLiteral("approved"));
    }

    // Item 11: the SQL rule agrees with models::containsCardNumber on the shared cases.
    void sqlCardNumberRuleAgreesWithTheSharedCases()
    {
        PgConnection sofia = as(QStringLiteral("sofia"));
        for (const auto &c : okla::tests::kCardNumberCases) {
            auto r = sofia.exec(QStringLiteral("SELECT okla_contains_card_number($1)"), {QString::fromUtf8(c.text)});
            QVERIFY2(r.ok(), c.text);
            QVERIFY2(r->text(0, 0) == (c.cardNumber ? QLatin1String("t") : QLatin1String("f")), c.text);
        }
    }

    void aCardNumberInFreeTextIsRefused()
    {
        const QString pan = QStringLiteral("pagó con 4111 1111 1111 1111, devolver");
        // when finance writes it into a refund note
        PgConnection ana = as(QStringLiteral("ana"));
        auto note = request(ana, FreeText, 1000, newId(), pan);
        QVERIFY(!note.ok());
        QCOMPARE(sqlState(note.error()), QStringLiteral("23514"));
        QVERIFY2(note.error().detail.contains(QStringLiteral("refunds.note looks like it contains a card number")),
                 qPrintable(note.error().detail));
        QVERIFY(!note.error().detail.contains(QStringLiteral("4111")));
        // or support into a dealer note
        PgConnection sofia = as(QStringLiteral("sofia"));
        QCOMPARE(outcome(sofia, QStringLiteral("INSERT INTO dealer_notes (dealer_id, body) VALUES (1, $1)"), {pan}),
                 QStringLiteral("23514"));
        // or an approver into a rejection reason
        const QString id = newId();
        QCOMPARE(request(ana, FreeText, 1500000, id).value(), QStringLiteral("awaiting_approval"));
        PgConnection luis = as(QStringLiteral("luis"));
        QCOMPARE(outcome(luis, QStringLiteral("UPDATE refunds SET state = 'rejected', rejected_reason = $2 WHERE id = $1"), {id, pan}),
                 QStringLiteral("23514"));
        // then none of it is stored (nor in the audit log, which copies rows)
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM refunds WHERE note LIKE '%4111%' OR rejected_reason LIKE '%4111%'")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM dealer_notes WHERE body LIKE '%4111%'")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE after::text LIKE '%4111%'")), 0);
        // while the last four digits are fine
        QCOMPARE(outcome(sofia, QStringLiteral("INSERT INTO dealer_notes (dealer_id, body) VALUES (1, 'tarjeta terminada en 1111')")),
                 QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestRefundAttacks)
#include "tst_refundattacks.moc"
