// StripeClient against the real Stripe simulator (okla-sim): refunds with idempotency, typed
// errors, retry hints, subscriptions, invoices, search and the portal.
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include "integration/asyncwait.h"
#include "integration/providersimfixture.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/providers/stripe/stripeoperations.h"
#include "services/resilience/resiliencemanager.h"

using namespace okla::services;
using namespace okla::services::stripe;
using okla::tests::await;
using Kind = http::HttpOutcome::Kind;
using okla::models::Currency;
using okla::models::Money;

class TestStripeClient : public QObject
{
    Q_OBJECT

    okla::tests::ProviderSimFixture m_sim;
    StripeConfig m_config;
    std::unique_ptr<StripeClient> m_client;

    static Money usd(qint64 cents) { return Money::fromMinor(cents, Currency::USD); }
    static QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

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

    /// A succeeded charge of @p amount (USD cents) through a confirmed PaymentIntent.
    QString paidCharge(qint64 amount, const QString &customer = {})
    {
        StripeFormEncoder f;
        f.add("amount", amount).add("currency", "usd").add("payment_method", "pm_card_visa").add("confirm", true);
        if (!customer.isEmpty())
            f.add("customer", customer);
        const StripeOutcome pi = post("/v1/payment_intents", f, "payment_intent");
        if (!pi.ok())
            qWarning() << pi.toError().toString();
        return pi.object().value("latest_charge").toString();
    }

private slots:
    void initTestCase()
    {
        const QString error = m_sim.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto config = m_sim.stripeConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        m_config = config.value();
        m_client = std::make_unique<StripeClient>(m_config);
    }

    void overRefundIsRejectedWithTheProvidersMessage()
    {
        // given a charge of $10.00 with $6.00 refunded
        const QString charge = paidCharge(1000);
        QVERIFY(charge.startsWith(QStringLiteral("ch_")));
        const StripeOutcome first = await(m_client->send(StripeClient::createRefund(uuid(), charge, {}, usd(600))));
        QVERIFY2(first.ok(), qPrintable(first.toError().toString()));
        // when refunding $5.00 more
        const StripeOutcome over = await(m_client->send(StripeClient::createRefund(uuid(), charge, {}, usd(500))));
        // then Stripe's error, typed, with its message as detail
        QCOMPARE(over.httpStatus, 400);
        QCOMPARE(over.response.kind, StripeResponse::Kind::ApiError);
        QCOMPARE(over.response.error.type, QStringLiteral("invalid_request_error"));
        QCOMPARE(over.response.error.param, QStringLiteral("amount"));
        QVERIFY2(over.response.error.message.contains(QStringLiteral("greater than unrefunded amount")), qPrintable(over.response.error.message));
        QVERIFY(over.toError().detail.contains(QStringLiteral("greater than unrefunded amount")));
        QVERIFY(over.toError().detail.contains(over.requestId));
        QVERIFY(!over.toAttemptReport().isBreakerFailure());
    }

    void idempotentReplayReturnsTheSameRefund()
    {
        // given one prepared refund request (the OKLA refund row's uuid is its key)
        const QString charge = paidCharge(2000);
        const QString oklaId = uuid();
        const StripeRequest request = StripeClient::createRefund(oklaId, charge, {}, usd(700), QStringLiteral("requested_by_customer"));
        // when it is sent twice (a retry after a lost answer)
        const StripeOutcome a = await(m_client->send(request));
        const StripeOutcome b = await(m_client->send(request));
        // then the same refund comes back and Stripe did it once
        QVERIFY2(a.ok(), qPrintable(a.toError().toString()));
        QVERIFY2(b.ok(), qPrintable(b.toError().toString()));
        auto ra = a.refund(), rb = b.refund();
        QVERIFY(ra.ok() && rb.ok());
        QCOMPARE(rb->id, ra->id);
        QCOMPARE(ra->metadata.value("okla_id"), oklaId);
        QCOMPARE(a.idempotencyKey, oklaId);
        const QJsonObject counted = m_sim.keyCount(false, QStringLiteral("Idempotency-Key"), oklaId);
        QCOMPARE(counted.value("requests").toInt(), 2);
        QCOMPARE(counted.value("effects").toInt(), 1);
        // and the same key with other parameters is refused
        const StripeOutcome other = await(m_client->send(StripeClient::createRefund(oklaId, charge, {}, usd(800))));
        QCOMPARE(other.response.error.type, QStringLiteral("idempotency_error"));
        // list by charge and retrieve agree
        StripeListParams params;
        params.filters = {{"charge", charge}};
        auto page = await(m_client->listRefunds(params)).page();
        QVERIFY(page.ok());
        QCOMPARE(page->data.size(), 1);
        const StripeOutcome fetched = await(m_client->retrieveRefund(ra->id));
        QCOMPARE(fetched.refund()->amount, 700);
    }

