// Stripe form encoding (docs/providers.md §10) and response parsing, bad input included.
#include <QTest>

#include "services/providers/stripe/stripeclient.h"
#include "services/providers/stripe/stripeformencoder.h"
#include "services/providers/stripe/striperesponse.h"

using namespace okla::services::stripe;
using okla::models::Currency;
using okla::models::Money;

class TestStripeForm : public QObject
{
    Q_OBJECT
private slots:
    void specExample()
    {
        // given a refund with nested metadata and an expand list (docs/providers.md §10)
        StripeFormEncoder form;
        form.add("charge", "ch_1")
            .add("amount", 500)
            .add("reason", "requested_by_customer")
            .addMetadata({{"okla_id", "3f9c2a1e-5b7d-4c1e-9a0b-6d2f8e4c1a77"}, {"ticket", "T 9&x"}})
            .addList("expand", {"charge", "payment_intent"});
        // when
        const QByteArray encoded = form.encode();
        // then: byte for byte
        QCOMPARE(encoded, QByteArray("charge=ch_1&amount=500&reason=requested_by_customer"
                                     "&metadata[okla_id]=3f9c2a1e-5b7d-4c1e-9a0b-6d2f8e4c1a77"
                                     "&metadata[ticket]=T%209%26x&expand[0]=charge&expand[1]=payment_intent"));
        QVERIFY(form.validity().ok());
    }

    void arraysOfObjectsAndBooleans()
    {
        StripeFormEncoder form;
        form.addObjectList("items", {{{"price", "price_1"}, {"quantity", "2"}}, {{"id", "si_2"}, {"deleted", "true"}}})
            .add("cancel_at_period_end", true)
            .add("prorate", false);
        QCOMPARE(form.encode(), QByteArray("items[0][price]=price_1&items[0][quantity]=2&items[1][id]=si_2"
                                           "&items[1][deleted]=true&cancel_at_period_end=true&prorate=false"));
    }

    void utf8AndReservedCharacters()
    {
        StripeFormEncoder form;
        form.add("description", QStringLiteral("Señal = 50%+ ¿ok?/#"));
        QCOMPARE(form.encode(), QByteArray("description=Se%C3%B1al%20%3D%2050%25%2B%20%C2%BFok%3F%2F%23"));
    }

    void emptyValueUnsets()
    {
        StripeFormEncoder form;
        form.addMetadata({{"k", ""}});
        QCOMPARE(form.encode(), QByteArray("metadata[k]="));
    }

    void metadataLimits()
    {
        StripeFormEncoder longKey;
        longKey.addMetadata({{QString(41, u'k'), "v"}});
        QVERIFY(!longKey.validity().ok());
        StripeFormEncoder bracket;
        bracket.addMetadata({{"a[b]", "v"}});
        QVERIFY(!bracket.validity().ok());
        StripeFormEncoder longValue;
        longValue.addMetadata({{"k", QString(501, u'v')}});
        QVERIFY(!longValue.validity().ok());
        StripeFormEncoder many;
        StripeFormEncoder::Entries entries;
        for (int i = 0; i < 51; ++i)
            entries.append({QStringLiteral("k%1").arg(i), "v"});
        many.addMetadata(entries);
        QCOMPARE(many.validity().error().code, QStringLiteral("stripe.request.metadata"));
        StripeFormEncoder fine;
        fine.addMetadata({{QString(40, u'k'), QString(500, u'v')}});
        QVERIFY(fine.validity().ok());
    }

