#include <QtTest>

#include "services/resilience/breakerregistry.h"
#include "services/resilience/paymentrouter.h"

using namespace okla::services;
using Router = PaymentRouter;
using Request = PaymentRouter::Request;

class TestPaymentRouter : public QObject
{
    Q_OBJECT
private slots:
    void dopGoesToAzul()
    {
        Request r;
        r.currency = QStringLiteral("DOP");
        r.dealerHasStripePaymentMethod = true;
        const auto d = Router::route(r);
        QVERIFY(d.ok());
        QCOMPARE(d->provider, Router::Provider::Azul);
        QVERIFY(!d->fallback);
    }

    void usdGoesToStripe()
    {
        Request r;
        r.currency = QStringLiteral("usd");
        const auto d = Router::route(r);
        QVERIFY(d.ok());
        QCOMPARE(d->provider, Router::Provider::Stripe);
        QCOMPARE(d->currency, QStringLiteral("USD"));
    }

    void fallbackWhenAzulBreakerOpen()
    {
        // given a new DOP charge, AZUL's sale breaker open, a dealer with a Stripe card
        Request r;
        r.currency = QStringLiteral("DOP");
        r.azulSaleBreakerOpen = true;
        r.dealerHasStripePaymentMethod = true;
        // when routed
        const auto d = Router::route(r);
        // then Stripe, still in DOP
        QVERIFY(d.ok());
        QCOMPARE(d->provider, Router::Provider::Stripe);
        QCOMPARE(d->currency, QStringLiteral("DOP"));
        QVERIFY(d->fallback);
    }

    void fallbackAfterFailedAttempt()
    {
        Request r;
        r.currency = QStringLiteral("DOP");
        r.azulAttempt = Router::AzulAttempt::Failed;
        r.dealerHasStripePaymentMethod = true;
        const auto d = Router::route(r);
        QVERIFY(d.ok());
        QCOMPARE(d->provider, Router::Provider::Stripe);
        QVERIFY(d->fallback);
    }

    void noFallbackWithoutStripeMethod()
    {
        Request r;
        r.currency = QStringLiteral("DOP");
        r.azulSaleBreakerOpen = true;
        const auto d = Router::route(r);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, QStringLiteral("routing.azul_unavailable"));
        // a failed attempt with AZUL healthy again: AZUL once more
        r.azulSaleBreakerOpen = false;
        r.azulAttempt = Router::AzulAttempt::Failed;
        const auto again = Router::route(r);
        QVERIFY(again.ok());
        QCOMPARE(again->provider, Router::Provider::Azul);
    }

    void neverAfterUnknown()
    {
        // given an ambiguous AZUL attempt, even with the breaker open and a Stripe card
        Request r;
        r.currency = QStringLiteral("DOP");
        r.azulAttempt = Router::AzulAttempt::Unknown;
        r.azulSaleBreakerOpen = true;
        r.dealerHasStripePaymentMethod = true;
        const auto d = Router::route(r);
        // then no route at all
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, QStringLiteral("routing.unknown_pending"));
    }

    void neverAfterSuccess()
    {
        Request r;
        r.currency = QStringLiteral("DOP");
        r.azulAttempt = Router::AzulAttempt::Succeeded;
        r.dealerHasStripePaymentMethod = true;
        QCOMPARE(Router::route(r).error().code, QStringLiteral("routing.already_charged"));
    }

    void refundsNeverRerouted()
    {
        // given an AZUL payment with AZUL's breaker open and a Stripe card on file
        Request r;
        r.kind = Request::Kind::Refund;
        r.currency = QStringLiteral("DOP");
        r.capturingProvider = Router::Provider::Azul;
        r.azulSaleBreakerOpen = true;
        r.dealerHasStripePaymentMethod = true;
        const auto d = Router::route(r);
        // then the refund still goes to AZUL
        QVERIFY(d.ok());
        QCOMPARE(d->provider, Router::Provider::Azul);
        QVERIFY(!d->fallback);
        // and a Stripe-captured DOP payment refunds through Stripe
        r.capturingProvider = Router::Provider::Stripe;
        QCOMPARE(Router::route(r)->provider, Router::Provider::Stripe);
        r.capturingProvider.reset();
        QCOMPARE(Router::route(r).error().code, QStringLiteral("routing.refund_without_provider"));
    }

    void routesAroundTheLiveSaleBreaker()
    {
        // given this process's breakers, AZUL sales failing until the breaker opens
        auto clock = std::make_shared<ManualClock>();
        BreakerRegistry breakers({}, clock);
        QVERIFY(!Router::azulSaleBreakerOpen(breakers)); // never used: closed
        auto sale = breakers.breaker({QStringLiteral("azul"), QStringLiteral("sale"), QStringLiteral("pagos")});
        for (int i = 0; i < 5; ++i)
            sale->record(sale->tryAcquire(), true);
        Request r;
        r.currency = QStringLiteral("DOP");
        r.dealerHasStripePaymentMethod = true;
        r.azulSaleBreakerOpen = Router::azulSaleBreakerOpen(breakers);
        // then a new charge goes to Stripe
        QVERIFY(r.azulSaleBreakerOpen);
        QCOMPARE(Router::route(r)->provider, Router::Provider::Stripe);
        // a failing refund operation does not count: only the sale breaker does
        BreakerRegistry other({}, clock);
        auto refund = other.breaker({QStringLiteral("azul"), QStringLiteral("refund"), QStringLiteral("pagos")});
        for (int i = 0; i < 5; ++i)
            refund->record(refund->tryAcquire(), true);
        QVERIFY(!Router::azulSaleBreakerOpen(other));
        // when the wait is over (half-open), new charges go back to AZUL to become the probe
        clock->advance(30'000);
        QVERIFY(!Router::azulSaleBreakerOpen(breakers));
        r.azulSaleBreakerOpen = Router::azulSaleBreakerOpen(breakers);
        QCOMPARE(Router::route(r)->provider, Router::Provider::Azul);
    }

    void unsupportedCurrency()
    {
        Request r;
        r.currency = QStringLiteral("EUR");
        QCOMPARE(Router::route(r).error().code, QStringLiteral("routing.currency_unsupported"));
    }
};

QTEST_GUILESS_MAIN(TestPaymentRouter)
#include "tst_paymentrouter.moc"
