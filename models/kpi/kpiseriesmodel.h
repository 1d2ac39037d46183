#pragma once

#include <optional>

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/currency.h"
#include "models/kpi/kpidata.h"

namespace okla::models::kpi {

/// One chart's (or table's) data: rows are categories (months, quarters, providers, cohorts),
/// columns are series. The Panel's charts read it through Qt Charts model mappers; exports use
/// toCsv(). Values for drawing are doubles in major units (display only); the exact text is kept.
class KpiSeriesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< double for charts (0 when undefined)
        ExactRole,                    ///< exact text, e.g. "RD$1,234,567.89" or "12,5 %" or "—"
        KeyRole,                      ///< the row's key: "2026-10-01", "azul", ...
        DefinedRole,                  ///< false when the value is undefined ("—")
        IncompleteRole,               ///< cohort cells of a month not finished yet
    };
    struct Series
    {
        QString title;
        QString key;  ///< drill-down metric ("new", "churn", "plan:pro") or empty
        QList<std::optional<double>> values;
        QStringList exact;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void reset(QStringList rowLabels, QStringList rowKeys, QList<Series> series, QList<bool> incomplete = {});
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString rowKey(int row) const { return m_rowKeys.value(row); }
    QString seriesKey(int column) const { return m_series.value(column).key; }
    /// RFC 4180 CSV: a header row, then one row per category with the exact texts.
    QString toCsv() const;

private:
    QStringList m_rowLabels;
    QStringList m_rowKeys;
    QList<Series> m_series;
    QList<bool> m_incomplete;
};

/// Builders: one per Panel chart, in the reporting currency. `text` translates a label
/// (the UI passes its own translator so the models layer stays free of UI strings).
struct KpiSeriesBuilder
{
    const KpiData &data;
    Currency currency;
    int maxMonths = 24;

    QList<MonthRow> recentMonths() const;
    static QString monthLabel(QDate month);
    void mrrByPlan(KpiSeriesModel &model, const QStringList &planLabels) const;
    void movements(KpiSeriesModel &model, const QStringList &titles) const;          ///< 5 kinds + net
    void churn(KpiSeriesModel &model, const QStringList &titles) const;              ///< rate, target
    void success(KpiSeriesModel &model, const QStringList &titles) const;            ///< first, overall, target
    void volume(KpiSeriesModel &model, const QStringList &titles) const;             ///< processed, target
    void spend(KpiSeriesModel &model, const QStringList &titles) const;              ///< spend, budget
    void cohorts(KpiSeriesModel &model, const QString &monthTitle, bool revenue) const;
};

} // namespace okla::models::kpi
