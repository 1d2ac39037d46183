#pragma once

#include "ui/shell/pagecontext.h"
#include "ui/planned/plannedpage.h"

namespace okla::ui {

/// Payments: described now, built by later work (see the page's own text).
class PaymentsPage : public PlannedPage
{
    Q_OBJECT
public:
    explicit PaymentsPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Payments"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/payments.svg"); }
    QString slug() const override { return QStringLiteral("payments"); }
};

} // namespace okla::ui
