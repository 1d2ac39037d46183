// The daily reconciliation (docs/worker.md §14) against real PostgreSQL and the real simulators:
// one of each of the 7 discrepancy types is planted through the simulators' HTTP APIs and the
// database on a day of the simulators' clocks, beside a charge and a refund of each provider that
// OKLA recorded properly; reconciling that day finds exactly the 7, and running it again records none.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "integration/executorfixture.h"
#include "services/providers/azul/azulclient.h"
#include "services/concurrency/servicethread.h"
#include "services/reconciliation/reconciler.h"
#include "services/session/connectionprofile.h"
#include "services/worker/reconcilehandler.h"
#include "services/worker/requesthandler.h"

using okla::services::ChargeOutcome;
using okla::services::Reconciler;
using okla::services::stripe::StripeFormEncoder;
using okla::tests::ExecutorStack;

namespace {
const QDate kDay(2026, 3, 10);
const QString kNoon = QStringLiteral("2026-03-10T15:00:00Z"); // 11:00 in Santo Domingo
/// A job nobody cancels (the handler runs here on the test's thread, not on an executor).
class RunningJob : public okla::services::JobControl
{
public:
    bool isCanceled() const override { return false; }
    void setProgressRange(int, int) const override {}
    void setProgressValue(int) const override {}
};
} // namespace

class TestReconciliation : public QObject
{
    Q_OBJECT

    okla::tests::ExecutorFixture m_fx;
    std::unique_ptr<ExecutorStack> m_stack;
    /// kind|provider|provider_ref of every planted discrepancy.
    QStringList m_expected;

    QString stripePost(const QString &path, const StripeFormEncoder &form, const QString &object)
    {
        okla::services::stripe::StripeRequest r;
        r.method = "POST";
        r.path = path;
        r.params = form;
        r.operation = object;
        r.expectedObject = object;
        const auto out = okla::tests::await(m_stack->stripe->send(r));
        if (!out.ok())
            qFatal("stripe %s: %s", qPrintable(path), qPrintable(out.toError().toString()));
        return out.object().value(path == QLatin1String("/v1/payment_intents") ? QStringLiteral("latest_charge")
                                                                              : QStringLiteral("id")).toString();
    }

    /// An AZUL card sale made straight at the simulator (no OKLA record); returns its AzulOrderId.
    QString azulSale(const QString &pan, qint64 amount, bool approved)
    {
        okla::services::azul::AzulPayment p;
        p.amount = okla::models::Money::fromMinor(amount, okla::models::Currency::DOP);
        p.itbis = okla::models::Money::fromMinor(amount * 18 / 118, okla::models::Currency::DOP);
        p.cardNumber = pan;
        p.expiration = QStringLiteral("202812");
        p.cvc = QStringLiteral("123");
        p.customOrderId = QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("-1");
        const auto out = okla::tests::await(m_stack->azul->sale(p));
        if (out.result.approved() != approved || out.result.azulOrderId.isEmpty())
            qFatal("AZUL sale: %s", qPrintable(out.result.detail));
        return out.result.azulOrderId;
    }

    /// A payment row as the charge executor would have written it on the day.
    qint64 recordPayment(qint64 dealerId, const QString &provider, qint64 amount, const QString &currency,
                         const QString &providerId)
    {
        const bool azul = provider == QLatin1String("azul");
        return m_fx.number(QStringLiteral("INSERT INTO payments (dealer_id, provider, status, currency, amount_minor, captured_amount,"
                                          " azul_order_id, stripe_charge_id, created_at, paid_at)"
                                          " VALUES ($1, $2, 'succeeded', $3, $4, $4, $5, $6, $7::timestamptz, $7::timestamptz)"
                                          " RETURNING id"),
                           {dealerId, provider, currency, amount, azul ? QVariant(providerId) : QVariant(),
                            azul ? QVariant() : QVariant(providerId), kNoon});
    }

    void expect(const QString &kind, const QString &provider, const QString &ref)
    {
        m_expected << kind + u'|' + provider + u'|' + ref;
    }

