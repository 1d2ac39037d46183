// The provider transport, attacked (docs/security.md §8, docs/providers.md §1): plain HTTP, AZUL
// without its client certificate, a server that refuses the client certificate (TLS 1.2 and
// 1.3), an empty Stripe key and a refused one. Each is refused before anything secret is sent, or
// reported as a configuration error whose request was never processed, never as `unknown`.
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "integration/asyncwait.h"
#include "integration/providersimfixture.h"
#include "sandbox/sims/simcertificates.h"
#include "services/credentials/credentialstore.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/azul/azulpaymentflow.h"
#include "services/providers/http/httptransport.h"
#include "services/providers/http/transportpolicy.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/session/connectionprofile.h"

using namespace okla::services;
using okla::tests::await;
using Kind = http::HttpOutcome::Kind;
using Failure = http::HttpOutcome::Failure;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A TCP listener that only counts who connects and what they wrote: the "network" a refused
/// request must never reach.
class Eavesdropper : public QObject
{
public:
    Eavesdropper()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, s, [this, s] { bytes += s->readAll(); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    int connections = 0;
    QByteArray bytes;

private:
    QTcpServer m_server;
};

/// `openssl s_server` demanding a client certificate (-Verify): the alerts a real OpenSSL-based
/// server sends ("certificate required", "unknown ca"), which Qt's own QSslServer does not.
class OpenSslServer
{
public:
    OpenSslServer(const okla::sandbox::SimCertificates &pki, const QString &protocolFlag)
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        m_port = probe.serverPort();
        probe.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("openssl"),
                        {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                         QStringLiteral("-cert"), pki.serverCertFile(), QStringLiteral("-key"), pki.serverKeyFile(),
                         QStringLiteral("-CAfile"), pki.caFile(), QStringLiteral("-Verify"), QStringLiteral("1"), QStringLiteral("-verify_return_error"),
                         protocolFlag, QStringLiteral("-www")});
        QElapsedTimer clock;
        clock.start();
        while (!m_output.contains("ACCEPT") && clock.elapsed() < 10'000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            m_output += m_process.readAll();
        }
    }
    ~OpenSslServer()
    {
        m_process.terminate();
        m_process.waitForFinished(3000);
    }
    quint16 port() const { return m_port; }
    bool ready() const { return m_output.contains("ACCEPT"); }
    QByteArray output()
    {
        m_output += m_process.readAll();
        return m_output;
    }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

} // namespace

