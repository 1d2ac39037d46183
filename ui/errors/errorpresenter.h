#pragma once

#include <QString>

#include "models/result.h"

class QMessageBox;
class QWidget;

namespace okla::ui {

/// The one place that turns a typed error into what a person sees (docs/architecture.md §4):
/// the message first, card numbers masked, the technical detail only behind "Details". Pages
/// show errors inline with an InlineErrorWidget; dialogs go through show(). Both log the error
/// once, masked, under okla.ui.errors.
class ErrorPresenter
{
public:
    /// A non-modal message box (no nested event loop): safe from a QFuture continuation. It
    /// deletes itself when closed; connect to its finished() to act afterwards.
    static QMessageBox *show(QWidget *parent, const QString &title, const models::Error &error);
    /// Modal, for start-up failures before the event loop runs; never from a continuation.
    static void showAndWait(QWidget *parent, const QString &title, const models::Error &error);

    /// The masked message and detail of `error`, as every view shows them.
    static QString message(const models::Error &error);
    static QString detail(const models::Error &error);
    /// Logs the error (masked). Views call it once per error they show.
    static void log(const models::Error &error);
};

} // namespace okla::ui
