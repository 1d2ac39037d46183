#pragma once

#include "ui/shell/pagecontext.h"
#include "ui/planned/plannedpage.h"

namespace okla::ui {

/// Refunds: described now, built by later work (see the page's own text).
class RefundsPage : public PlannedPage
{
    Q_OBJECT
public:
    explicit RefundsPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Refunds"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/refunds.svg"); }
    QString slug() const override { return QStringLiteral("refunds"); }
};

} // namespace okla::ui
