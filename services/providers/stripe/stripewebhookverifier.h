#pragma once

#include <functional>

#include <QCoreApplication>
#include <QByteArray>
#include <QList>

#include "models/result.h"

namespace okla::services::stripe {

/// Checks `Stripe-Signature` exactly as docs/providers.md §16 says: HMAC-SHA256 keyed with the whole
/// `whsec_…` string over `t + "." + raw body`, constant-time compare against every `v1`
/// (rotation sends two), signatures older than the tolerance refused (future `t` accepted, as
/// the official libraries do). Several secrets may be configured during a rotation. Pure QtCore.
class StripeWebhookVerifier
{
public:
    using Clock = std::function<qint64()>; ///< Unix seconds
    static constexpr qint64 DefaultToleranceSeconds = 300;

    struct SignatureHeader
    {
        qint64 timestamp = -1;
        QList<QByteArray> v1; ///< decoded digests (32 bytes each); non-hex entries are skipped
    };

    explicit StripeWebhookVerifier(QList<QByteArray> secrets, Clock clock = systemClock(),
                                   qint64 toleranceSeconds = DefaultToleranceSeconds);

    /// ok, or a typed error: "stripe.webhook.header" (malformed, no t, no v1),
    /// "stripe.webhook.stale", "stripe.webhook.signature" (no match), "stripe.webhook.no_secret".
    models::Status verify(QByteArrayView signatureHeader, QByteArrayView rawBody) const;

    /// Splits on ',' then on the first '='; keeps `t` and the hex `v1` values only.
    static models::Result<SignatureHeader> parseHeader(QByteArrayView header);
    /// Lower-case hex HMAC-SHA256 of `t.body` with @p secret (for the simulator and tests).
    static QByteArray sign(QByteArrayView secret, qint64 timestamp, QByteArrayView rawBody);
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
    static Clock systemClock();

private:
    QList<QByteArray> m_secrets;
    Clock m_clock;
    qint64 m_tolerance;
    Q_DECLARE_TR_FUNCTIONS(okla::services::stripe::StripeWebhookVerifier)
};

} // namespace okla::services::stripe
