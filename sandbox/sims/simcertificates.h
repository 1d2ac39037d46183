#pragma once

#include <QSslCertificate>
#include <QString>

#include "models/result.h"

namespace okla::sandbox {

/// The AZUL simulator's private PKI in one folder, made with the `openssl` CLI on first start:
/// ca.pem/ca.key (test CA), server.pem/server.key (CN and SAN localhost, 127.0.0.1) and
/// client.pem/client.key (the merchant certificate a client presents), all signed by the CA.
class SimCertificates
{
public:
    explicit SimCertificates(QString dir) : m_dir(std::move(dir)) {}

    /// Creates whatever is missing. Keys are 0600.
    models::Status ensure() const;

    QString caFile() const { return m_dir + QStringLiteral("/ca.pem"); }
    QString serverCertFile() const { return m_dir + QStringLiteral("/server.pem"); }
    QString serverKeyFile() const { return m_dir + QStringLiteral("/server.key"); }
    QString clientCertFile() const { return m_dir + QStringLiteral("/client.pem"); }
    QString clientKeyFile() const { return m_dir + QStringLiteral("/client.key"); }

    /// True when `certificate` is signed by `ca` and valid now (libcrypto: Qt cannot verify a
    /// client certificate against a private CA outside a handshake).
    static bool isSignedBy(const QSslCertificate &certificate, const QSslCertificate &ca);

private:
    QString m_dir;
};

} // namespace okla::sandbox
