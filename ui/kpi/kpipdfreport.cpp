#include "ui/kpi/kpipdfreport.h"

#include <QDateTime>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QBuffer>
#include <QPdfWriter>

#include "models/kpi/kpiseriesmodel.h"
#include "ui/kpi/kpicardcontent.h"
#include "ui/kpi/kpichartview.h"
#include "ui/kpi/kpicohortdelegate.h"
#include "ui/kpi/kpitext.h"

namespace okla::ui::kpi {

using namespace models::kpi;

namespace {

/// Lays out blocks top to bottom, starting a new page when one does not fit.
class Flow
{
public:
    Flow(QPdfWriter &writer, QPainter &painter) : m_writer(writer), m_painter(painter)
    {
        m_width = painter.viewport().width();
        m_height = painter.viewport().height();
    }
    int width() const { return m_width; }
    int take(int height)
    {
        if (m_y + height > m_height && m_y > 0) {
            m_writer.newPage();
            m_y = 0;
        }
        const int top = m_y;
        m_y += height;
        return top;
    }
    void text(const QString &s, int pointSize, bool bold = false)
    {
        QFont f = m_painter.font();
        f.setPointSize(pointSize);
        f.setBold(bold);
        m_painter.setFont(f);
        const QRect r = m_painter.boundingRect(QRect(0, 0, m_width, 10000), Qt::TextWordWrap, s);
        const int top = take(r.height() + pointSize * 4);
        m_painter.drawText(QRect(0, top, m_width, r.height()), Qt::TextWordWrap, s);
    }

private:
    QPdfWriter &m_writer;
    QPainter &m_painter;
    int m_width = 0;
    int m_height = 0;
    int m_y = 0;
};

} // namespace

namespace {
bool draw(QPdfWriter &writer, const KpiData &data, models::Currency currency, const QList<KpiChartView *> &charts,
          const KpiSeriesModel *cohorts);
} // namespace

QByteArray KpiPdfReport::render(const KpiData &data, models::Currency currency, const QList<KpiChartView *> &charts,
                                const KpiSeriesModel *cohorts)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        if (!draw(writer, data, currency, charts, cohorts))
            return {};
    } // the writer finishes the document as it goes
    return bytes;
}

namespace {
bool draw(QPdfWriter &writer, const KpiData &data, models::Currency currency, const QList<KpiChartView *> &charts,
          const KpiSeriesModel *cohorts)
{
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Monthly KPI report")));
    writer.setCreator(QStringLiteral("OKLA Admin"));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QLocale es(QLocale::Spanish, QLocale::DominicanRepublic);
    Flow flow(writer, painter);
    const QString period = data.period.kind == KpiPeriod::Kind::Month
                               ? es.standaloneMonthName(data.period.from.month()) + u' ' + QString::number(data.period.from.year())
                               : data.period.key();
    flow.text(KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Monthly KPI report")) + QStringLiteral(" — ") + period, 16, true);
    flow.text(KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Generated %1"))
                      .arg(es.toString(QDateTime::currentDateTime(), QLocale::ShortFormat)) + QStringLiteral(" · ")
                  + KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Snapshots as of %1"))
                        .arg(es.toString(data.asOf, QLocale::ShortFormat)) + QStringLiteral(" · ")
                  + KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Currency")) + QStringLiteral(": ") + models::isoCode(currency),
              8);

    if (data.isEmpty()) {
        // Without snapshots every figure is unknown: one sentence, not a table of zeros and
        // pages of empty charts.
        flow.text(KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "No data for this period")), 12, true);
        flow.text(KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "No KPI snapshots yet: run `okla kpi rebuild`.")), 10);
        return painter.end();
    }

    // Cards as a table: indicator, value, change, target.
    const QList<CardContent> cards = buildCards(data, currency, [](const char *s) { return KpiText::spanish(s); });
    QFont f = painter.font();
    f.setPointSize(8);
    f.setBold(false);
    painter.setFont(f);
    const int rowHeight = painter.fontMetrics().height() * 3 + 6; // up to three wrapped lines per cell
    const int w = flow.width();
    const int cols[] = {0, int(w * 0.30), int(w * 0.50), int(w * 0.72), w};
    int top = flow.take(rowHeight);
    f.setBold(true);
    painter.setFont(f);
    const QStringList head{KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Indicator")),
                           KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Value")),
                           KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Change and detail")),
                           KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Target and detail"))};
    for (int c = 0; c < 4; ++c)
        painter.drawText(QRect(cols[c], top, cols[c + 1] - cols[c] - 8, rowHeight), Qt::AlignVCenter | Qt::TextWordWrap, head[c]);
    f.setBold(false);
    painter.setFont(f);
    for (const CardContent &card : cards) {
        top = flow.take(rowHeight);
        painter.drawLine(0, top, w, top);
        const QStringList cells{card.title, card.value, card.change, card.target};
        for (int c = 0; c < 4; ++c) {
            painter.drawText(QRect(cols[c], top + 2, cols[c + 1] - cols[c] - 8, rowHeight - 4),
                             Qt::AlignVCenter | Qt::TextWordWrap, cells[c]);
        }
    }

    for (KpiChartView *chart : charts) {
        const QPixmap picture = chart->picture(QSize(1000, 460));
        const int height = w * picture.height() / std::max(1, picture.width());
        // The title stays on the page of its chart (it was left alone at the foot of a page).
        QFont titleFont = painter.font();
        titleFont.setPointSize(11);
        titleFont.setBold(true);
        painter.setFont(titleFont);
        const int titleHeight = painter.fontMetrics().height() + 11 * 4;
        const int blockTop = flow.take(titleHeight + height + 20);
        painter.drawText(QRect(0, blockTop, w, titleHeight), Qt::AlignLeft | Qt::AlignTop, chart->title());
        painter.drawPixmap(QRect(0, blockTop + titleHeight, w, height), picture);
    }

    if (cohorts && cohorts->rowCount() > 0) {
        flow.text(KpiText::spanish(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Cohort retention")), 11, true);
        painter.setFont(f);
        const int first = int(w * 0.18);
        const int cell = (w - first) / std::max(1, cohorts->columnCount());
        top = flow.take(rowHeight);
        for (int c = 0; c < cohorts->columnCount(); ++c)
            painter.drawText(QRect(first + c * cell, top, cell, rowHeight), Qt::AlignCenter, cohorts->headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < cohorts->rowCount(); ++r) {
            top = flow.take(rowHeight);
            painter.drawText(QRect(0, top, first, rowHeight), Qt::AlignVCenter, cohorts->headerData(r, Qt::Vertical).toString());
            for (int c = 0; c < cohorts->columnCount(); ++c) {
                const QModelIndex i = cohorts->index(r, c);
                if (!cohorts->data(i, KpiSeriesModel::DefinedRole).toBool())
                    continue;
                const QRect box(first + c * cell, top, cell - 2, rowHeight - 2);
                painter.fillRect(box, cohorts->data(i, KpiSeriesModel::IncompleteRole).toBool()
                                          ? QColor(Qt::lightGray)
                                          : KpiCohortDelegate::colourFor(cohorts->data(i, KpiSeriesModel::ValueRole).toDouble(), false));
                painter.drawText(box, Qt::AlignCenter, cohorts->data(i, KpiSeriesModel::ExactRole).toString());
            }
        }
    }
    return painter.end();
}
} // namespace

} // namespace okla::ui::kpi
