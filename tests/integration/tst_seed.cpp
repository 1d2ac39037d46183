// Seeds small datasets into throwaway databases of the test cluster (never the shared fixture
// database) and checks what the KPIs and the console rely on: valid RNCs, unique well-formed
// NCFs, one live charge per invoice, ~94 % first-attempt success, 2-6 % monthly churn, refunds
// within what was captured, card data limited to brand + last 4, history coherent with the
// current subscriptions, the simulators holding the seeded provider ids, and determinism.
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTest>

#include "models/taxid.h"
#include "sandbox/seed/scratchdatabase.h"
#include "sandbox/seed/seeder.h"
#include "services/audit/auditchainverifier.h"
#include "services/session/connectionprofile.h"
#include "services/kpi/kpisnapshotbuilder.h"
#include "services/database/pgconnection.h"

using namespace okla;
using okla::sandbox::ScratchDatabase;
using okla::sandbox::SeedOptions;
using okla::services::PgConnection;

namespace {

qint64 scalar(PgConnection &c, const QString &sql)
{
    auto r = c.exec(sql);
    if (!r) {
        qWarning().noquote() << r.error().toString();
        return -1;
    }
    return r->toInt64(0, 0);
}

double real(PgConnection &c, const QString &sql)
{
    auto r = c.exec(sql);
    if (!r) {
        qWarning().noquote() << r.error().toString();
        return -1;
    }
    return r->text(0, 0).toDouble();
}

// One md5 per seeded table over its rows in key order: equal digests = identical rows.
QStringList digests(PgConnection &c)
{
    QStringList out;
    for (const char *q : {"SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT * FROM dealers) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT * FROM subscriptions) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT id, subscription_id, dealer_id, "
                          "effective_date, change_type, plan_version_id, status, created_at FROM subscription_changes) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT * FROM invoices) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT * FROM charges) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT * FROM payments) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT * FROM refunds) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT * FROM payment_methods) t",
                          "SELECT md5(string_agg(t::text, '|' ORDER BY rate_date)) FROM fx_rates t"}) {
        auto r = c.exec(QString::fromLatin1(q));
        out << (r ? r->text(0, 0) : r.error().toString());
    }
    return out;
}

} // namespace

class TestSeed : public QObject
{
    Q_OBJECT

private:
    services::ConnectionProfile m_profile;
    ScratchDatabase m_a;
    ScratchDatabase m_b;
    ScratchDatabase m_sim;
    SeedOptions m_options;
    PgConnection m_conn;

