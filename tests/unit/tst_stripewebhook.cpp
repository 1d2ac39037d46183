// Stripe webhook signatures: Stripe's known answers (docs/providers.md §16).
#include <QTest>

#include "services/providers/stripe/stripewebhookverifier.h"

using namespace okla::services::stripe;

namespace {
const QByteArray kBody = R"({"id":"evt_test_webhook","object":"event","type":"charge.refunded"})";
const QByteArray kOld = "whsec_test_secret";
const QByteArray kNew = "whsec_new_secret";
const QByteArray kSigOld = "0466d1e830b07765393a8dd0902ad1785bd678da1f7b98b770128b749f1cd1bb";
const QByteArray kSigNew = "2b7a54b58aab95dbff8b2a288920e36f1d92316ccd2874412923da9a5bdf70dd";
constexpr qint64 kT = 1700000000;

StripeWebhookVerifier::Clock at(qint64 now)
{
    return [now] { return now; };
}
} // namespace

class TestStripeWebhook : public QObject
{
    Q_OBJECT
private slots:
    void knownAnswers()
    {
        QCOMPARE(StripeWebhookVerifier::sign(kOld, kT, kBody), kSigOld);
        QCOMPARE(StripeWebhookVerifier::sign(kNew, kT, kBody), kSigNew);
    }

    void valid()
    {
        // given the old secret and a fresh signature
        StripeWebhookVerifier verifier({kOld}, at(kT + 10));
        // when / then
        const auto status = verifier.verify(QByteArray("t=1700000000,v1=" + kSigOld), kBody);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
    }

    void tamperedBodyFails()
    {
        StripeWebhookVerifier verifier({kOld}, at(kT));
        QByteArray body = kBody;
        body.insert(1, ' '); // one added space
        const auto status = verifier.verify(QByteArray("t=1700000000,v1=" + kSigOld), body);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("stripe.webhook.signature"));
    }

    void staleFailsAtTolerancePlusOne()
    {
        StripeWebhookVerifier atLimit({kOld}, at(kT + 300));
        QVERIFY(atLimit.verify(QByteArray("t=1700000000,v1=" + kSigOld), kBody).ok());
        StripeWebhookVerifier late({kOld}, at(kT + 301));
        const auto status = late.verify(QByteArray("t=1700000000,v1=" + kSigOld), kBody);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("stripe.webhook.stale"));
    }

    void futureTimestampAccepted()
    {
        StripeWebhookVerifier verifier({kOld}, at(kT - 1000));
        QVERIFY(verifier.verify(QByteArray("t=1700000000,v1=" + kSigOld), kBody).ok());
    }

    void rotationBothV1WithEitherSecret()
    {
        const QByteArray header = QByteArray("t=1700000000,v1=") + kSigNew + ",v1=" + kSigOld + ",v0=deadbeef";
        QVERIFY(StripeWebhookVerifier({kOld}, at(kT)).verify(header, kBody).ok());
        QVERIFY(StripeWebhookVerifier({kNew}, at(kT)).verify(header, kBody).ok());
        // and an endpoint that knows both secrets accepts a header signed with either
        QVERIFY(StripeWebhookVerifier({kNew, kOld}, at(kT)).verify(QByteArray("t=1700000000,v1=" + kSigOld), kBody).ok());
        QVERIFY(!StripeWebhookVerifier({"whsec_other"}, at(kT)).verify(header, kBody).ok());
    }

    void missingV1Rejected()
    {
        const auto status = StripeWebhookVerifier({kOld}, at(kT)).verify(QByteArray("t=1700000000,v0=" + kSigOld), kBody);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("stripe.webhook.header"));
    }

    void nonHexSkipped()
    {
        // a non-hex v1 is skipped; with nothing else left the header has no v1
        QByteArray bad = kSigOld;
        bad[0] = 'z';
        QCOMPARE(StripeWebhookVerifier({kOld}, at(kT)).verify(QByteArray("t=1700000000,v1=" + bad), kBody).error().code,
                 QStringLiteral("stripe.webhook.header"));
        // and a valid v1 after it still passes
        QVERIFY(StripeWebhookVerifier({kOld}, at(kT)).verify(QByteArray("t=1700000000,v1=" + bad + ",v1=" + kSigOld), kBody).ok());
    }

    void malformedHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no t") << ("v1=" + kSigOld);
        QTest::newRow("t not digits") << ("t=17e8,v1=" + kSigOld);
        QTest::newRow("t negative") << ("t=-1,v1=" + kSigOld);
        QTest::newRow("garbage") << QByteArray(",,,===,t,v1");
        QTest::newRow("short v1") << QByteArray("t=1700000000,v1=0466");
        QTest::newRow("uppercase key") << ("t=1700000000,V1=" + kSigOld);
    }
    void malformedHeaders()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!StripeWebhookVerifier({kOld}, at(kT)).verify(header, kBody).ok());
    }

    void equalsSplitsOnTheFirstEqualsOnly()
    {
        auto parsed = StripeWebhookVerifier::parseHeader(QByteArray("t=1700000000,v1=" + kSigOld + ",x=a=b"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->timestamp, kT);
        QCOMPARE(parsed->v1.size(), 1);
    }

    void noSecretRefuses()
    {
        QCOMPARE(StripeWebhookVerifier({}, at(kT)).verify(QByteArray("t=1700000000,v1=" + kSigOld), kBody).error().code,
                 QStringLiteral("stripe.webhook.no_secret"));
    }

    void constantTimeEquals()
    {
        QVERIFY(StripeWebhookVerifier::constantTimeEquals("abc", "abc"));
        QVERIFY(!StripeWebhookVerifier::constantTimeEquals("abc", "abd"));
        QVERIFY(!StripeWebhookVerifier::constantTimeEquals("abc", "ab"));
    }
};

QTEST_GUILESS_MAIN(TestStripeWebhook)
#include "tst_stripewebhook.moc"
