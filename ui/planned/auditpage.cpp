#include "ui/planned/auditpage.h"

namespace okla::ui {

AuditPage::AuditPage(const PageContext &, QWidget *parent) : PlannedPage(parent)
{
    describe(tr("The append-only audit log: who did what, when and with what result."),
             {tr("Every action with its before and after, failed sign-ins included"),
              tr("Search by person, dealer, action and date"),
              tr("Verification of the hash chain")},
             tr("It comes with the audit log work in a later issue."));
}

} // namespace okla::ui