    QString scratchName(const char *suffix) const
    {
        return QStringLiteral("okla_seedtest_%1_%2").arg(QCoreApplication::applicationPid()).arg(QLatin1String(suffix));
    }

private slots:
    void initTestCase()
    {
        auto profile = services::ConnectionProfile::load();
        QVERIFY2(profile.ok(), profile.ok() ? "" : qPrintable(profile.error().toString()));
        m_profile = *profile;
        auto a = ScratchDatabase::create(m_profile, scratchName("a"));
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().toString()));
        m_a = std::move(a).value();
        auto b = ScratchDatabase::create(m_profile, scratchName("b"));
        QVERIFY2(b.ok(), b.ok() ? "" : qPrintable(b.error().toString()));
        m_b = std::move(b).value();
        auto sim = ScratchDatabase::create(m_profile, scratchName("sim"), false);
        QVERIFY2(sim.ok(), sim.ok() ? "" : qPrintable(sim.error().toString()));
        m_sim = std::move(sim).value();

        // given: 300 dealers x 6 months into A (mirrored into the simulators' database)
        m_options.dealers = 300;
        m_options.months = 6;
        m_options.seed = 424242;
        m_options.simConninfo = m_sim.conninfo();
        auto conn = PgConnection::open(m_a.conninfo());
        QVERIFY2(conn.ok(), conn.ok() ? "" : qPrintable(conn.error().toString()));
        m_conn = std::move(conn).value();
        QStringList lines;
        auto seeded = sandbox::seedDatabaseWithReport(m_conn, m_options, [&](const QString &l) { lines << l; });
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().toString()));
        QVERIFY(lines.size() >= 8); // one progress line per phase
        QCOMPARE(seeded->rowsOf(QStringLiteral("public.dealers")), 300);
    }

    void cleanupTestCase()
    {
        m_conn = PgConnection();
        QVERIFY(m_a.drop().ok());
        QVERIFY(m_b.drop().ok());
        QVERIFY(m_sim.drop().ok());
    }

    void everyTaxIdIsValid()
    {
        auto r = m_conn.exec(QStringLiteral("SELECT tax_id, tax_id_kind FROM dealers"));
        QVERIFY(r.ok());
        QCOMPARE(r->rows(), 300);
        int cedulas = 0;
        for (int i = 0; i < r->rows(); ++i) {
            auto id = models::TaxId::parse(r->text(i, 0));
            QVERIFY2(id.ok(), qPrintable(r->text(i, 0)));
            QCOMPARE(id->kind() == models::TaxId::Kind::Cedula, r->text(i, 1) == QLatin1String("cedula"));
            cedulas += id->kind() == models::TaxId::Kind::Cedula;
        }
        QVERIFY(cedulas > 10 && cedulas < 150);
    }

    void ncfsAreUniqueWellFormedAndMatchTheDealer()
    {
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM invoices")) > 500);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) - count(DISTINCT ncf) FROM invoices")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM invoices WHERE ncf IS NULL OR ncf !~ '^B0[12][0-9]{8}$'")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM invoices i JOIN dealers d ON d.id = i.dealer_id "
                                               "WHERE (d.tax_id_kind = 'rnc') <> (i.ncf LIKE 'B01%')")), 0);
        // the sequences continue after what the seed used
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM ncf_sequences s WHERE s.next_value <= coalesce((SELECT "
                                               "max(substr(ncf, 4)::bigint) FROM invoices WHERE ncf LIKE s.ncf_type || '%'), 0) "
                                               "OR s.next_value <= coalesce((SELECT max(substr(credit_note_ncf, 4)::bigint) FROM refunds "
                                               "WHERE credit_note_ncf LIKE s.ncf_type || '%'), 0)")), 0);
        // ITBIS 18 % on DOP, none on USD; totals include it
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM invoices WHERE itbis_minor <> CASE currency WHEN 'DOP' "
                                               "THEN round(subtotal_minor * 0.18) ELSE 0 END")), 0);
    }

    void atMostOneLiveChargePerInvoiceAndFirstAttemptsNear94Percent()
    {
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM (SELECT invoice_id FROM charges WHERE coalesce(resolution, "
                                               "state) <> 'failed' GROUP BY 1 HAVING count(*) > 1) x")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM charges c "
                                               "WHERE c.invoice_id = i.id AND c.attempt_no = 1)")), 0);
        const double rate = real(m_conn, QStringLiteral(
            "SELECT (count(*) FILTER (WHERE coalesce(resolution, state) = 'succeeded'))::float8 / count(*) "
            "FROM charges WHERE attempt_no = 1 AND coalesce(resolution, state) IN ('succeeded', 'failed')"));
        QVERIFY2(rate >= 0.90 && rate <= 0.97, qPrintable(QString::number(rate)));
        // dunning retries exist and follow the policy's days (1, 3, 5 after the failure)
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM charges WHERE attempt_no > 1")) > 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM charges c JOIN charges f ON f.invoice_id = c.invoice_id AND "
                                               "f.attempt_no = 1 WHERE c.attempt_no > 1 "
                                               "AND (c.started_at AT TIME ZONE 'America/Santo_Domingo')::date - (f.started_at AT "
                                               "TIME ZONE 'America/Santo_Domingo')::date NOT IN (1, 2, 3, 4, 5)")), 0);
        // realistic decline codes only
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM charges WHERE failure_kind = 'declined' AND decline_code NOT IN "
                                               "('51','05','91','54','14','43','04','insufficient_funds','generic_decline',"
                                               "'do_not_honor','try_again_later','expired_card','incorrect_number','stolen_card',"
                                               "'lost_card')")), 0);
    }

    void monthlyChurnBetween2And6Percent()
    {
        // Paying at a month's start = active/past_due on a paid plan with a paid invoice before;
        // churned = paying at the start and not at the next month's start (from the history).
        const QString sql = QStringLiteral(R"(
            WITH months AS (SELECT (date '2026-06-01' + make_interval(months => k))::date AS m FROM generate_series(1, 6) k),
            state AS (
              SELECT m.m, s.dealer_id, s.status, pv.plan_key
              FROM months m
              CROSS JOIN LATERAL (SELECT DISTINCT ON (dealer_id) dealer_id, status, plan_version_id
                                  FROM subscription_changes WHERE effective_date < m.m
                                  ORDER BY dealer_id, effective_date DESC, id DESC) s
              JOIN plan_versions pv ON pv.id = s.plan_version_id),
            paying AS (
              SELECT st.m, st.dealer_id FROM state st
              WHERE st.status IN ('active', 'past_due') AND st.plan_key <> 'libre'
                AND EXISTS (SELECT 1 FROM payments p WHERE p.dealer_id = st.dealer_id AND p.invoice_id IS NOT NULL
                            AND p.paid_at < st.m))
            SELECT sum(churned)::float8 / sum(base), min(base)
            FROM (SELECT p.m, count(*) AS base,
                         count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM paying n WHERE n.dealer_id = p.dealer_id
                                                            AND n.m = (p.m + interval '1 month')::date)) AS churned
                  FROM paying p WHERE p.m < date '2026-12-01' GROUP BY p.m) x)");
        auto r = m_conn.exec(sql);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        const double churn = r->text(0, 0).toDouble();
        qInfo("mean monthly churn %.2f %% (smallest base %lld dealers)", churn * 100, r->toInt64(0, 1));
        QVERIFY2(churn >= 0.02 && churn <= 0.06, qPrintable(QString::number(churn)));
        // both kinds exist: voluntary with a reason, involuntary after dunning (suspended first)
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM subscription_changes WHERE change_type = 'cancel' AND NOT "
                                              "involuntary AND cancellation_reason IS NOT NULL")) > 0);
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM subscription_changes WHERE status = 'suspended' AND involuntary")) > 0);
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM subscription_changes WHERE change_type IN ('upgrade', 'downgrade')")) > 0);
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM early_bird_enrolments")) > 0);
    }

    void refundsStayWithinWhatWasCaptured()
    {
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments WHERE refunded_amount > captured_amount "
                                               "OR refund_reserved <> refunded_amount")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments p WHERE p.refunded_amount <> coalesce((SELECT "
                                               "sum(amount_minor) FROM refunds r WHERE r.payment_id = p.id AND r.state = 'succeeded'), 0)")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments WHERE (status = 'refunded') <> (refunded_amount > 0 "
                                               "AND refunded_amount = captured_amount) OR (status = 'partially_refunded') <> "
                                               "(refunded_amount > 0 AND refunded_amount < captured_amount)")), 0);
        // above the limit a second person approved it
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM refunds WHERE amount_minor > CASE currency WHEN 'DOP' THEN "
                                               "1000000 ELSE 20000 END AND (approved_by IS NULL OR approved_by = requested_by)")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM refunds r JOIN staff s ON s.id = r.requested_by "
                                               "WHERE s.staff_role <> 'finance'")), 0);
    }

    // The refunds were loaded with triggers off; their audit rows are written afterwards, chained
    // like any other: the request by its requester, an approval by its approver (docs/security.md §5).
    void refundsHaveChainedAuditRows()
    {
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM refunds")) > 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM refunds r WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
                                               "JOIN staff s ON s.role_name = a.actor WHERE a.action = 'refunds.insert' "
                                               "AND a.entity_id = r.id::text AND s.id = r.requested_by)")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM refunds r WHERE r.approved_by IS NOT NULL AND NOT EXISTS "
                                               "(SELECT 1 FROM audit_log a JOIN staff s ON s.role_name = a.actor WHERE "
                                               "a.action = 'refunds.update' AND a.entity_id = r.id::text AND s.id = r.approved_by)")), 0);
        auto chain = services::AuditChainVerifier::verify(m_conn);
        QVERIFY2(chain.ok(), chain.ok() ? "" : qPrintable(chain.error().toString()));
        QVERIFY2(chain->intact(), qPrintable(chain->problem));
    }

    void paymentsCarryProviderIdsAndNoCardNumber()
    {
        QVERIFY(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments")) > 1000);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments WHERE card_last4 !~ '^[0-9]{4}$' OR "
                                               "p::text ~ '[0-9]{13,19}'").replace(QStringLiteral("FROM payments"),
                                                                                   QStringLiteral("FROM payments p"))), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payment_methods m WHERE m::text ~ '[0-9]{13,19}'")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments WHERE provider = 'azul' AND (azul_order_id IS NULL OR "
                                               "custom_order_id IS NULL OR rrn IS NULL OR (status <> 'failed' AND authorization_code IS NULL))")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments p JOIN charges c ON c.id = p.charge_id WHERE "
                                               "p.custom_order_id <> c.public_id || '-1'")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments WHERE provider = 'stripe' AND (stripe_charge_id !~ "
                                               "'^ch_[0-9A-Za-z]{24}$' OR stripe_payment_intent_id !~ '^pi_[0-9A-Za-z]{24}$')")), 0);
        const double usdShare = real(m_conn, QStringLiteral("SELECT avg((currency = 'USD')::int) FROM subscriptions"));
        QVERIFY2(usdShare > 0.1 && usdShare < 0.3, qPrintable(QString::number(usdShare)));
        // AZUL fee about 2.5 %, Stripe 2.9 % + 30 cents
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments WHERE status <> 'failed' AND provider = 'azul' AND "
                                               "abs(fee_minor - amount_minor * 0.025) > 1")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM payments WHERE status <> 'failed' AND currency = 'USD' AND "
                                               "abs(fee_minor - amount_minor * 0.029 - 30) > 1")), 0);
    }

    void historyMatchesTheCurrentSubscriptions()
    {
        QCOMPARE(scalar(m_conn, QStringLiteral(
                     "SELECT count(*) FROM subscriptions s JOIN LATERAL (SELECT * FROM subscription_changes c WHERE "
                     "c.subscription_id = s.id ORDER BY effective_date DESC, id DESC LIMIT 1) c ON true WHERE "
                     "(c.status, c.plan_version_id, c.billing_cycle, c.discount_bp) IS DISTINCT FROM "
                     "(s.status, s.plan_version_id, s.billing_cycle, s.discount_bp)")), 0);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM subscriptions s WHERE NOT EXISTS (SELECT 1 FROM "
                                               "subscription_changes c WHERE c.subscription_id = s.id AND c.change_type = 'created')")), 0);
        // the dates stay inside the seeded window
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(*) FROM subscription_changes WHERE effective_date >= '2026-12-01' "
                                               "OR effective_date < '2026-06-01'")), 0);
        // FX moves (never a constant) and provider costs exist for every month
        QVERIFY(real(m_conn, QStringLiteral("SELECT max(rate) - min(rate) FROM fx_rates")) > 0.1);
        QCOMPARE(scalar(m_conn, QStringLiteral("SELECT count(DISTINCT month) FROM provider_costs")), 6);
    }

    void simulatorsHoldTheSeededProviderIds()
    {
        auto sim = PgConnection::open(m_sim.conninfo());
        QVERIFY(sim.ok());
        // every AZUL payment and refund is a transaction; every Stripe charge/intent/refund an object
        auto azulIds = m_conn.exec(QStringLiteral("SELECT azul_order_id FROM payments WHERE provider = 'azul' UNION ALL "
                                                  "SELECT provider_refund_id FROM refunds WHERE provider = 'azul' ORDER BY 1"));
        auto simAzul = sim->exec(QStringLiteral("SELECT azul_order_id::text FROM azul.transactions ORDER BY 1"));
        QVERIFY(azulIds.ok() && simAzul.ok());
        QCOMPARE(simAzul->rows(), azulIds->rows());
        for (int i = 0; i < azulIds->rows(); ++i)
            QCOMPARE(simAzul->text(i, 0), azulIds->text(i, 0));
        auto charges = m_conn.exec(QStringLiteral("SELECT stripe_charge_id, stripe_payment_intent_id FROM payments "
                                                  "WHERE provider = 'stripe' ORDER BY 1"));
        auto simCharges = sim->exec(QStringLiteral("SELECT id, payment_intent FROM stripe.charges ORDER BY 1"));
        QVERIFY(charges.ok() && simCharges.ok());
        QCOMPARE(simCharges->rows(), charges->rows());
        for (int i = 0; i < charges->rows(); ++i) {
            QCOMPARE(simCharges->text(i, 0), charges->text(i, 0));
            QCOMPARE(simCharges->text(i, 1), charges->text(i, 1));
        }
        QCOMPARE(scalar(sim.value(), QStringLiteral("SELECT count(*) FROM stripe.refunds")),
                 scalar(m_conn, QStringLiteral("SELECT count(*) FROM refunds WHERE provider = 'stripe'")));
        QCOMPARE(scalar(sim.value(), QStringLiteral("SELECT count(*) FROM stripe.customers")),
                 scalar(m_conn, QStringLiteral("SELECT count(*) FROM dealers WHERE stripe_customer_id IS NOT NULL")));
        QCOMPARE(scalar(sim.value(), QStringLiteral("SELECT count(*) FROM azul.transactions WHERE card_masked ~ '^[0-9]{6}\\*{6}[0-9]{4}$'")),
                 scalar(sim.value(), QStringLiteral("SELECT count(*) FROM azul.transactions")));
        // refunded amounts agree on both sides
        QCOMPARE(scalar(sim.value(), QStringLiteral("SELECT coalesce(sum(refunded_amount), 0) FROM azul.transactions WHERE trx_type = 'Sale'")),
                 scalar(m_conn, QStringLiteral("SELECT coalesce(sum(refunded_amount), 0) FROM payments WHERE provider = 'azul'")));
    }

    void kpiSnapshotsBuildFromTheSeededHistory()
    {
        // given: the seeded history; when: the KPI service rebuilds its snapshots from it
        auto built = services::KpiSnapshotBuilder::rebuild(m_conn, QDate(2026, 11, 30));
        QVERIFY2(built.ok(), built.ok() ? "" : qPrintable(built.error().toString()));
        // then: every kind of MRR movement occurs, and the KPI's own churn is in the target band
        auto kinds = m_conn.exec(QStringLiteral("SELECT string_agg(DISTINCT kind, ',' ORDER BY kind) FROM dealer_mrr_changes"));
        QVERIFY(kinds.ok());
        QCOMPARE(kinds->text(0, 0), QStringLiteral("churn,contraction,expansion,new,reactivation"));
        const double churn = real(m_conn, QStringLiteral(R"(
            WITH m AS (SELECT (date '2026-06-01' + make_interval(months => k))::date AS month FROM generate_series(1, 5) k),
            start AS (SELECT m.month, count(DISTINCT d.dealer_id) AS n FROM m
                      JOIN dealer_mrr_monthly d ON d.month = (m.month - interval '1 month')::date GROUP BY 1),
            churned AS (SELECT date_trunc('month', effective_date)::date AS month, count(DISTINCT dealer_id) AS n
                        FROM dealer_mrr_changes WHERE kind = 'churn' GROUP BY 1)
            SELECT sum(coalesce(c.n, 0))::float8 / sum(s.n) FROM start s LEFT JOIN churned c USING (month))"));
        qInfo("KPI churn from the snapshots: %.2f %%", churn * 100);
        QVERIFY2(churn >= 0.015 && churn <= 0.07, qPrintable(QString::number(churn)));
    }

    void sameSeedGivesIdenticalRowsAndAnotherSeedDoesNot()
    {
        // given: the same options seeded into B
        auto b = PgConnection::open(m_b.conninfo());
        QVERIFY(b.ok());
        SeedOptions same = m_options;
        same.simConninfo.clear();
        // when
        QVERIFY(sandbox::seedDatabase(b.value(), same).ok());
        // then
        const QStringList a1 = digests(m_conn);
        QCOMPARE(digests(b.value()), a1);
        // and a different seed gives different data (B is replaced: earlier rows are gone)
        SeedOptions other = same;
        other.seed = 1;
        QVERIFY(sandbox::seedDatabase(b.value(), other).ok());
        const QStringList b2 = digests(b.value());
        for (int i = 0; i < a1.size(); ++i)
            QVERIFY2(b2[i] != a1[i] || i == a1.size() - 1, qPrintable(QString::number(i)));
        QCOMPARE(scalar(b.value(), QStringLiteral("SELECT count(*) FROM dealers")), 300);
        // sequences continue after the seeded ids: a new row does not collide
        QVERIFY(b->exec(QStringLiteral("INSERT INTO dealers (legal_name, tax_id, tax_id_kind, dealer_type, verification_status, "
                                       "city, province) VALUES ('Prueba SRL', '101000001', 'rnc', 'independent', 'pending', "
                                       "'Santo Domingo', 'Distrito Nacional')")).ok());
    }
};

QTEST_GUILESS_MAIN(TestSeed)
#include "tst_seed.moc"
