#pragma once

#include <QList>

#include "models/result.h"
#include "models/subscriptions/subscriptionsummary.h"

namespace okla::services {

class PgConnection;

/// Subscriptions and reconciliation findings as the Subscriptions page reads them. Keyset paging by
/// id (newest first), never OFFSET, so a page costs the same on a hundred times today's data.
class SubscriptionRepository
{
public:
    explicit SubscriptionRepository(PgConnection &connection) : m_connection(connection) {}

    /// Up to `limit` subscriptions matching `filter` with an id below `beforeId` (0: from the newest).
    models::Result<QList<models::SubscriptionSummary>> page(const models::SubscriptionFilter &filter, qint64 beforeId,
                                                            int limit);
    models::Result<qint64> count(const models::SubscriptionFilter &filter);
    /// Open findings of reconciliation, newest first (at most `limit`).
    models::Result<QList<models::Discrepancy>> openDiscrepancies(int limit);
    /// Plan keys and names in catalogue order, for the filter and the change-plan dialog.
    models::Result<QList<QPair<QString, QString>>> plans();

private:
    QString whereClause(const models::SubscriptionFilter &filter, QVariantList &params) const;

    PgConnection &m_connection;
};

} // namespace okla::services
