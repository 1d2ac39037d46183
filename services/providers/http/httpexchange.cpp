#include "services/providers/http/httpexchange.h"

#include <QCryptographicHash>

namespace okla::services::http {

QByteArray TlsOptions::pinOf(const QSslCertificate &certificate)
{
    return QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256);
}

QByteArray HttpOutcome::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpOutcome::failureName(Failure failure)
{
    switch (failure) {
    case Failure::None: return QStringLiteral("none");
    case Failure::HostNotFound: return QStringLiteral("host_not_found");
    case Failure::ConnectionRefused: return QStringLiteral("connection_refused");
    case Failure::ConnectTimeout: return QStringLiteral("connect_timeout");
    case Failure::TlsHandshake: return QStringLiteral("tls_handshake");
    case Failure::PinMismatch: return QStringLiteral("pin_mismatch");
    case Failure::Timeout: return QStringLiteral("timeout");
    case Failure::ConnectionReset: return QStringLiteral("connection_reset");
    case Failure::BodyTooLarge: return QStringLiteral("body_too_large");
    case Failure::InsecureUrl: return QStringLiteral("insecure_url");
    case Failure::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

} // namespace okla::services::http
