#pragma once

#include <QFrame>

#include "models/result.h"

class QLabel;
class QPushButton;

namespace okla::ui {

/// An error shown where it happened, inside a page: the message (masked by ErrorPresenter), a
/// "Details" button that reveals the technical detail, and an optional "Try again".
class InlineErrorWidget : public QFrame
{
    Q_OBJECT
public:
    explicit InlineErrorWidget(QWidget *parent = nullptr, bool offerRetry = true);

    /// Shows `error`, prefixed with what was being done ("Could not load dealers").
    void showError(const QString &context, const models::Error &error);
    void clear();
    QString text() const;
    QString detailText() const;

signals:
    void retryRequested();

private:
    QLabel *m_message = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_details = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace okla::ui