    void fullyRefundedChargeIsTyped()
    {
        const QString charge = paidCharge(300);
        QVERIFY(await(m_client->send(StripeClient::createRefund(uuid(), charge, {}, std::nullopt))).ok());
        const StripeOutcome again = await(m_client->send(StripeClient::createRefund(uuid(), charge, {}, std::nullopt)));
        QCOMPARE(again.response.error.code, QStringLiteral("charge_already_refunded"));
        QCOMPARE(again.toError().code, QStringLiteral("stripe.invalid_request_error.charge_already_refunded"));
    }

    void requestIdAndVersionAndRetryHints()
    {
        // given a 429 the simulator marks Stripe-Should-Retry: true
        m_sim.addFault(false, {{"operation", "refunds.list"}, {"kind", "429"}, {"should_retry", true}, {"count", 1}});
        // when
        const StripeOutcome limited = await(m_client->listRefunds({}));
        const StripeOutcome fine = await(m_client->listRefunds({}));
        // then the hint reaches the retry policy, and every answer has a Request-Id
        QCOMPARE(limited.httpStatus, 429);
        QCOMPARE(limited.shouldRetry, std::optional<bool>(true));
        QCOMPARE(limited.toAttemptReport().stripeShouldRetry, std::optional<bool>(true));
        QVERIFY(limited.requestId.startsWith(QStringLiteral("req_")));
        QVERIFY(fine.ok());
        QVERIFY(fine.requestId.startsWith(QStringLiteral("req_")));
    }

    void serverErrorIsTypedAndABreakerFailure()
    {
        // (HTML pages from a proxy are covered by tst_stripeform: the simulator answers JSON)
        m_sim.addFault(false, {{"operation", "charges.list"}, {"kind", "http5xx"}, {"status", 502}, {"count", 1}});
        const StripeOutcome out = await(m_client->listCharges({}));
        QVERIFY(!out.ok());
        QCOMPARE(out.httpStatus, 502);
        QCOMPARE(out.response.error.type, QStringLiteral("api_error"));
        QCOMPARE(out.toError().code, QStringLiteral("stripe.api_error"));
        QVERIFY(out.toAttemptReport().isBreakerFailure());
    }

    void resetThenRetryWithTheSameKeyRefundsOnce()
    {
        // given a refund whose first attempt is reset before Stripe acts
        const QString charge = paidCharge(900);
        const QString oklaId = uuid();
        const StripeRequest request = StripeClient::createRefund(oklaId, charge, {}, usd(400));
        m_sim.addFault(false, {{"operation", "refunds.create"}, {"kind", "reset"}, {"count", 1}});
        // when
        const StripeOutcome reset = await(m_client->send(request));
        const StripeOutcome retried = await(m_client->send(request));
        // then: sent without an answer (QNAM's own silent resend is blocked), then one refund
        QCOMPARE(reset.transport, Kind::NoCompleteAnswer);
        QCOMPARE(reset.failure, http::HttpOutcome::Failure::ConnectionReset);
        QCOMPARE(reset.toAttemptReport().transport, okla::services::AttemptReport::Transport::SentNoAnswer);
        QVERIFY2(retried.ok(), qPrintable(retried.toError().toString()));
        QCOMPARE(retried.idempotencyKey, reset.idempotencyKey);
        const QJsonObject counted = m_sim.keyCount(false, QStringLiteral("Idempotency-Key"), oklaId);
        QCOMPARE(counted.value("requests").toInt(), 2);
        QCOMPARE(counted.value("effects").toInt(), 1);
    }

    void timeoutIsNoCompleteAnswer()
    {
        StripeConfig slow = m_config;
        slow.timeoutMs = 500;
        StripeClient client(slow);
        m_sim.addFault(false, {{"operation", "customers.list"}, {"kind", "latency"}, {"latency_ms", 2000}, {"count", 1}});
        const StripeOutcome timedOut = await(client.listCustomers({}));
        QCOMPARE(timedOut.transport, Kind::NoCompleteAnswer);
        QCOMPARE(timedOut.failure, http::HttpOutcome::Failure::Timeout);
        QVERIFY(timedOut.toAttemptReport().timedOut);
    }

