// AZUL wire format and classification (docs/providers.md §4-§6), including bad input: never a crash, never
// a wrong "approved".
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "services/providers/azul/azulrequest.h"
#include "services/providers/azul/azulresponse.h"

using namespace okla::services::azul;
using Outcome = AzulResult::Outcome;
using ErrorKind = AzulResult::ErrorKind;
using okla::models::Currency;
using okla::models::Money;

namespace {
Money dop(qint64 minor)
{
    return Money::fromMinor(minor, Currency::DOP);
}
} // namespace

class TestAzulResponse : public QObject
{
    Q_OBJECT

    static AzulMerchant merchant(const char *store)
    {
        AzulMerchant m;
        m.store = QString::fromLatin1(store);
        return m;
    }

    static AzulResult sale(const QByteArray &body, int status = 200)
    {
        return AzulResponseParser::classify(AzulOperation::Sale, true, status, body);
    }

private slots:
    void approvedSale()
    {
        // given an approval as AZUL documents it
        const QByteArray body = R"({"AuthorizationCode":"OK1234","AzulOrderId":"44070","CustomOrderId":"op-1",
            "DateTime":"20261129120000","ErrorDescription":"","IsoCode":"00","LotNumber":"","RRN":"2026112912",
            "ResponseCode":"ISO8583","ResponseMessage":"APROBADA","Ticket":"7"})";
        // when
        const AzulResult r = sale(body);
        // then
        QCOMPARE(r.outcome, Outcome::Approved);
        QCOMPARE(r.azulOrderId, QStringLiteral("44070"));
        QCOMPARE(r.authorizationCode, QStringLiteral("OK1234"));
        QVERIFY(r.toError().code.isEmpty());
    }

    void keysAreCaseInsensitive()
    {
        const AzulResult r = sale(R"({"responsecode":"iso8583","ISOCODE":"00","azulorderid":"9"})");
        QCOMPARE(r.outcome, Outcome::Approved);
        QCOMPARE(r.azulOrderId, QStringLiteral("9"));
    }

    void parsedOnAnyHttpStatus()
    {
        const AzulResult r = sale(R"({"ResponseCode":"Error","IsoCode":"","ErrorDescription":"INVALID_AUTH:Auth"})", 401);
        QCOMPARE(r.outcome, Outcome::Error);
        QCOMPARE(r.errorKind, ErrorKind::Configuration);
        QCOMPARE(r.httpStatus, 401);
    }

    void declineTable_data()
    {
        QTest::addColumn<QString>("iso");
        QTest::addColumn<QString>("es");
        QTest::addColumn<QString>("en");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("03") << "03" << "Comercio inválido (configuración)" << "Invalid merchant (configuration)" << false;
        QTest::newRow("04") << "04" << "Tarjeta cancelada" << "Card cancelled" << false;
        QTest::newRow("05") << "05" << "No honrar" << "Do not honor" << false;
        QTest::newRow("08") << "08" << "Tarjetahabiente no autenticado (3DS)" << "Cardholder not authenticated (3DS)" << false;
        QTest::newRow("12") << "12" << "Transacción inválida" << "Invalid transaction" << false;
        QTest::newRow("13") << "13" << "Monto inválido" << "Invalid amount" << false;
        QTest::newRow("14") << "14" << "Tarjeta inválida" << "Invalid card" << false;
        QTest::newRow("43") << "43" << "Tarjeta robada" << "Stolen card" << false;
        QTest::newRow("51") << "51" << "Fondos insuficientes" << "Insufficient funds" << false;
        QTest::newRow("54") << "54" << "Tarjeta vencida" << "Expired card" << false;
        QTest::newRow("57") << "57" << "Transacción no permitida" << "Transaction not permitted" << false;
        QTest::newRow("59") << "59" << "Sospecha de fraude" << "Suspected fraud" << false;
        QTest::newRow("62") << "62" << "Tarjeta restringida" << "Restricted card" << false;
        QTest::newRow("63") << "63" << "Violación de seguridad" << "Security violation" << false;
        QTest::newRow("82") << "82" << "Bloqueo de seguridad" << "Security block" << false;
        QTest::newRow("83") << "83" << "Transacción declinada" << "Transaction declined" << false;
        QTest::newRow("91") << "91" << "Emisor no disponible, reintente" << "Issuer unavailable, retry" << true;
        QTest::newRow("unknown") << "77" << "Declinada (código 77)" << "Declined (code 77)" << false;
    }
    void declineTable()
    {
        QFETCH(QString, iso);
        QFETCH(QString, es);
        QFETCH(QString, en);
        QFETCH(bool, retryable);
        // given a decline with that IsoCode
        const QByteArray body = QJsonDocument(QJsonObject{{"ResponseCode", "ISO8583"}, {"IsoCode", iso},
                                                          {"AzulOrderId", "12"}, {"ResponseMessage", "DECLINADA"}})
                                    .toJson();
        // when
        const AzulResult r = sale(body);
        // then
        QCOMPARE(r.outcome, Outcome::Declined);
        QCOMPARE(r.reasonEs, es);
        QCOMPARE(r.reasonEn, en);
        QCOMPARE(r.retryable, retryable);
        QCOMPARE(r.toError().code, QStringLiteral("azul.declined.") + iso);
    }

    void documentedDeclineWithSgsCode()
    {
        const AzulResult r = sale(R"({"ResponseCode":"ISO8583","IsoCode":"99","ResponseMessage":"Tarjeta Invalida","ErrorDescription":"SGS-002303: Invalid credit card number"})");
        QCOMPARE(r.outcome, Outcome::Declined);
        QCOMPARE(r.reasonEn, QStringLiteral("Invalid card number"));
        QVERIFY(!r.retryable);
    }

    void sgs007778IsRetryableAnd030508Ambiguous()
    {
        const AzulResult retry = sale(R"({"ResponseCode":"ISO8583","IsoCode":"99","ErrorDescription":"SGS-007778: not processed, please retry"})");
        QCOMPARE(retry.outcome, Outcome::Declined);
        QVERIFY(retry.retryable);
        const AzulResult timedOut = sale(R"({"ResponseCode":"ISO8583","IsoCode":"99","ErrorDescription":"SGS-030508: timed out"})");
        QCOMPARE(timedOut.outcome, Outcome::Ambiguous);
    }

    void threeDsPending()
    {
        QCOMPARE(sale(R"({"ResponseCode":"ISO8583","IsoCode":"3D2METHOD","AzulOrderId":"5"})").outcome, Outcome::ThreeDsPending);
        QCOMPARE(sale(R"({"ResponseCode":"ISO8583","IsoCode":"3D","AzulOrderId":"5"})").outcome, Outcome::ThreeDsPending);
    }

    void errorKinds_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("kind");
        const int err = int(Outcome::Error), amb = int(Outcome::Ambiguous);
        QTest::newRow("missing auth") << "MISSING_AUTH_HEADER:Auth1" << err << int(ErrorKind::Configuration);
        QTest::newRow("client cert") << "INVALID_CLIENT_CERT" << err << int(ErrorKind::Configuration);
        QTest::newRow("vpn") << "INVALID_VPN_IPADDRESS" << err << int(ErrorKind::Configuration);
        QTest::newRow("method") << "INVALID_HTTP_METHOD" << err << int(ErrorKind::Configuration);
        QTest::newRow("parsing") << "PARSING_ERROR" << err << int(ErrorKind::RequestBug);
        QTest::newRow("validation") << "VALIDATION_ERROR:Amount" << err << int(ErrorKind::RequestBug);
        QTest::newRow("posted") << "Original transaction is invalid or has already been posted" << err << int(ErrorKind::Business);
        QTest::newRow("refund") << "Original transaction is invalid, exceeds original amount or has already been returned" << err << int(ErrorKind::Business);
        QTest::newRow("15pct") << "Amount to be posted cannot be greater than 15pct of original Hold/preAuth." << err << int(ErrorKind::Business);
        QTest::newRow("token") << "DataVault TokenId does not exist." << err << int(ErrorKind::Business);
        QTest::newRow("wrong state") << "WRONG TRANSACTION STATE" << amb << int(ErrorKind::None);
        QTest::newRow("processing") << "PROCESSING_ERROR" << amb << int(ErrorKind::None);
        QTest::newRow("fatal") << "FATAL_ERROR" << amb << int(ErrorKind::None);
        QTest::newRow("unexplained") << "Something new" << amb << int(ErrorKind::None);
    }
    void errorKinds()
    {
        QFETCH(QString, description);
        QFETCH(int, outcome);
        QFETCH(int, kind);
        const QByteArray body = QJsonDocument(QJsonObject{{"ResponseCode", "Error"}, {"IsoCode", ""},
                                                          {"ErrorDescription", description}}).toJson();
        const AzulResult r = sale(body, 400);
        QCOMPARE(int(r.outcome), outcome);
        QCOMPARE(int(r.errorKind), kind);
    }

    void verifyFoundAndNotFound()
    {
        const AzulResult found = AzulResponseParser::classify(AzulOperation::VerifyPayment, true, 200,
            R"({"Found":true,"ResponseCode":"ISO8583","IsoCode":"00","AzulOrderId":"77","Amount":"118000","Itbis":"18000","CardNumber":"5424XXXXXXXX1732","TransactionType":"Sale"})");
        QCOMPARE(found.outcome, Outcome::Approved);
        QCOMPARE(found.amount.value_or(-1), 118000);
        QCOMPARE(found.itbis.value_or(-1), 18000);
        QCOMPARE(found.transactionType, QStringLiteral("Sale"));
        const AzulResult missing = AzulResponseParser::classify(AzulOperation::VerifyPayment, true, 200, R"({"Found":false})");
        QCOMPARE(missing.outcome, Outcome::NotFound);
        const AzulResult noFound = AzulResponseParser::classify(AzulOperation::VerifyPayment, true, 200, R"({"ResponseCode":"ISO8583","IsoCode":"00","AzulOrderId":"1"})");
        QCOMPARE(noFound.outcome, Outcome::Ambiguous);
    }

    void searchPaymentsListsEveryTransactionOrNone()
    {
        const AzulResult listed = AzulResponseParser::classify(AzulOperation::SearchPayments, true, 200,
            R"({"ResponseCode":"SEARCHED","ErrorDescription":"","Transactions":[)"
            R"({"AzulOrderId":"44","CustomOrderId":"a-1","TransactionType":"Sale","IsoCode":"00","Amount":"118000","Itbis":"18000",)"
            R"("DateTime":"20260310110000","CardNumber":"5424180279791732"},)"
            R"({"AzulOrderId":"45","TransactionType":"Sale","IsoCode":"51","Amount":"5000"}]})");
        QCOMPARE(listed.outcome, Outcome::Approved);
        QCOMPARE(listed.transactions.size(), 2);
        QCOMPARE(listed.transactions.first().amount, 118000);
        QVERIFY(listed.transactions.first().approved());
        QVERIFY(!listed.transactions.last().approved());
        QVERIFY(!listed.transactions.first().maskedCardNumber.contains(QStringLiteral("5424180279791732")));
        // one transaction that cannot be read makes the whole list untrusted
        const AzulResult broken = AzulResponseParser::classify(AzulOperation::SearchPayments, true, 200,
            R"({"ResponseCode":"SEARCHED","Transactions":[{"AzulOrderId":"","Amount":"1"}]})");
        QCOMPARE(broken.outcome, Outcome::Ambiguous);
        const AzulResult notSearched = AzulResponseParser::classify(AzulOperation::SearchPayments, true, 200,
            R"({"ResponseCode":"ISO8583","IsoCode":"00","AzulOrderId":"1"})");
        QCOMPARE(notSearched.outcome, Outcome::Ambiguous);
        const AzulResult refused = AzulResponseParser::classify(AzulOperation::SearchPayments, true, 400,
            R"({"ResponseCode":"Error","ErrorDescription":"VALIDATION_ERROR:DateFrom"})");
        QCOMPARE(refused.errorKind, ErrorKind::RequestBug);
        QVERIFY(AzulRequestBuilder(merchant("39038540035")).searchPayments(QDate(2026, 3, 10), QDate(2026, 3, 9)).error().code
                == QStringLiteral("azul.request.invalid"));
    }

    void dataVaultCreate()
    {
        const AzulResult r = AzulResponseParser::classify(AzulOperation::DataVaultCreate, true, 200,
            R"({"Brand":"VISA","CardNumber":"4260XXXXXXXX5872","DataVaultToken":"0A1B2C3D-1111","ErrorDescription":"","Expiration":"202812","HasCVV":true,"IsoCode":"00","ResponseMessage":"APROBADA"})");
        QCOMPARE(r.outcome, Outcome::Approved);
        QCOMPARE(r.dataVaultToken, QStringLiteral("0A1B2C3D-1111"));
        QCOMPARE(r.dataVaultBrand, QStringLiteral("VISA"));
        const AzulResult noToken = AzulResponseParser::classify(AzulOperation::DataVaultCreate, true, 200, R"({"IsoCode":"00"})");
        QCOMPARE(noToken.outcome, Outcome::Ambiguous);
    }

    void conflictingKeySpellingsAreNeverApproved()
    {
        // given an answer naming IsoCode twice, in two casings, with different values (found by fuzz_azul_response)
        const AzulResult r = sale(R"({"AuthorizationCode":"OK1234","AzulOrderId":"44070","IsoCode":"01","Isocode":"00",
            "ResponseCode":"ISO8583","ResponseMessage":"APROBADA"})");
        // then it is neither approved nor declined: it must be verified
        QCOMPARE(r.outcome, Outcome::Ambiguous);
        // and the same key repeated with the same value is fine
        const AzulResult same = sale(R"({"AuthorizationCode":"OK1234","AzulOrderId":"44070","IsoCode":"00","Isocode":"00",
            "ResponseCode":"ISO8583","ResponseMessage":"APROBADA"})");
        QCOMPARE(same.outcome, Outcome::Approved);
    }

    void echoedCardNumberNeverSurvives()
    {
        // given answers that echo a full PAN where AZUL normally masks it or writes free text
        const QByteArray pan = "4260550061845872";
        const AzulResult vault = AzulResponseParser::classify(AzulOperation::DataVaultCreate, true, 200,
            R"({"Brand":"VISA","CardNumber":"4260550061845872","DataVaultToken":"T-1","IsoCode":"00","ResponseMessage":"APROBADA"})");
        const AzulResult error = sale(R"({"ResponseCode":"Error","IsoCode":"",
            "ErrorDescription":"VALIDATION_ERROR:CardNumber 4260 5500 6184 5872","ResponseMessage":"card 4260550061845872"})", 400);
        const AzulResult unknown = sale(R"({"ResponseCode":"4260550061845872"})");
        // when they are classified and turned into errors for people
        const QList<AzulResult> results{vault, error, unknown};
        // then no field, message or detail holds the PAN, and the mask keeps brand digits and last four
        QCOMPARE(vault.outcome, Outcome::Approved);
        QCOMPARE(vault.maskedCardNumber, QStringLiteral("426055******5872"));
        QCOMPARE(error.errorKind, ErrorKind::RequestBug);
        for (const AzulResult &r : results) {
            const okla::models::Error e = r.toError();
            for (const QString &text : {r.maskedCardNumber, r.responseCode, r.responseMessage, r.errorDescription,
                                        r.detail, e.message, e.detail}) {
                QString digits = text;
                digits.remove(u' ');
                QVERIFY2(!digits.contains(QLatin1String(pan)), qPrintable(text));
            }
        }
    }

    void badInputIsNeverApproved_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("empty") << QByteArray() << 200;
        QTest::newRow("html proxy page") << QByteArray("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>") << 502;
        QTest::newRow("html 200") << QByteArray("<!DOCTYPE html><html>ResponseCode ISO8583 IsoCode 00</html>") << 200;
        QTest::newRow("truncated json") << QByteArray("{\"ResponseCode\":\"ISO8583\",\"IsoCode\":\"00\",\"AzulOrderId\":\"1") << 200;
        QTest::newRow("array") << QByteArray(R"([{"ResponseCode":"ISO8583","IsoCode":"00"}])") << 200;
        QTest::newRow("string") << QByteArray(R"("approved")") << 200;
        QTest::newRow("missing iso") << QByteArray(R"({"ResponseCode":"ISO8583","AzulOrderId":"1"})") << 200;
        QTest::newRow("missing order id") << QByteArray(R"({"ResponseCode":"ISO8583","IsoCode":"00"})") << 200;
        QTest::newRow("non digit order id") << QByteArray(R"({"ResponseCode":"ISO8583","IsoCode":"00","AzulOrderId":"abc"})") << 200;
        QTest::newRow("iso as number") << QByteArray(R"({"ResponseCode":"ISO8583","IsoCode":0,"AzulOrderId":"1"})") << 200;
        QTest::newRow("iso as bool") << QByteArray(R"({"ResponseCode":"ISO8583","IsoCode":true,"AzulOrderId":"1"})") << 200;
        QTest::newRow("code as object") << QByteArray(R"({"ResponseCode":{"x":1},"IsoCode":"00","AzulOrderId":"1"})") << 200;
        QTest::newRow("order id as array") << QByteArray(R"({"ResponseCode":"ISO8583","IsoCode":"00","AzulOrderId":[1]})") << 200;
        QTest::newRow("unknown code") << QByteArray(R"({"ResponseCode":"SEARCHED","IsoCode":"00","AzulOrderId":"1"})") << 200;
        QTest::newRow("nul bytes") << QByteArray("{\"ResponseCode\":\"ISO8583\0\",\"IsoCode\":\"00\",\"AzulOrderId\":\"1\"}", 60) << 200;
        QTest::newRow("huge") << (QByteArray("{\"ResponseCode\":\"ISO8583\",\"IsoCode\":\"00\",\"x\":\"") + QByteArray(2'000'000, 'a')) << 200;
        QTest::newRow("deep nesting") << (QByteArray(5000, '[') + QByteArray(5000, ']')) << 200;
    }
    void badInputIsNeverApproved()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const AzulResult r = sale(body, status);
        QVERIFY2(r.outcome != Outcome::Approved, qPrintable(r.detail));
        QCOMPARE(r.outcome, Outcome::Ambiguous); // the payment flow will VerifyPayment
        QVERIFY(!r.toError().code.isEmpty());
    }

    void paddedIsoCodeIsADeclineNotAnApproval()
    {
        // found by fuzz_azul_response: a DataVault "approval" with IsoCode "00\r" and no token
        const AzulResult vault = AzulResponseParser::classify(AzulOperation::DataVaultCreate, true, 200,
                                                              QByteArray("{\"IsoCode\":\"00\\r\\r\",\"ResponseCode\":\"ISO8!83\"}"));
        QVERIFY(vault.outcome != Outcome::Approved);
        QVERIFY(sale(QByteArray("{\"ResponseCode\":\"ISO8583\",\"IsoCode\":\"00 \",\"AzulOrderId\":\"1\"}")).outcome != Outcome::Approved);
        const AzulResult r = sale(R"({"ResponseCode":"ISO8583","IsoCode":"000","AzulOrderId":"1"})");
        QCOMPARE(r.outcome, Outcome::Declined);
    }

    void incompleteAnswerIsAmbiguous()
    {
        const AzulResult r = AzulResponseParser::classify(AzulOperation::Sale, false, 200,
                                                          R"({"ResponseCode":"ISO8583","IsoCode":"00","AzulOrderId":"1"})");
        QCOMPARE(r.outcome, Outcome::Ambiguous);
    }

    // --- wire format (docs/providers.md §4) ---
    void saleBody()
    {
        // given
        AzulRequestBuilder builder(merchant("39038540035"));
        AzulPayment p;
        p.amount = dop(118000);
        p.itbis = dop(18000);
        p.cardNumber = QStringLiteral("5424180279791732");
        p.expiration = QStringLiteral("202812");
        p.cvc = QStringLiteral("732");
        p.customOrderId = QStringLiteral("3f9c2a1e-5b7d-4c1e-9a0b-6d2f8e4c1a77-1");
        // when
        auto body = builder.payment(AzulOperation::Sale, p);
        // then
        QVERIFY(body.ok());
        const QJsonObject o = QJsonDocument::fromJson(body.value()).object();
        QCOMPARE(o.value("Amount").toString(), QStringLiteral("118000"));
        QCOMPARE(o.value("Itbis").toString(), QStringLiteral("18000"));
        QCOMPARE(o.value("Channel").toString(), QStringLiteral("EC"));
        QCOMPARE(o.value("Store").toString(), QStringLiteral("39038540035"));
        QCOMPARE(o.value("PosInputMode").toString(), QStringLiteral("E-Commerce"));
        QCOMPARE(o.value("TrxType").toString(), QStringLiteral("Sale"));
        QCOMPARE(o.value("OrderNumber").toString(), QString());
        QVERIFY(o.contains("OrderNumber"));
        QCOMPARE(o.value("AcquirerRefData").toString(), QStringLiteral("1"));
        QCOMPARE(o.value("CustomOrderId").toString(), p.customOrderId);
        QCOMPARE(o.value("ForceNo3DS").toString(), QStringLiteral("1"));
    }

    void exemptItbisIsThreeZeros()
    {
        QCOMPARE(AzulRequestBuilder::itbisField(0), QStringLiteral("000"));
        QCOMPARE(AzulRequestBuilder::amountField(1000), QStringLiteral("1000"));
    }

    void tokenSaleKeepsEmptyCardKeys()
    {
        AzulRequestBuilder builder(merchant("1"));
        AzulPayment p;
        p.amount = dop(1000);
        p.dataVaultToken = QStringLiteral("TOKEN-1");
        p.customOrderId = QStringLiteral("x-1");
        const QJsonObject o = QJsonDocument::fromJson(builder.payment(AzulOperation::Sale, p).value()).object();
        QVERIFY(o.contains("CardNumber"));
        QCOMPARE(o.value("CardNumber").toString(), QString());
        QVERIFY(o.contains("Expiration"));
        QCOMPARE(o.value("DataVaultToken").toString(), QStringLiteral("TOKEN-1"));
    }

    void refundHasNoCardData()
    {
        AzulRequestBuilder builder(merchant("1"));
        const QJsonObject o = QJsonDocument::fromJson(builder.refund(QStringLiteral("44070"), dop(500), dop(0), QStringLiteral("r-1")).value()).object();
        QCOMPARE(o.value("TrxType").toString(), QStringLiteral("Refund"));
        QCOMPARE(o.value("AzulOrderId").toString(), QStringLiteral("44070"));
        QCOMPARE(o.value("Amount").toString(), QStringLiteral("500"));
        QCOMPARE(o.value("Itbis").toString(), QStringLiteral("000"));
        QVERIFY(!o.contains("CardNumber"));
        QVERIFY(!o.contains("CVC"));
    }

    void invalidRequestsAreRefused()
    {
        AzulRequestBuilder builder(merchant("1"));
        AzulPayment p;
        p.amount = dop(0);
        p.cardNumber = QStringLiteral("5424180279791732");
        p.expiration = QStringLiteral("202812");
        p.customOrderId = QStringLiteral("x-1");
        QVERIFY(!builder.payment(AzulOperation::Sale, p).ok());
        p.amount = dop(1'000'000'000'000);
        QVERIFY(!builder.payment(AzulOperation::Sale, p).ok());
        p.amount = dop(100);
        p.itbis = dop(200);
        QVERIFY(!builder.payment(AzulOperation::Sale, p).ok());
        p.itbis = dop(0);
        p.expiration = QStringLiteral("12/28");
        QVERIFY(!builder.payment(AzulOperation::Sale, p).ok());
        p.expiration = QStringLiteral("202812");
        p.customOrderId = QString(76, u'x');
        QVERIFY(!builder.payment(AzulOperation::Sale, p).ok());
        QVERIFY(!builder.voidTransaction(QStringLiteral("12a")).ok());
        QVERIFY(!builder.payment(AzulOperation::Refund, p).ok());
    }

    void onlyPesosReachAzul()
    {
        // given a builder and amounts in dollars
        AzulRequestBuilder builder(merchant("1"));
        const Money usd = Money::fromMinor(500, Currency::USD);
        AzulPayment p;
        p.amount = usd;
        p.cardNumber = QStringLiteral("5424180279791732");
        p.expiration = QStringLiteral("202812");
        p.customOrderId = QStringLiteral("x-1");

        // when each money-moving body is built
        const auto sale = builder.payment(AzulOperation::Sale, p);
        const auto refund = builder.refund(QStringLiteral("44070"), usd, dop(0), QStringLiteral("r-1"));
        const auto refundItbis = builder.refund(QStringLiteral("44070"), dop(500), Money::zero(Currency::USD),
                                                QStringLiteral("r-1"));
        const auto post = builder.post(QStringLiteral("44070"), usd, dop(0));

        // then none is built, and the error names the field and the currency
        for (const auto *body : {&sale, &refund, &post}) {
            QVERIFY(!body->ok());
            QCOMPARE(body->error().code, QStringLiteral("azul.request.currency"));
            QCOMPARE(body->error().detail, QStringLiteral("Amount"));
            QVERIFY2(body->error().message.contains(QStringLiteral("USD")), qPrintable(body->error().message));
        }
        QCOMPARE(refundItbis.error().code, QStringLiteral("azul.request.currency"));
        QCOMPARE(refundItbis.error().detail, QStringLiteral("Itbis"));
    }

    void queryWords()
    {
        QCOMPARE(queryWord(AzulOperation::Sale), QString());
        QCOMPARE(queryWord(AzulOperation::Refund), QString());
        QCOMPARE(queryWord(AzulOperation::Post), QStringLiteral("ProcessPost"));
        QCOMPARE(queryWord(AzulOperation::Void), QStringLiteral("ProcessVoid"));
        QCOMPARE(queryWord(AzulOperation::VerifyPayment), QStringLiteral("VerifyPayment"));
        QCOMPARE(queryWord(AzulOperation::DataVaultCreate), QStringLiteral("ProcessDatavault"));
    }
};

QTEST_GUILESS_MAIN(TestAzulResponse)
#include "tst_azulresponse.moc"