    QStringList openFindings()
    {
        const QString all = m_fx.text(QStringLiteral("SELECT string_agg(kind || '|' || provider || '|' || provider_ref, ',')"
                                                     "  FROM reconciliation_discrepancies WHERE resolved_at IS NULL"));
        QStringList findings = all.isEmpty() ? QStringList() : all.split(u',');
        findings.sort();
        return findings;
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_stack = std::make_unique<ExecutorStack>(m_fx.env(), ExecutorStack::Timeouts{});
        QVERIFY2(m_stack->error.isEmpty(), qPrintable(m_stack->error));
        for (bool azul : {true, false})
            QCOMPARE(m_fx.sim().control(azul, "POST", QStringLiteral("/_sim/clock"), {{QStringLiteral("set"), kNoon}})
                         .value(QStringLiteral("now")).toString().left(10),
                     kDay.toString(Qt::ISODate));
    }

    void plantOneOfEachType()
    {
        // A charge and a partial refund per provider that OKLA recorded properly: matched, never reported.
        for (const QString &provider : {QStringLiteral("azul"), QStringLiteral("stripe")}) {
            const auto charged = m_stack->charges->chargeInvoice(m_fx.issuedInvoice(provider), 1, kDay);
            QVERIFY2(charged && charged->kind == ChargeOutcome::Kind::Succeeded,
                     qPrintable(charged ? QStringLiteral("not charged") : charged.error().toString()));
            const qint64 payment = m_fx.number(QStringLiteral("SELECT id FROM payments WHERE charge_id = $1"), {charged->chargeId});
            const auto refunded = m_stack->refunds->executeRefund(m_fx.requestRefund(payment, 1000));
            QVERIFY2(refunded && refunded->state == QLatin1String("succeeded"),
                     qPrintable(refunded ? refunded->state : refunded.error().toString()));
        }

        // payment_without_record: AZUL approved a sale OKLA has no payment for.
        expect(QStringLiteral("payment_without_record"), QStringLiteral("azul"),
               azulSale(QStringLiteral("5424180279791732"), 118000, true));

        // payment_status_mismatch: AZUL declined a sale OKLA records as succeeded.
        const qint64 azulDealer = m_fx.dealer(QStringLiteral("azul"), QStringLiteral("DOP"));
        const QString declined = azulSale(QStringLiteral("4999990000000510"), 5000, false);
        recordPayment(azulDealer, QStringLiteral("azul"), 5000, QStringLiteral("DOP"), declined);
        expect(QStringLiteral("payment_status_mismatch"), QStringLiteral("azul"), declined);

        // amount_mismatch: Stripe charged US$49.00, OKLA recorded US$45.00.
        StripeFormEncoder intent;
        intent.add(QStringLiteral("amount"), 4900).add(QStringLiteral("currency"), QStringLiteral("usd"))
            .add(QStringLiteral("payment_method"), QStringLiteral("pm_card_visa")).add(QStringLiteral("confirm"), true);
        const QString charge = stripePost(QStringLiteral("/v1/payment_intents"), intent, QStringLiteral("payment_intent"));
        const qint64 stripeDealer = m_fx.dealer(QStringLiteral("stripe"), QStringLiteral("USD"));
        recordPayment(stripeDealer, QStringLiteral("stripe"), 4500, QStringLiteral("USD"), charge);
        expect(QStringLiteral("amount_mismatch"), QStringLiteral("stripe"), charge);

        // subscription_without_payment: an invoice marked paid on the day with no payment at all.
        const qint64 invoice = m_fx.number(
            QStringLiteral("INSERT INTO invoices (subscription_id, dealer_id, period_start, period_end, currency, subtotal_minor,"
                           " itbis_minor, total_minor, status, due_date, issued_at, paid_at)"
                           " SELECT id, dealer_id, '2026-03-10', '2026-04-10', 'DOP', 574200, 103356, 677556, 'paid',"
                           " '2026-03-10', $2::timestamptz, $2::timestamptz FROM subscriptions WHERE dealer_id = $1 RETURNING id"),
            {azulDealer, kNoon});
        expect(QStringLiteral("subscription_without_payment"), QStringLiteral("azul"), QStringLiteral("okla-invoice-%1").arg(invoice));

        // status_mismatch and stripe_subscription_without_record: two Stripe subscriptions of the
        // dealer's customer (no card: both stay incomplete), one of them OKLA's active one.
        StripeFormEncoder customer;
        customer.add(QStringLiteral("email"), QStringLiteral("pagos@autos.do"));
        const QString dealerCustomer = stripePost(QStringLiteral("/v1/customers"), customer, QStringLiteral("customer"));
        m_fx.text(QStringLiteral("UPDATE dealers SET stripe_customer_id = $2 WHERE id = $1"), {stripeDealer, dealerCustomer});
        StripeFormEncoder price;
        price.add(QStringLiteral("unit_amount"), 9900).add(QStringLiteral("currency"), QStringLiteral("usd"))
            .add(QStringLiteral("recurring[interval]"), QStringLiteral("month"));
        const QString priceId = stripePost(QStringLiteral("/v1/prices"), price, QStringLiteral("price"));
        StripeFormEncoder subscription;
        subscription.add(QStringLiteral("customer"), dealerCustomer).add(QStringLiteral("items[0][price]"), priceId);
        const QString known = stripePost(QStringLiteral("/v1/subscriptions"), subscription, QStringLiteral("subscription"));
        const QString unknown = stripePost(QStringLiteral("/v1/subscriptions"), subscription, QStringLiteral("subscription"));
        m_fx.text(QStringLiteral("UPDATE subscriptions SET stripe_subscription_id = $2 WHERE dealer_id = $1"), {stripeDealer, known});
        expect(QStringLiteral("status_mismatch"), QStringLiteral("stripe"), known);
        expect(QStringLiteral("stripe_subscription_without_record"), QStringLiteral("stripe"), unknown);

        // orphaned_stripe_customer: a Stripe customer no dealer is linked to.
        expect(QStringLiteral("orphaned_stripe_customer"), QStringLiteral("stripe"),
               stripePost(QStringLiteral("/v1/customers"), customer, QStringLiteral("customer")));
        m_expected.sort();
        QCOMPARE(m_expected.size(), 7);
    }

