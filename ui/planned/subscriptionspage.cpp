#include "ui/planned/subscriptionspage.h"

namespace okla::ui {

SubscriptionsPage::SubscriptionsPage(const PageContext &, QWidget *parent) : PlannedPage(parent)
{
    describe(tr("Dealer subscriptions: plan, cycle, Early Bird terms and the full change history."),
             {tr("Current plan, status and next renewal date of each dealer"),
              tr("Upgrades, downgrades and cancellations with their reasons"),
              tr("Dealers in dunning and the day each step happens")},
             tr("It comes with the subscriptions and billing work in a later issue."));
}

} // namespace okla::ui
