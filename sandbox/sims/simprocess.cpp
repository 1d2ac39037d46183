#include "sandbox/sims/simprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSslKey>
#include <QTimer>

namespace okla::sandbox {

SimProcess::~SimProcess()
{
    stop();
}

QString SimProcess::binaryPath()
{
    const QString binaryDir = qEnvironmentVariable("OKLA_BINARY_DIR");
    if (!binaryDir.isEmpty())
        return binaryDir + QStringLiteral("/sandbox/sims/okla-sim");
    return QCoreApplication::applicationDirPath() + QStringLiteral("/okla-sim");
}

models::Status SimProcess::start(const SimOptions &options, quint16 azulPort, quint16 stripePort, int timeoutMs)
{
    stop();
    m_process = std::make_unique<QProcess>();
    // The simulators log to stderr: forwarded so that a test log shows why something failed.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args{QStringLiteral("--azul-port"), QString::number(azulPort), QStringLiteral("--stripe-port"), QString::number(stripePort),
                     QStringLiteral("--db"), options.conninfo, QStringLiteral("--certs"), options.certDir,
                     QStringLiteral("--credentials"), options.credentialsDir};
    if (!options.azulStore.isEmpty())
        args << QStringLiteral("--azul-store") << options.azulStore;
    m_process->start(binaryPath(), args);
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray line;
    while (!deadline.hasExpired() && m_process->state() != QProcess::NotRunning) {
        if (m_process->canReadLine()) {
            line = m_process->readLine().trimmed();
            break;
        }
        m_process->waitForReadyRead(200);
    }
    const QJsonObject ports = QJsonDocument::fromJson(line).object();
    m_azulPort = quint16(ports.value(QStringLiteral("azul")).toInt());
    m_stripePort = quint16(ports.value(QStringLiteral("stripe")).toInt());
    if (m_azulPort == 0 || m_stripePort == 0) {
        const QByteArray err = m_process->readAllStandardError();
        stop(0);
        return models::makeError(QStringLiteral("sim.process"), QCoreApplication::translate("okla", "The simulators did not start."),
                                 QString::fromUtf8(err.right(2000)));
    }
    return {};
}

void SimProcess::stop(int graceMs)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (graceMs <= 0 || !m_process->waitForFinished(graceMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString SimProcess::azulUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1/webservices/JSON/Default.aspx").arg(m_azulPort);
}

QString SimProcess::stripeUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_stripePort);
}

QByteArray SimProcess::standardError() const
{
    return m_process ? m_process->readAllStandardError() : QByteArray();
}

QByteArray SimHttpReply::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

SimHttpClient::SimHttpClient() : m_network(std::make_unique<QNetworkAccessManager>()) {}

QSslConfiguration SimHttpClient::tlsFor(const QString &caFile, const QString &certFile, const QString &keyFile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    if (!certFile.isEmpty()) {
        tls.setLocalCertificate(QSslCertificate::fromPath(certFile).value(0));
        QFile key(keyFile);
        if (key.open(QIODevice::ReadOnly))
            tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
    }
    return tls;
}

SimHttpReply SimHttpClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                 const QList<std::pair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(timeoutMs);
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    SimHttpReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        out.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        out.headers.append(pair);
    if (out.status == 0)
        out.networkError = reply->errorString();
    reply->deleteLater();
    // A reset or timeout can leave a broken pooled connection: start the next call fresh.
    if (out.status == 0)
        m_network = std::make_unique<QNetworkAccessManager>();
    return out;
}

} // namespace okla::sandbox
