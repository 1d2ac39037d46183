#include "sandbox/sims/simcertificates.h"

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>

Q_LOGGING_CATEGORY(lcSimCerts, "okla.sandbox.sims.certs")

namespace okla::sandbox {

namespace {
models::Status openssl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        return models::makeError(QStringLiteral("sim.certs"),
                                 QCoreApplication::translate("okla", "Could not create the simulator certificates."),
                                 QString::fromUtf8(p.readAllStandardError()));
    }
    return {};
}
} // namespace

models::Status SimCertificates::ensure() const
{
    QDir().mkpath(m_dir);
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString days = QStringLiteral("3650");
    if (!QFile::exists(caFile())) {
        if (auto s = openssl(m_dir, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                     QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                                     QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"),
                                     QStringLiteral("-days"), days, QStringLiteral("-subj"),
                                     QStringLiteral("/O=OKLA Sandbox/CN=OKLA AZUL Simulator Test CA"),
                                     QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                     QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
            !s)
            return s;
        QFile::remove(serverCertFile());
        QFile::remove(clientCertFile());
    }
    struct Leaf { QString name; QString subject; QString ext; };
    const Leaf leaves[] = {
        {QStringLiteral("server"), QStringLiteral("/O=OKLA Sandbox/CN=localhost"),
         QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")},
        {QStringLiteral("client"), QStringLiteral("/O=Servicios Digitales Popular/CN=okla.local"),
         QStringLiteral("extendedKeyUsage=clientAuth\n")},
    };
    for (const Leaf &leaf : leaves) {
        if (QFile::exists(m_dir + u'/' + leaf.name + QStringLiteral(".pem")))
            continue;
        QFile ext(m_dir + u'/' + leaf.name + QStringLiteral(".ext"));
        if (!ext.open(QIODevice::WriteOnly))
            return models::makeError(QStringLiteral("sim.certs"), QCoreApplication::translate("okla", "Could not create the simulator certificates."), ext.errorString());
        ext.write(leaf.ext.toUtf8());
        ext.close();
        if (auto s = openssl(m_dir, {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                     QStringLiteral("-nodes"), QStringLiteral("-keyout"), leaf.name + QStringLiteral(".key"),
                                     QStringLiteral("-out"), leaf.name + QStringLiteral(".csr"),
                                     QStringLiteral("-subj"), leaf.subject});
            !s)
            return s;
        if (auto s = openssl(m_dir, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                                     leaf.name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                                     QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                                     QStringLiteral("-days"), days, QStringLiteral("-extfile"),
                                     leaf.name + QStringLiteral(".ext"), QStringLiteral("-out"),
                                     leaf.name + QStringLiteral(".pem")});
            !s)
            return s;
        QFile::remove(m_dir + u'/' + leaf.name + QStringLiteral(".csr"));
        QFile::remove(m_dir + u'/' + leaf.name + QStringLiteral(".ext"));
    }
    for (const QString &key : {QStringLiteral("ca.key"), QStringLiteral("server.key"), QStringLiteral("client.key")})
        QFile::setPermissions(m_dir + u'/' + key, QFile::ReadOwner | QFile::WriteOwner);
    qCInfo(lcSimCerts) << "simulator certificates ready in" << m_dir;
    return {};
}

bool SimCertificates::isSignedBy(const QSslCertificate &certificate, const QSslCertificate &ca)
{
    if (certificate.isNull() || ca.isNull())
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certificate.effectiveDate() > now || certificate.expiryDate() < now)
        return false;
    const QByteArray certDer = certificate.toDer();
    const QByteArray caDer = ca.toDer();
    const unsigned char *p = reinterpret_cast<const unsigned char *>(certDer.constData());
    X509 *cert = d2i_X509(nullptr, &p, certDer.size());
    p = reinterpret_cast<const unsigned char *>(caDer.constData());
    X509 *caCert = d2i_X509(nullptr, &p, caDer.size());
    bool ok = false;
    if (cert && caCert) {
        EVP_PKEY *caKey = X509_get0_pubkey(caCert);
        ok = caKey && X509_check_issued(caCert, cert) == X509_V_OK && X509_verify(cert, caKey) == 1;
    }
    X509_free(cert);
    X509_free(caCert);
    return ok;
}

} // namespace okla::sandbox
