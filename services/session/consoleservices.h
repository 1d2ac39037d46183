#pragma once

#include <memory>

#include "services/dealers/dealerservice.h"
#include "services/files/fileexportservice.h"
#include "services/kpi/kpiservice.h"
#include "services/staff/staffservice.h"
#include "services/subscriptions/subscriptionservice.h"

namespace okla::services {

class Session;

/// The feature service facades one signed-in console uses, built from its session. app/ makes
/// one after sign-in and hands the pieces to pages through PageContext (docs/howto.md §1).
struct ConsoleServices
{
    std::unique_ptr<DealerService> dealers;
    std::unique_ptr<KpiService> kpi;
    std::unique_ptr<FileExportService> files;
    std::unique_ptr<StaffService> staff;
    std::unique_ptr<SubscriptionService> subscriptions;

    static std::unique_ptr<ConsoleServices> forSession(Session &session);
};

} // namespace okla::services
