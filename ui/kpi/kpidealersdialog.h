#pragma once

#include <QDialog>

#include "models/kpi/kpidealerrow.h"
#include "models/result.h"

class QLabel;
class QTableView;

namespace okla::ui {
class InlineErrorWidget;
}

namespace okla::ui::kpi {

class KpiDealersModel;

/// The dealers behind one KPI number (drill-down). Dealer 360 does not exist yet: the dialog says
/// so instead of offering a button that does nothing.
class KpiDealersDialog : public QDialog
{
    Q_OBJECT
public:
    KpiDealersDialog(const QString &title, QWidget *parent = nullptr);
    void setLoading();
    void setRows(const QList<models::kpi::KpiDealerRow> &rows);
    void setError(const models::Error &error);
    int rowCount() const;

private:
    KpiDealersModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    InlineErrorWidget *m_error = nullptr;
};

} // namespace okla::ui::kpi
