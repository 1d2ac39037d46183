#include <QSet>
#include <QTest>

#include "models/billing/declineclass.h"

using namespace okla::models;

namespace {

struct Expected
{
    PaymentProvider provider;
    QString code;
    QString detail;
    DeclineClass expected;
};

// Written out here, not read from the table, so that a row changed by mistake fails
// (docs/domain.md §21; the hard codes of docs/providers.md §17).
QList<Expected> expectations()
{
    const auto A = PaymentProvider::Azul;
    const auto S = PaymentProvider::Stripe;
    const auto H = DeclineClass::Hard;
    const auto So = DeclineClass::Soft;
    const auto T = DeclineClass::Technical;
    return {
        {A, "04", "", H}, {A, "07", "", H}, {A, "14", "", H}, {A, "41", "", H}, {A, "43", "", H}, {A, "54", "", H},
        {A, "03", "", So}, {A, "05", "", So}, {A, "08", "", So}, {A, "12", "", So}, {A, "13", "", So},
        {A, "51", "", So}, {A, "57", "", So}, {A, "59", "", So}, {A, "62", "", So}, {A, "63", "", So},
        {A, "82", "", So}, {A, "83", "", So}, {A, "91", "", T}, {A, "96", "", T},
        {A, "99", "SGS-002303: Invalid credit card number", H}, {A, "99", "SGS-005002: Brand not supported", H},
        {A, "99", "SGS-005996: Brand not supported", H}, {A, "99", "SGS-005101: 3DS failed", So},
        {A, "99", "SGS-007778: Transaction not processed, please retry", T}, {A, "99", "SGS-030508: Timed out", T},
        {A, "99", "", So}, {A, "", "DataVault TokenId is expired.", H}, {A, "", "DataVault TokenId does not exist.", H},
        {A, "", "VALIDATION_ERROR:ExpirationPassed", H}, {A, "", "VALIDATION_ERROR:Amount", T},
        {A, "", "PARSING_ERROR", T}, {A, "", "PROCESSING_ERROR", T}, {A, "", "FATAL_ERROR", T},
        {A, "", "WRONG TRANSACTION STATE", T}, {A, "", "SGS-030508: Timed out", T}, {A, "", "SGS-007778", T},
        {A, "", "MISSING_AUTH_HEADER:Auth1", T}, {A, "", "INVALID_AUTH:Auth", T}, {A, "", "DISABLED_PROFILE", T},
        {A, "", "INVALID_MERCHANTID", T}, {A, "", "INVALID_CHANNEL", T}, {A, "", "INVALID_VPN_IPADDRESS", T},
        {A, "", "INVALID_CLIENT_CERT", T}, {A, "", "MISSING_CLIENT_CERT", T}, {A, "", "SSL_OFF", T},
        {A, "", "INVALID_HTTP_METHOD", T},
        {S, "stolen_card", "", H}, {S, "lost_card", "", H}, {S, "pickup_card", "", H}, {S, "expired_card", "", H},
        {S, "incorrect_number", "", H}, {S, "invalid_number", "", H}, {S, "invalid_account", "", H},
        {S, "card_not_supported", "", H}, {S, "new_account_information_available", "", H},
        {S, "revocation_of_authorization", "", H}, {S, "revocation_of_all_authorizations", "", H},
        {S, "stop_payment_order", "", H},
        {S, "insufficient_funds", "", So}, {S, "generic_decline", "", So}, {S, "do_not_honor", "", So},
        {S, "try_again_later", "", So}, {S, "card_declined", "", So}, {S, "call_issuer", "", So},
        {S, "card_velocity_exceeded", "", So}, {S, "withdrawal_count_limit_exceeded", "", So},
        {S, "card_decline_rate_limit_exceeded", "", So}, {S, "authentication_required", "", So},
        {S, "fraudulent", "", So}, {S, "restricted_card", "", So}, {S, "security_violation", "", So},
        {S, "transaction_not_allowed", "", So}, {S, "not_permitted", "", So}, {S, "service_not_allowed", "", So},
        {S, "no_action_taken", "", So}, {S, "incorrect_cvc", "", So}, {S, "invalid_amount", "", So},
        {S, "currency_not_supported", "", So}, {S, "duplicate_transaction", "", So},
        {S, "processing_error", "", T}, {S, "issuer_not_available", "", T}, {S, "reenter_transaction", "", T},
        {S, "lock_timeout", "", T}, {S, "rate_limit", "", T}, {S, "idempotency_key_in_use", "", T},
    };
}

} // namespace

class TestDeclineClass : public QObject
{
    Q_OBJECT

private slots:
    void everyCode_data();
    void everyCode();
    void everyTableRowIsExpectedHere();
    void theSpecsHardCodesAreHard();
    void matchingIgnoresCaseAndSpaces();
    void unknownCodes();
    void providersDoNotShareCodes();
    void names();
};

void TestDeclineClass::everyCode_data()
{
    QTest::addColumn<PaymentProvider>("provider");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<DeclineClass>("expected");
    for (const Expected &e : expectations()) {
        QTest::addRow("%s %s %s", qPrintable(toDb(e.provider)), qPrintable(e.code), qPrintable(e.detail))
            << e.provider << e.code << e.detail << e.expected;
    }
}

