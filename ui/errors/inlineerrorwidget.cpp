#include "ui/errors/inlineerrorwidget.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

#include "ui/errors/errorpresenter.h"

namespace okla::ui {

InlineErrorWidget::InlineErrorWidget(QWidget *parent, bool offerRetry) : QFrame(parent)
{
    setObjectName(QStringLiteral("inlineError"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("inlineErrorMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828"));
    m_details = new QPushButton(tr("Details"), this);
    m_details->setObjectName(QStringLiteral("inlineErrorDetails"));
    m_details->setCheckable(true);
    m_retry = new QPushButton(tr("Try again"), this);
    m_retry->setObjectName(QStringLiteral("inlineErrorRetry"));
    m_retry->setVisible(offerRetry);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("inlineErrorDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_detail->hide();
    layout->addWidget(m_message, 0, 0);
    layout->addWidget(m_details, 0, 1);
    layout->addWidget(m_retry, 0, 2);
    layout->addWidget(m_detail, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);
    connect(m_details, &QPushButton::toggled, m_detail, &QLabel::setVisible);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        clear();
        emit retryRequested();
    });
    hide();
}

void InlineErrorWidget::showError(const QString &context, const models::Error &error)
{
    ErrorPresenter::log(error);
    const QString message = ErrorPresenter::message(error);
    m_message->setText(context.isEmpty() ? message : tr("%1: %2").arg(context, message));
    const QString detail = ErrorPresenter::detail(error);
    m_detail->setText(detail);
    m_details->setVisible(!detail.isEmpty());
    m_details->setChecked(false);
    show();
}

void InlineErrorWidget::clear()
{
    m_message->clear();
    m_detail->clear();
    m_details->setChecked(false);
    hide();
}

QString InlineErrorWidget::text() const { return m_message->text(); }
QString InlineErrorWidget::detailText() const { return m_detail->text(); }

} // namespace okla::ui
