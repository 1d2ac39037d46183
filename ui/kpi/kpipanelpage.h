#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace okla::ui::kpi {

class PanelDashboard;

/// The console's Panel page: the KPI dashboard, fed by the KpiService app/ hands it.
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
    PanelDashboard *m_dashboard = nullptr;
    bool m_started = false;
};

} // namespace okla::ui::kpi
