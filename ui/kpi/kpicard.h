#pragma once

#include <QFrame>

class QLabel;

namespace okla::ui::kpi {

/// One KPI card: title, value, change against the previous period, roadmap target. Clicking a
/// card with a drill-down metric asks for the dealers behind the number.
class KpiCard : public QFrame
{
    Q_OBJECT
public:
    explicit KpiCard(const QString &title, const QString &metric = {}, QWidget *parent = nullptr);

    /// `status`: 0 neutral, 1 on target, -1 off target (colours the target line).
    void setValues(const QString &value, const QString &change, const QString &target, int status = 0,
                   const QString &tooltip = {});
    QString metric() const { return m_metric; }
    void setMetric(const QString &metric);
    QString valueText() const;
    QString title() const;

signals:
    void drillDown(const QString &metric);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QString m_metric;
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_change = nullptr;
    QLabel *m_target = nullptr;
};

} // namespace okla::ui::kpi
