#pragma once

#include <QDate>

namespace okla::models::kpi {

/// What one rebuild or refresh did.
struct KpiBuildReport
{
    QDate asOf;
    qint64 dealersInScope = 0;
    qint64 changeRows = 0;
    qint64 monthRows = 0;
    QDate aggregatedFrom; ///< first month whose aggregates were recomputed
    qint64 elapsedMs = 0;
    bool full = false;
};

} // namespace okla::models::kpi
