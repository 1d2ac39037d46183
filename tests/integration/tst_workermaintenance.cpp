// okla-worker's own schedule (docs/worker.md §16) as an operator runs it: the real binary, not
// --once, against a throwaway database, the real simulators and the harness's RabbitMQ. Nobody
// asks it anything, yet an approved refund is executed exactly once, outbox rows reach the broker
// with confirms, and POST /webhooks/stripe verifies signatures and records each event once.
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "integration/amqptestsupport.h"
#include "integration/workertestbed.h"
#include "services/providers/stripe/stripewebhookverifier.h"

using okla::services::ChargeOutcome;
using okla::tests::HttpAnswer;
using okla::tests::WorkerProcess;

namespace {

constexpr int kWaitMs = 60000;

/// The value of one series in a /metrics page (0 when absent).
double metricValue(const QByteArray &page, const QByteArray &series)
{
    for (const QByteArray &line : page.split('\n'))
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    return 0;
}

} // namespace

class TestWorkerMaintenance : public QObject
{
    Q_OBJECT

    okla::tests::WorkerTestbed m_bed;
    okla::tests::ExecutorFixture &m_fx = m_bed.fx();
    std::vector<std::unique_ptr<WorkerProcess>> m_workers;
    quint16 m_port = 0;

    WorkerProcess &worker() { return *m_workers.front(); }

    /// Polls `sql` (one number) as the owner until it equals `expected` or kWaitMs passed.
    bool waitFor(const QString &sql, const QVariantList &params, qint64 expected)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < kWaitMs) {
            if (m_fx.number(sql, params) == expected)
                return true;
            QTest::qWait(200);
        }
        return false;
    }

    HttpAnswer deliver(const QByteArray &body, const QByteArray &secret, qint64 signedAt)
    {
        const QByteArray signature = "Stripe-Signature: t=" + QByteArray::number(signedAt)
                                     + ",v1=" + okla::services::stripe::StripeWebhookVerifier::sign(secret, signedAt, body);
        return okla::tests::httpRequest(m_port, "POST", "/webhooks/stripe",
                                        {signature, QByteArrayLiteral("Content-Type: application/json")}, body);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_bed.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_workers = m_bed.startWorkers(1, 1);
        QVERIFY(!m_workers.empty());
        m_port = worker().waitForPort();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase()
    {
        if (!m_workers.empty()) {
            const int code = worker().terminate();
            if (code != 0)
                qWarning("%s", worker().log().right(4000).constData());
            QCOMPARE(code, 0);
        }
        m_workers.clear();
    }

    void anApprovedRefundIsExecutedOnceWithoutARequest()
    {
        // given a paid Stripe invoice and a refund finance requested (approved under the limit)
        const qint64 invoice = m_fx.issuedInvoice(QStringLiteral("stripe"));
        auto charged = m_bed.stack().charges->chargeInvoice(invoice, 1, QDate(2026, 11, 30));
        QVERIFY2(charged && charged->kind == ChargeOutcome::Kind::Succeeded, "the charge for the refund failed");
        const qint64 payment = m_fx.number(QStringLiteral("SELECT id FROM payments WHERE charge_id = $1"), {charged->chargeId});
        const QString refund = m_fx.requestRefund(payment, 1200);
        // when the worker's maintenance rounds come
        // then it is executed once at Stripe and booked
        QVERIFY2(waitFor(QStringLiteral("SELECT count(*) FROM refunds WHERE id = $1::uuid AND state = 'succeeded'"), {refund}, 1),
                 worker().log().constData());
        QCOMPARE(m_fx.stripeEffects(refund), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status || ' ' || refunded_amount FROM payments WHERE id = $1"), {payment}),
                 QStringLiteral("partially_refunded 1200"));
    }

    void outboxRowsReachTheBrokerWithConfirms()
    {
        // given three billing events in the outbox (and the refund's own, published by now or soon)
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_fx.text(QStringLiteral("INSERT INTO outbox (event_type, payload) SELECT 'billing.test.maintenance', jsonb_build_object('marker', $1::text, 'n', n)"
                                 " FROM generate_series(1, 3) n"),
                  {marker});
        // when the relay's period passes
        // then every row is marked published, and the broker holds the three under their message ids
        QVERIFY2(waitFor(QStringLiteral("SELECT count(*) FROM outbox WHERE published_at IS NULL"), {}, 0), worker().log().constData());
        const QStringList ids = m_fx.text(QStringLiteral("SELECT string_agg(message_id::text, ',') FROM outbox WHERE payload->>'marker' = $1"),
                                          {marker}).split(QLatin1Char(','));
        QCOMPARE(ids.size(), 3);
        okla::services::AmqpQueue queue(okla::tests::brokerConfig());
        QSet<QString> seen;
        for (const okla::services::Delivery &delivery : okla::tests::drain(queue, QStringLiteral("okla.billing.events")))
            if (ids.contains(delivery.messageId.toString(QUuid::WithoutBraces)))
                seen.insert(delivery.messageId.toString(QUuid::WithoutBraces));
        QCOMPARE(seen.size(), 3);
        QVERIFY(metricValue(okla::tests::httpGet(m_port, "/metrics").body,
                            "okla_worker_maintenance_total{job=\"relay\",result=\"worked\"}") >= 1);
    }

    void webhooksAreVerifiedAndRecordedOnce()
    {
        const auto secret = okla::services::CredentialStore(m_fx.env().credentialsDir)
                                .read(okla::services::CredentialStore::StripeWebhookSecret);
        QVERIFY(secret.ok());
        const QByteArray eventId = "evt_maint_" + QUuid::createUuid().toByteArray(QUuid::Id128).left(12);
        const QJsonObject customer{{QStringLiteral("id"), QStringLiteral("cus_maint")}, {QStringLiteral("object"), QStringLiteral("customer")}};
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("id"), QString::fromLatin1(eventId)},
                                                          {QStringLiteral("object"), QStringLiteral("event")},
                                                          {QStringLiteral("type"), QStringLiteral("customer.created")},
                                                          {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), customer}}}})
                                    .toJson(QJsonDocument::Compact);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString recorded = QStringLiteral("SELECT count(*) FROM stripe_webhook_events WHERE event_id = $1");
        // a bad signature, a stale timestamp: refused, nothing written
        QCOMPARE(deliver(body, "whsec_wrong", now).status, 400);
        QCOMPARE(deliver(body, secret.value(), now - 3600).status, 400);
        QCOMPARE(m_fx.number(recorded, {QString::fromLatin1(eventId)}), 0);
        // a good delivery, then the same event again: recorded once
        const HttpAnswer first = deliver(body, secret.value(), now);
        QVERIFY2(first.status == 200, first.body.constData());
        QCOMPARE(deliver(body, secret.value(), now).status, 200);
        QCOMPARE(m_fx.number(recorded, {QString::fromLatin1(eventId)}), 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkerMaintenance)
#include "tst_workermaintenance.moc"
