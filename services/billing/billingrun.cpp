#include "services/billing/billingrun.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>

#include "models/billing/billingperiod.h"
#include "models/oklatr.h"
#include "services/billing/dunningrunner.h"
#include "services/billing/renewalscheduler.h"
#include "services/database/pgconnection.h"
#include "services/kpi/kpisnapshotbuilder.h"

namespace okla::services {

Q_LOGGING_CATEGORY(lcBillingRun, "okla.worker.billingrun")

namespace {

/// Progress is written at most this often (and once at the end): a tick per subscription would
/// be a write per charge on a run of thousands.
constexpr qint64 kProgressIntervalMs = 500;

QJsonObject progressOf(const RunTally &tally)
{
    return {{QStringLiteral("due"), tally.due},
            {QStringLiteral("done"), tally.done},
            {QStringLiteral("charged"), tally.charged},
            {QStringLiteral("failed"), tally.failed}};
}

QJsonObject kpiSummary(const KpiBuildReport &report)
{
    return {{QStringLiteral("as_of"), report.asOf.toString(Qt::ISODate)},
            {QStringLiteral("dealers"), report.dealersInScope},
            {QStringLiteral("full"), report.full},
            {QStringLiteral("elapsed_ms"), report.elapsedMs}};
}

} // namespace

BillingRun::BillingRun(PgConnection &connection, InvoiceCharger &charger)
    : m_connection(connection), m_charger(charger)
{
}

void BillingRun::reportProgress(qint64 requestId, const QJsonObject &progress, bool force)
{
    if (requestId <= 0)
        return;
    static const QElapsedTimer clock = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    const qint64 now = clock.elapsed();
    if (!force && m_lastReportMs >= 0 && now - m_lastReportMs < kProgressIntervalMs)
        return;
    m_lastReportMs = now;
    auto written = m_connection.exec(QStringLiteral("UPDATE worker_requests SET progress = $2::jsonb WHERE id = $1"),
                                     {requestId, QString::fromUtf8(QJsonDocument(progress).toJson(QJsonDocument::Compact))});
    if (!written) // the run goes on: progress is for people watching, the money is elsewhere
        qCWarning(lcBillingRun).noquote() << Tr::tr("Billing run progress not written: %1").arg(written.error().toString());
}

models::Result<QJsonObject> BillingRun::run(QDate businessDate, qint64 requestId)
{
    const QDate day = businessDate.isValid() ? businessDate : models::businessDate(QDateTime::currentDateTimeUtc());
    auto whole = runSlice(day, SubscriptionSlice{}, requestId);
    if (!whole)
        return whole.error();
    return finish(m_connection, day, {*whole});
}

models::Result<QJsonObject> BillingRun::runSlice(QDate businessDate, SubscriptionSlice slice, qint64 requestId)
{
    const QDate day = businessDate.isValid() ? businessDate : models::businessDate(QDateTime::currentDateTimeUtc());
    m_lastReportMs = -1;
    reportProgress(requestId, progressOf({}), true);

    auto renewal = RenewalScheduler(m_connection, m_charger).run(day, [&](const RunTally &so) {
        reportProgress(requestId, progressOf(so), false);
    }, slice);
    if (!renewal)
        return renewal.error();
    auto dunning = DunningRunner(m_connection, m_charger).run(day, [&](const RunTally &so) {
        RunTally both = *renewal;
        both += so;
        reportProgress(requestId, progressOf(both), false);
    }, slice);
    if (!dunning)
        return dunning.error();
    RunTally total = *renewal;
    total += *dunning;
    reportProgress(requestId, progressOf(total), true);

    QJsonObject summary = progressOf(total);
    summary.insert(QStringLiteral("date"), day.toString(Qt::ISODate));
    summary.insert(QStringLiteral("renewal"), renewal->toJson());
    summary.insert(QStringLiteral("dunning"), dunning->toJson());
    return summary;
}

QJsonObject BillingRun::finish(PgConnection &connection, QDate businessDate, const QList<QJsonObject> &slices)
{
    RunTally renewal, dunning;
    for (const QJsonObject &slice : slices) {
        renewal += RunTally::fromJson(slice.value(QStringLiteral("renewal")).toObject());
        dunning += RunTally::fromJson(slice.value(QStringLiteral("dunning")).toObject());
    }
    RunTally total = renewal;
    total += dunning;
    QJsonObject summary = progressOf(total);
    summary.insert(QStringLiteral("date"), businessDate.toString(Qt::ISODate));
    summary.insert(QStringLiteral("renewal"), renewal.toJson());
    summary.insert(QStringLiteral("dunning"), dunning.toJson());
    if (slices.size() > 1)
        summary.insert(QStringLiteral("slices"), int(slices.size()));
    auto kpi = KpiSnapshotBuilder::refresh(connection, businessDate);
    if (!kpi) {
        // The money moved; stale KPIs are caught up by the next refresh, so the run still reports.
        qCWarning(lcBillingRun).noquote() << Tr::tr("KPI refresh after the billing run failed: %1")
                                                 .arg(kpi.error().toString());
        summary.insert(QStringLiteral("kpi"), QJsonObject{{QStringLiteral("error"), kpi.error().code}});
    } else {
        summary.insert(QStringLiteral("kpi"), kpiSummary(*kpi));
    }
    return summary;
}

} // namespace okla::services
