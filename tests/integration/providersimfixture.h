#pragma once
// Starts a real okla-sim process (AZUL over mutual TLS, Stripe over HTTP) on free ports with a
// throwaway database, and builds AzulClient/StripeClient configurations for it through the
// CredentialStore, as the worker does. Shared by the provider client integration tests and the
// AZUL throughput benchmark. Header-only: tests/<label>/ globs only tst_*.cpp.

#include <csignal>

#include <sys/prctl.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include "services/connectionprofile.h"
#include "services/credentialstore.h"
#include "services/pgconnection.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/http/httptransport.h"
#include "services/providers/stripe/stripeclient.h"

namespace okla::tests {

class ProviderSimFixture
{
public:
    static constexpr const char *kAuth1 = "clients-auth1-5d2e";
    static constexpr const char *kAuth2 = "clients-auth2-a7f0";
    static constexpr const char *kStripeKey = "sk_test_clients_4Fq9";
    static constexpr const char *kWebhookSecret = "whsec_test_secret";

    ~ProviderSimFixture() { stop(); dropDatabase(); }

    /// Empty string = ready; else why not.
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        m_creds = m_dir.path() + QStringLiteral("/credentials");
        m_certs = m_dir.path() + QStringLiteral("/certs");
        QDir().mkpath(m_creds);
        QFile::setPermissions(m_creds, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        for (const auto &[name, value] : {std::pair{"azul-auth1", kAuth1}, {"azul-auth2", kAuth2},
                                          {"stripe-secret-key", kStripeKey}, {"stripe-webhook-secret", kWebhookSecret}})
            writeSecret(m_creds + u'/' + QLatin1String(name), value);
        if (QString e = createDatabase(); !e.isEmpty())
            return e;

        const QString binDir = qEnvironmentVariable("OKLA_BINARY_DIR");
        const QString binary = binDir + QStringLiteral("/sandbox/sims/okla-sim");
        if (!QFile::exists(binary))
            return QStringLiteral("okla-sim not built at ") + binary;
        m_process.setProgram(binary);
        m_process.setArguments({QStringLiteral("--db"), m_conninfo, QStringLiteral("--certs"), m_certs,
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
    QString tempDir() const { return m_dir.path(); }
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
        return services::stripe::StripeConfig::load(profile, services::CredentialStore(m_creds));
    }

    /// A control call (/_sim/...) on the AZUL simulator (HTTPS, loopback only) or the Stripe one.
    QJsonObject control(bool azul, const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        if (!m_control) {
            services::http::HttpTransport::Options options;
            options.name = QStringLiteral("sim-control");
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

    /// `$OKLA_SIM_TEST_CONNINFO` (admin conninfo without dbname) or the test profile's cluster.
    QString createDatabase()
    {
        m_dbName = QStringLiteral("okla_sim_clients_%1").arg(QRandomGenerator::global()->generate() % 100000000u);
        QStringList candidates;
        if (const QString env = qEnvironmentVariable("OKLA_SIM_TEST_CONNINFO"); !env.isEmpty()) {
            candidates << env + QStringLiteral(" dbname=%1");
        } else {
            auto profile = services::ConnectionProfile::load();
            if (!profile)
                return QStringLiteral("no test profile and no OKLA_SIM_TEST_CONNINFO: ") + profile.error().toString();
            QStringList users{profile->defaultUser, QStringLiteral("okla_owner"), QStringLiteral("postgres"),
                              qEnvironmentVariable("USER")};
            users.removeAll(QString());
            users.removeDuplicates();
            for (const QString &user : users) {
                services::ConnectionProfile p = *profile;
                p.pgDatabase = QStringLiteral("DBNAME_SLOT");
                candidates << p.conninfo(user, QStringLiteral("okla-clients-test")).replace(QStringLiteral("DBNAME_SLOT"), QStringLiteral("%1"));
            }
        }
        QString lastError = QStringLiteral("no candidate role");
        for (const QString &candidate : candidates) {
            auto db = services::PgConnection::open(candidate.arg(QStringLiteral("postgres")));
            if (!db) {
                lastError = db.error().toString();
                continue;
            }
            // okla-sim creates its database when missing; we only need a role allowed to.
            const auto may = db->exec(QStringLiteral("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"));
            if (!may || may->rows() == 0 || may->text(0, 0) != QLatin1String("t"))
                continue;
            m_admin = candidate.arg(QStringLiteral("postgres"));
            m_conninfo = candidate.arg(m_dbName);
            return {};
        }
        return QStringLiteral("no role of the test cluster may create a database: ") + lastError;
    }

    void dropDatabase()
    {
        if (m_admin.isEmpty())
            return;
        if (auto admin = services::PgConnection::open(m_admin))
            admin->execScript(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_dbName));
        m_admin.clear();
    }

    QTemporaryDir m_dir;
    QString m_creds, m_certs, m_admin, m_conninfo, m_dbName;
    QProcess m_process;
    quint16 m_azulPort = 0, m_stripePort = 0;
    std::unique_ptr<services::http::HttpTransport> m_control;
};

} // namespace okla::tests
