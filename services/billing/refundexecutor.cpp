#include "services/billing/refundexecutor.h"

#include "services/billing/billingrecords.h"
#include "services/billing/sqlvalues.h"
#include "services/database/pgconnection.h"
#include "services/providers/azul/azulclient.h"

namespace okla::services {

using models::Result;
using models::Status;

namespace {

RefundOutcome outcomeFrom(const QJsonObject &response)
{
    RefundOutcome o;
    o.state = response.value(QStringLiteral("outcome")).toString();
    o.skipped = response.value(QStringLiteral("skipped")).toBool();
    o.providerRefundId = response.value(QStringLiteral("provider_refund_id")).toString();
    return o;
}

QString providerRefundId(const ProviderAnswer &answer)
{
    return answer.stripeRefundId.isEmpty() ? answer.azulOrderId : answer.stripeRefundId;
}

} // namespace

RefundExecutor::RefundExecutor(PgConnection &db, ResilienceManager &resilience, ExecutorProviders providers)
    : m_db(db)
    , m_resilience(resilience)
    , m_providers(providers)
    , m_phases(db)
{
}

Result<RefundRow> RefundExecutor::loadRefund(const QString &refundId)
{
    auto row = m_db.exec(
        QStringLiteral("SELECT r.id, r.state, r.requested_by, r.payment_id, p.dealer_id, r.provider, r.currency, r.amount_minor, r.reason,"
                       " r.is_void, p.provider = 'azul' AND r.amount_minor = p.captured_amount AND p.refund_reserved = r.amount_minor"
                       "   AND p.refunded_amount = 0 AND coalesce(p.paid_at, p.created_at) > now() - make_interval(mins =>"
                       "   (SELECT (value #>> '{}')::int FROM billing_policies WHERE key = 'azul_void_window_minutes')),"
                       " p.captured_amount, p.itbis_minor, coalesce(p.azul_order_id, ''), coalesce(p.custom_order_id, ''),"
                       " coalesce(p.stripe_charge_id, ''), coalesce(p.stripe_payment_intent_id, '') "
                       "FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.id::text = $1"),
        {refundId});
    if (!row)
        return row.error();
    if (row->rows() != 1)
        return models::makeError(QStringLiteral("refund.missing"), tr("Refund %1 does not exist.").arg(refundId));
    RefundRow r;
    r.id = row->text(0, 0);
    r.state = row->text(0, 1);
    r.requestedBy = row->toInt64(0, 2);
    r.paymentId = row->toInt64(0, 3);
    r.dealerId = row->toInt64(0, 4);
    r.provider = row->text(0, 5);
    r.currency = row->text(0, 6);
    r.amountMinor = row->toInt64(0, 7);
    r.reason = row->text(0, 8);
    r.isVoid = row->text(0, 9) == QLatin1String("t");
    r.voidAllowed = row->text(0, 10) == QLatin1String("t");
    r.capturedMinor = row->toInt64(0, 11);
    r.paymentItbisMinor = row->toInt64(0, 12);
    r.azulOrderId = row->text(0, 13);
    r.saleCustomOrderId = row->text(0, 14);
    r.stripeChargeId = row->text(0, 15);
    r.stripePaymentIntentId = row->text(0, 16);
    return r;
}

Result<RefundOutcome> RefundExecutor::resume(const QJsonObject &params)
{
    return executeRefund(params.value(QStringLiteral("refund_id")).toString());
}

Result<RefundOutcome> RefundExecutor::executeRefund(const QString &refundId)
{
    auto loaded = loadRefund(refundId);
    if (!loaded)
        return loaded.error();
    RefundRow refund = loaded.value();
    if (refund.state == QLatin1String("requested") || refund.state == QLatin1String("awaiting_approval")
        || refund.state == QLatin1String("rejected"))
        return RefundOutcome{refund.state, true, {}}; // not approved: its key is not made yet
    BillingRecords records(m_db);
    PhaseSteps steps;
    steps.operation = operationName().toUtf8();
    steps.intent = [&] { return commitIntent(refund); };
    steps.load = [&]() -> Status { // is_void as the intent committed it
        loaded = loadRefund(refundId);
        if (!loaded)
            return loaded.error();
        refund = loaded.value();
        return {};
    };
    steps.call = [&](bool resumed) { return RefundProvider(m_resilience, m_providers, records).execute(refund, resumed); };
    steps.recordAnswer = [&](const ProviderAnswer &answer) { return recordAnswer(refund, answer); };
    steps.settle = [&](const ProviderAnswer &answer) { return settle(refund, answer); };
    auto response = PhaseRunner(m_phases).run(refund.requestedBy, QUuid::fromString(refund.id),
                                              {{QStringLiteral("refund_id"), refund.id}}, steps);
    if (!response)
        return response.error();
    return outcomeFrom(response.value());
}

Result<PhaseSteps::Intent> RefundExecutor::commitIntent(const RefundRow &refund)
{
    const bool azul = refund.provider == QLatin1String("azul");
    const bool isVoid = azul && refund.voidAllowed;
    if ((azul && !m_providers.azul) || (!azul && !m_providers.stripe))
        return models::makeError(QStringLiteral("refund.provider_missing"),
                                 tr("The provider that captured this payment (%1) is not configured.").arg(refund.provider));
    auto moved = m_db.exec(QStringLiteral("UPDATE refunds SET state = 'submitting', is_void = $2 "
                                          "WHERE id::text = $1 AND state = 'approved' RETURNING id"),
                           {refund.id, isVoid ? QStringLiteral("true") : QStringLiteral("false")});
    if (!moved)
        return moved.error();
    if (moved->rows() != 1) { // executed or settled meanwhile: answer with its state
        auto current = m_db.exec(QStringLiteral("SELECT state FROM refunds WHERE id::text = $1"), {refund.id});
        if (!current)
            return current.error();
        return PhaseSteps::Intent{false, {{QStringLiteral("outcome"), current->rows() ? current->text(0, 0) : QString()},
                                          {QStringLiteral("skipped"), true}}};
    }
    const QString operation = isVoid ? QStringLiteral("void") : azul ? QStringLiteral("refund") : QStringLiteral("refunds.create");
    const QString host = azul ? m_providers.azul->hostLabel(azul::AzulClient::Host::Primary) : QStringLiteral("stripe");
    if (auto s = BillingRecords(m_db).recordRequest(RequestOwner::refund(refund.id), refund.provider, operation, 1,
                                                    azul && !isVoid ? azul::AzulPaymentFlow::attemptId(refund.id, 1) : QString(),
                                                    azul ? QString() : refund.id, host);
        !s)
        return s.error();
    return PhaseSteps::Intent{true, {{QStringLiteral("is_void"), isVoid}}};
}

Status RefundExecutor::recordAnswer(const RefundRow &refund, const ProviderAnswer &answer)
{
    auto updated = m_db.exec(QStringLiteral("UPDATE refunds SET state = $2, provider_refund_id = $3, failure_message = left($4, 500) "
                                            "WHERE id::text = $1 AND state = 'submitting'"),
                             {refund.id, answer.stateName(), nullIfEmpty(providerRefundId(answer)),
                              answer.state == ProviderAnswer::State::Succeeded ? QVariant() : nullIfEmpty(answer.message)});
    if (!updated)
        return updated.error();
    return BillingRecords(m_db).settleRequests(RequestOwner::refund(refund.id), answer);
}

Result<QJsonObject> RefundExecutor::settle(const RefundRow &refund, const ProviderAnswer &answer)
{
    const QJsonObject summary = summaryOf(refund, answer);
    if (auto s = announce(refund, answer.stateName(), summary); !s)
        return s.error();
    return summary;
}

QJsonObject RefundExecutor::summaryOf(const RefundRow &refund, const ProviderAnswer &answer)
{
    return {{QStringLiteral("outcome"), answer.stateName()},
            {QStringLiteral("refund_id"), refund.id},
            {QStringLiteral("payment_id"), refund.paymentId},
            {QStringLiteral("dealer_id"), refund.dealerId},
            {QStringLiteral("provider"), refund.provider},
            {QStringLiteral("currency"), refund.currency},
            {QStringLiteral("amount_minor"), refund.amountMinor},
            {QStringLiteral("provider_refund_id"), providerRefundId(answer)}};
}

Status RefundExecutor::announce(const RefundRow &refund, const QString &state, const QJsonObject &summary)
{
    BillingRecords records(m_db);
    if (state == QLatin1String("succeeded")) {
        if (auto s = records.notify(refund.dealerId, QStringLiteral("refund_issued"), QStringLiteral("refund_issued:") + refund.id,
                                    summary);
            !s)
            return s;
    }
    return records.outbox(QStringLiteral("billing.refund.") + state, summary);
}

Result<int> RefundExecutor::reconcileUnknown(int limit)
{
    auto unknown = m_db.exec(QStringLiteral("SELECT id::text FROM refunds WHERE state = 'unknown' ORDER BY created_at LIMIT $1"), {limit});
    if (!unknown)
        return unknown.error();
    BillingRecords records(m_db);
    RefundProvider provider(m_resilience, m_providers, records);
    int settled = 0;
    for (int row = 0; row < unknown->rows(); ++row) {
        auto refund = loadRefund(unknown->text(row, 0));
        if (!refund)
            return refund.error();
        if ((refund->provider == QLatin1String("azul") && !m_providers.azul)
            || (refund->provider == QLatin1String("stripe") && !m_providers.stripe))
            continue;
        const std::optional<ProviderAnswer> known = provider.lookUp(refund.value());
        if (!known)
            continue; // still cannot tell: next round, then the daily settlement match
        const QString resolution = known->stateName();
        QJsonObject summary = summaryOf(refund.value(), *known);
        summary.insert(QStringLiteral("reconciled"), true);
        Status status = m_phases.inTransaction([&]() -> Status {
            auto updated = m_db.exec(QStringLiteral("UPDATE refunds SET state = 'reconciled', resolution = $2,"
                                                    " provider_refund_id = coalesce($3, provider_refund_id) "
                                                    "WHERE id::text = $1 AND state = 'unknown' RETURNING id"),
                                     {refund->id, resolution, nullIfEmpty(providerRefundId(*known))});
            if (!updated)
                return updated.error();
            if (updated->rows() != 1)
                return {}; // settled meanwhile by another worker
            return announce(refund.value(), resolution, summary);
        });
        if (!status)
            return status.error();
        ++settled;
    }
    return settled;
}

} // namespace okla::services
