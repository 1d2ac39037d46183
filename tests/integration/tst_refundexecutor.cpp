// The refund executor (docs/idempotency.md §14) against real PostgreSQL and the real simulators:
// Stripe refunds keyed by the refund's UUID, AZUL refunds with per-attempt ids, AZUL voids within
// the window; the reservation, the booked total and the B04 credit note follow; a provider that
// applies a refund but never answers leaves it `unknown` until reconcileUnknown() settles it with
// no second refund; a refund stays with the capturing provider even when AZUL's sale breaker is open.
#include <QTest>

#include "integration/executorfixture.h"

using okla::services::ChargeOutcome;
using okla::tests::ExecutorStack;

class TestRefundExecutor : public QObject
{
    Q_OBJECT

    okla::tests::ExecutorFixture m_fx;
    std::unique_ptr<ExecutorStack> m_stack;

    qint64 count(const QString &table, const QString &where, const QVariantList &params) { return m_fx.count(table, where, params); }
    QString refundField(const QString &refundId, const QString &expression)
    {
        return m_fx.text(QStringLiteral("SELECT %1 FROM refunds WHERE id = $1::uuid").arg(expression), {refundId});
    }

    /// A paid invoice of a new dealer through the charge executor; returns the payment id.
    qint64 paidPayment(const QString &provider)
    {
        const qint64 invoice = m_fx.issuedInvoice(provider);
        auto charged = m_stack->charges->chargeInvoice(invoice, 1, QDate(2026, 2, 28));
        if (!charged || charged->kind != ChargeOutcome::Kind::Succeeded)
            qFatal("charge for the refund test failed: %s", charged ? "not succeeded" : qPrintable(charged.error().toString()));
        return m_fx.number(QStringLiteral("SELECT id FROM payments WHERE charge_id = $1"), {charged->chargeId});
    }
    QString azulOrderOf(qint64 paymentId)
    {
        return m_fx.text(QStringLiteral("SELECT azul_order_id FROM payments WHERE id = $1"), {paymentId});
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_stack = std::make_unique<ExecutorStack>(m_fx.env(), ExecutorStack::Timeouts{});
        QVERIFY2(m_stack->error.isEmpty(), qPrintable(m_stack->error));
    }

