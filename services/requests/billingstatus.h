#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// Where recurring billing stands on one Santo Domingo day: what `okla billing status` prints and
/// the billing-run monitor shows (docs/worker.md §11).
struct BillingStatus
{
    QDate businessDate;              ///< today in Santo Domingo (docs/domain.md §20)
    qint64 dueSubscriptions = 0;     ///< next_charge_on on or before the day, in good standing or in dunning
    qint64 inDunning = 0;            ///< subscriptions with an overdue invoice being retried
    QMap<QString, qint64> chargesToday; ///< charges started that day, by state
    qint64 chargesInFlight = 0;      ///< submitting or unknown, any day: not yet settled
    QMap<QString, qint64> openRequests; ///< pending and running worker requests, "kind/state" -> count
    qint64 workersAlive = 0;         ///< instances whose heartbeat is under 30 s old
    qint64 lastRunId = 0;            ///< the latest billing_run request (0: none yet)
    QString lastRunState;
    QDateTime lastRunAt;
};

class BillingStatusReader
{
public:
    explicit BillingStatusReader(PgConnection &connection) : m_connection(connection) {}
    models::Result<BillingStatus> read();

private:
    PgConnection &m_connection;
};

} // namespace okla::services
