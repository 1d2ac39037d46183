#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/kpi/kpidealerrow.h"

namespace okla::ui::kpi {

/// The dealers behind one KPI number, for the Panel's drill-down dialog.
class KpiDealersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Dealer, Plan, Date, Amount, Detail, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<models::kpi::KpiDealerRow> rows);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<models::kpi::KpiDealerRow> m_rows;
};

} // namespace okla::ui::kpi
