#pragma once

#include <QChartView>
#include <QHash>
#include <QWidget>

#include "models/currency.h"

class QLabel;
class QStackedWidget;
class QToolButton;

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
    /// What the values are: amounts in major units of a currency, or percentages (0–100).
    enum class Unit { Money, Percent };
    /// `lineColumns`: model columns drawn as lines over the bars (targets, net new).
    KpiChartView(const QString &title, Kind kind, models::kpi::KpiSeriesModel *model, QList<int> lineColumns = {},
                 QWidget *parent = nullptr);

    /// Rebuilds the series from the model (after the model was reset) and applies the palette.
    /// A model without any non-zero bar value shows the empty-state text instead of axes.
    void rebuild();
    void setUnit(Unit unit, models::Currency currency = models::Currency::DOP);
    /// The centred text shown when there is nothing to draw (default "No data for this period").
    void setEmptyText(const QString &text);
    /// Display names for rows by key ("zoho_mail" → "Zoho Mail") where the model has raw keys.
    void setCategoryNames(const QHash<QString, QString> &namesByKey) { m_categoryNames = namesByKey; }
    /// Shows the empty state whatever the model holds (the Panel has no snapshots at all, so a
    /// lone chart from another table would contradict the cards' "—").
    void setForcedEmpty(bool forced) { m_forcedEmpty = forced; }
    bool isEmptyState() const;
    QString emptyText() const;
    /// The Y axis labels as drawn, e.g. {"RD$0 K", "RD$20 K", ...} (for tests and the PDF).
    QStringList axisLabels() const;
    /// What "Export" saves, rendered in memory (FileExportService writes the file).
    QByteArray pngBytes() const;
    QByteArray csvBytes() const;
    QPixmap picture(QSize size) const;
    QString title() const { return m_title; }
    QChart *chart() const { return m_view->chart(); }
    /// A fixed preference: QChartView's own hint follows its scene, which only ever grows, so
    /// after a tall window the charts stayed tall in a smaller one.
    QSize sizeHint() const override { return {480, 340}; }
    /// "RD$40 K", "US$1.5 M", "12 %": the compact axis text for `value` on an axis whose ticks
    /// are `step` apart and whose largest absolute value is `magnitude`.
    static QString compactLabel(double value, double step, double magnitude, Unit unit, models::Currency currency);

signals:
    /// The person chose where to save an export; the dashboard writes it through its service.
    void saveRequested(const QString &path, const QByteArray &bytes);
    /// A bar was clicked: `metric` (the column's key) for the row's key (e.g. a month).
    void drillDown(const QString &metric, const QString &rowKey);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyPalette();
    void saveAs(bool png);
    bool hasBarData() const;
    QString categoryName(int row) const;
    void placeLegend();

    QString m_title;
    Kind m_kind;
    models::kpi::KpiSeriesModel *m_model;
    QList<int> m_lineColumns;
    Unit m_unit = Unit::Money;
    bool m_forcedEmpty = false;
    QHash<QString, QString> m_categoryNames;
    QFont m_labelFont; ///< category labels' font as the theme set it
    models::Currency m_currency = models::Currency::DOP;
    QStackedWidget *m_stack = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QToolButton *m_export = nullptr;
};

} // namespace okla::ui::kpi
