#include "services/audit/auditsigning.h"
#include "models/oklatr.h"

#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace okla::services::AuditSigning {

using models::makeError;
using models::Result;

namespace {

struct KeyFree { void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); } };
struct BioFree { void operator()(BIO *bio) const { BIO_free(bio); } };
struct MdFree { void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); } };
struct CtxFree { void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); } };
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;

models::Error badKey()
{
    // Never the key's bytes: only that it is not an Ed25519 private key.
    return makeError(QStringLiteral("audit.key"),
                     Tr::tr("The audit signing key (credential audit-signing.key) is not an Ed25519 private key in PEM "
                        "form; make one with `openssl genpkey -algorithm ed25519`."));
}

Key readPrivate(const QByteArray &pem)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    Key key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519)
        return nullptr;
    return key;
}

QString rawPublic(EVP_PKEY *key)
{
    unsigned char raw[32];
    size_t length = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(key, raw, &length) != 1 || length != sizeof raw)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(raw), int(length)).toBase64());
}

} // namespace

Result<KeyPair> generate()
{
    std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        return makeError(QStringLiteral("audit.keygen"), Tr::tr("Could not generate an Ed25519 key."));
    Key key(raw);
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return makeError(QStringLiteral("audit.keygen"), Tr::tr("Could not generate an Ed25519 key."));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return KeyPair{QByteArray(data, int(size)), rawPublic(key.get())};
}

Result<QString> publicKeyOf(const QByteArray &privatePem)
{
    Key key = readPrivate(privatePem);
    if (!key)
        return badKey();
    return rawPublic(key.get());
}

Result<QByteArray> sign(const QByteArray &privatePem, const QByteArray &message)
{
    Key key = readPrivate(privatePem);
    if (!key)
        return badKey();
    std::unique_ptr<EVP_MD_CTX, MdFree> ctx(EVP_MD_CTX_new());
    QByteArray signature(64, '\0');
    size_t length = size_t(signature.size());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1
        || EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                          reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size())) != 1)
        return makeError(QStringLiteral("audit.sign"), Tr::tr("Could not sign the audit checkpoint."));
    signature.resize(qsizetype(length));
    return signature;
}

bool verify(const QString &publicKey, const QByteArray &message, const QByteArray &signature)
{
    const QByteArray raw = QByteArray::fromBase64(publicKey.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (raw.size() != 32 || signature.size() != 64)
        return false;
    Key key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(raw.constData()),
                                        size_t(raw.size())));
    std::unique_ptr<EVP_MD_CTX, MdFree> ctx(EVP_MD_CTX_new());
    return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1
           && EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                               size_t(signature.size()), reinterpret_cast<const unsigned char *>(message.constData()),
                               size_t(message.size())) == 1;
}

} // namespace okla::services::AuditSigning
