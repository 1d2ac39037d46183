#pragma once

#include <QStringList>

#include "ui/shell/page.h"

namespace okla::ui {

/// A page whose content a later piece of work builds. It says so plainly, lists what it will
/// show, and shows no figures and no buttons until they are real.
class PlannedPage : public Page
{
    Q_OBJECT
public:
    PlannedPage(QWidget *parent = nullptr);

protected:
    /// Call once from the subclass constructor, with translated text.
    void describe(const QString &summary, const QStringList &willShow, const QString &comesWith);
};

} // namespace okla::ui
