#include "ui/shell/pageregistry.h"

#include "ui/planned/auditpage.h"
#include "ui/dealers/dealerspage.h"
#include "ui/planned/infrastructurepage.h"
#include "ui/kpi/kpipanelpage.h"
#include "ui/planned/paymentspage.h"
#include "ui/planned/refundspage.h"
#include "ui/settings/settingspage.h"
#include "ui/planned/storagepage.h"
#include "ui/subscriptions/subscriptionspage.h"

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
