#include "ui/pageregistry.h"

#include "ui/pages/auditpage.h"
#include "ui/pages/dealerspage.h"
#include "ui/pages/infrastructurepage.h"
#include "ui/kpi/kpipanelpage.h"
#include "ui/pages/paymentspage.h"
#include "ui/pages/refundspage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/storagepage.h"
#include "ui/pages/subscriptionspage.h"

namespace okla::ui {

namespace {
template<typename P>
PageRegistry::Factory factory()
{
    return [](const PageContext &context, QWidget *parent) -> Page * { return new P(context, parent); };
}
} // namespace

PageRegistry PageRegistry::standard()
{
    PageRegistry registry;
    registry.add(factory<kpi::KpiPanelPage>());
    registry.add(factory<DealersPage>());
    registry.add(factory<PaymentsPage>());
    registry.add(factory<RefundsPage>());
    registry.add(factory<SubscriptionsPage>());
    registry.add(factory<StoragePage>());
    registry.add(factory<InfrastructurePage>());
    registry.add(factory<AuditPage>());
    registry.add(factory<SettingsPage>());
    return registry;
}

} // namespace okla::ui
