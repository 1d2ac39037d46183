#include "services/requests/billingstatus.h"

#include <QTimeZone>

#include "models/billing/billingperiod.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using models::Result;

namespace {

// A worker whose heartbeat is older than this is not counted as alive (docs/worker.md §11).
constexpr int kAliveSeconds = 30;

} // namespace

Result<BillingStatus> BillingStatusReader::read()
{
    BillingStatus status;
    status.businessDate = models::businessDate(QDateTime::currentDateTimeUtc());
    const QString day = status.businessDate.toString(Qt::ISODate);
    auto counts = m_connection.exec(
        QStringLiteral("SELECT (SELECT count(*) FROM subscriptions WHERE next_charge_on <= $1::date), "
                       "(SELECT count(*) FROM subscriptions WHERE dunning_started_on IS NOT NULL "
                       "   AND status IN ('past_due', 'suspended')), "
                       "(SELECT count(*) FROM charges WHERE state IN ('submitting', 'unknown')), "
                       "(SELECT count(*) FROM worker_instances WHERE heartbeat_at > now() - make_interval(secs => $2))"),
        {day, kAliveSeconds});
    if (!counts)
        return counts.error();
    status.dueSubscriptions = counts->toInt64(0, 0);
    status.inDunning = counts->toInt64(0, 1);
    status.chargesInFlight = counts->toInt64(0, 2);
    status.workersAlive = counts->toInt64(0, 3);

    auto charges = m_connection.exec(
        QStringLiteral("SELECT state, count(*) FROM charges WHERE started_at >= ($1::date::timestamp AT TIME ZONE "
                       "'America/Santo_Domingo') AND started_at < (($1::date + 1)::timestamp AT TIME ZONE "
                       "'America/Santo_Domingo') GROUP BY state ORDER BY state"),
        {day});
    if (!charges)
        return charges.error();
    for (int i = 0; i < charges->rows(); ++i)
        status.chargesToday.insert(charges->text(i, 0), charges->toInt64(i, 1));

    auto requests = m_connection.exec(QStringLiteral(
        "SELECT kind || '/' || state, count(*) FROM worker_requests WHERE state IN ('pending', 'running') "
        "GROUP BY 1 ORDER BY 1"));
    if (!requests)
        return requests.error();
    for (int i = 0; i < requests->rows(); ++i)
        status.openRequests.insert(requests->text(i, 0), requests->toInt64(i, 1));

    auto lastRun = m_connection.exec(QStringLiteral(
        "SELECT id, state, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
        "FROM worker_requests WHERE kind = 'billing_run' ORDER BY id DESC LIMIT 1"));
    if (!lastRun)
        return lastRun.error();
    if (lastRun->rows() == 1) {
        status.lastRunId = lastRun->toInt64(0, 0);
        status.lastRunState = lastRun->text(0, 1);
        status.lastRunAt = QDateTime::fromString(lastRun->text(0, 2), Qt::ISODate);
    }
    return status;
}

} // namespace okla::services
