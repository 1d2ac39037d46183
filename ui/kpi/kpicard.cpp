#include "ui/kpi/kpicard.h"

#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace okla::ui::kpi {

KpiCard::KpiCard(const QString &title, const QString &metric, QWidget *parent) : QFrame(parent), m_metric(metric)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("kpiCard"));
    setMinimumWidth(170);
    setMinimumHeight(118);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    m_title = new QLabel(title, this);
    m_title->setWordWrap(true);
    QFont small = m_title->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_title->setFont(small);
    m_value = new QLabel(QStringLiteral("—"), this);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    m_value->setFont(big);
    m_change = new QLabel(this);
    m_change->setFont(small);
    m_change->setWordWrap(true);
    m_target = new QLabel(this);
    m_target->setFont(small);
    m_target->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    layout->addWidget(m_target);
    layout->addStretch();
    setMetric(metric);
}

void KpiCard::setMetric(const QString &metric)
{
    m_metric = metric;
    if (m_metric.isEmpty())
        unsetCursor();
    else
        setCursor(Qt::PointingHandCursor);
}

void KpiCard::setValues(const QString &value, const QString &change, const QString &target, int status,
                        const QString &tooltip)
{
    m_value->setText(value);
    m_change->setText(change);
    m_target->setText(target);
    const QColor colour = status > 0 ? QColor(0x2e, 0x7d, 0x32) : status < 0 ? QColor(0xc6, 0x28, 0x28) : palette().color(QPalette::WindowText);
    m_target->setStyleSheet(status == 0 ? QString() : QStringLiteral("color: %1").arg(colour.name()));
    setToolTip(tooltip.isEmpty() ? value : tooltip);
}

QString KpiCard::valueText() const
{
    return m_value->text();
}

QString KpiCard::title() const
{
    return m_title->text();
}

void KpiCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_metric.isEmpty())
        emit drillDown(m_metric);
    QFrame::mouseReleaseEvent(event);
}

} // namespace okla::ui::kpi
