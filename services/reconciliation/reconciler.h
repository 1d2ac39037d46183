#pragma once

#include <optional>

#include <QDate>
#include <QDateTime>
#include <QJsonObject>

#include "models/result.h"
#include "services/billing/executorproviders.h"

namespace okla::services {

class PgConnection;
class ResilienceManager;

/// The daily reconciliation behind a `reconcile` request (docs/domain.md §16, §22;
/// docs/worker.md §14): first the executors settle what they can of `unknown` refunds and
/// unfinished operations, then both providers' transactions of the business day, Stripe's
/// subscriptions and customers are matched with OKLA's rows, and each finding is written once into
/// reconciliation_discrepancies. Runs as the worker's login on a thread with an event loop; a
/// provider whose client is absent is not reconciled (and said so in the result).
class Reconciler
{
public:
    Reconciler(PgConnection &db, ResilienceManager &resilience, ExecutorProviders providers)
        : m_db(db), m_resilience(resilience), m_providers(providers) {}

    /// @p day: a Santo Domingo business date (docs/domain.md §20). @p requestId: the reconcile
    /// request the findings are linked to. Returns the summary stored as the request's result:
    /// `date`, `found` and `recorded` per discrepancy type, what was read and what was settled.
    models::Result<QJsonObject> run(QDate day, std::optional<qint64> requestId);

    /// The business day [start, end) in UTC: 04:00 to 04:00 (UTC−4, no daylight saving time).
    static std::pair<QDateTime, QDateTime> window(QDate day);

private:
    QJsonObject settleUnfinished();

    PgConnection &m_db;
    ResilienceManager &m_resilience;
    ExecutorProviders m_providers;
};

} // namespace okla::services
