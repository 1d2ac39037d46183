#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/result.h"
#include "models/dealers/dealersummary.h"

namespace okla::services {
class DealerService;
}

namespace okla::ui {

/// Dealers, newest first, loaded 200 at a time by keyset paging on the database service thread.
/// Answers that arrive after the search changed are dropped (a generation counter).
class DealerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, TaxId, City, Plan, Status, Mrr, Since, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TaxIdDigitsRole,
        SubscriptionStatusRole, ///< database value, e.g. "past_due"
        VerificationStatusRole,
        PlanKeyRole,
        MrrMinorRole,           ///< qint64 or invalid
        CurrencyRole,           ///< ISO code, empty without a subscription
        CreatedAtRole,          ///< QDateTime, UTC
    };

    explicit DealerTableModel(services::DealerService *dealers, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Starts over with a new search (empty = every dealer): first page and count.
    void setSearch(const QString &search);
    QString search() const { return m_search; }
    /// Re-reads the rows already shown (after NOTIFY or reconnect); keeps the view in place when
    /// only values changed.
    void refresh();

    bool isLoading() const { return m_pending > 0; }
    /// Dealers matching the search, or -1 while unknown.
    qint64 totalCount() const { return m_total; }
    const models::DealerSummary &dealer(int row) const { return m_rows.at(row); }

signals:
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 total);
    void loadFailed(const okla::models::Error &error);
    /// A page (or a refresh) was applied.
    void pageLoaded();

private:
    void requestPage(std::optional<models::DealerCursor> after);
    void requestCount();
    void setPending(int delta);

    services::DealerService *m_dealers;
    QList<models::DealerSummary> m_rows;
    QString m_search;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_pageInFlight = false;
    bool m_atEnd = false;
    qint64 m_total = -1;
};

} // namespace okla::ui
