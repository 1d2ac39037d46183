// The billing_run request: renewal and dunning for a day, charging through the charge executor
// with the providers the credentials folder names (docs/worker.md §10, §13).
#include <mutex>

#include <QCoreApplication>

#include "services/billing/billingrun.h"
#include "services/billing/chargeexecutor.h"
#include "services/credentials/credentialstore.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/resilience/resiliencemanager.h"
#include "services/session/connectionprofile.h"
#include "services/worker/requesthandler.h"

namespace okla::services {

namespace {

// One resilience manager per process, so the providers' breakers and limits outlive a request.
std::shared_ptr<ResilienceManager> sharedResilience(const ConnectionProfile &profile)
{
    static std::once_flag once;
    static std::shared_ptr<ResilienceManager> manager;
    std::call_once(once, [&profile] { manager = ResilienceManager::fromProfile(profile); });
    return manager;
}

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
    auto profile = ConnectionProfile::load(profileName.isEmpty() ? ConnectionProfile::activeName() : profileName);
    if (!profile)
        return profile.error();
    auto azulConfig = azul::AzulConfig::load(profile.value(), context.credentials);
    if (!azulConfig)
        return azulConfig.error();
    auto stripeConfig = stripe::StripeConfig::load(profile.value(), context.credentials);
    if (!stripeConfig)
        return stripeConfig.error();
    azul::AzulClient azulClient(azulConfig.value());
    stripe::StripeClient stripeClient(stripeConfig.value());
    std::shared_ptr<ResilienceManager> resilience = sharedResilience(profile.value());
    ChargeExecutor charger(context.db, *resilience, ExecutorProviders{&azulClient, &stripeClient, {}});
    return BillingRun(context.db, charger).run(day, context.request.id);
}

} // namespace

void registerBillingHandlers(RequestHandlerRegistry &registry, const QString &profileName)
{
    registry.registerHandler(
        QStringLiteral("billing_run"),
        [profileName](RequestContext &context) { return runBilling(context, profileName); },
        HandlerAtomicity::OwnTransactions);
    // The providers' secrets are read per run from the credentials folder: a worker without them
    // still serves the other kinds, and a billing run fails saying which secret is missing.
}

} // namespace okla::services
