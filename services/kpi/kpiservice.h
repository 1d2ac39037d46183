#pragma once

#include <memory>

#include <QFuture>
#include <QObject>
#include <QString>

#include "models/kpi/kpidata.h"
#include "models/result.h"
#include "services/kpi/kpirepository.h"
#include "services/kpi/kpisnapshotbuilder.h"

namespace okla::services {

class DatabaseService;

/// The KPI operations for the Panel and the worker: every call runs on the service's own
/// database thread and connection (a slow rebuild never blocks another page) and answers
/// through a QFuture.
class KpiService : public QObject
{
    Q_OBJECT
public:
    /// Opens its own connection with `conninfo` on its own thread.
    explicit KpiService(const QString &conninfo, QObject *parent = nullptr);
    /// Shares an existing database service (a profile that needs a password the console does
    /// not keep): KPI reads then queue behind that connection's other work.
    explicit KpiService(DatabaseService *shared, QObject *parent = nullptr);
    ~KpiService() override;

    QFuture<models::Result<models::kpi::KpiData>> load(const models::kpi::KpiPeriod &period);
    QFuture<models::Result<QList<KpiDealerRow>>> dealers(const QString &metric, const models::kpi::KpiPeriod &period);
    QFuture<models::Result<KpiBuildReport>> rebuild();
    QFuture<models::Result<KpiBuildReport>> refresh();

private:
    std::unique_ptr<DatabaseService> m_owned;
    DatabaseService *m_database = nullptr;
};

} // namespace okla::services