void TestDeclineClass::everyCode()
{
    QFETCH(PaymentProvider, provider);
    QFETCH(QString, code);
    QFETCH(QString, detail);
    QFETCH(DeclineClass, expected);

    QCOMPARE(declineClassName(classifyDecline(provider, code, detail)), declineClassName(expected));
    QVERIFY2(findDeclineRule(provider, code, detail) != nullptr, "decided by a table row, not a default");
}

void TestDeclineClass::everyTableRowIsExpectedHere()
{
    // A row added to the table without an expectation above fails here.
    QSet<QString> covered;
    for (const Expected &e : expectations()) {
        if (const DeclineRule *rule = findDeclineRule(e.provider, e.code, e.detail))
            covered.insert(toDb(rule->provider) + u'|' + QLatin1StringView(rule->code) + u'|'
                           + QLatin1StringView(rule->detailPrefix));
    }
    for (const DeclineRule &rule : declineRules()) {
        const QString key = toDb(rule.provider) + u'|' + QLatin1StringView(rule.code) + u'|'
                            + QLatin1StringView(rule.detailPrefix);
        QVERIFY2(covered.contains(key), qPrintable(QStringLiteral("no expectation for ") + key));
        QVERIFY2(QLatin1StringView(rule.meaning).size() > 3, qPrintable(key));
    }
    QCOMPARE(covered.size(), declineRules().size()); // and no two rows share a key
}

void TestDeclineClass::theSpecsHardCodesAreHard()
{
    // docs/providers.md §17: AZUL 04, 43, 14, 54; Stripe expired_card, incorrect_number,
    // stolen_card, lost_card; the seed's soft ones stay soft.
    for (const char *code : {"04", "43", "14", "54"})
        QCOMPARE(classifyDecline(PaymentProvider::Azul, QString::fromLatin1(code)), DeclineClass::Hard);
    for (const char *code : {"expired_card", "incorrect_number", "stolen_card", "lost_card"})
        QCOMPARE(classifyDecline(PaymentProvider::Stripe, QString::fromLatin1(code)), DeclineClass::Hard);
    for (const char *code : {"51", "05"})
        QCOMPARE(classifyDecline(PaymentProvider::Azul, QString::fromLatin1(code)), DeclineClass::Soft);
    for (const char *code : {"insufficient_funds", "generic_decline", "do_not_honor", "try_again_later"})
        QCOMPARE(classifyDecline(PaymentProvider::Stripe, QString::fromLatin1(code)), DeclineClass::Soft);
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"91"), DeclineClass::Technical);
}

void TestDeclineClass::matchingIgnoresCaseAndSpaces()
{
    QCOMPARE(classifyDecline(PaymentProvider::Stripe, u"  Stolen_Card "), DeclineClass::Hard);
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u" 99", u"  sgs-002303: invalid"), DeclineClass::Hard);
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"", u"processing_error"), DeclineClass::Technical);
    // the longest matching prefix wins, whatever the table's order
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"", u"VALIDATION_ERROR:ExpirationPassed"), DeclineClass::Hard);
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"", u"VALIDATION_ERROR:Expiration"), DeclineClass::Technical);
    // an SGS code under another IsoCode is not the 99 row's
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"05", u"SGS-002303"), DeclineClass::Soft);
}

void TestDeclineClass::unknownCodes()
{
    // an unknown decline is retried on the dunning days, never given up on, never hammered
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"77"), DeclineClass::Soft);
    QCOMPARE(classifyDecline(PaymentProvider::Stripe, u"some_new_code"), DeclineClass::Soft);
    QVERIFY(findDeclineRule(PaymentProvider::Stripe, u"some_new_code") == nullptr);
    // no answer at all is technical
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u""), DeclineClass::Technical);
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"", u"Original transaction is invalid"), DeclineClass::Technical);
    QCOMPARE(classifyDecline(PaymentProvider::Stripe, u" "), DeclineClass::Technical);
    // Stripe never matches on the detail
    QCOMPARE(classifyDecline(PaymentProvider::Stripe, u"", u"PROCESSING_ERROR"), DeclineClass::Technical);
    QVERIFY(findDeclineRule(PaymentProvider::Stripe, u"", u"DataVault TokenId is expired.") == nullptr);
}

void TestDeclineClass::providersDoNotShareCodes()
{
    QCOMPARE(classifyDecline(PaymentProvider::Stripe, u"54"), DeclineClass::Soft);
    QCOMPARE(classifyDecline(PaymentProvider::Azul, u"stolen_card"), DeclineClass::Soft);
}

void TestDeclineClass::names()
{
    QCOMPARE(declineClassName(DeclineClass::Hard), QStringLiteral("hard"));
    QCOMPARE(declineClassName(DeclineClass::Soft), QStringLiteral("soft"));
    QCOMPARE(declineClassName(DeclineClass::Technical), QStringLiteral("technical"));
}

QTEST_GUILESS_MAIN(TestDeclineClass)
#include "tst_declineclass.moc"
