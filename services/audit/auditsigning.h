#pragma once

#include <QByteArray>
#include <QString>

#include "models/result.h"

namespace okla::services {

/// Ed25519 for audit checkpoints (docs/security.md §5), through OpenSSL. The private key is a
/// PKCS#8 PEM (the credential `audit-signing.key`); the public key travels as base64 of its 32 raw
/// bytes (`[audit] public_key` of the profile).
namespace AuditSigning {

struct KeyPair
{
    QByteArray privatePem;
    QString publicKey; ///< base64 of the 32-byte raw public key
};

/// A fresh key pair (the sandbox's test key; production keys are made with `openssl genpkey`).
models::Result<KeyPair> generate();
/// The base64 public key of a PEM private key.
models::Result<QString> publicKeyOf(const QByteArray &privatePem);
/// The 64-byte Ed25519 signature of `message`.
models::Result<QByteArray> sign(const QByteArray &privatePem, const QByteArray &message);
/// True only when `signature` is a valid signature of `message` by the base64 `publicKey`.
bool verify(const QString &publicKey, const QByteArray &message, const QByteArray &signature);

} // namespace AuditSigning

} // namespace okla::services
