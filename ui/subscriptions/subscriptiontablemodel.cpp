#include "ui/subscriptions/subscriptiontablemodel.h"

#include <QLocale>
#include <QTimeZone>

#include "models/statuses.h"
#include "services/subscriptions/subscriptionservice.h"
#include "ui/dealers/dealerformat.h"

namespace okla::ui {

using models::SubscriptionPage;
using models::SubscriptionSummary;

namespace {

QString dayText(const QDate &day)
{
    return day.isValid() ? DealerFormat::date(QDateTime(day, QTime(12, 0), QTimeZone(-4 * 3600))) : QStringLiteral("—");
}

QString cycleText(const QString &db)
{
    const auto cycle = models::fromDb<models::BillingCycle>(db);
    return cycle ? models::label(*cycle) : db;
}

QString providerText(const QString &db)
{
    const auto provider = models::fromDb<models::PaymentProvider>(db);
    return provider ? models::label(*provider) : db;
}

} // namespace

SubscriptionTableModel::SubscriptionTableModel(services::SubscriptionService *subscriptions, QObject *parent)
    : QAbstractTableModel(parent), m_subscriptions(subscriptions)
{
}

int SubscriptionTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int SubscriptionTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString SubscriptionTableModel::dunningText(const SubscriptionSummary &s)
{
    switch (s.dunningStage()) {
    case models::DunningStage::None: return QStringLiteral("—");
    case models::DunningStage::Retrying: return tr("Retrying (%n failed)", nullptr, s.dunningAttempts);
    case models::DunningStage::RetriesUsedUp: return tr("Retries used up");
    }
    return {};
}

QVariant SubscriptionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SubscriptionSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Dealer: return s.dealerName;
        case Plan: return s.planName;
        case Cycle: return cycleText(s.billingCycle);
        case Provider: return providerText(s.provider);
        case Status:
            return s.cancelAtPeriodEnd ? tr("%1, ends %2").arg(DealerFormat::subscriptionStatus(s.status),
                                                                 dayText(s.currentPeriodEnd))
                                       : DealerFormat::subscriptionStatus(s.status);
        case Price: return DealerFormat::money(s.monthlyPrice);
        case NextCharge: return dayText(s.nextChargeOn);
        case Dunning: return dunningText(s);
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Price ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Price)
            return tr("Monthly list price of the plan version, before discounts and ITBIS");
        if (index.column() == Dunning && s.dunningStartedOn.isValid())
            return tr("Overdue since %1").arg(dayText(s.dunningStartedOn));
        return {};
    case IdRole: return s.id;
    case StatusRole: return s.status;
    case DunningStageRole: return int(s.dunningStage());
    }
    return {};
}

QVariant SubscriptionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Dealer: return tr("Dealer");
    case Plan: return tr("Plan");
    case Cycle: return tr("Cycle");
    case Provider: return tr("Provider");
    case Status: return tr("Status");
    case Price: return tr("Price / month");
    case NextCharge: return tr("Next charge");
    case Dunning: return tr("Dunning");
    }
    return {};
}

bool SubscriptionTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_pageInFlight && !m_rows.isEmpty();
}

void SubscriptionTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestRows(m_rows.constLast().id, services::SubscriptionService::PageSize, false);
}

void SubscriptionTableModel::setFilter(const models::SubscriptionFilter &filter)
{
    ++m_generation;
    m_filter = filter;
    m_atEnd = false;
    m_pageInFlight = false;
    m_total = -1;
    emit totalCountChanged(m_total);
    requestRows(0, services::SubscriptionService::PageSize, true);
    requestCount();
}

void SubscriptionTableModel::refresh()
{
    if (m_pageInFlight)
        return; // a page is on its way with fresh data
    ++m_generation;
    requestRows(0, std::clamp(int(m_rows.size()), int(services::SubscriptionService::PageSize), 1000), true);
    requestCount();
}

void SubscriptionTableModel::setPending(int delta)
{
    const bool wasLoading = isLoading();
    m_pending += delta;
    if (wasLoading != isLoading())
        emit loadingChanged(isLoading());
}

// `replace`: the answer becomes the whole table (a new filter or a refresh); otherwise it is appended.
void SubscriptionTableModel::requestRows(qint64 beforeId, int limit, bool replace)
{
    m_pageInFlight = true;
    setPending(+1);
    const quint64 generation = m_generation;
    m_subscriptions->page(m_filter, beforeId, limit)
        .then(this, [this, generation, replace](const models::Result<SubscriptionPage> &result) {
            setPending(-1);
            if (generation != m_generation)
                return; // the filter changed meanwhile
            m_pageInFlight = false;
            if (!result.ok()) {
                m_atEnd = true; // no retry loop; the page offers "Try again"
                emit loadFailed(result.error());
                return;
            }
            const QList<SubscriptionSummary> &rows = result->rows;
            m_atEnd = result->atEnd;
            bool sameRows = replace && rows.size() == m_rows.size();
            for (int i = 0; sameRows && i < rows.size(); ++i)
                sameRows = rows.at(i).id == m_rows.at(i).id;
            if (sameRows) {
                m_rows = rows; // same subscriptions: values change in place, the view keeps its place
                if (!m_rows.isEmpty())
                    emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
            } else if (replace) {
                beginResetModel();
                m_rows = rows;
                endResetModel();
            } else if (!rows.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
                m_rows.append(rows);
                endInsertRows();
            }
            emit pageLoaded();
        });
}

void SubscriptionTableModel::requestCount()
{
    setPending(+1);
    const quint64 generation = m_generation;
    m_subscriptions->count(m_filter).then(this, [this, generation](const models::Result<qint64> &result) {
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

} // namespace okla::ui
