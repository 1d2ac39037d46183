#pragma once

#include <QJsonObject>

#include "models/currency.h"
#include "models/kpi/kpidata.h"

namespace okla::models::kpi {

/// Every KPI of `data.period` as JSON (`okla kpi --json`): amounts as exact minor-unit strings in
/// the reporting currency, ratios as numbers, undefined values as null.
QJsonObject kpiJson(const KpiData &data, Currency currency);

} // namespace okla::models::kpi
