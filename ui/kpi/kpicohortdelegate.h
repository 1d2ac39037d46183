#pragma once

#include <QStyledItemDelegate>

namespace okla::ui::kpi {

/// Cohort retention cells on a colour scale (red 0 % -> green 100 %, readable in light and dark);
/// cells of a month not finished yet are greyed.
class KpiCohortDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// The scale's colour for a retention ratio in [0, 1].
    static QColor colourFor(double ratio, bool dark);
};

} // namespace okla::ui::kpi
