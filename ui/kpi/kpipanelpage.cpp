#include "ui/kpi/kpipanelpage.h"

#include <QLabel>
#include <QVBoxLayout>

#include "services/kpi/kpiservice.h"
#include "services/session.h"
#include "ui/kpi/kpitext.h"
#include "ui/kpi/paneldashboard.h"

namespace okla::ui::kpi {

KpiPanelPage::KpiPanelPage(const PageContext &context, QWidget *parent) : Page(parent)
{
    // Its own connection as the signed-in person (their role's grants apply), so a slow KPI
    // query never queues behind another page's work.
    if (context.session && context.session->isSignedIn()) {
        if (context.session->profile().passwordless) {
            m_service = std::make_unique<services::KpiService>(
                context.session->profile().conninfo(context.session->info().user, QStringLiteral("okla-admin-kpi")));
        } else {
            m_service = std::make_unique<services::KpiService>(context.session->database());
        }
    }
    installKpiTranslator(); // before the first text() below
    auto *layout = new QVBoxLayout(this);
    // The same margins and heading as every other page (DealersPage, SettingsPage...).
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(createHeading());
    auto *subtitle = new QLabel(text("Revenue, churn, collections and spend against the 2026 roadmap targets"), this);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(subtitle);
    m_dashboard = new PanelDashboard(m_service.get(), this);
    layout->addWidget(m_dashboard);
    connect(m_dashboard, &PanelDashboard::loadingChanged, this, &Page::loadingChanged);
}

KpiPanelPage::~KpiPanelPage()
{
    delete m_dashboard; // before the service its pending answers refer to
    m_dashboard = nullptr;
}

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
