// The Stripe simulator over real HTTP in its own okla-sim process on free ports with a
// throwaway database (docs/providers.md §11-§16, §18).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include "sandbox/sims/simhttpserver.h"
#include "sandbox/sims/simprocess.h"
#include "sandbox/sims/simtestenvironment.h"

using namespace okla::sandbox;

namespace {
QByteArray form(const QList<std::pair<QString, QString>> &pairs)
{
    QUrlQuery q;
    for (const auto &[k, v] : pairs)
        q.addQueryItem(k, QString::fromUtf8(QUrl::toPercentEncoding(v)));
    return q.query(QUrl::FullyEncoded).toUtf8();
}
} // namespace

class TestStripeSimulator : public QObject
{
    Q_OBJECT

private:
    SimTestEnvironment m_env;
    SimProcess m_sim;
    SimHttpClient m_client;

    SimHttpReply api(const QByteArray &method, const QString &path, const QList<std::pair<QString, QString>> &params = {},
                     const QByteArray &idempotencyKey = {}, int timeoutMs = 15000)
    {
        QList<std::pair<QByteArray, QByteArray>> headers{{"Authorization", QByteArray("Bearer ") + SimTestEnvironment::kStripeKey},
                                                         {"Stripe-Version", "2025-03-31.basil"}};
        if (!idempotencyKey.isEmpty())
            headers.emplaceBack("Idempotency-Key", idempotencyKey);
        QUrl url(m_sim.stripeUrl() + path);
        QByteArray body;
        if (method == "POST") {
            headers.emplaceBack("Content-Type", "application/x-www-form-urlencoded");
            body = form(params);
        } else if (!params.isEmpty()) {
            url.setQuery(QString::fromUtf8(form(params)));
        }
        return m_client.send(method, url, body, headers, timeoutMs);
    }

    static QJsonObject json(const SimHttpReply &r) { return QJsonDocument::fromJson(r.body).object(); }

    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        SimHttpClient c;
        return json(c.send(method, QUrl(m_sim.stripeUrl() + path), QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}}));
    }

    QString createCustomer(const QString &email = QStringLiteral("dealer@okla.com.do"))
    {
        return json(api("POST", QStringLiteral("/v1/customers"), {{QStringLiteral("email"), email}})).value(QStringLiteral("id")).toString();
    }

    /// A succeeded payment; returns its charge id.
    QString pay(const QString &customer, qint64 amount, const QString &pm = QStringLiteral("pm_card_visa"))
    {
        const QJsonObject pi = json(api("POST", QStringLiteral("/v1/payment_intents"),
                                        {{QStringLiteral("amount"), QString::number(amount)}, {QStringLiteral("currency"), QStringLiteral("usd")},
                                         {QStringLiteral("customer"), customer}, {QStringLiteral("payment_method"), pm},
                                         {QStringLiteral("confirm"), QStringLiteral("true")}}));
        return pi.value(QStringLiteral("latest_charge")).toString();
    }

