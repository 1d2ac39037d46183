// Card numbers in outside text are masked before any log, error or dialog (docs/security.md §7).
#include <QTest>

#include "models/cardmask.h"

using okla::models::maskCardNumbers;

class TestCardMask : public QObject
{
    Q_OBJECT

private slots:
    void masks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("16 digits") << "4111111111111111" << "411111******1111";
        QTest::newRow("in a sentence") << "Tarjeta 5424180279791732 rechazada" << "Tarjeta 542418******1732 rechazada";
        QTest::newRow("spaces") << "card 4111 1111 1111 1111." << "card 411111******1111.";
        QTest::newRow("dashes") << "4111-1111-1111-1111" << "411111******1111";
        QTest::newRow("12 digits") << "123456789012" << "123456**9012";
        QTest::newRow("19 digits") << "6011000990139424123" << "601100*********4123";
        QTest::newRow("two") << "a 4111111111111111 b 5555555555554444" << "a 411111******1111 b 555555******4444";
        QTest::newRow("already masked") << "542418******1732" << "542418******1732";
        QTest::newRow("short ids kept") << "AzulOrderId 44070, IsoCode 99, SGS-007778" << "AzulOrderId 44070, IsoCode 99, SGS-007778";
        QTest::newRow("11 digits kept") << "12345678901" << "12345678901";
        QTest::newRow("20 digits kept") << "12345678901234567890" << "12345678901234567890";
        QTest::newRow("empty") << "" << "";
    }

    void masks()
    {
        // given
        QFETCH(QString, text);
        QFETCH(QString, expected);
        // when
        const QString masked = maskCardNumbers(text);
        // then
        QCOMPARE(masked, expected);
    }
};

QTEST_GUILESS_MAIN(TestCardMask)
#include "tst_cardmask.moc"
