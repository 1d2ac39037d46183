// The database is the security boundary (docs/security.md §1): these checks run as the real staff
// roles against a freshly migrated database, so a hacked client could do no more than this.
#include <tuple>

#include <QTest>

#include "harness/testenv.h"
#include "services/database/migrator.h"

using okla::services::Migrator;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;
using okla::tests::sqlState;

class TestSchemaSecurity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;

    PgConnection as(const QString &role) { return m_db->open(role); }

    qint64 scalar(PgConnection &connection, const QString &sql)
    {
        auto result = connection.exec(sql);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->toInt64(0, 0);
    }

    /// A refund request with only the columns a person chooses (docs/security.md §2); returns the
    /// state the database gave it.
    okla::models::Result<QString> requestRefund(PgConnection &connection, const QString &id, qint64 amount)
    {
        auto result = connection.exec(
            QStringLiteral("INSERT INTO refunds (id, payment_id, currency, amount_minor, reason) "
                           "VALUES ($1, 1, 'DOP', $2, 'requested_by_customer') RETURNING state"),
            {id, amount});
        if (!result)
            return result.error();
        return result->text(0, 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database with demo staff and one captured AZUL payment of RD$20,000
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_security"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        for (const auto &[login, name, role] : {std::tuple{"ana", "Ana Pérez", "finance"}, std::tuple{"luis", "Luis Gómez", "finance"},
                                                std::tuple{"sofia", "Sofía Martínez", "support"}, std::tuple{"marco", "Marco Díaz", "manager"}}) {
            auto made = okla::tests::createStaff(*m_db, QString::fromUtf8(login), QString::fromUtf8(name), QString::fromUtf8(role));
            QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().toString()));
        }
        QVERIFY(owner.execScript(QStringLiteral(
            "INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province)"
            " VALUES (1, 'Autos Caribe SRL', '133325901', 'rnc', 'independent', 'verified', 'Santo Domingo', 'Distrito Nacional');"
            "INSERT INTO payment_methods (dealer_id, provider, token, card_brand, card_last4, exp_month, exp_year)"
            " VALUES (1, 'azul', 'tok-secret-123', 'Visa', '4242', 12, 2028);"
            "INSERT INTO payments (id, dealer_id, provider, status, currency, amount_minor, itbis_minor, captured_amount,"
            "                      azul_order_id, card_brand, card_last4, created_at)"
            " VALUES (1, 1, 'azul', 'succeeded', 'DOP', 2000000, 305085, 2000000, '1001', 'Visa', '4242', now());")));
    }

    void cleanupTestCase() { m_db.reset(); }

    void supportCannotRefund()
    {
        PgConnection sofia = as(QStringLiteral("sofia"));
        auto refused = requestRefund(sofia, QStringLiteral("00000000-0000-4000-8000-000000000001"), 100);
        QVERIFY(!refused.ok());
        QCOMPARE(sqlState(refused.error()), QStringLiteral("42501"));
    }

    void supportSeesLastFourButNoToken()
    {
        PgConnection sofia = as(QStringLiteral("sofia"));
        QCOMPARE(scalar(sofia, QStringLiteral("SELECT count(*) FROM payment_methods WHERE card_last4 = '4242'")), 1);
        auto token = sofia.exec(QStringLiteral("SELECT token FROM payment_methods"));
        QVERIFY(!token.ok());
        QCOMPARE(sqlState(token.error()), QStringLiteral("42501"));
    }

    void refundAboveLimitNeedsSecondPerson()
    {
        PgConnection ana = as(QStringLiteral("ana"));
        const QString id = QStringLiteral("00000000-0000-4000-8000-000000000002");
        // when ana tries to approve RD$15,000 (limit RD$10,000) herself at creation
        auto selfApproved = ana.exec(QStringLiteral("INSERT INTO refunds (id, payment_id, currency, amount_minor, reason, state)"
                                                    " VALUES ('00000000-0000-4000-8000-000000000003', 1, 'DOP', 1500000,"
                                                    " 'requested_by_customer', 'approved')"));
        QVERIFY(!selfApproved.ok());
        QCOMPARE(sqlState(selfApproved.error()), QStringLiteral("42501")); // state is not hers to choose
        // when she asks for it, the database decides it awaits approval; then she tries to approve it herself
        auto requested = requestRefund(ana, id, 1500000);
        QVERIFY2(requested.ok(), qPrintable(requested ? QString() : requested.error().toString()));
        QCOMPARE(requested.value(), QStringLiteral("awaiting_approval"));
        auto own = ana.exec(QStringLiteral("UPDATE refunds SET state = 'approved' WHERE id = $1"), {id});
        QVERIFY(own.ok());
        QCOMPARE(own->affectedRows(), 0); // row-level security hides it from its requester
        // then another finance person can approve it, and the database stamps who and when
        PgConnection luis = as(QStringLiteral("luis"));
        auto other = luis.exec(QStringLiteral("UPDATE refunds SET state = 'approved' WHERE id = $1"
                                              " RETURNING approved_by = current_staff_id(), decided_at = now()"), {id});
        QVERIFY2(other.ok(), qPrintable(other ? QString() : other.error().toString()));
        QCOMPARE(other->affectedRows(), 1);
        QCOMPARE(other->text(0, 0), QStringLiteral("t"));
        QCOMPARE(other->text(0, 1), QStringLiteral("t"));
        // and a manager may read but not request refunds
        PgConnection marco = as(QStringLiteral("marco"));
        QVERIFY(!requestRefund(marco, QStringLiteral("00000000-0000-4000-8000-000000000004"), 100).ok());
    }

    void refundStatesFollowTheMachine()
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        const QString id = QStringLiteral("00000000-0000-4000-8000-000000000002"); // approved above
        auto backwards = owner.exec(QStringLiteral("UPDATE refunds SET state = 'requested' WHERE id = $1"), {id});
        QVERIFY(!backwards.ok());
        QCOMPARE(sqlState(backwards.error()), QStringLiteral("23514"));
    }

    void overRefundReservationIsRefused()
    {
        // the approved RD$15,000 above holds RD$15,000 of the RD$20,000 captured
        PgConnection owner = as(QStringLiteral("okla_owner"));
        QCOMPARE(scalar(owner, QStringLiteral("SELECT refund_reserved FROM payments WHERE id = 1")), 1500000);
        const QString reserve = QStringLiteral("UPDATE payments SET refund_reserved = refund_reserved + $2"
                                               " WHERE id = $1 AND refund_reserved + $2 <= captured_amount"
                                               " RETURNING captured_amount - refund_reserved");
        auto second = owner.exec(reserve, {1, 600000});
        QVERIFY(second.ok());
        QCOMPARE(second->rows(), 0); // too much: nothing reserved
        auto direct = owner.exec(QStringLiteral("UPDATE payments SET refund_reserved = 2000001 WHERE id = 1"));
        QVERIFY(!direct.ok()); // the CHECK holds even for the owner
    }

    void auditLogIsAppendOnlyAndChained()
    {
        PgConnection marco = as(QStringLiteral("marco"));
        const qint64 rows = scalar(marco, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'refunds'"));
        QVERIFY(rows >= 2); // the request and the approval
        auto intact = marco.exec(QStringLiteral("SELECT first_bad_seq IS NULL, rows_checked FROM audit_verify()"));
        QVERIFY(intact.ok());
        QCOMPARE(intact->text(0, 0), QStringLiteral("t"));

        PgConnection owner = as(QStringLiteral("okla_owner"));
        QVERIFY(!owner.exec(QStringLiteral("UPDATE audit_log SET reason = 'edited' WHERE seq = 1")).ok());
        QVERIFY(!owner.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 1")).ok());
        QVERIFY(!owner.exec(QStringLiteral("TRUNCATE audit_log")).ok());
        QVERIFY(!marco.exec(QStringLiteral("INSERT INTO audit_log (seq, occurred_at, actor, action, entity, result, prev_hash, hash)"
                                           " VALUES (999, now(), 'x', 'x', 'x', 'ok', '\\x00', '\\x00')")).ok());

        // when someone with the owner's keys bypasses the trigger and edits a row
        QVERIFY(owner.execScript(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;"
                                                "UPDATE audit_log SET reason = 'edited' WHERE seq = 2;"
                                                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;")).ok());
        // then verification finds exactly that row
        auto broken = marco.exec(QStringLiteral("SELECT first_bad_seq, problem FROM audit_verify()"));
        QVERIFY(broken.ok());
        QCOMPARE(broken->toInt64(0, 0), 2);
        QCOMPARE(broken->text(0, 1), QStringLiteral("hash mismatch"));
    }

    void supportCannotReadAudit()
    {
        PgConnection sofia = as(QStringLiteral("sofia"));
        QVERIFY(!sofia.exec(QStringLiteral("SELECT count(*) FROM audit_log")).ok());
        QVERIFY(!sofia.exec(QStringLiteral("SELECT * FROM audit_verify()")).ok());
    }

    void oneLiveChargePerInvoice()
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        QVERIFY(owner.execScript(QStringLiteral(
            "INSERT INTO subscriptions (id, dealer_id, provider, currency, plan_version_id, billing_cycle, status,"
            "  current_period_start, current_period_end, started_at)"
            " SELECT 1, 1, 'azul', 'DOP', id, 'monthly', 'active', '2026-11-01', '2026-12-01', now()"
            "   FROM plan_versions WHERE plan_key = 'pro' AND currency = 'DOP';"
            "INSERT INTO invoices (id, subscription_id, dealer_id, period_start, period_end, currency, subtotal_minor,"
            "  itbis_minor, total_minor, status, due_date) VALUES (1, 1, 1, '2026-11-01', '2026-12-01', 'DOP', 574200,"
            "  103356, 677556, 'issued', '2026-11-01');"
            "INSERT INTO charges (invoice_id, dealer_id, provider, attempt_no, currency, amount_minor, itbis_minor, state,"
            "  started_at) VALUES (1, 1, 'azul', 1, 'DOP', 677556, 103356, 'submitting', now());")).ok());
        auto second = owner.exec(QStringLiteral(
            "INSERT INTO charges (invoice_id, dealer_id, provider, attempt_no, currency, amount_minor, itbis_minor, state,"
            " started_at) VALUES (1, 1, 'azul', 2, 'DOP', 677556, 103356, 'submitting', now())"));
        QVERIFY(!second.ok());
        QCOMPARE(sqlState(second.error()), QStringLiteral("23505"));
        // after the first one failed, a dunning retry may exist
        QVERIFY(owner.execScript(QStringLiteral("UPDATE charges SET state = 'failed' WHERE invoice_id = 1 AND attempt_no = 1;"
                                                "INSERT INTO charges (invoice_id, dealer_id, provider, attempt_no, currency,"
                                                " amount_minor, itbis_minor, state, started_at) VALUES (1, 1, 'azul', 2,"
                                                " 'DOP', 677556, 103356, 'submitting', now());")).ok());
    }
};

QTEST_GUILESS_MAIN(TestSchemaSecurity)
#include "tst_schemasecurity.moc"
