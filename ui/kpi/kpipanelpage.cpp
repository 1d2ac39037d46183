#include "ui/kpi/kpipanelpage.h"

#include <QLabel>
#include <QVBoxLayout>

#include "ui/kpi/kpitext.h"
#include "ui/kpi/paneldashboard.h"

namespace okla::ui::kpi {

KpiPanelPage::KpiPanelPage(const PageContext &context, QWidget *parent) : Page(parent)
{
    auto *layout = new QVBoxLayout(this);
    // The same margins and heading as every other page (DealersPage, SettingsPage...).
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(createHeading());
    auto *subtitle = new QLabel(KpiText::tr("Revenue, churn, collections and spend against the 2026 roadmap targets"), this);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(subtitle);
    m_dashboard = new PanelDashboard(context.kpi, context.files, this);
    layout->addWidget(m_dashboard);
    connect(m_dashboard, &PanelDashboard::loadingChanged, this, &Page::loadingChanged);
}

KpiPanelPage::~KpiPanelPage() = default;

void KpiPanelPage::activate()
{
    if (!m_started) {
        m_started = true;
        m_dashboard->reload();
    }
}

bool KpiPanelPage::isLoading() const
{
    return !m_started || m_dashboard->isLoading();
}

} // namespace okla::ui::kpi