    void stripeRefundSucceedsOnceWithCreditNote()
    {
        // given a paid Stripe invoice and an approved partial refund
        const qint64 payment = paidPayment(QStringLiteral("stripe"));
        const QString refund = m_fx.requestRefund(payment, 1000);
        QCOMPARE(refundField(refund, QStringLiteral("state")), QStringLiteral("approved"));
        // when it is executed twice
        auto outcome = m_stack->refunds->executeRefund(refund);
        auto again = m_stack->refunds->executeRefund(refund);
        // then Stripe refunded once, under the refund's UUID
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->state, QStringLiteral("succeeded"));
        QVERIFY(outcome->providerRefundId.startsWith(QStringLiteral("re_")));
        QVERIFY(again.ok());
        QCOMPARE(again->providerRefundId, outcome->providerRefundId);
        QCOMPARE(m_fx.stripeEffects(refund), 1);
        // and the database booked it, with a credit note, an outbox message and a notice
        QCOMPARE(refundField(refund, QStringLiteral("state || ' ' || provider_refund_id")),
                 QStringLiteral("succeeded ") + outcome->providerRefundId);
        QVERIFY(refundField(refund, QStringLiteral("credit_note_ncf")).startsWith(QStringLiteral("B04")));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status || ' ' || refunded_amount || ' ' || refund_reserved FROM payments WHERE id = $1"),
                           {payment}),
                 QStringLiteral("partially_refunded 1000 1000"));
        QCOMPARE(count(QStringLiteral("outbox"), QStringLiteral("event_type = 'billing.refund.succeeded' AND payload->>'refund_id' = $1"),
                       {refund}), 1);
        QCOMPARE(count(QStringLiteral("notifications"), QStringLiteral("event_key = $1 AND kind = 'refund_issued'"),
                       {QString(QStringLiteral("refund_issued:") + refund)}), 1);
    }

    void azulFullRefundWithinTheWindowIsAVoid()
    {
        // given an AZUL payment made a moment ago and a refund of all of it
        const qint64 payment = paidPayment(QStringLiteral("azul"));
        const qint64 captured = m_fx.number(QStringLiteral("SELECT captured_amount FROM payments WHERE id = $1"), {payment});
        const QString refund = m_fx.requestRefund(payment, captured);
        // a full refund may be above the approval limit: a manager approves it
        if (refundField(refund, QStringLiteral("state")) == QLatin1String("awaiting_approval")) {
            okla::services::PgConnection marco = m_fx.as(QStringLiteral("marco"));
            QVERIFY(marco.exec(QStringLiteral("UPDATE refunds SET state = 'approved' WHERE id = $1::uuid"), {refund}).ok());
        }
        // when it is executed
        auto outcome = m_stack->refunds->executeRefund(refund);
        // then AZUL voided the sale once
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->state, QStringLiteral("succeeded"));
        QCOMPARE(refundField(refund, QStringLiteral("is_void::text")), QStringLiteral("true"));
        const QJsonObject voids = m_fx.sim().counters(true).value(QStringLiteral("operations")).toObject().value(QStringLiteral("Void")).toObject();
        QCOMPARE(voids.value(QStringLiteral("effects")).toInt(), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE id = $1"), {payment}), QStringLiteral("refunded"));
    }

    void azulTimeoutAfterApplyingIsUnknownThenReconciledOnce()
    {
        // given an AZUL payment, a partial refund, and AZUL applying the refund without answering
        // while VerifyPayment is down
        const qint64 payment = paidPayment(QStringLiteral("azul"));
        const QString refund = m_fx.requestRefund(payment, 10000);
        m_fx.sim().addFault(true, {{"operation", "Refund"}, {"kind", "timeout_after_commit"}, {"count", 1}});
        m_fx.sim().addFault(true, {{"operation", "VerifyPayment"}, {"kind", "http5xx"}, {"status", 503}, {"count", 20}});
        ExecutorStack impatient(m_fx.env(), ExecutorStack::Timeouts{1500, 1500, 100});
        QVERIFY2(impatient.error.isEmpty(), qPrintable(impatient.error));
        // when it is executed
        auto outcome = impatient.refunds->executeRefund(refund);
        // then nobody knows yet: unknown, the reservation held, nothing booked, nothing resent
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->state, QStringLiteral("unknown"));
        QCOMPARE(refundField(refund, QStringLiteral("state")), QStringLiteral("unknown"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT refunded_amount || ' ' || refund_reserved FROM payments WHERE id = $1"), {payment}),
                 QStringLiteral("0 10000"));
        QCOMPARE(m_fx.azulEffects(QStringLiteral("CustomOrderId"), refund), 1);

        // when VerifyPayment is back and the reconciler runs
        m_fx.sim().control(true, "DELETE", QStringLiteral("/_sim/faults"));
        auto settled = m_stack->refunds->reconcileUnknown();
        // then it is reconciled as succeeded, booked once, with still one refund at AZUL
        QVERIFY2(settled.ok(), qPrintable(settled ? QString() : settled.error().toString()));
        QCOMPARE(settled.value(), 1);
        QCOMPARE(refundField(refund, QStringLiteral("state || ' ' || resolution")), QStringLiteral("reconciled succeeded"));
        QVERIFY(refundField(refund, QStringLiteral("credit_note_ncf")).startsWith(QStringLiteral("B04")));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT refunded_amount FROM payments WHERE id = $1"), {payment}), QStringLiteral("10000"));
        QCOMPARE(m_fx.azulEffects(QStringLiteral("CustomOrderId"), refund), 1);
        QCOMPARE(m_fx.azulEffects(QStringLiteral("AzulOrderId"), azulOrderOf(payment)), 1);
        // and a second round finds nothing left to do
        auto again = m_stack->refunds->reconcileUnknown();
        QVERIFY(again.ok());
        QCOMPARE(again.value(), 0);
    }

    void stripeTimeoutAfterApplyingEndsWithOneRefund()
    {
        // given a paid Stripe invoice, a refund, and Stripe applying it without answering once
        const qint64 payment = paidPayment(QStringLiteral("stripe"));
        const QString refund = m_fx.requestRefund(payment, 800);
        m_fx.sim().addFault(false, {{"operation", "refunds.create"}, {"kind", "timeout_after_commit"}, {"count", 1}});
        ExecutorStack impatient(m_fx.env(), ExecutorStack::Timeouts{1500, 1500, 100});
        QVERIFY2(impatient.error.isEmpty(), qPrintable(impatient.error));
        // when it is executed (a retry resends the same key), and reconciled if still unknown
        auto outcome = impatient.refunds->executeRefund(refund);
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        if (outcome->state == QLatin1String("unknown")) {
            auto settled = m_stack->refunds->reconcileUnknown();
            QVERIFY(settled.ok());
            QCOMPARE(refundField(refund, QStringLiteral("state || ' ' || resolution")), QStringLiteral("reconciled succeeded"));
        } else {
            QCOMPARE(outcome->state, QStringLiteral("succeeded"));
        }
        // then Stripe refunded once and the payment is booked once
        QCOMPARE(m_fx.stripeEffects(refund), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT refunded_amount FROM payments WHERE id = $1"), {payment}), QStringLiteral("800"));
    }

    void pendingRefundsAreExecutedByTheDaemonEntryPoint()
    {
        // given two approved refunds of one Stripe payment
        const qint64 payment = paidPayment(QStringLiteral("stripe"));
        const QString first = m_fx.requestRefund(payment, 500);
        const QString second = m_fx.requestRefund(payment, 700);
        // when the daemon's entry point runs twice
        auto executed = m_stack->completer->executePendingRefunds(10);
        auto nothing = m_stack->completer->executePendingRefunds(10);
        // then both were refunded once each, and nothing more
        QVERIFY2(executed.ok(), qPrintable(executed ? QString() : executed.error().toString()));
        QCOMPARE(executed.value(), 2);
        QVERIFY(nothing.ok());
        QCOMPARE(nothing.value(), 0);
        QCOMPARE(refundField(first, QStringLiteral("state")), QStringLiteral("succeeded"));
        QCOMPARE(refundField(second, QStringLiteral("state")), QStringLiteral("succeeded"));
        QCOMPARE(m_fx.stripeEffects(first), 1);
        QCOMPARE(m_fx.stripeEffects(second), 1);
    }

    void refundOfAnAzulPaymentStaysWithAzulWhenItsSaleBreakerIsOpen()
    {
        // given an AZUL payment, a partial refund, and AZUL's sale breaker open
        const qint64 payment = paidPayment(QStringLiteral("azul"));
        const QString refund = m_fx.requestRefund(payment, 5000);
        auto breaker = m_stack->resilience->breakers().breaker(
            {QStringLiteral("azul"), QStringLiteral("sale"), m_stack->azul->hostLabel(okla::services::azul::AzulClient::Host::Primary)});
        for (int i = 0; i < 6; ++i)
            breaker->record(breaker->tryAcquire(), true);
        QCOMPARE(breaker->state(), okla::services::CircuitBreaker::State::Open);
        // when it is executed
        auto outcome = m_stack->refunds->executeRefund(refund);
        // then AZUL refunded it (refunds never change provider)
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->state, QStringLiteral("succeeded"));
        QCOMPARE(refundField(refund, QStringLiteral("provider")), QStringLiteral("azul"));
        QCOMPARE(m_fx.azulEffects(QStringLiteral("CustomOrderId"), refund), 1);
        QCOMPARE(count(QStringLiteral("provider_requests"), QStringLiteral("refund_id = $1::uuid AND provider = 'stripe'"), {refund}), 0);
    }
};

QTEST_GUILESS_MAIN(TestRefundExecutor)
#include "tst_refundexecutor.moc"
