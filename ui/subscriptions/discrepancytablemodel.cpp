#include "ui/subscriptions/discrepancytablemodel.h"

#include "models/currency.h"
#include "models/statuses.h"
#include "ui/dealers/dealerformat.h"

namespace okla::ui {

using models::Discrepancy;

namespace {

QString amount(const Discrepancy &d, qint64 minor)
{
    const auto currency = models::currencyFromIsoCode(d.currency);
    if (!d.hasAmounts || !currency)
        return QStringLiteral("—");
    return DealerFormat::money(models::Money::fromMinor(minor, *currency));
}

} // namespace

int DiscrepancyTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int DiscrepancyTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DiscrepancyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Discrepancy &d = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == Expected || index.column() == Actual))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Found: return DealerFormat::date(d.foundAt);
    case Provider: {
        const auto provider = models::fromDb<models::PaymentProvider>(d.provider);
        return provider ? models::label(*provider) : d.provider;
    }
    case Kind: {
        const auto kind = models::fromDb<models::DiscrepancyType>(d.kind);
        return kind ? models::label(*kind) : d.kind;
    }
    case Reference: return d.providerRef;
    case Record:
        if (d.paymentId > 0)
            return tr("payment #%1").arg(d.paymentId);
        if (d.subscriptionId > 0)
            return tr("subscription #%1").arg(d.subscriptionId);
        return tr("none in OKLA");
    case Expected: return amount(d, d.expectedMinor);
    case Actual: return amount(d, d.actualMinor);
    }
    return {};
}

QVariant DiscrepancyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Found: return tr("Found");
    case Provider: return tr("Provider");
    case Kind: return tr("Finding");
    case Reference: return tr("Provider's id");
    case Record: return tr("OKLA record");
    case Expected: return tr("Expected");
    case Actual: return tr("At the provider");
    }
    return {};
}

void DiscrepancyTableModel::setRows(const QList<Discrepancy> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

} // namespace okla::ui
