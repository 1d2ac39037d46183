#pragma once

#include <memory>

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include "models/result.h"
#include "sandbox/sims/simoptions.h"

namespace okla::sandbox {

/// Starts and stops an okla-sim process and reads the ports it prints. For the launcher's
/// readiness check and for tests that must restart the simulators.
class SimProcess
{
public:
    SimProcess() = default;
    ~SimProcess();

    /// `$OKLA_BINARY_DIR/sandbox/sims/okla-sim`, else next to the running executable.
    static QString binaryPath();

    models::Status start(const SimOptions &options, quint16 azulPort = 0, quint16 stripePort = 0, int timeoutMs = 60000);
    /// SIGTERM, then SIGKILL after `graceMs`.
    void stop(int graceMs = 5000);
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    quint16 azulPort() const { return m_azulPort; }
    quint16 stripePort() const { return m_stripePort; }
    QString azulUrl() const;   ///< https://127.0.0.1:<port>/webservices/JSON/Default.aspx
    QString stripeUrl() const; ///< http://127.0.0.1:<port>
    QByteArray standardError() const;

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_azulPort = 0;
    quint16 m_stripePort = 0;
};

/// A blocking HTTP(S) client for tests and scripts (never for the GUI thread).
struct SimHttpReply
{
    int status = 0;               ///< 0 = no HTTP answer (reset, timeout, TLS failure)
    QString networkError;         ///< empty when an answer arrived
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
};

class SimHttpClient
{
public:
    SimHttpClient();
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    /// TLS trusting only `caFile`, presenting `certFile`/`keyFile` when given.
    static QSslConfiguration tlsFor(const QString &caFile, const QString &certFile = {}, const QString &keyFile = {});

    SimHttpReply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                      const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSslConfiguration m_ssl;
};

} // namespace okla::sandbox
