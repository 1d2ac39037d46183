// models::maskSecrets: what must never reach a log, an error or the screen (docs/security.md §7).
#include <QTest>

#include "models/secretmask.h"

using okla::models::maskSecrets;

class TestSecretMask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");   ///< must be gone
        QTest::addColumn<QString>("kept");     ///< must still be there
        QTest::newRow("stripe secret key") << QStringLiteral("Invalid API Key provided: sk_live_51HxYzAbCdEf1234")
                                           << QStringLiteral("51HxYzAbCdEf") << QStringLiteral("sk_live_****1234");
        QTest::newRow("restricted key") << QStringLiteral("key rk_test_abcdefgh5678") << QStringLiteral("abcdefgh")
                                        << QStringLiteral("rk_test_****5678");
        QTest::newRow("webhook secret") << QStringLiteral("whsec_Zx9Yw8Vu7Ts6") << QStringLiteral("Zx9Yw8Vu")
                                        << QStringLiteral("whsec_****7Ts6");
        QTest::newRow("payment method") << QStringLiteral("pm_1PqRsTuVwXyZ0042 declined") << QStringLiteral("1PqRsTuVwXyZ")
                                        << QStringLiteral("pm_****0042 declined");
        QTest::newRow("bearer") << QStringLiteral("Authorization: Bearer abc.def.ghi") << QStringLiteral("abc.def.ghi")
                                << QStringLiteral("Authorization");
        QTest::newRow("libpq password") << QStringLiteral("host=db user=ana password=s3cr3t! dbname=okla")
                                        << QStringLiteral("s3cr3t!") << QStringLiteral("dbname=okla");
        QTest::newRow("quoted password") << QStringLiteral("password='two words' sslmode=verify-full")
                                         << QStringLiteral("two words") << QStringLiteral("sslmode=verify-full");
        QTest::newRow("azul json token") << QStringLiteral(R"({"DataVaultToken":"3F2504E0-4F89-11D3-9A0C-0305E82C3301","Amount":"100"})")
                                         << QStringLiteral("3F2504E0") << QStringLiteral(R"("Amount":"100")");
        QTest::newRow("auth header") << QStringLiteral("Auth1: sim-auth1-7f3c, Auth2: sim-auth2-91ab")
                                     << QStringLiteral("sim-auth") << QStringLiteral("Auth1");
        QTest::newRow("pg duplicate key") << QStringLiteral("ERROR:  duplicate key value violates unique constraint "
                                                            "\"payment_methods_provider_token_key\"\nDETAIL:  Key (provider, token)="
                                                            "(azul, 3F2504E0-4F89-11D3-9A0C-0305E82C3301) already exists.")
                                          << QStringLiteral("3F2504E0") << QStringLiteral("Key (provider, token)=(****) already exists.");
        QTest::newRow("pg failing row") << QStringLiteral("DETAIL:  Failing row contains (7, 3, stripe, pm_x, visa, 42).")
                                        << QStringLiteral("visa") << QStringLiteral("Failing row contains (****)");
        QTest::newRow("card number") << QStringLiteral("card 4111 1111 1111 1111 refused") << QStringLiteral("4111 1111 1111 1111")
                                     << QStringLiteral("411111******1111");
    }

    void masks()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QFETCH(QString, kept);
        const QString masked = maskSecrets(text);
        QVERIFY2(!masked.contains(secret), qPrintable(masked));
        QVERIFY2(masked.contains(kept), qPrintable(masked));
        QCOMPARE(maskSecrets(masked), masked); // masking twice changes nothing
    }

    void leavesOrdinaryTextAlone()
    {
        for (const QString &text : {QStringLiteral("Could not connect to the database."),
                                    QStringLiteral("refund 0b5c0d7e-6a51-4f1e-9f3e-2f0a3c4d5e6f-1 approved"),
                                    QStringLiteral("azul.sale@pagos approved iso=00 http=200 812 ms"),
                                    QStringLiteral("ERROR:  new row violates row-level security policy for table \"refunds\"")})
            QCOMPARE(maskSecrets(text), text);
    }
};

QTEST_GUILESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
