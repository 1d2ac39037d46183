// Card numbers are refused in free text (docs/security.md §11): the shared cases of
// harness/cardnumbercases.h, which the SQL rule is checked against too (tst_refundattacks).
#include <QTest>

#include "harness/cardnumbercases.h"
#include "models/cardmask.h"

using okla::models::checkNoCardNumber;
using okla::models::containsCardNumber;

class TestCardNumber : public QObject
{
    Q_OBJECT

private slots:
    void sharedCases_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("cardNumber");
        for (const auto &c : okla::tests::kCardNumberCases)
            QTest::newRow(c.text) << QString::fromUtf8(c.text) << c.cardNumber;
    }

    void sharedCases()
    {
        QFETCH(QString, text);
        QFETCH(bool, cardNumber);
        QCOMPARE(containsCardNumber(text), cardNumber);
    }

    void everyDigitChangeOfACardNumberIsJudgedByLuhn()
    {
        // given a valid number, when any one digit changes, then Luhn no longer passes
        const QString valid = QStringLiteral("5500000000000004");
        QVERIFY(containsCardNumber(valid));
        for (qsizetype i = 0; i < valid.size(); ++i) {
            QString changed = valid;
            changed[i] = QChar(u'0' + (valid.at(i).unicode() - u'0' + 1) % 10);
            QVERIFY2(!containsCardNumber(changed), qPrintable(changed));
        }
    }

    void theMessageSaysWhyAndNamesTheField()
    {
        const auto refused = checkNoCardNumber(u"cliente pagó con 4111 1111 1111 1111", QStringLiteral("Note"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("text.card_number"));
        QVERIFY(refused.error().message.startsWith(QStringLiteral("Note ")));
        QVERIFY(refused.error().message.contains(QStringLiteral("card number")));
        QVERIFY(!refused.error().message.contains(QStringLiteral("4111"))); // never echoed back
        QVERIFY(checkNoCardNumber(u"termina en 1111", QStringLiteral("Note")).ok());
    }
};

QTEST_GUILESS_MAIN(TestCardNumber)
#include "tst_cardnumber.moc"