    void reconcilingTheDayFindsExactlyThePlantedOnes()
    {
        // when
        Reconciler reconciler(m_stack->db, *m_stack->resilience, {m_stack->azul.get(), m_stack->stripe.get(), {}});
        const auto summary = reconciler.run(kDay, std::nullopt);
        // then
        QVERIFY2(summary.ok(), qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(openFindings(), m_expected);
        // from the providers: AZUL's three sales and one refund, Stripe's two charges and one refund
        const QJsonObject read = summary->value(QStringLiteral("read")).toObject();
        QCOMPARE(read.value(QStringLiteral("azul_transactions")).toInt(), 4);
        QCOMPARE(read.value(QStringLiteral("stripe_transactions")).toInt(), 3);
        const QJsonObject found = summary->value(QStringLiteral("found")).toObject();
        const QJsonObject recorded = summary->value(QStringLiteral("recorded")).toObject();
        QCOMPARE(found.size(), 7);
        for (auto it = found.begin(); it != found.end(); ++it) {
            QCOMPARE(it.value().toInt(), 1);
            QCOMPARE(recorded.value(it.key()).toInt(), 1);
        }
        // and the amounts are in minor units with their currency
        QCOMPARE(m_fx.text(QStringLiteral("SELECT expected_minor || '/' || actual_minor || ' ' || currency"
                                          "  FROM reconciliation_discrepancies WHERE kind = 'amount_mismatch'")),
                 QStringLiteral("4500/4900 USD"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT coalesce(expected_minor::text, '-') || '/' || actual_minor || ' ' || currency"
                                          "  FROM reconciliation_discrepancies WHERE kind = 'payment_without_record'")),
                 QStringLiteral("-/118000 DOP"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT detail ->> 'okla_status' || '/' || (detail ->> 'stripe_status')"
                                          "  FROM reconciliation_discrepancies WHERE kind = 'status_mismatch'")),
                 QStringLiteral("active/incomplete"));
    }

    void reconcilingAgainAddsNothing()
    {
        // when the same day is reconciled again
        Reconciler reconciler(m_stack->db, *m_stack->resilience, {m_stack->azul.get(), m_stack->stripe.get(), {}});
        const auto summary = reconciler.run(kDay, std::nullopt);
        // then the same findings are seen, none is written twice
        QVERIFY2(summary.ok(), qPrintable(summary ? QString() : summary.error().toString()));
        const QJsonObject recorded = summary->value(QStringLiteral("recorded")).toObject();
        for (auto it = recorded.begin(); it != recorded.end(); ++it)
            QCOMPARE(it.value().toInt(), 0);
        QCOMPARE(summary->value(QStringLiteral("found")).toObject().value(QStringLiteral("amount_mismatch")).toInt(), 1);
        QCOMPARE(m_fx.count(QStringLiteral("reconciliation_discrepancies"), QStringLiteral("true")), qint64(7));
    }

    void aResolvedFindingWithTheSameFactsIsNotReportedAgain()
    {
        // given finance resolved the orphaned customer
        okla::services::PgConnection finance = m_fx.as(QStringLiteral("ana"));
        QVERIFY(finance.exec(QStringLiteral("UPDATE reconciliation_discrepancies SET resolved_at = now(),"
                                            " resolution_note = 'a test customer' WHERE kind = 'orphaned_stripe_customer'")));
        // when the day is reconciled again
        Reconciler reconciler(m_stack->db, *m_stack->resilience, {m_stack->azul.get(), m_stack->stripe.get(), {}});
        const auto summary = reconciler.run(kDay, std::nullopt);
        // then it is seen but not reopened
        QVERIFY2(summary.ok(), qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->value(QStringLiteral("found")).toObject().value(QStringLiteral("orphaned_stripe_customer")).toInt(), 1);
        QCOMPARE(m_fx.count(QStringLiteral("reconciliation_discrepancies"), QStringLiteral("true")), qint64(7));
        QCOMPARE(openFindings().size(), 6);
    }

    void theWorkersReconcileHandlerRunsTheDay()
    {
        // given a profile naming the simulators, and reconcile requests the worker asked for itself
        okla::services::ConnectionProfile profile;
        profile.name = QStringLiteral("reconcile-test");
        profile.pgHost = QStringLiteral("localhost");
        profile.azulUrl = m_fx.sim().azulUrl();
        profile.azulCaFile = m_fx.sim().caFile();
        profile.stripeUrl = m_fx.sim().stripeUrl();
        profile.providersSimulator = true;
        profile.redisHost.clear(); // breakers and limits of this process only
        QVERIFY(profile.save());
        okla::services::RequestHandlerRegistry registry;
        okla::services::registerReconcileHandler(registry, profile.name);
        const auto *entry = registry.find(QStringLiteral("reconcile"));
        QVERIFY(entry);
        QCOMPARE(entry->atomicity, okla::services::HandlerAtomicity::OwnTransactions);
        const okla::services::CredentialStore credentials(m_fx.sim().credentialsDir());
        RunningJob job;
        auto run = [&](const QJsonObject &params) {
            const auto asked = m_stack->db.exec(QStringLiteral("SELECT okla_request_work('reconcile', $1::jsonb, gen_random_uuid())"),
                                                {QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))});
            if (!asked)
                qFatal("reconcile request: %s", qPrintable(asked.error().toString()));
            const okla::services::WorkerRequest request{asked->toInt64(0, 0), QStringLiteral("reconcile"), params, std::nullopt};
            okla::services::RequestContext context{request, m_stack->db, job, credentials, QStringLiteral("test")};
            return entry->handler(context);
        };
        // when the day is asked for, and a day that is no date
        const auto result = run({{QStringLiteral("date"), kDay.toString(Qt::ISODate)}});
        const auto refused = run({{QStringLiteral("date"), QStringLiteral("2026-02-30")}});
        QFile::remove(okla::services::ConnectionProfile::pathFor(profile.name));
        // then the day is reconciled with the credentials folder's providers, and nothing new found
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().toString()));
        QCOMPARE(result->value(QStringLiteral("date")).toString(), kDay.toString(Qt::ISODate));
        QCOMPARE(result->value(QStringLiteral("providers")).toArray().size(), 2);
        QCOMPARE(result->value(QStringLiteral("found")).toObject().value(QStringLiteral("payment_without_record")).toInt(), 1);
        QCOMPARE(result->value(QStringLiteral("recorded")).toObject().value(QStringLiteral("payment_without_record")).toInt(), 0);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("worker.reconcile.date"));
    }
};

QTEST_GUILESS_MAIN(TestReconciliation)
#include "tst_reconciliation.moc"
