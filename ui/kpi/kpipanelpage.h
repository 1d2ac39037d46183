#pragma once

#include <memory>

#include "ui/page.h"
#include "ui/pagecontext.h"

namespace okla::services {
class KpiService;
}

namespace okla::ui::kpi {

class PanelDashboard;

/// The console's Panel page: the KPI dashboard on its own database connection and thread.
class KpiPanelPage : public Page
{
    Q_OBJECT
public:
    explicit KpiPanelPage(const PageContext &context, QWidget *parent = nullptr);
    ~KpiPanelPage() override;

    QString title() const override { return tr("Panel"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/panel.svg"); }
    QString slug() const override { return QStringLiteral("panel"); }
    void activate() override;
    bool isLoading() const override;
    PanelDashboard *dashboard() const { return m_dashboard; }

private:
    std::unique_ptr<services::KpiService> m_service;
    PanelDashboard *m_dashboard = nullptr;
    bool m_started = false;
};

} // namespace okla::ui::kpi
