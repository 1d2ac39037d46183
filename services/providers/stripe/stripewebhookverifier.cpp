#include "services/providers/stripe/stripewebhookverifier.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

namespace okla::services::stripe {

using models::makeError;

namespace {

bool isHex(QByteArrayView s)
{
    return !s.isEmpty() && s.size() % 2 == 0
        && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

QByteArray digest(QByteArrayView secret, qint64 timestamp, QByteArrayView body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret.toByteArray());
    mac.addData(QByteArray::number(timestamp));
    mac.addData(".", 1);
    mac.addData(body.data(), body.size());
    return mac.result();
}

} // namespace

StripeWebhookVerifier::StripeWebhookVerifier(QList<QByteArray> secrets, Clock clock, qint64 toleranceSeconds)
    : m_secrets(std::move(secrets))
    , m_clock(std::move(clock))
    , m_tolerance(toleranceSeconds)
{
    m_secrets.removeAll(QByteArray());
}

StripeWebhookVerifier::Clock StripeWebhookVerifier::systemClock()
{
    return [] { return QDateTime::currentSecsSinceEpoch(); };
}

bool StripeWebhookVerifier::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size()) // lengths are public (32 bytes); contents are not
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray StripeWebhookVerifier::sign(QByteArrayView secret, qint64 timestamp, QByteArrayView rawBody)
{
    return digest(secret, timestamp, rawBody).toHex();
}

models::Result<StripeWebhookVerifier::SignatureHeader> StripeWebhookVerifier::parseHeader(QByteArrayView header)
{
    SignatureHeader parsed;
    bool haveTimestamp = false;
    for (QByteArrayView item : QByteArrayView(header).toByteArray().split(',')) {
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArrayView key = item.first(eq).trimmed();
        const QByteArrayView value = item.sliced(eq + 1).trimmed();
        if (key == "t") {
            bool ok = false;
            const qint64 t = value.toLongLong(&ok);
            // Digits only: "+5", " 1" or "1e9" are not what Stripe sends.
            if (!ok || t < 0 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return makeError(QStringLiteral("stripe.webhook.header"), tr("The webhook signature header has an invalid timestamp."));
            parsed.timestamp = t;
            haveTimestamp = true;
        } else if (key == "v1" && value.size() == 64 && isHex(value)) {
            parsed.v1.append(QByteArray::fromHex(value.toByteArray()));
        }
    }
    if (!haveTimestamp)
        return makeError(QStringLiteral("stripe.webhook.header"), tr("The webhook signature header has no timestamp."));
    if (parsed.v1.isEmpty())
        return makeError(QStringLiteral("stripe.webhook.header"), tr("The webhook signature header has no v1 signature."));
    return parsed;
}

models::Status StripeWebhookVerifier::verify(QByteArrayView signatureHeader, QByteArrayView rawBody) const
{
    if (m_secrets.isEmpty())
        return makeError(QStringLiteral("stripe.webhook.no_secret"), tr("No webhook signing secret is configured."));
    auto header = parseHeader(signatureHeader);
    if (!header)
        return header.error();
    const qint64 now = m_clock();
    if (now - header->timestamp > m_tolerance)
        return makeError(QStringLiteral("stripe.webhook.stale"), tr("The webhook signature is too old."),
                         QStringLiteral("age %1 s, tolerance %2 s").arg(now - header->timestamp).arg(m_tolerance));
    // Every secret against every v1, without an early exit that would leak which one matched.
    bool match = false;
    for (const QByteArray &secret : m_secrets) {
        const QByteArray expected = digest(secret, header->timestamp, rawBody);
        for (const QByteArray &candidate : std::as_const(header->v1))
            match |= constantTimeEquals(expected, candidate);
    }
    if (!match)
        return makeError(QStringLiteral("stripe.webhook.signature"), tr("The webhook signature does not match."));
    return {};
}

} // namespace okla::services::stripe
