#pragma once
// Starts a real okla-sim process (AZUL over mutual TLS, Stripe over HTTP) on free ports with a
// throwaway database, and builds AzulClient/StripeClient configurations for it through the
// CredentialStore, as the worker does. Shared by the provider client integration tests and the
// AZUL throughput benchmark. Header-only: tests/<label>/ globs only tst_*.cpp. The credentials and
// the throwaway database come from sandbox::SimTestEnvironment, as for the simulators' own tests.

#include <csignal>

#include <sys/prctl.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include "sandbox/sims/simtestenvironment.h"
#include "services/session/connectionprofile.h"
#include "services/credentials/credentialstore.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/http/httptransport.h"
#include "services/providers/stripe/stripeclient.h"

namespace okla::tests {

class ProviderSimFixture
{
public:
    ~ProviderSimFixture() { stop(); } // then m_env drops the database

    /// Empty string = ready; else why not.
    QString start()
    {
        if (auto prepared = m_env.prepare(); !prepared)
            return prepared.error().toString();
        m_creds = m_env.options().credentialsDir;
        m_certs = m_env.options().certDir;

        const QString binDir = qEnvironmentVariable("OKLA_BINARY_DIR");
        const QString binary = binDir + QStringLiteral("/sandbox/sims/okla-sim");
        if (!QFile::exists(binary))
            return QStringLiteral("okla-sim not built at ") + binary;
        m_process.setProgram(binary);
        m_process.setArguments({QStringLiteral("--db"), m_env.options().conninfo, QStringLiteral("--certs"), m_certs,
                                QStringLiteral("--credentials"), m_creds});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        // A crashed test must not leave its simulator running.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.start();
        if (!m_process.waitForStarted(10'000))
            return QStringLiteral("okla-sim did not start: ") + m_process.errorString();
        QByteArray line;
        QElapsedTimer clock;
        clock.start();
        while (!line.contains('\n') && clock.elapsed() < 60'000 && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(500);
            line += m_process.readAllStandardOutput();
        }
        const QJsonObject ports = QJsonDocument::fromJson(line.trimmed()).object();
        m_azulPort = quint16(ports.value(QStringLiteral("azul")).toInt());
        m_stripePort = quint16(ports.value(QStringLiteral("stripe")).toInt());
        if (!m_azulPort || !m_stripePort)
            return QStringLiteral("okla-sim printed no ports: ") + QString::fromUtf8(line + m_process.readAllStandardError());
        // The simulator's merchant certificate becomes OKLA's AZUL client certificate.
        copySecret(m_certs + QStringLiteral("/client.pem"), m_creds + QStringLiteral("/azul-client.pem"));
        copySecret(m_certs + QStringLiteral("/client.key"), m_creds + QStringLiteral("/azul-client.key"));
        return {};
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }

    QString caFile() const { return m_certs + QStringLiteral("/ca.pem"); }
    QString certDir() const { return m_certs; }
    QString credentialsDir() const { return m_creds; }
    QString tempDir() const { return m_env.dir(); }
    QUrl azulUrl(const QString &host = QStringLiteral("127.0.0.1")) const
    {
        return QUrl(QStringLiteral("https://%1:%2/webservices/JSON/Default.aspx").arg(host).arg(m_azulPort));
    }
    QUrl stripeUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_stripePort)); }
    quint16 azulPort() const { return m_azulPort; }

    /// AZUL configuration exactly as the worker builds it: profile URLs + CredentialStore secrets.
    models::Result<services::azul::AzulConfig> azulConfig() const
    {
        services::ConnectionProfile profile;
        profile.name = QStringLiteral("clients-test-no-such-profile");
        profile.azulUrl = azulUrl();
        profile.azulCaFile = caFile();
        return services::azul::AzulConfig::load(profile, services::CredentialStore(m_creds));
    }

    models::Result<services::stripe::StripeConfig> stripeConfig() const
    {
        services::ConnectionProfile profile;
        profile.stripeUrl = stripeUrl();
        profile.providersSimulator = true; // plain http to the loopback simulator (docs/security.md §8)
        return services::stripe::StripeConfig::load(profile, services::CredentialStore(m_creds));
    }

    /// A control call (/_sim/...) on the AZUL simulator (HTTPS, loopback only) or the Stripe one.
    QJsonObject control(bool azul, const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        if (!m_control) {
            services::http::HttpTransport::Options options;
            options.name = QStringLiteral("sim-control");
            options.allowLoopbackHttp = true; // the Stripe simulator's control endpoint
            if (auto config = azulConfig())
                options.tls = config->tls;
            m_control = std::make_unique<services::http::HttpTransport>(options);
        }
        services::http::HttpRequest request;
        request.method = method;
        request.url = azul ? azulUrl() : stripeUrl();
        request.url.setPath(path);
        request.url.setQuery(QString());
        if (!body.isEmpty()) {
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            request.headers = {{"Content-Type", "application/json"}};
        }
        request.timeoutMs = 15'000;
        const services::http::HttpOutcome out = m_control->send(request).result();
        return QJsonDocument::fromJson(out.body).object();
    }
    QJsonObject addFault(bool azul, const QJsonObject &fault) { return control(azul, "POST", QStringLiteral("/_sim/faults"), fault); }
    QJsonObject counters(bool azul) { return control(azul, "GET", QStringLiteral("/_sim/counters")); }
    /// requests/effects the simulator counted for one key ("CustomOrderId", "idempotency_key"…).
    QJsonObject keyCount(bool azul, const QString &kind, const QString &key)
    {
        return counters(azul).value(QStringLiteral("keys")).toObject().value(kind).toObject().value(key).toObject();
    }

    static bool writeSecret(const QString &path, const QByteArray &value)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(value);
        f.close();
        return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

private:
    static void copySecret(const QString &from, const QString &to)
    {
        QFile f(from);
        if (f.open(QIODevice::ReadOnly))
            writeSecret(to, f.readAll());
    }

    sandbox::SimTestEnvironment m_env;
    QString m_creds, m_certs;
    QProcess m_process;
    quint16 m_azulPort = 0, m_stripePort = 0;
    std::unique_ptr<services::http::HttpTransport> m_control;
};

} // namespace okla::tests
