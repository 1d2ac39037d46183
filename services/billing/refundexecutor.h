#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include "services/billing/executorproviders.h"
#include "services/billing/idempotencyphases.h"
#include "services/billing/phaserunner.h"
#include "services/billing/refundprovider.h"

namespace okla::services {

class PgConnection;
class ResilienceManager;

/// How one refund's execution ended.
struct RefundOutcome
{
    QString state;            ///< succeeded, failed, unknown; or the state it was found in (skipped)
    bool skipped = false;     ///< not approved (any more): nothing was done
    QString providerRefundId;
};

/// Executes refunds that finance approved (docs/domain.md §14) through the phases of
/// docs/idempotency.md §4; how: docs/idempotency.md §14. The payment's reservation, the booked
/// total and the credit note (B04) follow from the refund's state through the database's
/// triggers. Runs on one service thread with an event loop and its own connection as the worker.
class RefundExecutor
{
public:
    RefundExecutor(PgConnection &db, ResilienceManager &resilience, ExecutorProviders providers);

    /// Executes one approved refund once; any later call answers from its key.
    models::Result<RefundOutcome> executeRefund(const QString &refundId);
    /// Continues an unfinished key of operation "refund" (the completer).
    models::Result<RefundOutcome> resume(const QJsonObject &params);
    /// Settles `unknown` refunds from what the provider knows, never sending a refund again
    /// (every 5 minutes in the worker, docs/idempotency.md §7). Returns how many were settled.
    models::Result<int> reconcileUnknown(int limit = 100);

    static QString operationName() { return QStringLiteral("refund"); }

private:
    models::Result<RefundRow> loadRefund(const QString &refundId);
    models::Result<PhaseSteps::Intent> commitIntent(const RefundRow &refund);
    models::Status recordAnswer(const RefundRow &refund, const ProviderAnswer &answer);
    models::Result<QJsonObject> settle(const RefundRow &refund, const ProviderAnswer &answer);
    models::Status announce(const RefundRow &refund, const QString &state, const QJsonObject &summary);
    static QJsonObject summaryOf(const RefundRow &refund, const ProviderAnswer &answer);

    PgConnection &m_db;
    ResilienceManager &m_resilience;
    ExecutorProviders m_providers;
    IdempotencyPhases m_phases;
    Q_DECLARE_TR_FUNCTIONS(okla::services::RefundExecutor)
};

} // namespace okla::services
