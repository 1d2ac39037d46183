// A billing run cut into slices that every executor of every worker bills (docs/worker.md §18).
#include "services/worker/slicedbillingrun.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>

#include "services/billing/billingrun.h"
#include "services/billing/subscriptionschedule.h"
#include "services/database/pgconnection.h"
#include "services/worker/requestexecutor.h"
#include "services/worker/workerrequests.h"

namespace okla::services {

namespace {

// The slices' idempotency keys are UUID v5 names under this namespace: the same run asks for the
// same slices, however often it is run again.
const QUuid kSliceKeys = QUuid(QStringLiteral("{6f1c2a7e-4b0d-5c39-9e58-0b1d5a2f7c41}"));

QString compact(const QJsonObject &json) { return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)); }

models::Error badSlice(const QString &why)
{
    return models::makeError(QStringLiteral("worker.billing.slice"),
                             QCoreApplication::translate("okla.worker", "This billing slice cannot run: %1").arg(why));
}

models::Error interrupted()
{
    return models::makeError(QLatin1String(kHandlerInterrupted),
                             QCoreApplication::translate("okla.worker",
                                                         "The worker is stopping; the billing run goes back to the queue."));
}

} // namespace

SlicedBillingRun::SlicedBillingRun(RequestContext &context, InvoiceCharger &charger, Options options)
    : m_context(context), m_charger(charger), m_options(options)
{
}

models::Result<QJsonObject> SlicedBillingRun::run(QDate day)
{
    auto count = sliceCount(day);
    if (!count)
        return count.error();
    if (count.value() <= 1)
        return BillingRun(m_context.db, m_charger).run(day, m_context.request.id);
    if (auto asked = askForSlices(day, count.value()); !asked)
        return asked.error();
    auto results = waitForSlices(count.value());
    if (!results)
        return results.error();
    return BillingRun::finish(m_context.db, day, results.value());
}

models::Result<int> SlicedBillingRun::sliceCount(QDate day)
{
    // A run asked for again (its worker died) keeps the slices it already has.
    auto existing = m_context.db.exec(QStringLiteral("SELECT (params->>'count')::integer FROM worker_requests"
                                                     " WHERE kind = 'billing_slice' AND (params->>'parent')::bigint = $1 LIMIT 1"),
                                      {m_context.request.id});
    if (!existing)
        return existing.error();
    if (existing->rows() > 0)
        return int(existing->toInt64(0, 0));
    auto due = m_context.db.exec(QStringLiteral("SELECT count(*) FROM subscriptions"
                                                " WHERE (next_charge_on <= $1 AND status IN ('trial', 'active'))"
                                                "    OR status IN ('past_due', 'suspended')"),
                                 {dateParam(day)});
    if (!due)
        return due.error();
    const qint64 slices = due->toInt64(0, 0) / qMax(1, m_options.subscriptionsPerSlice);
    return int(std::clamp<qint64>(slices, 1, m_options.maxSlices));
}

models::Status SlicedBillingRun::askForSlices(QDate day, int count)
{
    for (int index = 0; index < count; ++index) {
        const QJsonObject params{{QStringLiteral("date"), day.toString(Qt::ISODate)},
                                 {QStringLiteral("parent"), m_context.request.id},
                                 {QStringLiteral("index"), index},
                                 {QStringLiteral("count"), count}};
        const QUuid key = QUuid::createUuidV5(kSliceKeys, QStringLiteral("billing_slice:%1:%2").arg(m_context.request.id).arg(index));
        auto asked = m_context.db.exec(QStringLiteral("SELECT okla_request_work('billing_slice', $1::jsonb, $2::uuid)"),
                                       {compact(params), key.toString(QUuid::WithoutBraces)});
        if (!asked)
            return asked.error();
    }
    return {};
}

