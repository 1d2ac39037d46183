#pragma once

#include <QDate>

#include "models/result.h"
#include "services/billing/runtally.h"

namespace okla::services {

class InvoiceCharger;
class PgConnection;
struct BilledSubscription;
struct RenewalPolicy;

/// Walks the subscriptions in dunning on a business date (docs/domain.md §21, §26, docs/worker.md
/// §9): retries the overdue invoice on its retry day through the InvoiceCharger with the next
/// attempt number, suspends on the suspension day, cancels on the cancellation day (voiding the
/// open invoices) and reactivates a subscription whose invoice got paid. Every status change
/// writes its subscription_changes row and its notice. Runs as okla_worker.
class DunningRunner
{
public:
    DunningRunner(PgConnection &connection, InvoiceCharger &charger);

    /// Only the subscriptions of `slice` (docs/worker.md §18).
    models::Result<RunTally> run(QDate businessDate, const RunProgress &progress = {}, SubscriptionSlice slice = {});

private:
    /// The step due today for one subscription; a charge is made outside any transaction.
    models::Status dun(qint64 subscriptionId, QDate day, const RenewalPolicy &policy, RunTally &tally);
    models::Status suspend(const BilledSubscription &locked, QDate day, RunTally &tally);
    models::Status cancel(const BilledSubscription &locked, QDate day, RunTally &tally);

    PgConnection &m_connection;
    InvoiceCharger &m_charger;
};

} // namespace okla::services
