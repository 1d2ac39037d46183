#pragma once

#include <QDate>
#include <QJsonObject>

#include "models/result.h"
#include "services/billing/runtally.h"

namespace okla::services {

class InvoiceCharger;
class PgConnection;

/// The billing run of one business date (docs/worker.md §10, §18): the renewal scheduler, then
/// dunning, then the KPI snapshots refreshed so the Panel follows the money. A run may be split
/// into slices of the subscriptions that several executors bill side by side; finish() adds their
/// summaries up. With a request id it writes its progress into that worker_requests row.
class BillingRun
{
public:
    BillingRun(PgConnection &connection, InvoiceCharger &charger);

    /// Everything for `businessDate` (invalid: today in Santo Domingo) in this thread: runSlice of
    /// all subscriptions, then finish(). `requestId` 0 means no worker_requests row to report to.
    /// Returns the summary the request's result stores:
    /// {"date", "due", "done", "charged", "failed", "renewal": {…}, "dunning": {…}, "kpi": {…}}.
    models::Result<QJsonObject> run(QDate businessDate, qint64 requestId = 0);

    /// Renewal then dunning of the subscriptions of `slice`: the summary without "kpi".
    models::Result<QJsonObject> runSlice(QDate businessDate, SubscriptionSlice slice, qint64 requestId = 0);

    /// The slices' summaries added up, with the KPI snapshots refreshed for `businessDate`.
    static QJsonObject finish(PgConnection &connection, QDate businessDate, const QList<QJsonObject> &slices);

private:
    void reportProgress(qint64 requestId, const QJsonObject &progress, bool force);

    PgConnection &m_connection;
    InvoiceCharger &m_charger;
    qint64 m_lastReportMs = -1;
};

} // namespace okla::services
