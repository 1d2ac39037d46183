#pragma once

#include <QHostAddress>
#include <QString>

namespace okla::sandbox {

/// What both simulators need to start (okla-sim's command line).
struct SimOptions
{
    QString conninfo;        ///< libpq conninfo of the okla_sim database (created if missing)
    QString certDir;         ///< AZUL simulator PKI (ca.pem, server.*, client.*), made if missing
    QString credentialsDir;  ///< azul-auth1, azul-auth2, stripe-secret-key (+ stripe-webhook-secret)
    QString azulStore;       ///< the only accepted `Store`; empty = any 1..11 digit merchant id
    QHostAddress address = QHostAddress::LocalHost;
};

/// Reads one credential file (trimmed); empty when missing.
QByteArray readCredential(const QString &dir, const QString &name);

} // namespace okla::sandbox
