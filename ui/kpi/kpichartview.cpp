#include "ui/kpi/kpichartview.h"

#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBarSeries>
#include <QCategoryAxis>
#include <QCursor>
#include <QEvent>
#include <QFontMetrics>
#include <QLegendMarker>
#include <QResizeEvent>
#include <QBuffer>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QToolButton>
#include <QToolTip>
#include <QVBarModelMapper>
#include <QVBoxLayout>

#include "models/kpi/kpiseriesmodel.h"
#include "ui/kpi/kpitext.h"

namespace okla::ui::kpi {

using models::kpi::KpiSeriesModel;

namespace {

/// Qt Charts' model mappers read Qt::DisplayRole as a number: give them the drawing value.
class ChartValueProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DisplayRole)
            return QIdentityProxyModel::data(index, KpiSeriesModel::ValueRole);
        return QIdentityProxyModel::data(index, role);
    }
};

/// 1, 2, 2.5 or 5 × 10^k: the tick step a person reads at a glance for about `ticks` ticks.
double niceStep(double span, int ticks)
{
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        if (raw <= m * magnitude * (1 + 1e-9))
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

/// Decimals needed so that consecutive ticks `step` apart read differently.
int decimalsFor(double step)
{
    int decimals = 0;
    while (decimals < 3 && std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return decimals;
}

} // namespace

QString KpiChartView::compactLabel(double value, double step, double magnitude, Unit unit, models::Currency currency)
{
    const QLocale locale;
    if (std::abs(value) < step * 1e-6)
        value = 0; // no "-0"
    if (unit == Unit::Percent)
        return locale.toString(value, 'f', decimalsFor(step)) + QStringLiteral(" %");
    // The suffix follows the axis' largest value, so every label of one axis shares it
    // ("RD$0 K" … "RD$600 K", "RD$0 M" … "RD$1.5 M").
    double divisor = 1;
    QString suffix;
    if (magnitude >= 1e6) {
        divisor = 1e6;
        suffix = QStringLiteral(" M");
    } else if (magnitude >= 1e4 || (magnitude >= 1e3 && step >= 1e3)) {
        divisor = 1e3;
        suffix = QStringLiteral(" K");
    }
    const QString number = locale.toString(std::abs(value) / divisor, 'f', decimalsFor(step / divisor));
    return (value < 0 ? QStringLiteral("−") : QString()) + models::currencySymbol(currency) + number + suffix;
}

KpiChartView::KpiChartView(const QString &title, Kind kind, KpiSeriesModel *model, QList<int> lineColumns, QWidget *parent)
    : QWidget(parent), m_title(title), m_kind(kind), m_model(model), m_lineColumns(std::move(lineColumns))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    label->setWordWrap(true); // long Spanish titles wrap instead of widening the column
    label->setMinimumWidth(0);
    // One "Export" button with a menu: two buttons per chart left too little room for the title
    // at 1024 px in Spanish.
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("chartExport"));
    exportButton->setText(KpiText::tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(KpiText::tr("Picture (PNG)…"), this, [this] { saveAs(true); });
    menu->addAction(KpiText::tr("Data (CSV)…"), this, [this] { saveAs(false); });
    exportButton->setMenu(menu);
    header->addWidget(label, 1);
    header->addWidget(exportButton, 0, Qt::AlignTop);
    layout->addLayout(header);
    m_stack = new QStackedWidget(this);
    // rebuild() gives a chart 280 px (room for 24 rotated month labels), an empty state less.
    m_view = new QChartView(new QChart, m_stack);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->chart()->setLocale(QLocale());
    m_stack->addWidget(m_view);
    // The empty state: a sentence where the plot would be, never axes around nothing.
    m_empty = new QLabel(KpiText::tr("No data for this period"), m_stack);
    m_empty->setObjectName(QStringLiteral("chartEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setAutoFillBackground(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setBackgroundRole(QPalette::Base);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    m_export = exportButton;
    rebuild(); // sets the maximum height: extra height of a tall window goes below the page
}

void KpiChartView::rebuild()
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // owned by the chart as a QObject until its end otherwise: one set per rebuild
    }
    applyPalette();
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    const int columns = m_model->columnCount();
    int lastBar = -1;
    for (int c = 0; c < columns; ++c) {
        if (!m_lineColumns.contains(c))
            lastBar = c;
    }
    QStringList categories;
    for (int r = 0; r < m_model->rowCount(); ++r)
        categories << categoryName(r);
    auto *axisX = new QBarCategoryAxis(chart);
    axisX->append(categories);
    // Labels that do not fit are cut ("ene …", "⋮"); placeLegend() rotates them instead.
    axisX->setTruncateLabels(false);
    auto *axisY = new QCategoryAxis(chart);
    axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);

    double lo = 0, hi = 0;
    if (lastBar >= 0 && m_model->rowCount() > 0) {
        QAbstractBarSeries *bars = m_kind == Kind::StackedBars ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                                               : static_cast<QAbstractBarSeries *>(new QBarSeries);
        auto *proxy = new ChartValueProxy(bars);
        proxy->setSourceModel(m_model);
        auto *mapper = new QVBarModelMapper(bars);
        mapper->setFirstBarSetColumn(0);
        mapper->setLastBarSetColumn(lastBar);
        mapper->setFirstRow(0);
        mapper->setRowCount(m_model->rowCount());
        mapper->setSeries(bars);
        mapper->setModel(proxy);
        chart->addSeries(bars);
        bars->attachAxis(axisX);
        bars->attachAxis(axisY);
        const auto sets = bars->barSets();
        for (int s = 0; s < sets.size(); ++s) {
            QBarSet *set = sets[s];
            connect(set, &QBarSet::hovered, this, [this, s, set](bool on, int row) {
                if (on) {
                    QToolTip::showText(QCursor::pos(), QStringLiteral("%1 · %2: %3").arg(
                        set->label(), categoryName(row),
                        m_model->data(m_model->index(row, s), KpiSeriesModel::ExactRole).toString()));
                } else {
                    QToolTip::hideText();
                }
            });
            connect(set, &QBarSet::clicked, this, [this, s](int row) {
                const QString metric = m_model->seriesKey(s);
                if (!metric.isEmpty())
                    emit drillDown(metric, m_model->rowKey(row));
            });
        }
        for (int r = 0; r < m_model->rowCount(); ++r) {
            double pos = 0, neg = 0;
            for (int c = 0; c <= lastBar; ++c) {
                const double v = m_model->data(m_model->index(r, c), KpiSeriesModel::ValueRole).toDouble();
                if (m_kind == Kind::StackedBars) {
                    (v >= 0 ? pos : neg) += v;
                } else {
                    pos = std::max(pos, v);
                    neg = std::min(neg, v);
                }
            }
            hi = std::max(hi, pos);
            lo = std::min(lo, neg);
        }
    }
    for (int c : m_lineColumns) {
        if (c >= columns)
            continue;
        auto *line = new QLineSeries(chart);
        line->setName(m_model->headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex i = m_model->index(r, c);
            if (!m_model->data(i, KpiSeriesModel::DefinedRole).toBool())
                continue;
            const double v = m_model->data(i, KpiSeriesModel::ValueRole).toDouble();
            line->append(r, v);
            hi = std::max(hi, v);
            lo = std::min(lo, v);
        }
        QPen pen = line->pen();
        pen.setWidth(2);
        pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
        connect(line, &QLineSeries::hovered, this, [this, c](const QPointF &p, bool on) {
            const int row = int(std::lround(p.x()));
            if (on && row >= 0 && row < m_model->rowCount()) {
                QToolTip::showText(QCursor::pos(), QStringLiteral("%1 · %2: %3").arg(
                    m_model->headerData(c, Qt::Horizontal).toString(), categoryName(row),
                    m_model->data(m_model->index(row, c), KpiSeriesModel::ExactRole).toString()));
            }
        });
    }
    const bool empty = m_forcedEmpty || !hasBarData();
    // Nothing to export from an empty state, and no need for a full chart's height to say so.
    m_export->setEnabled(!empty);
    m_stack->setMinimumHeight(empty ? 120 : 280);
    setMaximumHeight(empty ? 180 : 440);
    if (empty) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(m_view);
    // Ticks at round values, labelled for people ("RD$40 K", "95 %"); QValueAxis only knows
    // printf formats, so the labels are categories placed on their values.
    const double step = niceStep(std::max(hi - lo, 1e-9), 5);
    const double first = std::floor(lo / step) * step;
    const double last = std::ceil(hi / step) * step;
    // A category needs a width: the first one is a sliver just below the lowest tick.
    axisY->setStartValue(first - step * 1e-6);
    const int ticks = int(std::lround((last - first) / step));
    for (int k = 0; k <= ticks; ++k)
        axisY->append(compactLabel(first + k * step, step, std::max(std::abs(first), std::abs(last)), m_unit, m_currency),
                      first + k * step);
    axisY->setRange(first - step * 1e-6, last);
    applyPalette();
    placeLegend();
}

