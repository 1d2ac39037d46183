#pragma once

namespace okla::services {
class Session;
class DealerService;
class KpiService;
class FileExportService;
class StaffService;
class SubscriptionService;
struct ConsoleServices;
} // namespace okla::services

namespace okla::ui {

/// What pages may use, built by app/ after sign-in: who is signed in and the feature service
/// facades (docs/howto.md §1). Pages never construct services themselves.
struct PageContext
{
    services::Session *session = nullptr;
    services::DealerService *dealers = nullptr;
    services::KpiService *kpi = nullptr;
    services::FileExportService *files = nullptr;
    services::StaffService *staff = nullptr;
    services::SubscriptionService *subscriptions = nullptr;

    /// The context for pages of a console signed in as `session` with `services`
    /// (services::ConsoleServices::forSession).
    static PageContext of(services::Session *session, const services::ConsoleServices &services);
};

} // namespace okla::ui
