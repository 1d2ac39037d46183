#pragma once

#include <functional>
#include <optional>

#include <QDate>
#include <QString>

#include "models/kpi/kpibuildreport.h"
#include "models/result.h"

namespace okla::services {

class PgConnection;

using models::kpi::KpiBuildReport;

/// Writes the KPI snapshot tables (migration 7) from the billing history with the SQL in
/// services/kpi/sql, in one transaction under an advisory lock. Runs as the owner or okla_worker.
class KpiSnapshotBuilder
{
public:
    using Progress = std::function<void(const QString &)>;

    /// Recomputes every snapshot from history up to `asOf` (default: today in Santo Domingo).
    static models::Result<KpiBuildReport> rebuild(PgConnection &connection, std::optional<QDate> asOf = {},
                                                  const Progress &progress = {});
    /// Recomputes only the dealers touched since the last run's watermark (new changes, payments,
    /// enrolments, Ley 358-05 refunds, discounts or free months ending), the months they affect,
    /// and the recent days of payment and dunning outcomes. Without snapshots it rebuilds.
    static models::Result<KpiBuildReport> refresh(PgConnection &connection, std::optional<QDate> asOf = {},
                                                  const Progress &progress = {});
};

} // namespace okla::services
