#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include "models/money.h"

namespace okla::models {

/// Where a subscription stands in dunning (docs/domain.md §21, §24), as the Subscriptions page
/// filters and shows it.
enum class DunningStage {
    None,          ///< in good standing: no overdue invoice
    Retrying,      ///< an overdue invoice with a retry still scheduled
    RetriesUsedUp, ///< an overdue invoice with no retry left (hard decline, or all days used)
};

/// One subscription as the Subscriptions page lists it.
struct SubscriptionSummary
{
    qint64 id = 0;
    qint64 dealerId = 0;
    QString dealerName;
    QString planKey;
    QString planName;
    QString billingCycle; ///< database value: monthly, quarterly, yearly
    QString provider;     ///< azul, stripe
    QString status;       ///< database value, e.g. past_due
    Money monthlyPrice;   ///< the plan version's monthly list price, in the subscription's currency
    QDate currentPeriodEnd;
    QDate nextChargeOn;   ///< invalid when nothing is scheduled
    QDate dunningStartedOn; ///< invalid outside dunning
    int dunningAttempts = 0;
    bool cancelAtPeriodEnd = false;

    DunningStage dunningStage() const
    {
        if (!dunningStartedOn.isValid())
            return DunningStage::None;
        return nextChargeOn.isValid() ? DunningStage::Retrying : DunningStage::RetriesUsedUp;
    }
};

/// What the Subscriptions page filters on; empty strings mean "any".
struct SubscriptionFilter
{
    QString status;
    QString planKey;
    QString provider;
    QString dunningStage; ///< "", "none", "retrying", "retries_used_up"
    QString search;       ///< part of the dealer's name, or a subscription or dealer id

    bool operator==(const SubscriptionFilter &) const = default;
};

/// One page of subscriptions (by id, newest first) and whether more follow.
struct SubscriptionPage
{
    QList<SubscriptionSummary> rows;
    bool atEnd = true;
};

/// One open finding of reconciliation (docs/domain.md §16, §22).
struct Discrepancy
{
    qint64 id = 0;
    QString provider;
    QString kind;        ///< database value of DiscrepancyType
    QString providerRef; ///< the provider's id
    qint64 paymentId = 0;
    qint64 subscriptionId = 0;
    QString currency;    ///< empty when no amount is involved
    qint64 expectedMinor = 0;
    qint64 actualMinor = 0;
    bool hasAmounts = false;
    QDateTime foundAt;
};

} // namespace okla::models