class TestTransportAttacks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<okla::sandbox::SimCertificates> m_trusted; ///< the server's CA and a client it accepts
    std::unique_ptr<okla::sandbox::SimCertificates> m_foreign; ///< another CA: its client is "unknown ca"

    http::TlsOptions clientTls(const okla::sandbox::SimCertificates *client) const
    {
        http::TlsOptions tls;
        tls.caCertificates = QSslCertificate::fromPath(m_trusted->caFile());
        if (client) {
            tls.clientCertificate = QSslCertificate::fromPath(client->clientCertFile()).value(0);
            tls.clientKey = QSslKey(readAll(client->clientKeyFile()), QSsl::Rsa);
        }
        return tls;
    }

    static http::HttpRequest post(const QUrl &url)
    {
        http::HttpRequest r;
        r.method = "POST";
        r.url = url;
        r.headers = {{"Auth1", "secret-auth1"}, {"Content-Type", "application/json"}};
        r.body = R"({"Amount":"100"})";
        r.timeoutMs = 15'000;
        return r;
    }

    /// A credentials folder (0700, files 0600) holding @p files.
    QString credentials(const QString &name, const QHash<QString, QByteArray> &files) const
    {
        const QString dir = m_dir.path() + u'/' + name;
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        for (auto it = files.begin(); it != files.end(); ++it) {
            QFile f(dir + u'/' + it.key());
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(it.value());
            f.close();
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        }
        return dir;
    }

    QHash<QString, QByteArray> azulSecrets(bool withClientCertificate) const
    {
        QHash<QString, QByteArray> files{{QStringLiteral("azul-auth1"), "secret-auth1"}, {QStringLiteral("azul-auth2"), "secret-auth2"}};
        if (withClientCertificate) {
            files.insert(QStringLiteral("azul-client.pem"), readAll(m_trusted->clientCertFile()));
            files.insert(QStringLiteral("azul-client.key"), readAll(m_trusted->clientKeyFile()));
        }
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_trusted = std::make_unique<okla::sandbox::SimCertificates>(m_dir.path() + QStringLiteral("/trusted"));
        m_foreign = std::make_unique<okla::sandbox::SimCertificates>(m_dir.path() + QStringLiteral("/foreign"));
        QDir().mkpath(m_dir.path() + QStringLiteral("/trusted"));
        QDir().mkpath(m_dir.path() + QStringLiteral("/foreign"));
        auto a = m_trusted->ensure();
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
        auto b = m_foreign->ensure();
        QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().toString()));
    }

    void opensslServerRefusingTheCertificate_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<bool>("foreignCertificate");
        QTest::addColumn<bool>("cap");
        for (const char *p : {"-tls1_2", "-tls1_3", ""})
            for (bool foreign : {true, false})
                for (bool cap : {true, false})
                    QTest::newRow(qPrintable(QStringLiteral("%1 %2 %3").arg(QLatin1String(p), foreign ? "unknown-ca" : "no-cert", cap ? "capped" : "uncapped")))
                        << QString::fromLatin1(p) << foreign << cap;
    }

    void opensslServerRefusingTheCertificate()
    {
        QFETCH(QString, protocol);
        QFETCH(bool, foreignCertificate);
        QFETCH(bool, cap);
        OpenSslServer server(*m_trusted, protocol.isEmpty() ? QStringLiteral("-no_ssl3") : protocol);
        QVERIFY2(server.ready(), server.output().constData());
        http::HttpTransport::Options options;
        options.tls = clientTls(foreignCertificate ? m_foreign.get() : nullptr);
        options.tls.capClientCertificateAtTls12 = cap;
        http::HttpTransport transport(options);
        const auto out = await(transport.send(post(QUrl(QStringLiteral("https://127.0.0.1:%1/x").arg(server.port())))));
        qInfo() << "kind" << int(out.kind) << http::HttpOutcome::failureName(out.failure) << out.errorString;
        QCOMPARE(out.kind, Kind::NotSent);
        QCOMPARE(out.failure, Failure::TlsHandshake);
    }

    void plainHttpIsRefusedUnlessALoopbackSimulator()
    {
        QHash<QString, QByteArray> secrets = azulSecrets(true);
        secrets.insert(QStringLiteral("stripe-secret-key"), "sk_test_transport1234");
        const QString creds = credentials(QStringLiteral("http"), secrets);
        const CredentialStore store(creds);
        // given profiles whose provider URLs are plain HTTP
        for (bool simulator : {false, true}) {
            ConnectionProfile remote;
            remote.providersSimulator = simulator;
            remote.azulUrl = QUrl(QStringLiteral("http://pagos.azul.com.do/webservices/JSON/Default.aspx"));
            remote.stripeUrl = QUrl(QStringLiteral("http://api.stripe.com"));
            // then neither client configuration loads, simulator or not: the host is not loopback
            const auto azul = azul::AzulConfig::load(remote, store);
            QVERIFY(!azul);
            QCOMPARE(azul.error().code, QStringLiteral("azul.config.insecure_url"));
            const auto stripe = stripe::StripeConfig::load(remote, store);
            QVERIFY(!stripe);
            QCOMPARE(stripe.error().code, QStringLiteral("stripe.config.insecure_url"));
        }
        ConnectionProfile loopback;
        loopback.stripeUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        // a loopback URL needs the profile to say it runs the simulators
        QCOMPARE(stripe::StripeConfig::load(loopback, store).error().code, QStringLiteral("stripe.config.insecure_url"));
        loopback.providersSimulator = true;
        QVERIFY(stripe::StripeConfig::load(loopback, store).ok());

        // when a client is built by hand with an http:// URL to a listener on this machine
        Eavesdropper wire;
        stripe::StripeConfig config;
        config.secretKey = "sk_test_transport1234";
        config.baseUrl = QUrl(QStringLiteral("http://localhost:%1").arg(wire.port()));
        stripe::StripeClient client(config); // simulator = false
        const auto out = await(client.listCustomers({}));
        // then nothing was sent: no connection, no key on the wire, a local refusal
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.toError().code, QStringLiteral("stripe.config.insecure_url"));
        QVERIFY(out.toAttemptReport().refusedLocally);
        QVERIFY(!out.toAttemptReport().isBreakerFailure());
        // and the transport itself refuses any other http:// target, whatever the caller
        http::HttpTransport::Options options;
        options.allowLoopbackHttp = true;
        http::HttpTransport transport(options);
        const auto viaTransport = await(transport.send(post(QUrl(QStringLiteral("http://10.255.255.1:%1/").arg(wire.port())))));
        QCOMPARE(viaTransport.failure, Failure::InsecureUrl);
        QTest::qWait(200);
        QCOMPARE(wire.connections, 0);
        QVERIFY(wire.bytes.isEmpty());
    }

    void azulWithoutMutualTlsIsRefused()
    {
        // given credentials without the client certificate and key
        ConnectionProfile profile;
        profile.azulUrl = QUrl(QStringLiteral("https://127.0.0.1:9/webservices/JSON/Default.aspx"));
        const auto config = azul::AzulConfig::load(profile, CredentialStore(credentials(QStringLiteral("nocert"), azulSecrets(false))));
        // then the configuration is refused
        QVERIFY(!config);
        QCOMPARE(config.error().code, QStringLiteral("azul.config.mutual_tls"));

        // and a client built by hand without them never connects
        Eavesdropper wire;
        azul::AzulConfig bare;
        bare.primaryUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/webservices/JSON/Default.aspx").arg(wire.port()));
        bare.auth1 = "secret-auth1";
        bare.auth2 = "secret-auth2";
        azul::AzulClient client(bare);
        const auto out = await(client.verify(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.toError().code, QStringLiteral("azul.config.mutual_tls"));
        QVERIFY(out.toAttemptReport().refusedLocally);
        QCOMPARE(out.toAttemptReport().retryOverride, std::optional<bool>(false));
        QTest::qWait(200);
        QCOMPARE(wire.connections, 0);
    }

    void aRefusedCertificateEndsTheSaleAsAConfigurationError_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::newRow("tls1.2") << QStringLiteral("-tls1_2");
        QTest::newRow("tls1.3") << QStringLiteral("-tls1_3");
        QTest::newRow("either") << QStringLiteral("-no_ssl3");
    }

    void aRefusedCertificateEndsTheSaleAsAConfigurationError()
    {
        QFETCH(QString, protocol);
        // given AZUL (an OpenSSL server) that does not accept OKLA's client certificate
        OpenSslServer server(*m_trusted, protocol);
        QVERIFY2(server.ready(), server.output().constData());
        azul::AzulConfig config;
        config.primaryUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/webservices/JSON/Default.aspx").arg(server.port()));
        config.auth1 = "secret-auth1";
        config.auth2 = "secret-auth2";
        config.tls = clientTls(m_foreign.get());
        config.timeoutMs = 15'000;
        azul::AzulClient client(config);
        azul::AzulPayment payment;
        payment.amount = okla::models::Money::fromMinor(118'00, okla::models::Currency::DOP);
        payment.itbis = okla::models::Money::fromMinor(18'00, okla::models::Currency::DOP);
        payment.cardNumber = QStringLiteral("4111111111111111");
        payment.expiration = QStringLiteral("202812");
        payment.cvc = QStringLiteral("123");
        // when a sale runs through AZUL's verify-before-resend flow
        azul::AzulPaymentFlow::Options options;
        options.ambiguousWaitMs = 0;
        auto flow = azul::AzulPaymentFlow::create(
            client, QUuid::createUuid().toString(QUuid::WithoutBraces), azul::AzulPaymentFlow::saleSender(client, payment),
            [](const QString &, int) { return QtFuture::makeReadyFuture(okla::models::Status()); }, options);
        const azul::AzulFlowResult result = await(flow->run());
        // then it failed at once as a configuration error: never `unknown` for the reconciler
        QCOMPARE(azul::AzulFlowResult::stateName(result.state), QStringLiteral("failed"));
        QCOMPARE(result.error.code, QStringLiteral("azul.config.tls"));
        QCOMPARE(result.last.transport, Kind::NotSent);
        QVERIFY(!result.error.detail.contains(QStringLiteral("4111111111111111")));
    }

    void anEmptyStripeKeyIsRefusedBeforeSending()
    {
        // given an empty key file (a failed deployment)
        ConnectionProfile profile;
        profile.stripeUrl = QUrl(QStringLiteral("https://api.stripe.com"));
        const auto config = stripe::StripeConfig::load(
            profile, CredentialStore(credentials(QStringLiteral("emptykey"), {{QStringLiteral("stripe-secret-key"), "  \n"}})));
        QVERIFY(!config);
        QCOMPARE(config.error().code, QStringLiteral("stripe.config.secret_key"));
        // and a client built by hand with no key
        Eavesdropper wire;
        stripe::StripeConfig bare;
        bare.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(wire.port()));
        bare.simulator = true;
        stripe::StripeClient client(bare);
        const auto out = await(client.send(stripe::StripeClient::createRefund(
            QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("ch_1"), {},
            okla::models::Money::fromMinor(500, okla::models::Currency::USD))));
        // then no "Authorization: Bearer " went out: nothing connected at all
        QCOMPARE(out.transport, Kind::NotSent);
        QCOMPARE(out.toError().code, QStringLiteral("stripe.config.secret_key"));
        QVERIFY(out.toAttemptReport().refusedLocally);
        QTest::qWait(200);
        QCOMPARE(wire.connections, 0);
    }

    void aRefusedStripeKeyHasItsOwnCode()
    {
        // given the Stripe simulator and a key it does not know
        okla::tests::ProviderSimFixture sim;
        const QString error = sim.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto config = sim.stripeConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        config->secretKey = "sk_test_notthekey9876";
        stripe::StripeClient client(*config);
        // when it is used
        const auto out = await(client.listCustomers({}));
        // then a 401 is an authentication error, not the over-refund's invalid_request_error
        QCOMPARE(out.httpStatus, 401);
        QCOMPARE(out.toError().code, QStringLiteral("stripe.authentication_error"));
        QVERIFY2(!out.toError().detail.contains(QStringLiteral("notthekey9876")), qPrintable(out.toError().detail));
        QCOMPARE(out.toAttemptReport().retryOverride, std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestTransportAttacks)
#include "tst_transportattacks.moc"
