// The Stripe webhook endpoint against a real Stripe simulator and a throwaway migrated database,
// as the worker role: the events are the simulator's own, signed as Stripe signs them. Bad
// signatures, stale timestamps and repeated event ids change nothing; a dispute marks the payment
// and alerts finance, and a won dispute gives it back; a Stripe subscription OKLA does not know is
// reported once (docs/worker.md §12).
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "harness/testenv.h"
#include "integration/asyncwait.h"
#include "integration/providersimfixture.h"
#include "services/database/migrator.h"
#include "services/webhooks/stripeobjectsource.h"
#include "services/webhooks/stripewebhookendpoint.h"

using namespace okla::services;
using namespace okla::services::stripe;
using okla::tests::await;
using okla::tests::ThrowawayDatabase;
using okla::tests::WorkerLogin;

namespace {

const QByteArray kSecret = "whsec_test_endpoint_secret";

} // namespace

class TestStripeWebhookEndpoint : public QObject
{
    Q_OBJECT

    okla::tests::ProviderSimFixture m_sim;
    std::unique_ptr<StripeClient> m_client;
    std::unique_ptr<StripeObjectSource> m_source;
    std::unique_ptr<WorkerLogin> m_worker;
    std::unique_ptr<ThrowawayDatabase> m_db;
    PgConnection m_connection;
    PgConnection m_owner;
    std::unique_ptr<StripeWebhookEndpoint> m_endpoint;
    QList<QJsonObject> m_handedIntents;

    StripeOutcome post(const QString &path, const StripeFormEncoder &params, const QString &object)
    {
        StripeRequest r;
        r.method = "POST";
        r.path = path;
        r.params = params;
        r.operation = QStringLiteral("test.setup");
        r.expectedObject = object;
        return await(m_client->send(r));
    }

    /// The newest event of `type` about `objectId`, as the simulator would deliver it.
    QByteArray eventBody(const QString &type, const QString &objectId)
    {
        StripeListParams params;
        params.limit = 100;
        params.filters = {{QStringLiteral("type"), type}};
        const StripeOutcome events = await(m_client->send(StripeClient::list(QStringLiteral("events"), params)));
        for (const QJsonValue &e : events.object().value(QStringLiteral("data")).toArray()) {
            const QJsonObject event = e.toObject();
            if (event.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject().value(QStringLiteral("id"))
                == objectId)
                return QJsonDocument(event).toJson(QJsonDocument::Compact);
        }
        return {};
    }

    HttpResponse deliver(const QByteArray &body, qint64 signedAt = QDateTime::currentSecsSinceEpoch(),
                         const QByteArray &secret = kSecret)
    {
        okla::models::HttpRequest request;
        request.method = "POST";
        request.path = "/webhooks/stripe";
        request.headers = {{"stripe-signature", "t=" + QByteArray::number(signedAt) + ",v1="
                                                    + StripeWebhookVerifier::sign(secret, signedAt, body)}};
        request.body = body;
        return m_endpoint->handle(request);
    }

    qint64 scalar(const QString &sql, const QVariantList &params = {})
    {
        auto rows = m_owner.exec(sql, params);
        return rows && rows->rows() > 0 ? rows->toInt64(0, 0) : -1;
    }

