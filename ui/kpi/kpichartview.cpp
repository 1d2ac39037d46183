#include "ui/kpi/kpichartview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBarSeries>
#include <QCursor>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QToolButton>
#include <QToolTip>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QValueAxis>

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

} // namespace

KpiChartView::KpiChartView(const QString &title, Kind kind, KpiSeriesModel *model, QList<int> lineColumns, QWidget *parent)
    : QWidget(parent), m_title(title), m_kind(kind), m_model(model), m_lineColumns(std::move(lineColumns))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    auto *png = new QToolButton(this);
    png->setText(text("Export PNG…"));
    auto *csv = new QToolButton(this);
    csv->setText(text("Export CSV…"));
    header->addWidget(label, 1);
    header->addWidget(png);
    header->addWidget(csv);
    layout->addLayout(header);
    m_view = new QChartView(new QChart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(230);
    layout->addWidget(m_view, 1);
    connect(png, &QToolButton::clicked, this, [this] { saveAs(true); });
    connect(csv, &QToolButton::clicked, this, [this] { saveAs(false); });
    rebuild();
}

void KpiChartView::rebuild()
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
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
        categories << m_model->headerData(r, Qt::Vertical).toString();
    auto *axisX = new QBarCategoryAxis(chart);
    axisX->append(categories);
    if (categories.size() > 12)
        axisX->setLabelsAngle(-90); // 24 months side by side do not fit horizontally
    auto *axisY = new QValueAxis(chart);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
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
                        set->label(), m_model->headerData(row, Qt::Vertical).toString(),
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
                    m_model->headerData(c, Qt::Horizontal).toString(), m_model->headerData(row, Qt::Vertical).toString(),
                    m_model->data(m_model->index(row, c), KpiSeriesModel::ExactRole).toString()));
            }
        });
    }
    axisY->setRange(lo, hi > lo ? hi * 1.08 : lo + 1);
    axisY->applyNiceNumbers();
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
    const QSize old = m_view->size();
    if (size.isValid() && size != old)
        m_view->resize(size);
    QPixmap pixmap = m_view->grab();
    if (size.isValid() && size != old)
        m_view->resize(old);
    return pixmap;
}

bool KpiChartView::exportPng(const QString &path) const
{
    return m_view->grab().save(path, "PNG");
}

bool KpiChartView::exportCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // UTF-8 with BOM so spreadsheet programs read "Expansión" and "RD$" right.
    file.write("\xEF\xBB\xBF");
    return file.write(m_model->toCsv().toUtf8()) >= 0;
}

void KpiChartView::saveAs(bool png)
{
    const QString path = QFileDialog::getSaveFileName(
        this, png ? text("Save chart as PNG") : text("Save data as CSV"), m_title + (png ? QStringLiteral(".png") : QStringLiteral(".csv")),
        png ? QStringLiteral("PNG (*.png)") : QStringLiteral("CSV (*.csv)"));
    if (!path.isEmpty())
        png ? exportPng(path) : exportCsv(path);
}

} // namespace okla::ui::kpi
