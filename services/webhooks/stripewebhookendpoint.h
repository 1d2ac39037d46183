#pragma once

#include <functional>

#include <QJsonObject>
#include <QUuid>

#include "models/http/httprequest.h"
#include "services/httpserver/httpserver.h"
#include "services/providers/stripe/stripewebhookverifier.h"

namespace okla::services {

class PgConnection;
class StripeObjectSource;

/// Where events whose effect belongs to an executor are handed on, after the webhook's commit:
/// the charge executor confirms its own charge from the PaymentIntent, the refund executor settles
/// a refund waiting for its outcome. Either may be empty (nothing is handed on).
struct StripeEventHandoff
{
    std::function<void(const QJsonObject &paymentIntent)> paymentIntentChanged;
    std::function<void(const QUuid &refundId)> refundChanged;
};

/// POST /webhooks/stripe (docs/worker.md §12): verifies the signature over the raw body (a bad or
/// stale one is refused with 400 and changes nothing), records the event id once in
/// stripe_webhook_events (a repeated id answers 200 and changes nothing), re-fetches the object
/// from Stripe, and applies it in one transaction with the event's `processed_at`. When Stripe
/// cannot be reached it answers 503 and Stripe delivers again later.
class StripeWebhookEndpoint
{
public:
    StripeWebhookEndpoint(stripe::StripeWebhookVerifier verifier, StripeObjectSource &source, PgConnection &connection,
                          StripeEventHandoff handoff = {});

    HttpResponse handle(const models::HttpRequest &request);

private:
    struct Fetched; // what the event's type needs from Stripe, fetched before the transaction

    models::Result<bool> alreadyProcessed(const QString &eventId);
    models::Result<Fetched> fetch(const QString &type, const QJsonObject &object);
    models::Result<QString> applyAndRecord(const QString &eventId, const QString &type, const QString &objectId,
                                           const QByteArray &body, const Fetched &fetched);

    stripe::StripeWebhookVerifier m_verifier;
    StripeObjectSource &m_source;
    PgConnection &m_connection;
    StripeEventHandoff m_handoff;
};

} // namespace okla::services
