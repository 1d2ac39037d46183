#pragma once

#include <functional>

#include <QDate>
#include <QJsonObject>

#include "models/result.h"
#include "services/billing/runtally.h"
#include "services/worker/requesthandler.h"

namespace okla::services {

class InvoiceCharger;

/// A billing_run request carried out by every executor of every worker (docs/worker.md §18): a run
/// with many subscriptions due is cut into slices, each a `billing_slice` request any executor
/// claims; the run's own executor bills slices too, then waits for the ones others hold, writes
/// the run's progress from theirs, and finishes (totals, KPI refresh). A small run is billed in
/// place. Rerunning a run (its worker died) asks for the same slices again and gets the same rows.
class SlicedBillingRun
{
public:
    struct Options
    {
        int subscriptionsPerSlice = 10; ///< a run with fewer due than two slices' worth runs in place
        int maxSlices = 64;
        int waitMs = 200;               ///< how often the run looks at slices others hold
    };

    SlicedBillingRun(RequestContext &context, InvoiceCharger &charger, Options options);
    SlicedBillingRun(RequestContext &context, InvoiceCharger &charger) : SlicedBillingRun(context, charger, Options{}) {}

    models::Result<QJsonObject> run(QDate businessDate);

    /// The `billing_slice` request's own work: {"date", "parent", "index", "count"} checked, then
    /// BillingRun::runSlice.
    static models::Result<QJsonObject> runSliceRequest(RequestContext &context, InvoiceCharger &charger);

private:
    models::Result<int> sliceCount(QDate day);
    models::Status askForSlices(QDate day, int count);
    /// Claims and bills this run's pending slices until none is left.
    models::Status billPendingSlices();
    /// Waits for every slice to finish; their results (failed slices are an error).
    models::Result<QList<QJsonObject>> waitForSlices(int count);

    RequestContext &m_context;
    InvoiceCharger &m_charger;
    Options m_options;
};

} // namespace okla::services
