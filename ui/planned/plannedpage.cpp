#include "ui/planned/plannedpage.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace okla::ui {

PlannedPage::PlannedPage(QWidget *parent) : Page(parent) {}

void PlannedPage::describe(const QString &summary, const QStringList &willShow, const QString &comesWith)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);

    layout->addWidget(createHeading());

    auto *summaryLabel = new QLabel(summary, this);
    summaryLabel->setWordWrap(true);
    layout->addWidget(summaryLabel);

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("plannedCard"));
    card->setFrameShape(QFrame::StyledPanel);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 16, 20, 16);
    auto *notYet = new QLabel(tr("Not built yet"), card);
    QFont notYetFont = notYet->font();
    notYetFont.setBold(true);
    notYet->setFont(notYetFont);
    cardLayout->addWidget(notYet);
    auto *when = new QLabel(comesWith, card);
    when->setWordWrap(true);
    cardLayout->addWidget(when);
    auto *listTitle = new QLabel(tr("This page will show:"), card);
    cardLayout->addWidget(listTitle);
    QString items;
    for (const QString &item : willShow)
        items += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
    auto *list = new QLabel(QStringLiteral("<ul style=\"margin-left:-20px\">") + items + QStringLiteral("</ul>"), card);
    list->setTextFormat(Qt::RichText);
    list->setWordWrap(true);
    cardLayout->addWidget(list);
    card->setMaximumWidth(760);
    summaryLabel->setMaximumWidth(760);
    layout->addWidget(card);
    layout->addStretch(1);
}

} // namespace okla::ui
