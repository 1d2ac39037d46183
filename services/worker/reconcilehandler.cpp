// The reconcile request: both providers against OKLA's rows for a business day, with the
// providers the credentials folder names (docs/worker.md §14).
#include "services/worker/reconcilehandler.h"

#include <QCoreApplication>

#include "models/billing/billingperiod.h"
#include "services/reconciliation/reconciler.h"
#include "services/resilience/resiliencemanager.h"
#include "services/worker/requesthandler.h"
#include "services/worker/workerproviders.h"

namespace okla::services {

namespace {

models::Result<QJsonObject> reconcile(RequestContext &context, const QString &profileName)
{
    // The day asked for; without one, today in Santo Domingo (docs/domain.md §20), as the CLI sends.
    QDate day = models::businessDate(QDateTime::currentDateTimeUtc());
    if (const QString given = context.request.params.value(QStringLiteral("date")).toString(); !given.isEmpty()) {
        day = QDate::fromString(given, Qt::ISODate);
        if (!day.isValid())
            return models::makeError(QStringLiteral("worker.reconcile.date"),
                                     QCoreApplication::translate("okla.worker", "The reconciliation day \"%1\" is not a "
                                                                                "date (YYYY-MM-DD).").arg(given.left(40)));
    }
    auto providers = loadWorkerProviders(profileName, context.credentials);
    if (!providers)
        return providers.error();
    return Reconciler(context.db, *providers.value().resilience, providers.value().executorProviders())
        .run(day, context.request.id);
}

} // namespace

void registerReconcileHandler(RequestHandlerRegistry &registry, const QString &profileName)
{
    registry.registerHandler(
        QStringLiteral("reconcile"),
        [profileName](RequestContext &context) { return reconcile(context, profileName); },
        HandlerAtomicity::OwnTransactions);
}

} // namespace okla::services
