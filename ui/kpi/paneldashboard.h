#pragma once

#include <QFuture>

#include "models/result.h"

#include <QWidget>

#include "models/currency.h"
#include "models/kpi/kpidata.h"

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QStackedLayout;
class QTableView;

namespace okla::models::kpi {
class KpiSeriesModel;
}
namespace okla::services {
class KpiService;
class FileExportService;
}

namespace okla::ui {
class InlineErrorWidget;
}

namespace okla::ui::kpi {

class KpiCard;
class KpiChartView;
class KpiDealersDialog;

/// The managers' dashboard (docs/kpi.md): cards against the previous period and the roadmap target,
/// Qt Charts fed from item models, the cohort table, a period picker and a currency switch,
/// drill-down to the dealers behind a number, PNG/CSV exports and the monthly PDF report.
/// Reads snapshots through KpiService; the GUI thread never waits.
class PanelDashboard : public QWidget
{
    Q_OBJECT
public:
    /// `files` writes the exports; without it (some tests) the export controls are disabled.
    explicit PanelDashboard(services::KpiService *service, services::FileExportService *files = nullptr,
                            QWidget *parent = nullptr);

    void setPeriod(const models::kpi::KpiPeriod &period);
    void setCurrency(models::Currency currency);
    models::kpi::KpiPeriod period() const { return m_period; }
    models::Currency currency() const { return m_currency; }
    const models::kpi::KpiData &data() const { return m_data; }
    bool isLoading() const { return m_loading; }
    QList<KpiCard *> cards() const { return m_cards; }
    QList<KpiChartView *> charts() const { return m_charts; }
    /// The monthly report (Spanish) with the cards, charts and tables, as PDF bytes.
    QByteArray reportPdf() const;
    /// Saves `bytes` at `path` through the export service; a failure is shown to the person.
    QFuture<models::Status> saveExport(const QString &path, const QByteArray &bytes);
    /// True while the page shows its empty state (no snapshots at all).
    bool showsEmptyState() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

public slots:
    void reload();
    /// Lists the dealers behind `metric` for the month `rowKey` (ISO date) or the whole period.
    void drillDown(const QString &metric, const QString &rowKey = {});

signals:
    void loadingChanged(bool loading);
    void loaded();
    void dealersDialogOpened(okla::ui::kpi::KpiDealersDialog *dialog);

private:
    void buildToolbar(QGridLayout *grid);
    void periodControlsChanged();
    void showData();
    void rebuildChartsFrom(int index, quint64 generation);
    void setLoading(bool loading);
    void layoutCards();
    void layoutCharts();
    void showCohortState();

    services::KpiService *m_service;
    services::FileExportService *m_files = nullptr;
    models::kpi::KpiPeriod m_period;
    models::Currency m_currency = models::Currency::DOP;
    models::kpi::KpiData m_data;
    bool m_loading = false;
    quint64 m_request = 0;
    bool m_syncingControls = false;
    quint64 m_showGeneration = 0;

    QComboBox *m_kind = nullptr;
    QDateEdit *m_anchor = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_currencyBox = nullptr;
    QLabel *m_status = nullptr;
    InlineErrorWidget *m_error = nullptr;
    QLabel *m_emptyBanner = nullptr;
    QGridLayout *m_cardGrid = nullptr;
    int m_cardColumns = 0;
    QGridLayout *m_chartGrid = nullptr;
    int m_chartColumns = 0;
    QList<KpiCard *> m_cards;
    QList<KpiChartView *> m_charts;
    QList<models::kpi::KpiSeriesModel *> m_models;
    models::kpi::KpiSeriesModel *m_cohortModel = nullptr;
    QTableView *m_cohortTable = nullptr;
    QLabel *m_cohortEmpty = nullptr;
    QStackedLayout *m_cohortStack = nullptr;
    QComboBox *m_cohortMode = nullptr;
};

} // namespace okla::ui::kpi
