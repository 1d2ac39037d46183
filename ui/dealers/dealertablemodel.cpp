#include "ui/dealers/dealertablemodel.h"

#include <QLoggingCategory>

#include "services/dealers/dealerservice.h"
#include "ui/dealers/dealerformat.h"

Q_LOGGING_CATEGORY(lcDealerModel, "okla.ui.dealers")

namespace okla::ui {

using models::DealerCursor;
using models::DealerPage;
using models::DealerSummary;
using services::DealerService;

DealerTableModel::DealerTableModel(services::DealerService *dealers, QObject *parent)
    : QAbstractTableModel(parent), m_dealers(dealers)
{
}

int DealerTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int DealerTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DealerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DealerSummary &d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return d.displayName();
        case TaxId: return DealerFormat::taxId(d.taxId, d.taxIdKind);
        case City: return d.city;
        case Plan: return DealerFormat::plan(d.planKey);
        case Status: return DealerFormat::subscriptionStatus(d.subscriptionStatusDb);
        case Mrr: return DealerFormat::money(d.mrr);
        case Since: return DealerFormat::date(d.createdAt);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return tr("%1\nLegal name: %2\nVerification: %3")
                .arg(d.displayName(), d.legalName, DealerFormat::verificationStatus(d.verificationDb));
        if (index.column() == TaxId)
            return DealerFormat::taxIdKind(d.taxIdKind);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Mrr)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole: return d.id;
    case TaxIdDigitsRole: return d.taxId;
    case SubscriptionStatusRole: return d.subscriptionStatusDb;
    case VerificationStatusRole: return d.verificationDb;
    case PlanKeyRole: return d.planKey;
    case MrrMinorRole: return d.mrr ? QVariant(d.mrr->minorUnits()) : QVariant();
    case CurrencyRole: return d.mrr ? models::isoCode(d.mrr->currency()) : QString();
    case CreatedAtRole: return d.createdAt;
    }
    return {};
}

QVariant DealerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Dealer");
    case TaxId: return tr("RNC / Cédula");
    case City: return tr("City");
    case Plan: return tr("Plan");
    case Status: return tr("Status");
    case Mrr: return tr("MRR");
    case Since: return tr("Since");
    }
    return {};
}

bool DealerTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_pageInFlight && !m_rows.isEmpty();
}

void DealerTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const DealerSummary &last = m_rows.constLast();
    requestPage(DealerCursor{last.createdAtKey, last.id});
}

void DealerTableModel::setSearch(const QString &search)
{
    ++m_generation;
    m_search = search;
    m_atEnd = false;
    m_pageInFlight = false;
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_total = -1;
    emit totalCountChanged(m_total);
    requestPage(std::nullopt);
    requestCount();
}

void DealerTableModel::setPending(int delta)
{
    const bool wasLoading = isLoading();
    m_pending += delta;
    if (wasLoading != isLoading())
        emit loadingChanged(isLoading());
}

void DealerTableModel::requestPage(std::optional<DealerCursor> after)
{
    m_pageInFlight = true;
    setPending(+1);
    const quint64 generation = m_generation;
    const QString search = m_search;
    m_dealers->page(search, after)
        .then(this, [this, generation](const models::Result<DealerPage> &result) {
            setPending(-1);
            if (generation != m_generation)
                return; // the search changed meanwhile
            if (!result.ok()) {
                m_pageInFlight = false;
                m_atEnd = true; // no automatic retry loop; the page offers "Try again"
                emit loadFailed(result.error());
                return;
            }
            const QList<DealerSummary> &rows = result->rows;
            m_atEnd = result->atEnd;
            // Still "in flight" while inserting: views and testers may call fetchMore() from
            // rowsAboutToBeInserted, when the last row is not yet the new cursor.
            if (!rows.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
                m_rows.append(rows);
                endInsertRows();
            }
            m_pageInFlight = false;
            emit pageLoaded();
        });
}

void DealerTableModel::requestCount()
{
    setPending(+1);
    const quint64 generation = m_generation;
    const QString search = m_search;
    m_dealers->count(search)
        .then(this, [this, generation](const models::Result<qint64> &result) {
            setPending(-1);
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                emit loadFailed(result.error());
                return;
            }
            m_total = result.value();
            emit totalCountChanged(m_total);
        });
}

void DealerTableModel::refresh()
{
    if (m_pageInFlight)
        return; // a page is on its way; it will carry fresh data
    const quint64 generation = ++m_generation;
    const QString search = m_search;
    const int wanted = std::clamp(int(m_rows.size()), DealerService::PageSize, 1000);
    m_pageInFlight = true;
    setPending(+1);
    m_dealers->page(search, std::nullopt, wanted)
        .then(this, [this, generation](const models::Result<DealerPage> &result) {
            setPending(-1);
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                m_pageInFlight = false;
                emit loadFailed(result.error());
                return;
            }
            const QList<DealerSummary> &rows = result->rows;
            bool sameRows = rows.size() == m_rows.size();
            for (int i = 0; sameRows && i < rows.size(); ++i)
                sameRows = rows.at(i).id == m_rows.at(i).id;
            if (sameRows) {
                // Same dealers in the same order: update values in place, the view keeps its place.
                m_rows = rows;
                if (!m_rows.isEmpty())
                    emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
            } else {
                beginResetModel();
                m_rows = rows;
                endResetModel();
            }
            m_atEnd = result->atEnd;
            m_pageInFlight = false;
            emit pageLoaded();
        });
    requestCount();
}

} // namespace okla::ui
