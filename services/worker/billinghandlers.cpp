// The billing_run request and its slices: renewal and dunning for a day, charging through the
// charge executor with the providers the credentials folder names (docs/worker.md §10, §13, §18).
#include <QCoreApplication>
#include <QDateTime>

#include "models/billing/billingperiod.h"

#include "services/billing/billingrun.h"
#include "services/billing/chargeexecutor.h"
#include "services/resilience/resiliencemanager.h"
#include "services/worker/requesthandler.h"
#include "services/worker/slicedbillingrun.h"
#include "services/worker/workerproviders.h"

namespace okla::services {

namespace {

models::Result<QJsonObject> runBilling(RequestContext &context, const QString &profileName)
{
    QDate day;
    if (const QString given = context.request.params.value(QStringLiteral("date")).toString(); !given.isEmpty()) {
        day = QDate::fromString(given, Qt::ISODate);
        if (!day.isValid())
            return models::makeError(QStringLiteral("worker.billing.date"),
                                     QCoreApplication::translate("okla.worker", "The billing day \"%1\" is not a date "
                                                                                "(YYYY-MM-DD).").arg(given.left(40)));
    }
    auto providers = loadWorkerProviders(profileName, context.credentials);
    if (!providers)
        return providers.error();
    ChargeExecutor charger(context.db, *providers.value().resilience, providers.value().executorProviders());
    return SlicedBillingRun(context, charger).run(day.isValid() ? day : models::businessDate(QDateTime::currentDateTimeUtc()));
}

models::Result<QJsonObject> runBillingSlice(RequestContext &context, const QString &profileName)
{
    auto providers = loadWorkerProviders(profileName, context.credentials);
    if (!providers)
        return providers.error();
    ChargeExecutor charger(context.db, *providers.value().resilience, providers.value().executorProviders());
    return SlicedBillingRun::runSliceRequest(context, charger);
}

} // namespace

void registerBillingHandlers(RequestHandlerRegistry &registry, const QString &profileName)
{
    registry.registerHandler(
        QStringLiteral("billing_run"),
        [profileName](RequestContext &context) { return runBilling(context, profileName); },
        HandlerAtomicity::OwnTransactions);
    registry.registerHandler(
        QStringLiteral("billing_slice"),
        [profileName](RequestContext &context) { return runBillingSlice(context, profileName); },
        HandlerAtomicity::OwnTransactions);
    // The providers' secrets are read per run from the credentials folder: a worker without them
    // still serves the other kinds, and a billing run fails saying which secret is missing.
}

} // namespace okla::services
