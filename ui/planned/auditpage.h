#pragma once

#include "ui/shell/pagecontext.h"
#include "ui/planned/plannedpage.h"

namespace okla::ui {

/// Audit: described now, built by later work (see the page's own text).
class AuditPage : public PlannedPage
{
    Q_OBJECT
public:
    explicit AuditPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Audit"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/audit.svg"); }
    QString slug() const override { return QStringLiteral("audit"); }
};

} // namespace okla::ui
