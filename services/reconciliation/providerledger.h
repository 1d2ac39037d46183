#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/result.h"
#include "services/billing/executorproviders.h"

namespace okla::services {

class ResilienceManager;

namespace stripe {
struct StripeListParams;
}

/// One money movement as a provider reports it, reduced to what reconciliation compares
/// (docs/worker.md §14).
struct ProviderTransaction
{
    QString provider;       ///< azul | stripe
    QString kind;           ///< payment | refund
    QString id;             ///< AzulOrderId, ch_… or re_…
    QString oklaId;         ///< Stripe `metadata[okla_id]` (a refund's UUID); empty otherwise
    QString status;         ///< succeeded | failed | pending
    QString providerStatus; ///< as the provider said it (IsoCode, Stripe status)
    qint64 amountMinor = 0;
    QString currency;       ///< DOP | USD
    QDateTime created;      ///< UTC

    QJsonObject toJson() const;
};

/// A Stripe subscription: its status and what it would charge per period.
struct StripeSubscriptionState
{
    QString id;
    QString status;
    QString customer;
    qint64 amountMinor = 0; ///< items' unit amount × quantity
    QString currency;
};

/// What both providers report, read through their HTTP APIs only (never a simulator's database),
/// each call under services/resilience. Runs on a thread with an event loop.
class ProviderLedger
{
public:
    ProviderLedger(ResilienceManager &resilience, ExecutorProviders providers)
        : m_resilience(resilience), m_providers(providers) {}

    /// AZUL's Sale, Post, Void and Refund transactions made in [@p from, @p to) (Hold is no payment).
    models::Result<QList<ProviderTransaction>> azulTransactions(const QDateTime &from, const QDateTime &to);
    /// Stripe's charges (payments) and refunds created in [@p from, @p to).
    models::Result<QList<ProviderTransaction>> stripeTransactions(const QDateTime &from, const QDateTime &to);
    /// Every Stripe subscription, whatever its status.
    models::Result<QList<StripeSubscriptionState>> stripeSubscriptions();
    /// The ids of every Stripe customer that is not deleted.
    models::Result<QStringList> stripeCustomers();

private:
    /// Every object of a Stripe list, page after page (docs/providers.md §13).
    models::Result<QJsonArray> stripeList(const QString &collection, stripe::StripeListParams params);

    ResilienceManager &m_resilience;
    ExecutorProviders m_providers;
};

} // namespace okla::services
