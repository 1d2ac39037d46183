#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/subscriptions/subscriptionsummary.h"

namespace okla::ui {

/// Open findings of reconciliation, newest first (docs/domain.md §16): what the provider says
/// against what the database says, with the amounts involved.
class DiscrepancyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Found, Provider, Kind, Reference, Record, Expected, Actual, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(const QList<models::Discrepancy> &rows);

private:
    QList<models::Discrepancy> m_rows;
};

} // namespace okla::ui
