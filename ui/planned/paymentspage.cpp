#include "ui/planned/paymentspage.h"

namespace okla::ui {

PaymentsPage::PaymentsPage(const PageContext &, QWidget *parent) : PlannedPage(parent)
{
    describe(tr("Every charge collected through AZUL and Stripe, searchable by dealer, date and status."),
             {tr("Payments with provider ids, amount, ITBIS, fee, card brand and last 4 digits"),
              tr("Declines with their codes and the dunning retries"),
              tr("Resending a receipt (support) and exporting (finance)")},
             tr("It comes with the payments work in a later issue."));
}

} // namespace okla::ui
