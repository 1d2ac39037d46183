#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/result.h"
#include "models/subscriptions/subscriptionsummary.h"

namespace okla::services {
class SubscriptionService;
}

namespace okla::ui {

/// Subscriptions, newest first, loaded 200 at a time by keyset paging (by id) on the database
/// service thread. Answers that arrive after the filter changed are dropped (a generation counter).
class SubscriptionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Dealer, Plan, Cycle, Provider, Status, Price, NextCharge, Dunning, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, DunningStageRole };

    explicit SubscriptionTableModel(services::SubscriptionService *subscriptions, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Starts over with a new filter: first page and count.
    void setFilter(const models::SubscriptionFilter &filter);
    const models::SubscriptionFilter &filter() const { return m_filter; }
    /// Re-reads the rows shown (after a NOTIFY): values change in place when the rows are the same.
    void refresh();

    bool isLoading() const { return m_pending > 0; }
    qint64 totalCount() const { return m_total; } ///< -1 while unknown
    const models::SubscriptionSummary &subscription(int row) const { return m_rows.at(row); }

    /// How a dunning stage reads ("Retrying (2 failed)", "Retries used up", "—").
    static QString dunningText(const models::SubscriptionSummary &s);

signals:
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 total);
    void loadFailed(const okla::models::Error &error);
    void pageLoaded();

private:
    void requestRows(qint64 beforeId, int limit, bool replace);
    void requestCount();
    void setPending(int delta);

    services::SubscriptionService *m_subscriptions;
    QList<models::SubscriptionSummary> m_rows;
    models::SubscriptionFilter m_filter;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_pageInFlight = false;
    bool m_atEnd = false;
    qint64 m_total = -1;
};

} // namespace okla::ui