void KpiChartView::placeLegend()
{
    // A bottom legend is one row: when its names do not fit the width ("Expansi…", "Reactiv…"
    // in Spanish), they go to the right, one per line, where they keep their full text.
    QChart *chart = m_view->chart();
    QLegend *legend = chart->legend();
    const QFontMetrics metrics(legend->font());
    int needed = 0;
    int widest = 0;
    for (QLegendMarker *marker : legend->markers()) {
        needed += metrics.horizontalAdvance(marker->label()) + metrics.height() * 2 + 8;
        widest = std::max(widest, metrics.horizontalAdvance(marker->label()));
    }
    const bool right = needed > m_view->width() - 24;
    legend->setAlignment(right ? Qt::AlignRight : Qt::AlignBottom);
    legend->setShowToolTips(true);
    // Category labels turn vertical when they would not fit side by side under their bars.
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        auto *categories = qobject_cast<QBarCategoryAxis *>(axis);
        if (!categories || categories->count() == 0)
            continue;
        if (m_labelFont == QFont())
            m_labelFont = categories->labelsFont(); // the theme's, before any shrinking
        const QFontMetrics labelMetrics(m_labelFont);
        int longest = 0;
        for (const QString &label : categories->categories())
            longest = std::max(longest, labelMetrics.horizontalAdvance(label));
        int yAxisWidth = 0;
        for (const QString &label : axisLabels())
            yAxisWidth = std::max(yAxisWidth, labelMetrics.horizontalAdvance(label));
        const int plot = m_view->width() - yAxisWidth - 40 - (right ? widest + metrics.height() * 2 + 24 : 0);
        const int perCategory = plot / int(categories->count());
        const bool vertical = longest + 8 > perCategory;
        categories->setLabelsAngle(vertical ? -90 : 0);
        // Vertical labels closer than their line height overlap: a smaller font (not below 6 pt)
        // keeps each month readable.
        QFont font = m_labelFont;
        if (vertical && QFontMetrics(font).height() > perCategory && font.pointSizeF() > 0)
            font.setPointSizeF(std::max(6.0, font.pointSizeF() * perCategory / QFontMetrics(font).height()));
        categories->setLabelsFont(font);
    }
}

