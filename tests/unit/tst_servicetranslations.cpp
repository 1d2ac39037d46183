// Service-layer messages reach people in Spanish: their runtime translation context must be the one
// lupdate files them under in okla_es.ts (a mismatch silently shows English).
#include <QTest>

#include "services/session/connectionprofile.h"
#include "services/audit/auditsigning.h"
#include "services/credentials/credentialstore.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/azul/azulresponse.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/providers/stripe/stripeformencoder.h"
#include "services/providers/stripe/stripewebhookverifier.h"
#include "ui/shell/language.h"

using namespace okla::services;

class TestServiceTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(okla::ui::Language::install(QStringLiteral("es"))); }

    void credentialStoreSpeaksSpanish()
    {
        // given no credentials folder
        const CredentialStore store{QString()};
        // when a secret is read
        const auto read = store.read(CredentialStore::StripeSecretKey);
        // then the reason is in Spanish
        QVERIFY(!read);
        QCOMPARE(read.error().message, QStringLiteral("No hay una carpeta de credenciales configurada (defina OKLA_CREDENTIALS_DIR o la carpeta de credenciales del perfil)."));
    }

    void azulErrorsSpeakSpanish()
    {
        // given AZUL errors of each kind
        const auto config = azul::AzulResponseParser::classify(azul::AzulOperation::Sale, true, 401,
            R"({"ResponseCode":"Error","ErrorDescription":"INVALID_AUTH:Auth"})");
        const auto incomplete = azul::AzulResponseParser::classify(azul::AzulOperation::Sale, false, 0, {});
        // when turned into errors for people
        // then Spanish
        QVERIFY2(config.toError().message.startsWith(QStringLiteral("AZUL rechazó")), qPrintable(config.toError().message));
        QVERIFY2(!incomplete.toError().message.startsWith(QStringLiteral("AZUL's answer")), qPrintable(incomplete.toError().message));
    }

    void azulCurrencyRefusalSpeaksSpanish()
    {
        // given a refund in dollars
        azul::AzulMerchant merchant;
        merchant.store = QStringLiteral("1");
        const azul::AzulRequestBuilder builder(merchant);
        const auto usd = okla::models::Money::fromMinor(500, okla::models::Currency::USD);
        // when its body is built
        const auto body = builder.refund(QStringLiteral("44070"), usd, usd, QStringLiteral("r-1"));
        // then the refusal is in Spanish
        QVERIFY(!body);
        QCOMPARE(body.error().message, QStringLiteral("AZUL cobra y reembolsa solo en pesos dominicanos (DOP); este monto está en USD."));
    }

    void messagesOutsideQObjectClassesSpeakSpanish()
    {
        // given a key that is not an Ed25519 key (the message comes from Tr::tr in a free function)
        // when it is used to sign
        const auto signature = AuditSigning::sign(QByteArrayLiteral("not a key"), QByteArrayLiteral("head"));
        // then the reason is in Spanish
        QVERIFY(!signature);
        QVERIFY2(signature.error().message.startsWith(QStringLiteral("La clave de firma de auditoría")),
                 qPrintable(signature.error().message));
    }

    void azulConfigSpeaksSpanish()
    {
        // given a profile without an AZUL URL
        ConnectionProfile profile;
        // when the client configuration is loaded
        const auto config = azul::AzulConfig::load(profile, CredentialStore(QString()));
        // then the reason is in Spanish
        QVERIFY(!config);
        QVERIFY2(!config.error().message.startsWith(QStringLiteral("The ")), qPrintable(config.error().message));
    }

    void stripeMessagesSpeakSpanish()
    {
        // given a webhook verifier without secrets and too many metadata keys
        const stripe::StripeWebhookVerifier verifier({});
        const auto verified = verifier.verify("{}", "t=1,v1=00");
        stripe::StripeFormEncoder::Entries metadata;
        for (int i = 0; i < 51; ++i)
            metadata.append({QStringLiteral("k%1").arg(i), QStringLiteral("v")});
        stripe::StripeFormEncoder form;
        form.addMetadata(metadata);
        // then both reasons are in Spanish
        QVERIFY(!verified);
        QVERIFY2(!verified.error().message.startsWith(QStringLiteral("No webhook")), qPrintable(verified.error().message));
        QVERIFY(!form.validity());
        QVERIFY2(!form.validity().error().message.startsWith(QStringLiteral("Stripe accepts")), qPrintable(form.validity().error().message));
    }
};

QTEST_GUILESS_MAIN(TestServiceTranslations)
#include "tst_servicetranslations.moc"
