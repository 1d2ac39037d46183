#pragma once

#include <QDate>

#include "models/result.h"
#include "services/billing/runtally.h"

namespace okla::services {

class InvoiceCharger;
class PgConnection;
struct BilledSubscription;
struct RenewalPolicy;

/// Bills the subscriptions that are due (docs/domain.md §25, docs/worker.md §9): for each one in
/// good standing whose next charge day has come, one invoice per due period (with its NCF), made
/// at most once whatever runs twice, charged as attempt 1 through the InvoiceCharger; a paid
/// period moves the schedule on, a declined one starts dunning. Then the pre-charge notices of
/// the subscriptions charged within the notice window. Runs as okla_worker.
class RenewalScheduler
{
public:
    RenewalScheduler(PgConnection &connection, InvoiceCharger &charger);

    /// `businessDate` is the Santo Domingo day being billed (models::businessDate); only the
    /// subscriptions of `slice` are billed and noticed.
    models::Result<RunTally> run(QDate businessDate, const RunProgress &progress = {}, SubscriptionSlice slice = {});

private:
    /// Bills every due period of one subscription, each in its own transactions.
    void renew(qint64 subscriptionId, QDate day, const RenewalPolicy &policy, RunTally &tally);
    /// Bills the first due period; false when nothing more is to be done for the subscription.
    models::Result<bool> renewNextPeriod(qint64 subscriptionId, QDate day, const RenewalPolicy &policy, RunTally &tally);
    models::Status writePreChargeNotices(QDate day, const RenewalPolicy &policy, SubscriptionSlice slice, RunTally &tally);

    PgConnection &m_connection;
    InvoiceCharger &m_charger;
};

} // namespace okla::services
