// The charge executor (docs/idempotency.md §13) against real PostgreSQL and the real simulators:
// an AZUL token sale and a Stripe off-session PaymentIntent each succeed once and settle the
// invoice, the payment, the subscription, the outbox and the receipt; a decline records its code
// and class and no payment; a second call makes no second effect; with AZUL's sale breaker open a
// new charge goes to Stripe.
#include <QTest>

#include "integration/executorfixture.h"

using okla::services::ChargeExecutor;
using okla::services::ChargeOutcome;
using okla::tests::ExecutorStack;
using Kind = ChargeOutcome::Kind;

namespace {
const QDate kBusinessDate(2026, 2, 28);
}

class TestChargeExecutor : public QObject
{
    Q_OBJECT

    okla::tests::ExecutorFixture m_fx;
    std::unique_ptr<ExecutorStack> m_stack;

    qint64 count(const QString &table, const QString &where, const QVariantList &params) { return m_fx.count(table, where, params); }
    QString chargePublicId(qint64 chargeId)
    {
        return m_fx.text(QStringLiteral("SELECT public_id FROM charges WHERE id = $1"), {chargeId});
    }

    /// Everything a succeeded charge settles, once.
    void verifySettled(qint64 invoiceId, const ChargeOutcome &outcome)
    {
        QCOMPARE(m_fx.text(QStringLiteral("SELECT state FROM charges WHERE id = $1"), {outcome.chargeId}), QStringLiteral("succeeded"));
        QCOMPARE(count(QStringLiteral("payments"), QStringLiteral("charge_id = $1 AND status = 'succeeded' AND captured_amount = amount_minor"),
                       {outcome.chargeId}), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM invoices WHERE id = $1"), {invoiceId}), QStringLiteral("paid"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT s.status || ' ' || s.current_period_start || ' ' || s.current_period_end"
                                          " FROM subscriptions s JOIN invoices i ON i.subscription_id = s.id WHERE i.id = $1"), {invoiceId}),
                 QStringLiteral("active 2026-02-28 2026-03-28"));
        QCOMPARE(count(QStringLiteral("outbox"), QStringLiteral("event_type = 'billing.charge.succeeded' AND payload->>'charge_id' = $1"),
                       {QString::number(outcome.chargeId)}), 1);
        QCOMPARE(count(QStringLiteral("notifications"), QStringLiteral("kind = 'receipt' AND event_key = $1"),
                       {QStringLiteral("receipt:invoice:%1").arg(invoiceId)}), 1);
        QCOMPARE(count(QStringLiteral("idempotency_keys"), QStringLiteral("idem_key = $1 AND recovery_point = 'finished' AND lease_token IS NULL"),
                       {ChargeExecutor::keyFor(invoiceId, 1).toString(QUuid::WithoutBraces)}), 1);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_stack = std::make_unique<ExecutorStack>(m_fx.env(), ExecutorStack::Timeouts{});
        QVERIFY2(m_stack->error.isEmpty(), qPrintable(m_stack->error));
    }

    void azulTokenSaleSucceedsOnce()
    {
        // given a DOP dealer billed by AZUL with a DataVault token and an issued invoice
        const qint64 dealer = m_fx.dealer(QStringLiteral("azul"), QStringLiteral("DOP"));
        m_fx.giveAzulToken(dealer);
        const qint64 invoice = m_fx.invoice(dealer, 677556);
        // when it is charged
        auto outcome = m_stack->charges->chargeInvoice(invoice, 1, kBusinessDate);
        // then AZUL charged once and everything is settled
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->kind, Kind::Succeeded);
        QCOMPARE(outcome->provider, QStringLiteral("azul"));
        verifySettled(invoice, outcome.value());
        const QString publicId = chargePublicId(outcome->chargeId);
        QCOMPARE(m_fx.azulEffects(QStringLiteral("CustomOrderId"), publicId), 1);
        QVERIFY(!m_fx.text(QStringLiteral("SELECT azul_order_id FROM payments WHERE charge_id = $1"), {outcome->chargeId}).isEmpty());
        // and the attempt id was recorded before it was sent, then settled
        QCOMPARE(m_fx.text(QStringLiteral("SELECT custom_order_id || ' ' || outcome FROM provider_requests WHERE charge_id = $1"),
                           {outcome->chargeId}),
                 publicId + QStringLiteral("-1 approved"));

        // when the same invoice and attempt are charged again
        auto again = m_stack->charges->chargeInvoice(invoice, 1, kBusinessDate);
        // then the first answer comes back and nothing more happened
        QVERIFY(again.ok());
        QCOMPARE(again->kind, Kind::Succeeded);
        QCOMPARE(again->chargeId, outcome->chargeId);
        QCOMPARE(m_fx.azulEffects(QStringLiteral("CustomOrderId"), publicId), 1);
        QCOMPARE(count(QStringLiteral("payments"), QStringLiteral("invoice_id = $1"), {invoice}), 1);
        // and a next attempt of a paid invoice charges nothing
        auto second = m_stack->charges->chargeInvoice(invoice, 2, kBusinessDate);
        QVERIFY(second.ok());
        QCOMPARE(second->kind, Kind::Skipped);
        QCOMPARE(count(QStringLiteral("charges"), QStringLiteral("invoice_id = $1"), {invoice}), 1);
    }

    void stripeOffSessionPaymentIntentSucceedsOnce()
    {
        // given a USD dealer billed through Stripe with a saved card
        const qint64 dealer = m_fx.dealer(QStringLiteral("stripe"), QStringLiteral("USD"));
        m_fx.giveStripeMethod(dealer);
        const qint64 invoice = m_fx.invoice(dealer, 4900);
        // when it is charged twice
        auto outcome = m_stack->charges->chargeInvoice(invoice, 1, kBusinessDate);
        auto again = m_stack->charges->chargeInvoice(invoice, 1, kBusinessDate);
        // then Stripe charged once, with the charge's UUID as the Idempotency-Key
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->kind, Kind::Succeeded);
        QCOMPARE(outcome->provider, QStringLiteral("stripe"));
        QVERIFY(again.ok());
        QCOMPARE(again->chargeId, outcome->chargeId);
        verifySettled(invoice, outcome.value());
        QCOMPARE(m_fx.stripeEffects(chargePublicId(outcome->chargeId)), 1);
        QVERIFY(m_fx.text(QStringLiteral("SELECT stripe_charge_id FROM payments WHERE charge_id = $1"), {outcome->chargeId})
                    .startsWith(QStringLiteral("ch_")));
    }

    void declineRecordsCodeAndClassAndNoPayment()
    {
        // given AZUL will decline the next sale with IsoCode 51 (insufficient funds)
        const qint64 dealer = m_fx.dealer(QStringLiteral("azul"), QStringLiteral("DOP"));
        m_fx.giveAzulToken(dealer);
        const qint64 invoice = m_fx.invoice(dealer, 677556);
        m_fx.sim().addFault(true, {{"operation", "Sale"}, {"kind", "decline"}, {"decline_code", "51"}, {"count", 1}});
        // when it is charged
        auto outcome = m_stack->charges->chargeInvoice(invoice, 1, kBusinessDate);
        // then the decline is recorded with its code and class, and nothing was paid
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->kind, Kind::Declined);
        QCOMPARE(outcome->declineCode, QStringLiteral("51"));
        QCOMPARE(outcome->declineClass, okla::models::DeclineClass::Soft);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT state || ' ' || failure_kind || ' ' || decline_code FROM charges WHERE id = $1"),
                           {outcome->chargeId}),
                 QStringLiteral("failed declined 51"));
        QCOMPARE(count(QStringLiteral("payments"), QStringLiteral("invoice_id = $1"), {invoice}), 0);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM invoices WHERE id = $1"), {invoice}), QStringLiteral("issued"));
        QCOMPARE(count(QStringLiteral("outbox"), QStringLiteral("event_type = 'billing.charge.failed' AND payload->>'decline_class' = 'soft'"
                                                                " AND payload->>'charge_id' = $1"),
                       {QString::number(outcome->chargeId)}),
                 1);
        QCOMPARE(count(QStringLiteral("notifications"), QStringLiteral("kind = 'payment_failed' AND dealer_id = $1"), {dealer}), 1);

        // when dunning retries it as attempt 2
        auto retry = m_stack->charges->chargeInvoice(invoice, 2, kBusinessDate.addDays(1));
        // then a new charge succeeds
        QVERIFY(retry.ok());
        QCOMPARE(retry->kind, Kind::Succeeded);
        QVERIFY(retry->chargeId != outcome->chargeId);
    }

    void stripeDeclineIsClassified()
    {
        // given a Stripe card that is declined for insufficient funds
        const qint64 dealer = m_fx.dealer(QStringLiteral("stripe"), QStringLiteral("USD"));
        m_fx.giveStripeMethod(dealer, QStringLiteral("4000000000009995"));
        const qint64 invoice = m_fx.invoice(dealer, 4900);
        // when it is charged
        auto outcome = m_stack->charges->chargeInvoice(invoice, 1, kBusinessDate);
        // then
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->kind, Kind::Declined);
        QCOMPARE(outcome->declineCode, QStringLiteral("insufficient_funds"));
        QCOMPARE(outcome->declineClass, okla::models::DeclineClass::Soft);
        QCOMPARE(count(QStringLiteral("payments"), QStringLiteral("invoice_id = $1"), {invoice}), 0);
    }

    void azulBreakerOpenSendsNewChargeToStripe()
    {
        // given a DOP AZUL dealer who also has a Stripe card, and AZUL's sale breaker open
        const qint64 dealer = m_fx.dealer(QStringLiteral("azul"), QStringLiteral("DOP"));
        m_fx.giveAzulToken(dealer);
        m_fx.giveStripeMethod(dealer);
        const qint64 invoice = m_fx.invoice(dealer, 677556);
        auto breaker = m_stack->resilience->breakers().breaker(
            {QStringLiteral("azul"), QStringLiteral("sale"), m_stack->azul->hostLabel(okla::services::azul::AzulClient::Host::Primary)});
        for (int i = 0; i < 6; ++i)
            breaker->record(breaker->tryAcquire(), true);
        QCOMPARE(breaker->state(), okla::services::CircuitBreaker::State::Open);
        // when it is charged
        auto outcome = m_stack->charges->chargeInvoice(invoice, 1, kBusinessDate);
        // then Stripe took it, as a fallback in the invoice's currency, and AZUL heard nothing
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->kind, Kind::Succeeded);
        QCOMPARE(outcome->provider, QStringLiteral("stripe"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT is_fallback || ' ' || currency FROM charges WHERE id = $1"), {outcome->chargeId}),
                 QStringLiteral("true DOP"));
        const QString publicId = chargePublicId(outcome->chargeId);
        QCOMPARE(m_fx.stripeEffects(publicId), 1);
        QCOMPARE(m_fx.azulEffects(QStringLiteral("CustomOrderId"), publicId), 0);
    }
};

QTEST_GUILESS_MAIN(TestChargeExecutor)
#include "tst_chargeexecutor.moc"
