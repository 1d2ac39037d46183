#pragma once

#include <QDateTime>
#include <QStringList>

#include "models/result.h"
#include "services/reconciliation/discrepancy.h"
#include "services/reconciliation/providerledger.h"

namespace okla::services {

class PgConnection;

/// Subscriptions and customers against OKLA's records (docs/worker.md §14): invoices paid without
/// a payment, Stripe subscriptions OKLA has no record of or whose standing differs, and Stripe
/// customers no dealer is linked to.
class SubscriptionMatcher
{
public:
    explicit SubscriptionMatcher(PgConnection &db) : m_db(db) {}

    /// Invoices marked paid in [@p from, @p to) with no captured payment.
    models::Result<Discrepancies> paidWithoutPayment(const QDateTime &from, const QDateTime &to);
    /// Every Stripe subscription, and every OKLA subscription that names one.
    models::Result<Discrepancies> stripeSubscriptions(const QList<StripeSubscriptionState> &subscriptions);
    models::Result<Discrepancies> stripeCustomers(const QStringList &customerIds);

    /// trial/active and trialing/active are "good", past_due/suspended and past_due/unpaid/paused/
    /// incomplete "overdue", cancelled/expired and canceled/incomplete_expired "ended".
    static QString oklaStanding(const QString &status);
    static QString stripeStanding(const QString &status);

private:
    PgConnection &m_db;
};

} // namespace okla::services
