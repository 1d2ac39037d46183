// The daily reconciliation of both providers (docs/worker.md §14).
#include "services/reconciliation/reconciler.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimeZone>

#include <vector>

#include "models/statuses.h"
#include "services/billing/chargeexecutor.h"
#include "services/billing/executorcompleter.h"
#include "services/billing/refundexecutor.h"
#include "services/reconciliation/discrepancyrecorder.h"
#include "services/reconciliation/providerledger.h"
#include "services/reconciliation/subscriptionmatcher.h"
#include "services/reconciliation/transactionmatcher.h"

Q_LOGGING_CATEGORY(lcReconcile, "okla.worker.reconcile")

namespace okla::services {

using models::DiscrepancyType;
using models::Result;

namespace {

constexpr DiscrepancyType kTypes[] = {
    DiscrepancyType::PaymentWithoutRecord,   DiscrepancyType::SubscriptionWithoutPayment,
    DiscrepancyType::AmountMismatch,         DiscrepancyType::OrphanedStripeCustomer,
    DiscrepancyType::StatusMismatch,         DiscrepancyType::PaymentStatusMismatch,
    DiscrepancyType::StripeSubscriptionWithoutRecord,
};

/// Appends a step's findings, or keeps its error.
models::Status collect(Discrepancies &all, Result<Discrepancies> step)
{
    if (!step)
        return step.error();
    all.append(step.value());
    return {};
}

} // namespace

std::pair<QDateTime, QDateTime> Reconciler::window(QDate day)
{
    const QTimeZone santoDomingo(-4 * 3600); // docs/domain.md §20
    return {QDateTime(day, QTime(0, 0), santoDomingo).toUTC(), QDateTime(day.addDays(1), QTime(0, 0), santoDomingo).toUTC()};
}

QJsonObject Reconciler::settleUnfinished()
{
    // The executors' own ways of closing `unknown` refunds and unfinished charges and refunds
    // (docs/idempotency.md §7, §15); whatever they cannot settle yet stays for their schedule.
    ChargeExecutor charges(m_db, m_resilience, m_providers);
    RefundExecutor refunds(m_db, m_resilience, m_providers);
    QJsonObject settled;
    const auto unknown = refunds.reconcileUnknown();
    const auto resumed = ExecutorCompleter(m_db, charges, refunds).resumeUnfinished();
    settled.insert(QStringLiteral("unknown_refunds_settled"), unknown ? unknown.value() : 0);
    settled.insert(QStringLiteral("operations_resumed"), resumed ? resumed.value() : 0);
    if (!unknown)
        qCWarning(lcReconcile).noquote() << "unknown refunds not settled:" << unknown.error().toString();
    if (!resumed)
        qCWarning(lcReconcile).noquote() << "unfinished operations not resumed:" << resumed.error().toString();
    return settled;
}

Result<QJsonObject> Reconciler::run(QDate day, std::optional<qint64> requestId)
{
    if (!day.isValid())
        return models::makeError(QStringLiteral("reconcile.date"),
                                 QCoreApplication::translate("okla.worker", "Reconciliation needs a valid day."));
    QJsonObject summary = settleUnfinished();
    const auto [from, to] = window(day);
    ProviderLedger ledger(m_resilience, m_providers);
    // A day either side, so that a row recorded just across midnight still finds its transaction.
    auto azul = ledger.azulTransactions(from.addDays(-1), to.addDays(1));
    if (!azul)
        return azul.error();
    auto stripeTransactions = ledger.stripeTransactions(from.addDays(-1), to.addDays(1));
    if (!stripeTransactions)
        return stripeTransactions.error();
    auto subscriptions = ledger.stripeSubscriptions();
    if (!subscriptions)
        return subscriptions.error();
    auto customers = ledger.stripeCustomers();
    if (!customers)
        return customers.error();

    QStringList providers;
    if (m_providers.azul)
        providers << QStringLiteral("azul");
    if (m_providers.stripe)
        providers << QStringLiteral("stripe");
    TransactionMatcher transactions(m_db, from, to, azul.value() + stripeTransactions.value(), providers);
    SubscriptionMatcher accounts(m_db);
    Discrepancies findings;
    std::vector<Result<Discrepancies>> steps{transactions.payments(), transactions.refunds(),
                                             transactions.recordsWithoutTransaction(), accounts.paidWithoutPayment(from, to)};
    if (m_providers.stripe) { // without Stripe's lists, every OKLA subscription naming one would look missing
        steps.push_back(accounts.stripeSubscriptions(subscriptions.value()));
        steps.push_back(accounts.stripeCustomers(customers.value()));
    }
    for (Result<Discrepancies> &step : steps) {
        if (auto collected = collect(findings, std::move(step)); !collected)
            return collected.error();
    }

    QJsonObject found, recorded;
    DiscrepancyRecorder recorder(m_db);
    for (DiscrepancyType type : kTypes) {
        Discrepancies ofType;
        for (const Discrepancy &d : std::as_const(findings))
            if (d.type == type)
                ofType.append(d);
        auto written = recorder.record(ofType, requestId);
        if (!written)
            return written.error();
        found.insert(models::toDb(type), int(ofType.size()));
        recorded.insert(models::toDb(type), written.value());
    }
    summary.insert(QStringLiteral("date"), day.toString(Qt::ISODate));
    summary.insert(QStringLiteral("found"), found);
    summary.insert(QStringLiteral("recorded"), recorded);
    summary.insert(QStringLiteral("providers"), QJsonArray::fromStringList(providers));
    summary.insert(QStringLiteral("read"), QJsonObject{{QStringLiteral("azul_transactions"), int(azul->size())},
                                                       {QStringLiteral("stripe_transactions"), int(stripeTransactions->size())},
                                                       {QStringLiteral("stripe_subscriptions"), int(subscriptions->size())},
                                                       {QStringLiteral("stripe_customers"), int(customers->size())}});
    qCInfo(lcReconcile).noquote() << "reconciled" << day.toString(Qt::ISODate) << "found" << findings.size();
    return summary;
}

} // namespace okla::services