    QString text(const QString &sql, const QVariantList &params = {})
    {
        auto rows = m_owner.exec(sql, params);
        return rows && rows->rows() > 0 ? rows->text(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        const QString error = m_sim.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto config = m_sim.stripeConfig();
        QVERIFY(config.ok());
        m_client = std::make_unique<StripeClient>(config.value());
        m_source = std::make_unique<StripeObjectSource>(*m_client);
        m_worker = std::make_unique<WorkerLogin>(QStringLiteral("hooks"));
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_hooks"));
        m_owner = m_db->open(QStringLiteral("okla_owner"));
        QVERIFY(Migrator::migrate(m_owner).ok());
        m_connection = m_db->open(m_worker->name());
        StripeEventHandoff handoff;
        handoff.paymentIntentChanged = [this](const QJsonObject &intent) { m_handedIntents.append(intent); };
        m_endpoint = std::make_unique<StripeWebhookEndpoint>(StripeWebhookVerifier({kSecret}), *m_source, m_connection,
                                                             handoff);
    }

    void cleanupTestCase()
    {
        m_endpoint.reset();
        m_connection = PgConnection();
        m_owner = PgConnection();
        m_db.reset();
        m_worker.reset();
    }

    void badSignaturesAndStaleOnesChangeNothing()
    {
        StripeFormEncoder f;
        f.add("amount", 1500).add("currency", "usd").add("payment_method", "pm_card_visa").add("confirm", true);
        const StripeOutcome pi = post(QStringLiteral("/v1/payment_intents"), f, QStringLiteral("payment_intent"));
        QVERIFY(pi.ok());
        const QByteArray body = eventBody(QStringLiteral("payment_intent.succeeded"), pi.object().value("id").toString());
        QVERIFY(!body.isEmpty());
        QCOMPARE(deliver(body, QDateTime::currentSecsSinceEpoch(), "whsec_someone_else").status, 400);
        QCOMPARE(deliver(body, QDateTime::currentSecsSinceEpoch() - 600).status, 400); // older than 5 minutes
        QByteArray tampered = body;
        tampered.replace("1500", "9999");
        okla::models::HttpRequest forged;
        forged.headers = {{"stripe-signature", "t=" + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + ",v1="
                                                   + StripeWebhookVerifier::sign(kSecret, QDateTime::currentSecsSinceEpoch(), body)}};
        forged.body = tampered;
        QCOMPARE(m_endpoint->handle(forged).status, 400);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM stripe_webhook_events")), 0);
        QVERIFY(m_handedIntents.isEmpty());

        // The genuine delivery is applied once; the repeats answer 200 and change nothing.
        QCOMPARE(deliver(body).status, 200);
        QCOMPARE(m_handedIntents.size(), 1);
        QCOMPARE(m_handedIntents.first().value("status").toString(), QStringLiteral("succeeded"));
        const HttpResponse again = deliver(body);
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("duplicate"));
        QCOMPARE(m_handedIntents.size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM stripe_webhook_events WHERE processed_at IS NOT NULL")), 1);
    }

    void aDisputeMarksThePaymentAndAWonOneGivesItBack()
    {
        StripeFormEncoder f;
        f.add("amount", 5900).add("currency", "usd").add("payment_method", "pm_card_createDispute").add("confirm", true);
        const StripeOutcome pi = post(QStringLiteral("/v1/payment_intents"), f, QStringLiteral("payment_intent"));
        QVERIFY(pi.ok());
        const QString charge = pi.object().value("latest_charge").toString();
        // The payment OKLA recorded for that charge.
        QVERIFY(m_owner.exec(QStringLiteral("INSERT INTO dealers (legal_name, tax_id, tax_id_kind, dealer_type, verification_status, "
                                            "city, province) VALUES ('Autos Disputa', '131000001', 'rnc', 'independent', "
                                            "'verified', 'Santo Domingo', 'Distrito Nacional')"))
                    .ok());
        QVERIFY(m_owner.exec(QStringLiteral("INSERT INTO payments (dealer_id, provider, status, currency, amount_minor, "
                                            "captured_amount, stripe_charge_id, stripe_payment_intent_id, created_at, paid_at) "
                                            "SELECT id, 'stripe', 'succeeded', 'USD', 5900, 5900, $1, $2, now(), now() "
                                            "FROM dealers WHERE tax_id = '131000001'"),
                             {charge, pi.object().value("id").toString()})
                    .ok());
        // The dispute the simulator opened on that charge, found through its event.
        StripeListParams params;
        params.filters = {{QStringLiteral("type"), QStringLiteral("charge.dispute.created")}};
        const StripeOutcome events = await(m_client->send(StripeClient::list(QStringLiteral("events"), params)));
        QString disputeId;
        for (const QJsonValue &e : events.object().value("data").toArray()) {
            const QJsonObject dispute = e.toObject().value("data").toObject().value("object").toObject();
            if (dispute.value("charge").toString() == charge)
                disputeId = dispute.value("id").toString();
        }
        QVERIFY(disputeId.startsWith(QStringLiteral("dp_")));
        QCOMPARE(deliver(eventBody(QStringLiteral("charge.dispute.created"), disputeId)).status, 200);
        QCOMPARE(text(QStringLiteral("SELECT status FROM payments WHERE stripe_charge_id = $1"), {charge}), QStringLiteral("disputed"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE event_type = 'billing.payment.disputed' "
                                       "AND payload->>'dispute_id' = $1"), {disputeId}),
                 1);

        StripeFormEncoder evidence;
        evidence.addMap(QStringLiteral("evidence"), {{QStringLiteral("uncategorized_text"), QStringLiteral("winning_evidence")}});
        QVERIFY(post(QStringLiteral("/v1/disputes/") + disputeId, evidence, QStringLiteral("dispute")).ok());
        QCOMPARE(deliver(eventBody(QStringLiteral("charge.dispute.closed"), disputeId)).status, 200);
        QCOMPARE(text(QStringLiteral("SELECT status FROM payments WHERE stripe_charge_id = $1"), {charge}), QStringLiteral("succeeded"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE event_type = 'billing.payment.dispute_won'")), 1);
        // The status changes were audited by the database's triggers, as every settlement is.
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'payments'")) >= 2);
    }

    void anUnknownStripeSubscriptionIsReportedOnce()
    {
        StripeFormEncoder customer;
        customer.add("email", "nadie@example.com");
        const StripeOutcome cus = post(QStringLiteral("/v1/customers"), customer, QStringLiteral("customer"));
        QVERIFY(cus.ok());
        StripeFormEncoder price;
        price.add("unit_amount", 5900).add("currency", "usd").addMap(QStringLiteral("recurring"), {{QStringLiteral("interval"), QStringLiteral("month")}})
            .addMap(QStringLiteral("product_data"), {{QStringLiteral("name"), QStringLiteral("Pro")}});
        const StripeOutcome pr = post(QStringLiteral("/v1/prices"), price, QStringLiteral("price"));
        QVERIFY2(pr.ok(), qPrintable(pr.toError().toString()));
        StripeFormEncoder sub;
        sub.add("customer", cus.object().value("id").toString())
            .add("default_payment_method", "pm_card_visa")
            .addObjectList(QStringLiteral("items"), {{{QStringLiteral("price"), pr.object().value("id").toString()}}});
        const StripeOutcome created = post(QStringLiteral("/v1/subscriptions"), sub, QStringLiteral("subscription"));
        QVERIFY2(created.ok(), qPrintable(created.toError().toString()));
        const QString id = created.object().value("id").toString();
        QCOMPARE(deliver(eventBody(QStringLiteral("customer.subscription.created"), id)).status, 200);
        // Another event about the same subscription: still one open finding.
        StripeFormEncoder update;
        update.add("cancel_at_period_end", true);
        QVERIFY(post(QStringLiteral("/v1/subscriptions/") + id, update, QStringLiteral("subscription")).ok());
        QCOMPARE(deliver(eventBody(QStringLiteral("customer.subscription.updated"), id)).status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM reconciliation_discrepancies WHERE provider_ref = $1 "
                                       "AND kind = 'stripe_subscription_without_record' AND resolved_at IS NULL"), {id}),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestStripeWebhookEndpoint)
#include "tst_stripewebhookendpoint.moc"
