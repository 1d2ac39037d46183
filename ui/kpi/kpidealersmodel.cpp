#include "ui/kpi/kpidealersmodel.h"

#include <QLocale>

#include "ui/kpi/kpitext.h"

namespace okla::ui::kpi {

void KpiDealersModel::setRows(QList<models::kpi::KpiDealerRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}
int KpiDealersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int KpiDealersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KpiDealersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::TextAlignmentRole))
        return {};
    const models::kpi::KpiDealerRow &r = m_rows[index.row()];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Amount ? int(Qt::AlignRight | Qt::AlignVCenter)
                                        : int(Qt::AlignLeft | Qt::AlignVCenter);
    switch (index.column()) {
    case Dealer:
        return QStringLiteral("%1 · %2").arg(r.dealerId).arg(r.name);
    case Plan:
        return QString(r.plan.left(1).toUpper() + r.plan.mid(1)); // "elite" → "Elite", as in the charts' legend
    case Date:
        return QLocale().toString(r.date, QLocale::ShortFormat);
    case Amount:
        return r.amount.format(
            r.currency == QLatin1String("USD") ? models::Currency::USD : models::Currency::DOP, true);
    case Detail:
        return r.detail == QLatin1String("voluntary")  ? KpiText::tr("voluntary")
            : r.detail == QLatin1String("involuntary") ? KpiText::tr("involuntary")
                                                       : QString();
    default:
        return {};
    }
}
QVariant KpiDealersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Dealer:
        return KpiText::tr("Dealer");
    case Plan:
        return KpiText::tr("Plan");
    case Date:
        return KpiText::tr("Date");
    case Amount:
        return KpiText::tr("Amount");
    case Detail:
        return KpiText::tr("Detail");
    default:
        return {};
    }
}

} // namespace okla::ui::kpi
