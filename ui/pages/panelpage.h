#pragma once

#include "ui/pagecontext.h"
#include "ui/pages/plannedpage.h"

namespace okla::ui {

/// Panel: described now, built by later work (see the page's own text).
class PanelPage : public PlannedPage
{
    Q_OBJECT
public:
    explicit PanelPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Panel"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/panel.svg"); }
    QString slug() const override { return QStringLiteral("panel"); }
};

} // namespace okla::ui
