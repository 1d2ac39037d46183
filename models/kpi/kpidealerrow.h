#pragma once

#include <QDate>
#include <QString>

#include "models/kpi/kpiamount.h"

namespace okla::models::kpi {

/// One dealer behind a KPI number (drill-down).
struct KpiDealerRow
{
    qint64 dealerId = 0;
    QString name;
    QString currency;
    QString plan;
    QDate date;                  ///< the movement's day, or the month for a snapshot
    KpiAmount amount; ///< native: MRR or the movement's signed delta
    QString detail;              ///< "voluntaria" / "involuntaria"...
};

} // namespace okla::models::kpi
