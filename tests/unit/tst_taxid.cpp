#include <QTest>

#include "models/taxid.h"

using okla::models::TaxId;

class TestTaxId : public QObject
{
    Q_OBJECT

private slots:
    void acceptsValid_data();
    void acceptsValid();
    void rejects_data();
    void rejects();
    void checkDigitMessageNamesTheExpectedDigit();
    void everyWrongCheckDigitIsRejected_data();
    void everyWrongCheckDigitIsRejected();
    void makeValid_data();
    void makeValid();
    void makeValidRejectsBadBodies_data();
    void makeValidRejectsBadBodies();
};

void TestTaxId::acceptsValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("display");

    const int rnc = int(TaxId::Kind::Rnc);
    const int cedula = int(TaxId::Kind::Cedula);
    // OKLA's own RNC: r = 1 -> check 1 (docs/domain.md §8)
    QTest::newRow("OKLA RNC dashed") << "1-33-32590-1" << rnc << "133325901" << "1-33-32590-1";
    QTest::newRow("OKLA RNC plain") << "133325901" << rnc << "133325901" << "1-33-32590-1";
    QTest::newRow("OKLA RNC spaced") << " 133 32590 1 " << rnc << "133325901" << "1-33-32590-1";
    // DGII's RNC: r = 7 -> check 11 - 7 = 4
    QTest::newRow("DGII RNC") << "401-50625-4" << rnc << "401506254" << "4-01-50625-4";
    // r = 0 -> check 2
    QTest::newRow("RNC r=0") << "101010632" << rnc << "101010632" << "1-01-01063-2";
    QTest::newRow("cedula from docs/domain.md") << "001-1234567-3" << cedula << "00112345673" << "001-1234567-3";
    QTest::newRow("cedula plain") << "40212345678" << cedula << "40212345678" << "402-1234567-8";
    QTest::newRow("cedula check 2 (product digit sums)") << "223-4567890-2" << cedula << "22345678902"
                                                         << "223-4567890-2";
}

void TestTaxId::acceptsValid()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, digits);
    QFETCH(QString, display);

    // when
    const auto result = TaxId::parse(text);

    // then
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->kind(), TaxId::Kind(kind));
    QCOMPARE(result->digits(), digits);
    QCOMPARE(result->display(), display);
    QCOMPARE(*TaxId::parse(result->display()), *result); // the display form parses back
}

void TestTaxId::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << "" << "taxid.empty";
    QTest::newRow("only dashes") << "- -" << "taxid.empty";
    QTest::newRow("letter") << "1-33-3259O-1" << "taxid.invalid_character";
    QTest::newRow("dot separator") << "1.33.32590.1" << "taxid.invalid_character";
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661\u0663\u0663\u0663\u0662\u0665\u0669\u0660\u0661")
                                         << "taxid.invalid_character";
    QTest::newRow("8 digits") << "13332590" << "taxid.length";
    QTest::newRow("10 digits") << "0011234567" << "taxid.length";
    QTest::newRow("12 digits") << "001123456730" << "taxid.length";
    QTest::newRow("OKLA RNC with wrong check") << "1-33-32590-2" << "taxid.check_digit";
    QTest::newRow("transposed RNC digits") << "1-33-35290-1" << "taxid.check_digit";
    QTest::newRow("cedula wrong check") << "001-1234567-4" << "taxid.check_digit";
    QTest::newRow("cedula transposed") << "001-1234576-3" << "taxid.check_digit";
}

void TestTaxId::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, code);

    const auto result = TaxId::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
}

void TestTaxId::checkDigitMessageNamesTheExpectedDigit()
{
    // when
    const auto rnc = TaxId::parse(u"1-33-32590-7");
    const auto cedula = TaxId::parse(u"001-1234567-0");
    const auto length = TaxId::parse(u"1234");

    // then: a person can fix the typo from the message alone
    QVERIFY2(rnc.error().message.contains(u"should be 1"), qPrintable(rnc.error().message));
    QVERIFY2(rnc.error().message.contains(u"RNC"), qPrintable(rnc.error().message));
    QVERIFY2(cedula.error().message.contains(u"should be 3"), qPrintable(cedula.error().message));
    QVERIFY2(length.error().message.contains(u"has 4"), qPrintable(length.error().message));
}

void TestTaxId::everyWrongCheckDigitIsRejected_data()
{
    QTest::addColumn<QString>("valid");
    QTest::newRow("RNC") << "133325901";
    QTest::newRow("cedula") << "00112345673";
}

void TestTaxId::everyWrongCheckDigitIsRejected()
{
    QFETCH(QString, valid);
    for (char16_t digit = u'0'; digit <= u'9'; ++digit) {
        QString candidate = valid;
        candidate.back() = QChar(digit);
        QCOMPARE(TaxId::parse(candidate).ok(), candidate == valid);
    }
}

void TestTaxId::makeValid_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("display");

    QTest::newRow("OKLA") << int(TaxId::Kind::Rnc) << "13332590" << "1-33-32590-1";
    QTest::newRow("RNC r=0") << int(TaxId::Kind::Rnc) << "00000000" << "0-00-00000-2";
    QTest::newRow("RNC 11-r") << int(TaxId::Kind::Rnc) << "12345678" << "1-23-45678-6";
    QTest::newRow("cedula") << int(TaxId::Kind::Cedula) << "0011234567" << "001-1234567-3";
    QTest::newRow("cedula 031") << int(TaxId::Kind::Cedula) << "0310012345" << "031-0012345-8";
}

void TestTaxId::makeValid()
{
    QFETCH(int, kind);
    QFETCH(QString, body);
    QFETCH(QString, display);

    // when
    const auto made = TaxId::makeValid(TaxId::Kind(kind), body);

    // then
    QVERIFY(made.ok());
    QCOMPARE(made->display(), display);
    QVERIFY(TaxId::parse(made->digits()).ok());
}

void TestTaxId::makeValidRejectsBadBodies_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("body");

    QTest::newRow("RNC body too long") << int(TaxId::Kind::Rnc) << "133325901";
    QTest::newRow("cedula body too short") << int(TaxId::Kind::Cedula) << "001123456";
    QTest::newRow("dashes are not a body") << int(TaxId::Kind::Rnc) << "1-33-3259";
    QTest::newRow("letters") << int(TaxId::Kind::Cedula) << "00112345a7";
}

void TestTaxId::makeValidRejectsBadBodies()
{
    QFETCH(int, kind);
    QFETCH(QString, body);

    const auto made = TaxId::makeValid(TaxId::Kind(kind), body);
    QVERIFY(!made.ok());
    QCOMPARE(made.error().code, QStringLiteral("taxid.body"));
}

QTEST_GUILESS_MAIN(TestTaxId)
#include "tst_taxid.moc"
