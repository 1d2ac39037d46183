#pragma once

#include <QChartView>
#include <QWidget>

class QLabel;

namespace okla::models::kpi {
class KpiSeriesModel;
}

namespace okla::ui::kpi {

/// One Panel chart fed from a KpiSeriesModel through Qt Charts model mappers: bars (stacked or
/// grouped) for the bar columns, lines for the others (targets). Tooltips show the exact value;
/// clicking a bar asks for the dealers behind it. Exports its picture (PNG) and data (CSV).
class KpiChartView : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { StackedBars, Bars };
    /// `lineColumns`: model columns drawn as lines over the bars (targets, net new).
    KpiChartView(const QString &title, Kind kind, models::kpi::KpiSeriesModel *model, QList<int> lineColumns = {},
                 QWidget *parent = nullptr);

    /// Rebuilds the series from the model (after the model was reset) and applies the palette.
    void rebuild();
    bool exportPng(const QString &path) const;
    bool exportCsv(const QString &path) const;
    QPixmap picture(QSize size) const;
    QString title() const { return m_title; }
    QChart *chart() const { return m_view->chart(); }

signals:
    /// A bar was clicked: `metric` (the column's key) for the row's key (e.g. a month).
    void drillDown(const QString &metric, const QString &rowKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void saveAs(bool png);

    QString m_title;
    Kind m_kind;
    models::kpi::KpiSeriesModel *m_model;
    QList<int> m_lineColumns;
    QChartView *m_view = nullptr;
};

} // namespace okla::ui::kpi
