#include "ui/errorpresenter.h"

#include <QLoggingCategory>
#include <QMessageBox>

Q_LOGGING_CATEGORY(lcErrors, "okla.ui.errors")

namespace okla::ui {

void ErrorPresenter::show(QWidget *parent, const QString &title, const models::Error &error)
{
    qCWarning(lcErrors) << error.code << error.message << error.detail;
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Ok, parent);
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

} // namespace okla::ui
