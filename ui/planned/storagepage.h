#pragma once

#include "ui/shell/pagecontext.h"
#include "ui/planned/plannedpage.h"

namespace okla::ui {

/// Storage: described now, built by later work (see the page's own text).
class StoragePage : public PlannedPage
{
    Q_OBJECT
public:
    explicit StoragePage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Storage"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/storage.svg"); }
    QString slug() const override { return QStringLiteral("storage"); }
};

} // namespace okla::ui
