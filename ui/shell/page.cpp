#include "ui/shell/page.h"

#include <QLabel>

namespace okla::ui {

QLabel *Page::createHeading()
{
    auto *heading = new QLabel(title(), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);
    return heading;
}

} // namespace okla::ui
