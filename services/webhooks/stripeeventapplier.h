#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// The database side of Stripe's events, written inside the webhook's transaction
/// (docs/worker.md §12). Each method takes the object as re-fetched from Stripe, never the event's
/// copy, and says in a few words what it did (kept for the log and the answer to Stripe).
class StripeEventApplier
{
public:
    explicit StripeEventApplier(PgConnection &connection) : m_connection(connection) {}

    /// charge.dispute.created / closed: the payment of the disputed charge becomes `disputed` (and
    /// back to what it was when a dispute is won); finance is alerted through the outbox
    /// (`billing.payment.disputed`, `billing.payment.dispute_won`, `billing.payment.dispute_lost`).
    models::Result<QString> applyDispute(const QJsonObject &dispute);

    /// invoice.* / customer.subscription.*: OKLA bills every subscription itself, so a Stripe
    /// subscription is only compared: one OKLA does not know is reported as a discrepancy
    /// (`stripe_subscription_without_record`), once while open.
    models::Result<QString> syncSubscription(const QJsonObject &subscription, const QString &eventType);

    /// Of Stripe's refunds, the OKLA refunds (metadata okla_id) still waiting for their outcome
    /// (`submitting`, `unknown`): the refund executor settles them.
    models::Result<QList<QUuid>> refundsAwaitingOutcome(const QList<QJsonObject> &refunds);

private:
    models::Status alertFinance(const QString &eventType, const QJsonObject &payload);

    PgConnection &m_connection;
};

} // namespace okla::services
