#include "ui/errorpresenter.h"

#include <QLoggingCategory>
#include <QMessageBox>

#include "models/cardmask.h"

Q_LOGGING_CATEGORY(lcErrors, "okla.ui.errors")

namespace okla::ui {

void ErrorPresenter::show(QWidget *parent, const QString &title, const models::Error &error)
{
    // Details often quote a server or provider verbatim: the last line of defence for card numbers
    // before the log and a dialog a person may screenshot.
    const QString message = models::maskCardNumbers(error.message);
    const QString detail = models::maskCardNumbers(error.detail);
    qCWarning(lcErrors) << error.code << message << detail;
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, parent);
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    box.exec();
}

} // namespace okla::ui