void KpiChartView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!isEmptyState())
        placeLegend();
}

bool KpiChartView::hasBarData() const
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        for (int c = 0; c < m_model->columnCount(); ++c) {
            if (m_lineColumns.contains(c))
                continue;
            const QModelIndex i = m_model->index(r, c);
            if (!m_model->data(i, KpiSeriesModel::DefinedRole).toBool())
                continue;
            // A defined 0 % churn is news; zero money in every bar is nothing to draw.
            if (m_unit == Unit::Percent || m_model->data(i, KpiSeriesModel::ValueRole).toDouble() != 0.0)
                return true;
        }
    }
    return false;
}

QString KpiChartView::categoryName(int row) const
{
    return m_categoryNames.value(m_model->rowKey(row), m_model->headerData(row, Qt::Vertical).toString());
}

void KpiChartView::setUnit(Unit unit, models::Currency currency)
{
    m_unit = unit;
    m_currency = currency;
}

void KpiChartView::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

bool KpiChartView::isEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString KpiChartView::emptyText() const
{
    return m_empty->text();
}

QStringList KpiChartView::axisLabels() const
{
    for (QAbstractAxis *axis : m_view->chart()->axes(Qt::Vertical)) {
        if (auto *category = qobject_cast<QCategoryAxis *>(axis))
            return category->categoriesLabels();
    }
    return {};
}

void KpiChartView::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    QChart *chart = m_view->chart();
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.brush(QPalette::Base));
    chart->setTitleBrush(pal.brush(QPalette::Text));
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
    }
    m_view->setBackgroundBrush(pal.brush(QPalette::Window));
}

void KpiChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        rebuild();
    QWidget::changeEvent(event);
}

QPixmap KpiChartView::picture(QSize size) const
{
    // The current page of the stack: the chart, or the empty-state sentence.
    QWidget *shown = m_stack->currentWidget();
    const QSize old = shown->size();
    if (size.isValid() && size != old)
        shown->resize(size);
    QPixmap pixmap = shown->grab();
    if (size.isValid() && size != old)
        shown->resize(old);
    return pixmap;
}

QByteArray KpiChartView::pngBytes() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    m_stack->currentWidget()->grab().save(&buffer, "PNG");
    return bytes;
}

QByteArray KpiChartView::csvBytes() const
{
    // UTF-8 with BOM so spreadsheet programs read "Expansión" and "RD$" right.
    return QByteArrayLiteral("\xEF\xBB\xBF") + m_model->toCsv().toUtf8();
}

void KpiChartView::saveAs(bool png)
{
    const QString path = QFileDialog::getSaveFileName(
        this, png ? KpiText::tr("Save chart as PNG") : KpiText::tr("Save data as CSV"), m_title + (png ? QStringLiteral(".png") : QStringLiteral(".csv")),
        png ? QStringLiteral("PNG (*.png)") : QStringLiteral("CSV (*.csv)"));
    if (!path.isEmpty())
        emit saveRequested(path, png ? pngBytes() : csvBytes());
}

} // namespace okla::ui::kpi