    void badKeyIsTyped()
    {
        StripeConfig wrong = m_config;
        wrong.secretKey = "sk_test_wrong";
        StripeClient client(wrong);
        const StripeOutcome out = await(client.listCustomers({}));
        QCOMPARE(out.httpStatus, 401);
        // its own code: an over-refund is stripe.invalid_request_error, a refused key is not
        QCOMPARE(out.toError().code, QStringLiteral("stripe.authentication_error"));
        QVERIFY(!out.toError().detail.contains(QStringLiteral("sk_test_wrong")));
    }

    void overlongIdempotencyKeyIsRefusedBeforeSending()
    {
        StripeRequest r = StripeClient::payInvoice(QStringLiteral("in_1"), QString(256, u'k'));
        const StripeOutcome out = await(m_client->send(r));
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.toError().code, QStringLiteral("stripe.request.idempotency_key"));
    }

    void customersChargesIntentsAndSearch()
    {
        StripeFormEncoder c;
        c.add("email", "dealer@example.do").add("name", "Autos Ñ").addMetadata({{"dealer_id", "42"}});
        const StripeOutcome customer = post("/v1/customers", c, "customer");
        QVERIFY2(customer.ok(), qPrintable(customer.toError().toString()));
        const QString cus = customer.object().value("id").toString();
        const QString charge = paidCharge(4200, cus);
        QCOMPARE(await(m_client->retrieveCustomer(cus)).object().value("name").toString(), QStringLiteral("Autos Ñ"));
        StripeListParams byCustomer;
        byCustomer.filters = {{"customer", cus}};
        QCOMPARE(await(m_client->listCharges(byCustomer)).page()->data.size(), 1);
        QCOMPARE(await(m_client->listPaymentIntents(byCustomer)).page()->data.size(), 1);
        const StripeOutcome ch = await(m_client->retrieveCharge(charge));
        QVERIFY(ch.ok());
        QCOMPARE(ch.object().value("amount").toInteger(), 4200);
        const QString pi = ch.object().value("payment_intent").toString();
        QVERIFY(await(m_client->retrievePaymentIntent(pi)).ok());
        const StripeOutcome found = await(m_client->searchCharges(QStringLiteral("customer:") + StripeClient::searchValue(cus)));
        QVERIFY2(found.ok(), qPrintable(found.toError().toString()));
        QCOMPARE(found.page()->data.first().toObject().value("id").toString(), charge);
        StripeListParams one;
        one.limit = 1;
        const StripeOutcome customers = await(m_client->listCustomers(one));
        QCOMPARE(customers.page()->data.size(), 1);
        QVERIFY(await(m_client->retrieveCustomer(QStringLiteral("cus_doesnotexist"))).toError().code.contains(QStringLiteral("resource_missing")));
    }

    void listsPageByPageWithinCreatedBounds()
    {
        // given three charges of one customer
        StripeFormEncoder c;
        c.add("email", "paging@example.do");
        const QString cus = post("/v1/customers", c, "customer").object().value("id").toString();
        QStringList made{paidCharge(1100, cus), paidCharge(1200, cus), paidCharge(1300, cus)};
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        // when listing them two at a time, created within the last hour
        StripeListParams params;
        params.limit = 2;
        params.filters = {{"customer", cus}};
        params.createdFrom = now - 3600;
        params.createdBefore = now + 3600;
        QStringList listed;
        int pages = 0;
        for (std::optional<StripeListParams> page = params; page; ++pages) {
            const StripeOutcome out = await(m_client->listCharges(*page));
            QVERIFY2(out.ok(), qPrintable(out.toError().toString()));
            const StripePage onePage = out.page().value();
            for (const QJsonValue &v : onePage.data)
                listed << v.toObject().value("id").toString();
            page = page->next(onePage);
        }
        // then every charge comes once, on two pages, and none outside the bounds
        QCOMPARE(pages, 2);
        listed.sort();
        made.sort();
        QCOMPARE(listed, made);
        params.createdFrom = now + 3600;
        params.createdBefore.reset();
        QVERIFY(await(m_client->listCharges(params)).page()->data.isEmpty());
    }

    void subscriptionsInvoicesAndPortal()
    {
        // given a customer with a card and a monthly price
        StripeFormEncoder c;
        c.add("email", "sub@example.do").add("payment_method", "pm_card_visa")
            .add("invoice_settings[default_payment_method]", "pm_card_visa");
        const StripeOutcome customer = post("/v1/customers", c, "customer");
        QVERIFY2(customer.ok(), qPrintable(customer.toError().toString()));
        const QString cus = customer.object().value("id").toString();
        auto price = [&](qint64 amount) {
            StripeFormEncoder p;
            p.add("unit_amount", amount).add("currency", "usd").add("recurring[interval]", "month").add("product_data[name]", "Plan");
            return post("/v1/prices", p, "price").object().value("id").toString();
        };
        const QString basic = price(2900), pro = price(7900);
        StripeFormEncoder s;
        s.add("customer", cus).addObjectList("items", {{{"price", basic}}});
        const StripeOutcome created = post("/v1/subscriptions", s, "subscription");
        QVERIFY2(created.ok(), qPrintable(created.toError().toString()));
        const QString sub = created.object().value("id").toString();
        const QString item = created.object().value("items").toObject().value("data").toArray().first().toObject().value("id").toString();

        // when / then: the subscription operations
        StripeListParams byCustomer;
        byCustomer.filters = {{"customer", cus}};
        QCOMPARE(await(m_client->listSubscriptions(byCustomer)).page()->data.size(), 1);
        QVERIFY(await(m_client->retrieveSubscription(sub)).ok());
        const StripeOutcome atEnd = await(m_client->send(StripeClient::cancelAtPeriodEnd(sub)));
        QVERIFY2(atEnd.ok(), qPrintable(atEnd.toError().toString()));
        QVERIFY(atEnd.object().value("cancel_at_period_end").toBool());
        const StripeOutcome changed = await(m_client->send(StripeClient::changePrice(sub, item, pro)));
        QVERIFY2(changed.ok(), qPrintable(changed.toError().toString()));
        QCOMPARE(changed.object().value("items").toObject().value("data").toArray().first().toObject()
                     .value("price").toObject().value("id").toString(), pro);

        const StripeOutcome invoices = await(m_client->listInvoices(byCustomer));
        QVERIFY2(invoices.ok(), qPrintable(invoices.toError().toString()));
        QVERIFY(!invoices.page()->data.isEmpty());
        const QString invoice = invoices.page()->data.first().toObject().value("id").toString();
        QVERIFY(await(m_client->retrieveInvoice(invoice)).ok());
        const StripeOutcome paid = await(m_client->send(StripeClient::payInvoice(invoice)));
        // paying an already paid invoice is a typed Stripe error, an open one succeeds
        QVERIFY(paid.ok() || paid.response.kind == StripeResponse::Kind::ApiError);

        const StripeOutcome portal = await(m_client->send(StripeClient::createPortalSession(cus, QStringLiteral("https://okla.do/return"))));
        QVERIFY2(portal.ok(), qPrintable(portal.toError().toString()));
        QVERIFY(portal.object().value("url").toString().startsWith(QStringLiteral("http")));

        const StripeOutcome now = await(m_client->send(StripeClient::cancelNow(sub)));
        QVERIFY2(now.ok(), qPrintable(now.toError().toString()));
        QCOMPARE(now.object().value("status").toString(), QStringLiteral("canceled"));
        const StripeOutcome searched = await(m_client->searchSubscriptions(QStringLiteral("status:'canceled'")));
        QVERIFY2(searched.ok(), qPrintable(searched.toError().toString()));
    }

    void shouldRetryIsHonouredWithTheSameKeyUnderResilience()
    {
        // given a refund whose first attempt gets 429 with Stripe-Should-Retry: true
        const QString charge = paidCharge(1200);
        const QString oklaId = uuid();
        m_sim.addFault(false, {{"operation", "refunds.create"}, {"kind", "429"}, {"should_retry", true}, {"count", 1}});
        ResilienceManager manager(nullptr, ResilienceManager::Options{});
        StripeOperations operations(*m_client, manager);
        // when
        const CallResult<StripeOutcome> call = await(operations.createRefund(oklaId, charge, {}, usd(500)));
        // then the policy retried once, with the same key, and Stripe refunded once
        QVERIFY(call.outcome.has_value());
        QVERIFY2(call.outcome->ok(), qPrintable(call.outcome->toError().toString()));
        QCOMPARE(call.summary.attempts.size(), 2);
        QCOMPARE(call.summary.attempts.first().report.httpStatus, 429);
        const QJsonObject counted = m_sim.keyCount(false, QStringLiteral("Idempotency-Key"), oklaId);
        QCOMPARE(counted.value("requests").toInt(), 2);
        QCOMPARE(counted.value("effects").toInt(), 1);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestStripeClient)
#include "tst_stripeclient.moc"
