#include "ui/pages/panelpage.h"

namespace okla::ui {

PanelPage::PanelPage(const PageContext &, QWidget *parent) : PlannedPage(parent)
{
    describe(tr("The manager's dashboard: OKLA's key figures against the roadmap targets."),
             {tr("MRR, New and Expansion MRR, churn and active dealers by plan"),
              tr("Targets from the roadmap and how far each one is"),
              tr("Charts by month, fed from the subscription history")},
             tr("It comes with the KPI dashboard work (issue 4)."));
}

} // namespace okla::ui