    void refundRequestCarriesOklaIdAsKeyAndMetadata()
    {
        const QString id = QStringLiteral("3f9c2a1e-5b7d-4c1e-9a0b-6d2f8e4c1a77");
        const StripeRequest r = StripeClient::createRefund(id, "ch_1", {}, Money::fromMinor(500, Currency::USD),
                                                           "requested_by_customer");
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.idempotencyKey, id);
        QCOMPARE(r.params.encode(), QByteArray("charge=ch_1&amount=500&reason=requested_by_customer&metadata[okla_id]=") + id.toLatin1());
    }

    void refundAmountIsPositiveMoney()
    {
        // given refunds of RD$0.00 and of -US$1.00, and one of RD$1,234.56
        const StripeRequest zero = StripeClient::createRefund(QStringLiteral("k-1"), "ch_1", {}, Money::zero(Currency::DOP));
        const StripeRequest negative = StripeClient::createRefund(QStringLiteral("k-2"), "ch_1", {},
                                                                  Money::fromMinor(-100, Currency::USD));
        const StripeRequest pesos = StripeClient::createRefund(QStringLiteral("k-3"), "ch_1", {},
                                                               Money::fromMinor(123456, Currency::DOP));
        // then the first two are refused before sending; pesos go out in centavos
        QCOMPARE(zero.params.validity().error().code, QStringLiteral("stripe.request.amount"));
        QCOMPARE(negative.params.validity().error().code, QStringLiteral("stripe.request.amount"));
        QVERIFY(pesos.params.validity().ok());
        QVERIFY(pesos.params.encode().startsWith("charge=ch_1&amount=123456&"));
    }

    void listParamsClampAndNeverBothCursors()
    {
        StripeListParams p;
        p.limit = 1000;
        p.startingAfter = "re_2";
        p.endingBefore = "re_1";
        p.filters = {{"charge", "ch_1"}};
        const StripeRequest r = StripeClient::list("refunds", p);
        QCOMPARE(r.params.encode(), QByteArray("limit=100&starting_after=re_2&charge=ch_1"));
        p.limit = 0;
        QVERIFY(StripeClient::list("refunds", p).params.encode().startsWith("limit=1&"));
    }

    void postsGetAKeyThatRetriesReuse()
    {
        const StripeRequest r = StripeClient::payInvoice("in_1");
        QVERIFY(r.idempotencyKey.startsWith(QStringLiteral("okla-retry-")));
        const StripeRequest copy = r; // what a retry sends
        QCOMPARE(copy.idempotencyKey, r.idempotencyKey);
        QVERIFY(StripeClient::payInvoice("in_1").idempotencyKey != r.idempotencyKey);
    }

    void searchValueEscapes()
    {
        QCOMPARE(StripeClient::searchValue(QStringLiteral("O'Neil\\x")), QStringLiteral("'O\\'Neil\\\\x'"));
    }

    void errorObjectIsTyped()
    {
        const QByteArray body = R"J({"error":{"type":"invalid_request_error","param":"amount","message":"Refund amount ($20.00) is greater than unrefunded amount on charge ($5.00)"}})J";
        const StripeResponse r = StripeResponseParser::parse(400, body, "refund");
        QCOMPARE(r.kind, StripeResponse::Kind::ApiError);
        QCOMPARE(r.error.type, QStringLiteral("invalid_request_error"));
        QCOMPARE(r.error.param, QStringLiteral("amount"));
        QCOMPARE(r.error.httpStatus, 400);
    }

    void refundParsed()
    {
        const QByteArray body = R"({"id":"re_1","object":"refund","amount":500,"currency":"usd","charge":"ch_1","payment_intent":{"id":"pi_1"},"status":"pending","metadata":{"okla_id":"u-1"}})";
        const StripeResponse r = StripeResponseParser::parse(200, body, "refund");
        QVERIFY(r.ok());
        auto refund = StripeResponseParser::refund(r.object);
        QVERIFY(refund.ok());
        QCOMPARE(refund->amount, 500);
        QCOMPARE(refund->paymentIntent, QStringLiteral("pi_1"));
        QCOMPARE(refund->metadata.value("okla_id"), QStringLiteral("u-1"));
    }

    void badInput_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty 200") << 200 << QByteArray();
        QTest::newRow("html 502") << 502 << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>");
        QTest::newRow("html 200") << 200 << QByteArray("<html>{\"object\":\"refund\"}</html>");
        QTest::newRow("truncated") << 200 << QByteArray(R"({"id":"re_1","object":"refund","amount":5)");
        QTest::newRow("array") << 200 << QByteArray("[]");
        QTest::newRow("wrong object") << 200 << QByteArray(R"({"id":"ch_1","object":"charge"})");
        QTest::newRow("no object") << 200 << QByteArray(R"({"id":"re_1"})");
        QTest::newRow("error without type") << 400 << QByteArray(R"({"error":{"message":"x"}})");
        QTest::newRow("error not object") << 500 << QByteArray(R"({"error":"boom"})");
        QTest::newRow("200 with error") << 200 << QByteArray(R"({"object":"refund","error":{"type":"api_error"}})");
        QTest::newRow("huge") << 200 << (QByteArray("{\"object\":\"refund\",\"x\":\"") + QByteArray(3'000'000, 'x'));
    }
    void badInput()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const StripeResponse r = StripeResponseParser::parse(status, body, "refund");
        QCOMPARE(r.kind, StripeResponse::Kind::Malformed);
        QVERIFY(!r.detail.isEmpty());
    }

    void refundFieldsOfTheWrongType_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("amount string") << QByteArray(R"({"id":"re_1","object":"refund","amount":"500","currency":"usd","status":"succeeded"})");
        QTest::newRow("amount fraction") << QByteArray(R"({"id":"re_1","object":"refund","amount":5.5,"currency":"usd","status":"succeeded"})");
        QTest::newRow("amount negative") << QByteArray(R"({"id":"re_1","object":"refund","amount":-5,"currency":"usd","status":"succeeded"})");
        QTest::newRow("amount huge") << QByteArray(R"({"id":"re_1","object":"refund","amount":1e300,"currency":"usd","status":"succeeded"})");
        QTest::newRow("bad id") << QByteArray(R"({"id":42,"object":"refund","amount":5,"currency":"usd","status":"succeeded"})");
        QTest::newRow("bad status") << QByteArray(R"({"id":"re_1","object":"refund","amount":5,"currency":"usd","status":"done"})");
        QTest::newRow("no currency") << QByteArray(R"({"id":"re_1","object":"refund","amount":5,"status":"succeeded"})");
    }
    void refundFieldsOfTheWrongType()
    {
        QFETCH(QByteArray, body);
        const StripeResponse r = StripeResponseParser::parse(200, body, "refund");
        QVERIFY(r.ok());
        auto refund = StripeResponseParser::refund(r.object);
        QVERIFY(!refund.ok());
        QCOMPARE(refund.error().code, QStringLiteral("stripe.response.malformed"));
    }

    void listParsed()
    {
        const StripeResponse r = StripeResponseParser::parse(200, R"({"object":"list","data":[{"id":"re_1"}],"has_more":true,"url":"/v1/refunds"})", "list");
        auto page = StripeResponseParser::page(r.object);
        QVERIFY(page.ok());
        QVERIFY(page->hasMore);
        QCOMPARE(page->data.size(), 1);
        QVERIFY(!StripeResponseParser::page(QJsonObject{{"object", "list"}, {"data", "x"}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestStripeForm)
#include "tst_stripeform.moc"
