#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/result.h"

namespace okla::services::stripe {
class StripeClient;
}

namespace okla::services {

/// Where the webhook endpoint re-reads Stripe's objects: an event says only that something
/// happened, and deliveries arrive late and out of order, so the object is fetched again and its
/// current state is what counts (docs/providers.md §16, docs/worker.md §12). Blocking: call it on
/// a worker thread, never on a GUI thread.
class StripeObjectSource
{
public:
    explicit StripeObjectSource(stripe::StripeClient &client) : m_client(client) {}

    /// `collection` "payment_intents", "refunds", "disputes", "subscriptions", "charges";
    /// `object` the object name Stripe gives it ("payment_intent"…).
    models::Result<QJsonObject> retrieve(const QString &collection, const QString &object, const QString &id);
    /// Every refund of a charge (first 100: a charge has a handful).
    models::Result<QList<QJsonObject>> refundsOfCharge(const QString &chargeId);

private:
    stripe::StripeClient &m_client;
};

} // namespace okla::services
