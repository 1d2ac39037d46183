#pragma once

#include <QList>
#include <QString>

#include "models/currency.h"
#include "models/kpi/kpidata.h"

namespace okla::models::kpi {
class KpiSeriesModel;
}

namespace okla::ui::kpi {

class KpiChartView;

/// The monthly KPI report as a PDF in Spanish: the cards (value, change, target), every chart and
/// the cohort table. Drawn with QPdfWriter into memory; no dialog, so it can also run from tests.
class KpiPdfReport
{
public:
    /// The PDF's bytes, drawn in memory (the file is written by FileExportService); empty on failure.
    static QByteArray render(const models::kpi::KpiData &data, models::Currency currency,
                             const QList<KpiChartView *> &charts, const models::kpi::KpiSeriesModel *cohorts);
};

} // namespace okla::ui::kpi
