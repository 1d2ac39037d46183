#include "ui/errors/errorpresenter.h"

#include <QLoggingCategory>
#include <QMessageBox>

#include "models/secretmask.h"

Q_LOGGING_CATEGORY(lcErrors, "okla.ui.errors")

namespace okla::ui {

namespace {
QMessageBox *makeBox(QWidget *parent, const QString &title, const models::Error &error)
{
    ErrorPresenter::log(error);
    auto *box = new QMessageBox(QMessageBox::Warning, title, ErrorPresenter::message(error), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorBox"));
    if (const QString detail = ErrorPresenter::detail(error); !detail.isEmpty())
        box->setDetailedText(detail);
    return box;
}
} // namespace

// Details often quote a server or provider verbatim: masking here is the last line of defence for
// card numbers, keys and tokens before the log and a dialog a person may screenshot
// (docs/security.md §7).
QString ErrorPresenter::message(const models::Error &error) { return models::maskSecrets(error.message); }
QString ErrorPresenter::detail(const models::Error &error) { return models::maskSecrets(error.detail); }

void ErrorPresenter::log(const models::Error &error)
{
    qCWarning(lcErrors).noquote() << error.code << message(error) << detail(error);
}

QMessageBox *ErrorPresenter::show(QWidget *parent, const QString &title, const models::Error &error)
{
    QMessageBox *box = makeBox(parent, title, error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

void ErrorPresenter::showAndWait(QWidget *parent, const QString &title, const models::Error &error)
{
    std::unique_ptr<QMessageBox> box(makeBox(parent, title, error));
    box->exec();
}

} // namespace okla::ui
