#pragma once

#include <QDate>
#include <QJsonObject>

#include "models/result.h"

namespace okla::services {

class InvoiceCharger;
class PgConnection;

/// The billing run of one business date (docs/worker.md §10): the renewal scheduler, then
/// dunning, then the KPI snapshots refreshed so the Panel follows the money. With a request id
/// it writes its progress into that worker_requests row as it goes.
class BillingRun
{
public:
    BillingRun(PgConnection &connection, InvoiceCharger &charger);

    /// Runs everything for `businessDate` (invalid: today in Santo Domingo). `requestId` 0 means
    /// no worker_requests row to report to. Returns the summary the request's result stores:
    /// {"date", "due", "done", "charged", "failed", "renewal": {…}, "dunning": {…}, "kpi": {…}}.
    models::Result<QJsonObject> run(QDate businessDate, qint64 requestId = 0);

private:
    void reportProgress(qint64 requestId, const QJsonObject &progress, bool force);

    PgConnection &m_connection;
    InvoiceCharger &m_charger;
    qint64 m_lastReportMs = -1;
};

} // namespace okla::services
