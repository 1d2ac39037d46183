#include "services/billing/executorcompleter.h"

#include <QLoggingCategory>

#include "services/billing/chargeexecutor.h"
#include "services/billing/idempotencyphases.h"
#include "services/billing/refundexecutor.h"
#include "services/database/pgconnection.h"

Q_LOGGING_CATEGORY(lcExecutors, "okla.worker.executors")

namespace okla::services {

using models::Result;

Result<int> ExecutorCompleter::executePendingRefunds(int limit)
{
    // The claim is short: each refund's own key and lease keep two workers from executing it twice.
    if (auto begun = m_db.execScript(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    auto approved = m_db.exec(QStringLiteral("SELECT id::text FROM refunds WHERE state = 'approved' "
                                             "ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED"),
                              {limit});
    if (!approved) {
        m_db.rollbackAfterError();
        return approved.error();
    }
    if (auto committed = m_db.execScript(QStringLiteral("COMMIT")); !committed)
        return committed.error();
    int executed = 0;
    for (int row = 0; row < approved->rows(); ++row) {
        auto outcome = m_refunds.executeRefund(approved->text(row, 0));
        if (!outcome) {
            qCWarning(lcExecutors).noquote() << QCoreApplication::translate("okla", "Refund %1 was not executed: %2")
                                                    .arg(approved->text(row, 0), outcome.error().toString());
            continue;
        }
        ++executed;
    }
    return executed;
}

Result<int> ExecutorCompleter::resumeUnfinished(int limit)
{
    IdempotencyPhases phases(m_db);
    auto keys = phases.takeUnfinished(limit);
    if (!keys)
        return keys.error();
    int resumed = 0;
    for (const IdempotencyPhases::Unfinished &key : std::as_const(keys.value())) {
        models::Status done;
        if (key.operation == ChargeExecutor::operationName()) {
            auto r = m_charges.resume(key.params);
            done = r ? models::Status() : models::Status(r.error());
        } else if (key.operation == RefundExecutor::operationName()) {
            auto r = m_refunds.resume(key.params);
            done = r ? models::Status() : models::Status(r.error());
        } else {
            continue; // another component's operation
        }
        if (!done) {
            qCWarning(lcExecutors).noquote() << QCoreApplication::translate("okla", "Unfinished %1 operation %2 not completed: %3")
                                                    .arg(key.operation).arg(key.id).arg(done.error().toString());
            continue;
        }
        ++resumed;
    }
    return resumed;
}

Result<qint64> ExecutorCompleter::reapFinished()
{
    return IdempotencyPhases(m_db).reapFinished();
}

} // namespace okla::services
