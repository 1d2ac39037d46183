#pragma once

#include "ui/shell/pagecontext.h"
#include "ui/planned/plannedpage.h"

namespace okla::ui {

/// Subscriptions: described now, built by later work (see the page's own text).
class SubscriptionsPage : public PlannedPage
{
    Q_OBJECT
public:
    explicit SubscriptionsPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Subscriptions"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/subscriptions.svg"); }
    QString slug() const override { return QStringLiteral("subscriptions"); }
};

} // namespace okla::ui
