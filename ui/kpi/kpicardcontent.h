#pragma once

#include <functional>

#include <QList>
#include <QString>

#include "models/currency.h"
#include "models/kpi/kpidata.h"

namespace okla::ui::kpi {

/// What one card shows; built once for the Panel (console language) and for the PDF (Spanish).
struct CardContent
{
    QString metric;  ///< drill-down metric or empty
    QString title;
    QString value;
    QString change;  ///< against the previous period
    QString target;  ///< roadmap target for the period, or empty
    int status = 0;  ///< 1 on target, -1 off target, 0 none
    QString tooltip; ///< exact values
};

/// Gets each text marked QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", ...) (so lupdate extracts it)
/// and returns it translated: KpiText::tr for the Panel, KpiText::spanish for the PDF.
using Translate = std::function<QString(const char *)>;

/// The Panel's cards for `data.period` in `currency`, in display order.
QList<CardContent> buildCards(const models::kpi::KpiData &data, models::Currency currency, const Translate &localize);

} // namespace okla::ui::kpi
