#include "services/session/consoleservices.h"

#include "services/session/session.h"

namespace okla::services {

std::unique_ptr<ConsoleServices> ConsoleServices::forSession(Session &session)
{
    auto services = std::make_unique<ConsoleServices>();
    services->dealers = std::make_unique<DealerService>(&session);
    // KPI reads get their own connection as the signed-in person (their role's grants apply) so a
    // slow query never queues behind another page; a profile whose password the console does not
    // keep shares the session's connection instead.
    if (session.profile().passwordless)
        services->kpi = std::make_unique<KpiService>(
            session.profile().conninfo(session.info().user, QStringLiteral("okla-admin-kpi")));
    else
        services->kpi = std::make_unique<KpiService>(session.database());
    services->files = std::make_unique<FileExportService>();
    services->staff = std::make_unique<StaffService>(&session);
    services->subscriptions = std::make_unique<SubscriptionService>(&session);
    return services;
}

} // namespace okla::services
