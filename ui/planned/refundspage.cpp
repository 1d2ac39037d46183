#include "ui/planned/refundspage.h"

namespace okla::ui {

RefundsPage::RefundsPage(const PageContext &, QWidget *parent) : PlannedPage(parent)
{
    describe(tr("Refund requests, their approval by a second person and their settlement with the provider."),
             {tr("Requests waiting for approval, with the requester and the amount"),
              tr("The state of each refund from request to reconciliation"),
              tr("The refund dialog, limited by role and by the approval limit")},
             tr("It comes with the refunds work in a later issue."));
}

} // namespace okla::ui
