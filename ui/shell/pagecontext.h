#pragma once

namespace okla::services {
class Session;
class DealerService;
class KpiService;
class FileExportService;
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
};

} // namespace okla::ui
