#pragma once

#include <optional>

#include <QDate>
#include <QList>
#include <QString>

#include "models/kpi/kpidata.h"
#include "models/kpi/kpidealerrow.h"
#include "models/result.h"

namespace okla::services {

class PgConnection;

using models::kpi::KpiDealerRow;

/// Reads the KPI snapshots (never the raw billing history, except the small Early Bird calendar
/// and custom ranges that do not end on a month boundary). Plain blocking calls: service thread only.
class KpiRepository
{
public:
    /// Everything the Panel and `okla kpi` show for `period`.
    static models::Result<models::kpi::KpiData> load(PgConnection &connection, const models::kpi::KpiPeriod &period);

    /// The dealers behind one number: metric = paying_start | paying_end | new | expansion |
    /// reactivation | contraction | churn | churn_voluntary | churn_involuntary | plan:<key>.
    /// At most `limit` rows, largest amounts first.
    static models::Result<QList<KpiDealerRow>> dealers(PgConnection &connection, const QString &metric,
                                                       const models::kpi::KpiPeriod &period, int limit = 1000);

    /// The day the snapshots describe (kpi_state 'asof'), or today in Santo Domingo without them.
    static models::Result<QDate> asOf(PgConnection &connection);
};

} // namespace okla::services
