#pragma once

#include <memory>

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include "models/kpi/kpibuildreport.h"
#include "models/kpi/kpidata.h"
#include "models/kpi/kpidealerrow.h"
#include "models/kpi/kpiperiod.h"
#include "models/result.h"

namespace okla::services {

class DatabaseService;

/// The KPI facade for the Panel, the CLI and the worker: snapshots read and rebuilt on the
/// service's database thread, answered through QFuture (docs/kpi.md).
class KpiService : public QObject
{
    Q_OBJECT
public:
    /// Opens its own connection with `conninfo` on its own thread, so a slow KPI query never
    /// queues behind another page's work.
    explicit KpiService(const QString &conninfo, QObject *parent = nullptr);
    /// Shares an existing database service (a profile that needs a password the console does
    /// not keep): KPI reads then queue behind that connection's other work.
    explicit KpiService(DatabaseService *shared, QObject *parent = nullptr);
    ~KpiService() override;

    QFuture<models::Result<models::kpi::KpiData>> load(const models::kpi::KpiPeriod &period);
    QFuture<models::Result<QList<models::kpi::KpiDealerRow>>> dealers(const QString &metric,
                                                                      const models::kpi::KpiPeriod &period);
    QFuture<models::Result<models::kpi::KpiBuildReport>> rebuild();
    QFuture<models::Result<models::kpi::KpiBuildReport>> refresh();

private:
    std::unique_ptr<DatabaseService> m_owned;
    DatabaseService *m_database = nullptr;
};

} // namespace okla::services
