#pragma once

#include "ui/shell/pagecontext.h"
#include "ui/planned/plannedpage.h"

namespace okla::ui {

/// Infrastructure: described now, built by later work (see the page's own text).
class InfrastructurePage : public PlannedPage
{
    Q_OBJECT
public:
    explicit InfrastructurePage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Infrastructure"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/infrastructure.svg"); }
    QString slug() const override { return QStringLiteral("infrastructure"); }
};

} // namespace okla::ui
