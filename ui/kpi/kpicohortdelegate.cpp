#include "ui/kpi/kpicohortdelegate.h"

#include <QPainter>

#include "models/kpi/kpiseriesmodel.h"

namespace okla::ui::kpi {

using models::kpi::KpiSeriesModel;

QColor KpiCohortDelegate::colourFor(double ratio, bool dark)
{
    const double r = std::clamp(ratio, 0.0, 1.0);
    // Hue 0 (red) to 120 (green); lighter in light mode so black text stays readable.
    return QColor::fromHsvF(r * 120.0 / 360.0, dark ? 0.55 : 0.35, dark ? 0.45 : 0.98);
}

void KpiCohortDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.data(KpiSeriesModel::DefinedRole).toBool()) {
        const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
        QColor fill = colourFor(index.data(KpiSeriesModel::ValueRole).toDouble(), dark);
        if (index.data(KpiSeriesModel::IncompleteRole).toBool())
            fill = option.palette.color(QPalette::Mid);
        painter->fillRect(option.rect, fill);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace okla::ui::kpi