private slots:
    void initTestCase()
    {
        const auto prepared = m_env.prepare();
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().toString()));
        const auto started = m_sim.start(m_env.options());
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    }

    void init()
    {
        control("DELETE", QStringLiteral("/_sim/faults"));
    }

    void authIsRequired()
    {
        SimHttpReply r = m_client.send("GET", QUrl(m_sim.stripeUrl() + QStringLiteral("/v1/charges")));
        QCOMPARE(r.status, 401);
        r = m_client.send("GET", QUrl(m_sim.stripeUrl() + QStringLiteral("/v1/charges")), {}, {{"Authorization", "Bearer sk_test_wrong"}});
        QCOMPARE(r.status, 401);
        QCOMPARE(json(r)[QStringLiteral("error")][QStringLiteral("type")].toString(), QStringLiteral("invalid_request_error"));
        QVERIFY(r.header("Request-Id").startsWith("req_"));
        r = api("GET", QStringLiteral("/v1/charges"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Request-Id").startsWith("req_"));
    }

    void testCardsDecideTheCharge_data()
    {
        QTest::addColumn<QString>("paymentMethod");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("declineCode");
        QTest::newRow("4242 succeeds") << "pm_card_visa" << 200 << "";
        QTest::newRow("0002 generic decline") << "pm_card_chargeDeclined" << 402 << "generic_decline";
        QTest::newRow("9995 insufficient funds") << "pm_card_chargeDeclinedInsufficientFunds" << 402 << "insufficient_funds";
    }

    void testCardsDecideTheCharge()
    {
        QFETCH(QString, paymentMethod);
        QFETCH(int, status);
        QFETCH(QString, declineCode);
        const QString customer = createCustomer();
        const SimHttpReply r = api("POST", QStringLiteral("/v1/payment_intents"),
                                   {{QStringLiteral("amount"), QStringLiteral("4900")}, {QStringLiteral("currency"), QStringLiteral("usd")},
                                    {QStringLiteral("customer"), customer}, {QStringLiteral("payment_method"), paymentMethod},
                                    {QStringLiteral("confirm"), QStringLiteral("true")}});
        QCOMPARE(r.status, status);
        const QJsonObject body = json(r);
        if (status == 200) {
            QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
            const QJsonObject charge = json(api("GET", QStringLiteral("/v1/charges/") + body.value(QStringLiteral("latest_charge")).toString()));
            QCOMPARE(charge[QStringLiteral("payment_method_details")][QStringLiteral("card")][QStringLiteral("last4")].toString(), QStringLiteral("4242"));
            QCOMPARE(charge.value(QStringLiteral("paid")).toBool(), true);
        } else {
            const QJsonObject error = body.value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("card_error"));
            QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("card_declined"));
            QCOMPARE(error.value(QStringLiteral("decline_code")).toString(), declineCode);
            QCOMPARE(error[QStringLiteral("payment_intent")][QStringLiteral("status")].toString(), QStringLiteral("requires_payment_method"));
        }
    }

    void refundRulesAndMessages()
    {
        // given a 20.00 charge with 15.00 already refunded
        const QString charge = pay(createCustomer(), 2000);
        QVERIFY(charge.startsWith(QLatin1String("ch_")));
        SimHttpReply r = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), charge}, {QStringLiteral("amount"), QStringLiteral("1500")}},
                             "refund-rules-1");
        QCOMPARE(r.status, 200);
        // when 20.00 more is asked / then 400 with Stripe's message and param amount
        r = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), charge}, {QStringLiteral("amount"), QStringLiteral("2000")}}, "refund-rules-2");
        QCOMPARE(r.status, 400);
        QJsonObject error = json(r).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
        QCOMPARE(error.value(QStringLiteral("param")).toString(), QStringLiteral("amount"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Refund amount ($20.00) is greater than unrefunded amount on charge ($5.00)"));
        // the remainder (no amount) passes; then the charge is fully refunded
        r = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), charge}}, "refund-rules-3");
        QCOMPARE(json(r).value(QStringLiteral("amount")).toInt(), 500);
        r = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), charge}}, "refund-rules-4");
        QCOMPARE(r.status, 400);
        error = json(r).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("charge_already_refunded"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("Charge %1 has already been refunded.").arg(charge));
        const QJsonObject ch = json(api("GET", QStringLiteral("/v1/charges/") + charge));
        QCOMPARE(ch.value(QStringLiteral("amount_refunded")).toInt(), 2000);
        QCOMPARE(ch.value(QStringLiteral("refunded")).toBool(), true);
        const QJsonObject list = json(api("GET", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), charge}}));
        QCOMPARE(list.value(QStringLiteral("data")).toArray().size(), 2);
        // an unknown charge is resource_missing
        r = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), QStringLiteral("ch_missing")}}, "refund-rules-5");
        QCOMPARE(r.status, 404);
        QCOMPARE(json(r)[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("resource_missing"));
    }

    void idempotentReplayReturnsTheSameRefund()
    {
        const QString charge = pay(createCustomer(), 3000);
        const QList<std::pair<QString, QString>> params{{QStringLiteral("charge"), charge}, {QStringLiteral("amount"), QStringLiteral("1000")},
                                                        {QStringLiteral("metadata[okla_id]"), QStringLiteral("3f9c2a1e-5b7d-4c1e-9a0b-6d2f8e4c1a77")}};
        // when the same key is sent twice
        const SimHttpReply first = api("POST", QStringLiteral("/v1/refunds"), params, "idem-replay-1");
        const SimHttpReply second = api("POST", QStringLiteral("/v1/refunds"), params, "idem-replay-1");
        // then the same refund comes back and only one took effect
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(json(api("GET", QStringLiteral("/v1/charges/") + charge)).value(QStringLiteral("amount_refunded")).toInt(), 1000);
        // other parameters with the same key: 400 idempotency_error
        const SimHttpReply mismatch = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), charge}, {QStringLiteral("amount"), QStringLiteral("999")}},
                                          "idem-replay-1");
        QCOMPARE(mismatch.status, 400);
        QCOMPARE(json(mismatch)[QStringLiteral("error")][QStringLiteral("type")].toString(), QStringLiteral("idempotency_error"));
        const QJsonObject counters = control("GET", QStringLiteral("/_sim/counters"));
        const QJsonObject perKey = counters[QStringLiteral("keys")][QStringLiteral("Idempotency-Key")][QStringLiteral("idem-replay-1")].toObject();
        QCOMPARE(perKey.value(QStringLiteral("requests")).toInt(), 3);
        QCOMPARE(perKey.value(QStringLiteral("effects")).toInt(), 1);
    }

    void sameKeyInFlightIsA409()
    {
        const QString charge = pay(createCustomer(), 3000);
        control("POST", QStringLiteral("/_sim/faults"), {{QStringLiteral("operation"), QStringLiteral("refunds.create")},
                                                         {QStringLiteral("kind"), QStringLiteral("latency")}, {QStringLiteral("latency_ms"), 1500},
                                                         {QStringLiteral("count"), 1}});
        // given a slow first request (sent without waiting)
        QNetworkAccessManager slowClient;
        QNetworkRequest request(QUrl(m_sim.stripeUrl() + QStringLiteral("/v1/refunds")));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + SimTestEnvironment::kStripeKey);
        request.setRawHeader("Idempotency-Key", "inflight-1");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *slow = slowClient.post(request, form({{QStringLiteral("charge"), charge}, {QStringLiteral("amount"), QStringLiteral("100")}}));
        QSignalSpy done(slow, &QNetworkReply::finished);
        QTest::qWait(300);
        // when the same key arrives meanwhile / then 409 idempotency_key_in_use
        const SimHttpReply r = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), charge}, {QStringLiteral("amount"), QStringLiteral("100")}},
                                   "inflight-1");
        QCOMPARE(r.status, 409);
        QCOMPARE(json(r)[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("idempotency_key_in_use"));
        QVERIFY(done.wait(10000));
        QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        slow->deleteLater();
    }

    void timeoutAfterCommitThenReplay()
    {
        const QString charge = pay(createCustomer(), 5000);
        control("POST", QStringLiteral("/_sim/faults"), {{QStringLiteral("operation"), QStringLiteral("refunds.create")},
                                                         {QStringLiteral("kind"), QStringLiteral("timeout_after_commit")}, {QStringLiteral("count"), 1}});
        const QList<std::pair<QString, QString>> params{{QStringLiteral("charge"), charge}, {QStringLiteral("amount"), QStringLiteral("2500")}};
        // when the refund times out on the client
        const SimHttpReply lost = api("POST", QStringLiteral("/v1/refunds"), params, "tac-1", 1500);
        QCOMPARE(lost.status, 0);
        // then the retry with the same key replays the stored refund and nothing is refunded twice
        const SimHttpReply retry = api("POST", QStringLiteral("/v1/refunds"), params, "tac-1");
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(json(api("GET", QStringLiteral("/v1/charges/") + charge)).value(QStringLiteral("amount_refunded")).toInt(), 2500);
    }

    void rateLimitWithAndWithoutShouldRetry()
    {
        control("POST", QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("operation"), QStringLiteral("customers.list")},
                                                                    {QStringLiteral("kind"), QStringLiteral("429")}, {QStringLiteral("count"), 1},
                                                                    {QStringLiteral("should_retry"), true}});
        SimHttpReply r = api("GET", QStringLiteral("/v1/customers"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Stripe-Should-Retry"), QByteArray("true"));
        QCOMPARE(json(r)[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("rate_limit"));
        control("POST", QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("operation"), QStringLiteral("customers.list")},
                                                                    {QStringLiteral("kind"), QStringLiteral("429")}, {QStringLiteral("count"), 1}});
        r = api("GET", QStringLiteral("/v1/customers"));
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Stripe-Should-Retry").isEmpty());
        QCOMPARE(api("GET", QStringLiteral("/v1/customers")).status, 200);
    }

    void serverErrorAndDeclineFaults()
    {
        const QString customer = createCustomer();
        control("POST", QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("operation"), QStringLiteral("payment_intents.create")},
                                                                    {QStringLiteral("kind"), QStringLiteral("http5xx")}, {QStringLiteral("status"), 500},
                                                                    {QStringLiteral("count"), 1}});
        const QList<std::pair<QString, QString>> params{{QStringLiteral("amount"), QStringLiteral("1200")}, {QStringLiteral("currency"), QStringLiteral("usd")},
                                                        {QStringLiteral("customer"), customer}, {QStringLiteral("payment_method"), QStringLiteral("pm_card_visa")},
                                                        {QStringLiteral("confirm"), QStringLiteral("true")}};
        // a 500 takes no effect and is not stored for the key
        SimHttpReply r = api("POST", QStringLiteral("/v1/payment_intents"), params, "fault-pi-1");
        QCOMPARE(r.status, 500);
        QCOMPARE(json(r)[QStringLiteral("error")][QStringLiteral("type")].toString(), QStringLiteral("api_error"));
        QCOMPARE(json(api("GET", QStringLiteral("/v1/charges"), {{QStringLiteral("customer"), customer}})).value(QStringLiteral("data")).toArray().size(), 0);
        r = api("POST", QStringLiteral("/v1/payment_intents"), params, "fault-pi-1");
        QCOMPARE(r.status, 200);
        // a decline fault turns the 4242 card down
        control("POST", QStringLiteral("/_sim/faults"), QJsonObject{{QStringLiteral("operation"), QStringLiteral("payment_intents.create")},
                                                                    {QStringLiteral("kind"), QStringLiteral("decline")},
                                                                    {QStringLiteral("decline_code"), QStringLiteral("insufficient_funds")}, {QStringLiteral("count"), 1}});
        r = api("POST", QStringLiteral("/v1/payment_intents"), params, "fault-pi-2");
        QCOMPARE(r.status, 402);
        QCOMPARE(json(r)[QStringLiteral("error")][QStringLiteral("decline_code")].toString(), QStringLiteral("insufficient_funds"));
    }

    void paginationWalksEveryObjectOnce()
    {
        const QString marker = QStringLiteral("page-%1@okla.com.do").arg(QDateTime::currentMSecsSinceEpoch());
        QStringList created;
        for (int i = 0; i < 5; ++i)
            created.prepend(createCustomer(marker)); // newest first, as lists are
        QStringList seen;
        QString after;
        bool hasMore = true;
        while (hasMore) {
            QList<std::pair<QString, QString>> params{{QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("email"), marker}};
            if (!after.isEmpty())
                params.emplaceBack(QStringLiteral("starting_after"), after);
            const QJsonObject page = json(api("GET", QStringLiteral("/v1/customers"), params));
            QCOMPARE(page.value(QStringLiteral("object")).toString(), QStringLiteral("list"));
            for (const QJsonValue &c : page.value(QStringLiteral("data")).toArray())
                seen.append(c[QStringLiteral("id")].toString());
            hasMore = page.value(QStringLiteral("has_more")).toBool();
            after = seen.last();
            QVERIFY(seen.size() <= 5);
        }
        QCOMPARE(seen, created);
        // ending_before walks back
        const QJsonObject back = json(api("GET", QStringLiteral("/v1/customers"), {{QStringLiteral("limit"), QStringLiteral("2")},
                                                                                   {QStringLiteral("email"), marker},
                                                                                   {QStringLiteral("ending_before"), created.at(4)}}));
        const QJsonArray data = back.value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 2);
        QCOMPARE(data.at(0)[QStringLiteral("id")].toString(), created.at(2));
        QCOMPARE(data.at(1)[QStringLiteral("id")].toString(), created.at(3));
        QCOMPARE(api("GET", QStringLiteral("/v1/customers"), {{QStringLiteral("limit"), QStringLiteral("101")}}).status, 400);
    }

    void searchChargesAndSubscriptions()
    {
        const QString customer = createCustomer();
        const QString full = pay(customer, 1000);
        const QString partial = pay(customer, 1000);
        const QString untouched = pay(customer, 1000);
        api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), full}}, "search-full");
        api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), partial}, {QStringLiteral("amount"), QStringLiteral("10")}}, "search-partial");
        auto search = [&](const QString &query) {
            QStringList ids;
            const QJsonObject r = json(api("GET", QStringLiteral("/v1/charges/search"), {{QStringLiteral("query"), query}}));
            for (const QJsonValue &c : r.value(QStringLiteral("data")).toArray())
                ids.append(c[QStringLiteral("id")].toString());
            return ids;
        };
        QCOMPARE(search(QStringLiteral("customer:'%1' AND refunded:'true'").arg(customer)), QStringList{full});
        QCOMPARE(search(QStringLiteral("customer:'%1' AND refunded:'false'").arg(customer)), QStringList{partial});
        QCOMPARE(search(QStringLiteral("customer:'%1' AND refunded:null").arg(customer)), QStringList{untouched});
        QCOMPARE(search(QStringLiteral("customer:'%1' AND payment_method_details.card.last4:'4242'").arg(customer)).size(), 3);
        QCOMPARE(search(QStringLiteral("customer:'%1' AND -refunded:null").arg(customer)).size(), 2);
        QCOMPARE(api("GET", QStringLiteral("/v1/charges/search"), {{QStringLiteral("query"), QStringLiteral("a:'1' AND b:'2' OR c:'3'")}}).status, 400);
    }

    void subscriptionLifecycle()
    {
        // given a monthly price, another price and a customer whose card charges fine
        const QString customer = createCustomer();
        auto price = [&](const QString &amount) {
            return json(api("POST", QStringLiteral("/v1/prices"), {{QStringLiteral("unit_amount"), amount}, {QStringLiteral("currency"), QStringLiteral("usd")},
                                                                   {QStringLiteral("recurring[interval]"), QStringLiteral("month")},
                                                                   {QStringLiteral("product"), QStringLiteral("prod_dealer_plan")}}))
                .value(QStringLiteral("id")).toString();
        };
        const QString basic = price(QStringLiteral("4900"));
        const QString pro = price(QStringLiteral("9900"));
        const QString pm = json(api("POST", QStringLiteral("/v1/payment_methods"), {{QStringLiteral("type"), QStringLiteral("card")},
                                                                                    {QStringLiteral("card[number]"), QStringLiteral("4242424242424242")}}))
                               .value(QStringLiteral("id")).toString();
        QCOMPARE(api("POST", QStringLiteral("/v1/payment_methods/") + pm + QStringLiteral("/attach"), {{QStringLiteral("customer"), customer}}).status, 200);
        const QString dealer = QString::number(QDateTime::currentMSecsSinceEpoch());
        QJsonObject sub = json(api("POST", QStringLiteral("/v1/subscriptions"), {{QStringLiteral("customer"), customer},
                                                                                 {QStringLiteral("items[0][price]"), basic},
                                                                                 {QStringLiteral("metadata[dealer_id]"), dealer}}));
        const QString subId = sub.value(QStringLiteral("id")).toString();
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        const QString itemId = sub[QStringLiteral("items")][QStringLiteral("data")][0][QStringLiteral("id")].toString();
        const qint64 periodEnd = qint64(sub[QStringLiteral("items")][QStringLiteral("data")][0][QStringLiteral("current_period_end")].toDouble());
        QVERIFY(periodEnd > QDateTime::currentSecsSinceEpoch() + 27 * 24 * 3600);
        // the first invoice is paid and linked through parent.subscription_details
        const QJsonObject invoice = json(api("GET", QStringLiteral("/v1/invoices/") + sub.value(QStringLiteral("latest_invoice")).toString()));
        QCOMPARE(invoice.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        QCOMPARE(invoice[QStringLiteral("parent")][QStringLiteral("subscription_details")][QStringLiteral("subscription")].toString(), subId);
        // search by metadata
        const QJsonObject found = json(api("GET", QStringLiteral("/v1/subscriptions/search"),
                                           {{QStringLiteral("query"), QStringLiteral("status:'active' AND metadata['dealer_id']:'%1'").arg(dealer)}}));
        QCOMPARE(found.value(QStringLiteral("data")).toArray().size(), 1);
        // change price (no proration) and cancel at period end
        sub = json(api("POST", QStringLiteral("/v1/subscriptions/") + subId, {{QStringLiteral("items[0][id]"), itemId}, {QStringLiteral("items[0][price]"), pro},
                                                                             {QStringLiteral("proration_behavior"), QStringLiteral("none")},
                                                                             {QStringLiteral("cancel_at_period_end"), QStringLiteral("true")}}));
        QCOMPARE(sub[QStringLiteral("items")][QStringLiteral("data")][0][QStringLiteral("price")][QStringLiteral("id")].toString(), pro);
        QCOMPARE(sub.value(QStringLiteral("cancel_at_period_end")).toBool(), true);
        // when the clock passes the period end / then the subscription is canceled
        control("POST", QStringLiteral("/_sim/clock"), {{QStringLiteral("set"), double(periodEnd + 60)}});
        sub = json(api("GET", QStringLiteral("/v1/subscriptions/") + subId));
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("canceled"));
        control("POST", QStringLiteral("/_sim/clock"), {{QStringLiteral("reset"), true}});
    }

    void dunningOnAFailingCard()
    {
        // given a customer whose card attaches but whose charges fail (4000000000000341)
        const QString customer = createCustomer();
        const QString price = json(api("POST", QStringLiteral("/v1/prices"), {{QStringLiteral("unit_amount"), QStringLiteral("4900")},
                                                                              {QStringLiteral("currency"), QStringLiteral("usd")},
                                                                              {QStringLiteral("product"), QStringLiteral("prod_dealer_plan")}}))
                                  .value(QStringLiteral("id")).toString();
        const QString pm = json(api("POST", QStringLiteral("/v1/payment_methods"), {{QStringLiteral("type"), QStringLiteral("card")},
                                                                                    {QStringLiteral("card[number]"), QStringLiteral("4000000000000341")}}))
                               .value(QStringLiteral("id")).toString();
        api("POST", QStringLiteral("/v1/payment_methods/") + pm + QStringLiteral("/attach"), {{QStringLiteral("customer"), customer}});
        const QJsonObject sub = json(api("POST", QStringLiteral("/v1/subscriptions"), {{QStringLiteral("customer"), customer},
                                                                                       {QStringLiteral("items[0][price]"), price}}));
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("incomplete"));
        const QString invoiceId = sub.value(QStringLiteral("latest_invoice")).toString();
        QJsonObject invoice = json(api("GET", QStringLiteral("/v1/invoices/") + invoiceId));
        QCOMPARE(invoice.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(invoice.value(QStringLiteral("attempt_count")).toInt(), 1);
        QVERIFY(!invoice.value(QStringLiteral("next_payment_attempt")).isNull());
        // when paid again by hand / then 402 and a second attempt
        const SimHttpReply pay = api("POST", QStringLiteral("/v1/invoices/") + invoiceId + QStringLiteral("/pay"), {}, "dunning-pay-1");
        QCOMPARE(pay.status, 402);
        QCOMPARE(json(pay)[QStringLiteral("error")][QStringLiteral("decline_code")].toString(), QStringLiteral("generic_decline"));
        invoice = json(api("GET", QStringLiteral("/v1/invoices/") + invoiceId));
        QCOMPARE(invoice.value(QStringLiteral("attempt_count")).toInt(), 2);
        // the decline reason is reachable through invoice_payments
        const QJsonObject payments = json(api("GET", QStringLiteral("/v1/invoice_payments"), {{QStringLiteral("invoice"), invoiceId},
                                                                                              {QStringLiteral("expand[]"), QStringLiteral("data.payment.payment_intent")}}));
        QCOMPARE(payments[QStringLiteral("data")][0][QStringLiteral("payment")][QStringLiteral("payment_intent")][QStringLiteral("last_payment_error")]
                     [QStringLiteral("decline_code")].toString(), QStringLiteral("generic_decline"));
        // cancel now
        const QJsonObject canceled = json(api("DELETE", QStringLiteral("/v1/subscriptions/") + sub.value(QStringLiteral("id")).toString()));
        QCOMPARE(canceled.value(QStringLiteral("status")).toString(), QStringLiteral("canceled"));
        // portal session for the customer
        const QJsonObject portal = json(api("POST", QStringLiteral("/v1/billing_portal/sessions"), {{QStringLiteral("customer"), customer},
                                                                                                    {QStringLiteral("return_url"), QStringLiteral("https://okla.com.do")}}));
        QCOMPARE(portal.value(QStringLiteral("object")).toString(), QStringLiteral("billing_portal.session"));
        QVERIFY(!portal.value(QStringLiteral("url")).toString().isEmpty());
    }

    void webhooksAreSignedAndRetried()
    {
        // given a receiver that fails the first delivery and accepts the next
        QList<SimRequest> received;
        SimHttpServer receiver([&received](const SimExchangePtr &e) {
            received.append(e->request());
            e->reply(SimResponse{received.size() == 1 ? 500 : 200, {}, "{}"});
        });
        QVERIFY(receiver.listen(QHostAddress::LocalHost, 0));
        control("POST", QStringLiteral("/_sim/webhook"), {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/hooks/stripe").arg(receiver.port())},
                                                          {QStringLiteral("secrets"), QJsonArray{QStringLiteral("whsec_test_secret"), QStringLiteral("whsec_new_secret")}}});
        // when a customer is created
        const QString customer = createCustomer(QStringLiteral("hook@okla.com.do"));
        // then customer.created arrives twice (500, then retried), signed with both secrets
        QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 2, 15000);
        for (const SimRequest &req : received.mid(0, 2)) {
            const QJsonObject event = QJsonDocument::fromJson(req.body).object();
            QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("customer.created"));
            QCOMPARE(event[QStringLiteral("data")][QStringLiteral("object")][QStringLiteral("id")].toString(), customer);
            const QList<QByteArray> parts = req.header("stripe-signature").split(',');
            QCOMPARE(parts.size(), 3);
            QVERIFY(parts.at(0).startsWith("t="));
            const QByteArray t = parts.at(0).mid(2);
            for (int i = 0; i < 2; ++i) {
                const QByteArray secret = i == 0 ? "whsec_test_secret" : "whsec_new_secret";
                const QByteArray expected = QMessageAuthenticationCode::hash(t + '.' + req.body, secret, QCryptographicHash::Sha256).toHex();
                QCOMPARE(parts.at(1 + i), QByteArray("v1=") + expected);
            }
        }
        QCOMPARE(QJsonDocument::fromJson(received.at(0).body).object().value(QStringLiteral("id")),
                 QJsonDocument::fromJson(received.at(1).body).object().value(QStringLiteral("id")));
        control("POST", QStringLiteral("/_sim/webhook"), {{QStringLiteral("url"), QString()}});
    }

    void stateSurvivesARestart()
    {
        const QString charge = pay(createCustomer(), 7700);
        m_sim.stop();
        const auto started = m_sim.start(m_env.options());
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const SimHttpReply r = api("GET", QStringLiteral("/v1/charges/") + charge);
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QStringLiteral("amount")).toInt(), 7700);
        // idempotency keys survive too
        const SimHttpReply replay = api("POST", QStringLiteral("/v1/refunds"), {{QStringLiteral("charge"), QStringLiteral("ch_missing")}}, "refund-rules-5");
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
    }

    void cleanupTestCase()
    {
        m_sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestStripeSimulator)
#include "tst_stripesimulator.moc"