models::Status SlicedBillingRun::billPendingSlices()
{
    for (;;) {
        if (m_context.stopping && m_context.stopping->load())
            return interrupted();
        auto claimed = WorkerRequests::claimSliceOf(m_context.db, m_context.instanceId, m_context.request.id);
        if (!claimed)
            return claimed.error();
        if (!claimed.value())
            return {};
        const WorkerRequest slice = *claimed.value();
        if (m_context.inFlight)
            m_context.inFlight->add(slice.id);
        RequestContext sliceContext{slice, m_context.db, m_context.control, m_context.credentials, m_context.instanceId,
                                    m_context.inFlight, m_context.stopping};
        auto billed = runSliceRequest(sliceContext, m_charger);
        auto settled = billed ? WorkerRequests::succeed(m_context.db, slice.id, m_context.instanceId, billed.value())
                              : WorkerRequests::fail(m_context.db, slice.id, m_context.instanceId, billed.error().message);
        if (m_context.inFlight)
            m_context.inFlight->remove(slice.id);
        if (!settled)
            return settled.error();
    }
}

models::Result<QList<QJsonObject>> SlicedBillingRun::waitForSlices(int count)
{
    for (;;) {
        if (auto billed = billPendingSlices(); !billed)
            return billed.error();
        auto rows = m_context.db.exec(QStringLiteral("SELECT state, coalesce(result, progress)::text, coalesce(error, '')"
                                                     "  FROM worker_requests"
                                                     " WHERE kind = 'billing_slice' AND (params->>'parent')::bigint = $1"
                                                     " ORDER BY (params->>'index')::integer"),
                                      {m_context.request.id});
        if (!rows)
            return rows.error();
        RunTally progress;
        QList<QJsonObject> results;
        QStringList failures;
        for (int row = 0; row < rows->rows(); ++row) {
            const QString state = rows->text(row, 0);
            const QJsonObject sofar = QJsonDocument::fromJson(rows->bytes(row, 1)).object();
            progress += RunTally::fromJson(sofar);
            if (state == QLatin1String("succeeded"))
                results.append(sofar);
            else if (state == QLatin1String("failed"))
                failures.append(rows->text(row, 2));
        }
        QJsonObject shown{{QStringLiteral("due"), progress.due},         {QStringLiteral("done"), progress.done},
                          {QStringLiteral("charged"), progress.charged}, {QStringLiteral("failed"), progress.failed},
                          {QStringLiteral("slices"), count},             {QStringLiteral("slices_done"), int(results.size() + failures.size())}};
        // Progress is for people watching: a lost write is not a reason to stop the run.
        (void)m_context.db.exec(QStringLiteral("UPDATE worker_requests SET progress = $2::jsonb WHERE id = $1"),
                                {m_context.request.id, compact(shown)});
        if (results.size() + failures.size() >= count) {
            if (!failures.isEmpty())
                return models::makeError(QStringLiteral("worker.billing.slices_failed"),
                                         QCoreApplication::translate("okla.worker", "%1 of %2 slices of the billing run failed; the first said: %3")
                                             .arg(failures.size()).arg(count).arg(failures.first()));
            return results;
        }
        if (m_context.stopping && m_context.stopping->load())
            return interrupted();
        QThread::msleep(m_options.waitMs);
    }
}

models::Result<QJsonObject> SlicedBillingRun::runSliceRequest(RequestContext &context, InvoiceCharger &charger)
{
    const QJsonObject &p = context.request.params;
    const QDate day = QDate::fromString(p.value(QStringLiteral("date")).toString(), Qt::ISODate);
    const int index = p.value(QStringLiteral("index")).toInt(-1);
    const int count = p.value(QStringLiteral("count")).toInt(0);
    if (!day.isValid())
        return badSlice(QCoreApplication::translate("okla.worker", "its date is not YYYY-MM-DD."));
    if (count < 1 || index < 0 || index >= count)
        return badSlice(QCoreApplication::translate("okla.worker", "its index and count do not name a slice."));
    return BillingRun(context.db, charger).runSlice(day, SubscriptionSlice{index, count}, context.request.id);
}

} // namespace okla::services
