#include "services/kpi/kpiservice.h"

#include "services/database/databaseservice.h"
#include "services/kpi/kpirepository.h"
#include "services/kpi/kpisnapshotbuilder.h"

namespace okla::services {

using models::Result;
using namespace models::kpi;

KpiService::KpiService(const QString &conninfo, QObject *parent)
    : QObject(parent), m_owned(std::make_unique<DatabaseService>(conninfo)), m_database(m_owned.get())
{
}

KpiService::KpiService(DatabaseService *shared, QObject *parent) : QObject(parent), m_database(shared) {}

KpiService::~KpiService() = default;

QFuture<Result<KpiData>> KpiService::load(const KpiPeriod &period)
{
    return m_database->run<KpiData>([period](PgConnection &c) { return KpiRepository::load(c, period); });
}

QFuture<Result<QList<KpiDealerRow>>> KpiService::dealers(const QString &metric, const KpiPeriod &period)
{
    return m_database->run<QList<KpiDealerRow>>(
        [metric, period](PgConnection &c) { return KpiRepository::dealers(c, metric, period); });
}

QFuture<Result<KpiBuildReport>> KpiService::rebuild()
{
    return m_database->run<KpiBuildReport>([](PgConnection &c) { return KpiSnapshotBuilder::rebuild(c); });
}

QFuture<Result<KpiBuildReport>> KpiService::refresh()
{
    return m_database->run<KpiBuildReport>([](PgConnection &c) { return KpiSnapshotBuilder::refresh(c); });
}

} // namespace okla::services
