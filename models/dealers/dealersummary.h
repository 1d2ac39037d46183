#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include "models/money.h"
#include "models/statuses.h"

namespace okla::models {

/// One dealer as the Dealers page lists it (view dealer_overview).
struct DealerSummary
{
    qint64 id = 0;
    QString legalName;
    QString tradeName;
    QString taxId;     ///< digits only
    QString taxIdKind; ///< "rnc" | "cedula"
    QString city;
    QString province;
    std::optional<DealerVerificationStatus> verification; ///< empty only for a value this build does not know
    QString verificationDb;                                ///< as stored, shown when unknown
    QString dealerType;
    QString planKey; ///< empty when the dealer has no current subscription
    std::optional<SubscriptionStatus> subscriptionStatus;
    QString subscriptionStatusDb; ///< as stored ("" without a subscription)
    std::optional<Money> mrr;     ///< in the subscription's currency; empty without one
    QDateTime createdAt;
    QString createdAtKey; ///< the server's exact text, so keyset paging never loses microseconds

    QString displayName() const { return tradeName.isEmpty() ? legalName : tradeName; }
};

/// Where the next page of dealers starts: the last row seen (keyset paging, never OFFSET).
struct DealerCursor
{
    QString createdAtKey;
    qint64 id = 0;
};

/// One page of dealers and whether more follow.
struct DealerPage
{
    QList<DealerSummary> rows;
    bool atEnd = true;
};

} // namespace okla::models
