#include "services/billing/refundprovider.h"

#include <QJsonArray>

#include "services/billing/billingrecords.h"
#include "services/billing/futurewait.h"
#include "services/providers/azul/azuloperations.h"
#include "services/providers/stripe/stripeoperations.h"
#include "services/resilience/resiliencemanager.h"

namespace okla::services {

using State = ProviderAnswer::State;
using AzulOutcomeKind = azul::AzulResult::Outcome;

namespace {

models::Money money(qint64 minor, const QString &currency)
{
    return models::Money::fromMinor(minor, currency == QLatin1String("USD") ? models::Currency::USD : models::Currency::DOP);
}

/// Stripe knows three refund reasons; OKLA's others are sent without one.
QString stripeReason(const QString &reason)
{
    static const QStringList known{QStringLiteral("duplicate"), QStringLiteral("fraudulent"), QStringLiteral("requested_by_customer")};
    return known.contains(reason) ? reason : QString();
}

} // namespace

ProviderAnswer RefundProvider::execute(const RefundRow &refund, bool resumed)
{
    if (refund.provider == QLatin1String("stripe"))
        return stripeRefund(refund); // the same key on every resend: Stripe replays its first answer
    return refund.isVoid ? azulVoid(refund, resumed) : azulRefund(refund, resumed);
}

ProviderAnswer RefundProvider::stripeRefund(const RefundRow &refund)
{
    stripe::StripeOperations operations(*m_providers.stripe, m_resilience);
    return ProviderAnswer::fromStripe(waitForFuture(operations.createRefund(
        refund.id, refund.stripeChargeId, refund.stripeChargeId.isEmpty() ? refund.stripePaymentIntentId : QString(),
        money(refund.amountMinor, refund.currency), stripeReason(refund.reason))));
}

ProviderAnswer RefundProvider::azulRefund(const RefundRow &refund, bool resumed)
{
    const RequestOwner owner = RequestOwner::refund(refund.id);
    QStringList earlier;
    if (resumed) {
        auto ids = m_records.attemptIds(owner);
        if (!ids)
            return ProviderAnswer::undetermined(ids.error().toString());
        earlier = ids.value();
    }
    // ITBIS returned in proportion to the amount returned.
    const qint64 itbis = refund.capturedMinor > 0 ? refund.paymentItbisMinor * refund.amountMinor / refund.capturedMinor : 0;
    const QString host = m_providers.azul->hostLabel(azul::AzulClient::Host::Primary);
    auto record = m_records.azulRecorder(owner, QStringLiteral("refund"), host);
    azul::AzulOperations operations(*m_providers.azul, m_resilience);
    return ProviderAnswer::fromAzulFlow(waitForFuture(operations.refund(refund.id, refund.azulOrderId, money(refund.amountMinor, QStringLiteral("DOP")),
                                                                        money(itbis, QStringLiteral("DOP")), record,
                                                                        m_providers.azulFlow, earlier)));
}

ProviderAnswer RefundProvider::azulVoid(const RefundRow &refund, bool resumed)
{
    if (resumed) {
        // A void has no id of its own: the sale's VerifyPayment says whether it was voided.
        if (auto known = azulVoidLookUp(refund); known && known->state == State::Succeeded)
            return *known;
    }
    azul::AzulOperations operations(*m_providers.azul, m_resilience);
    return ProviderAnswer::fromAzulOnce(waitForFuture(operations.voidTransaction(refund.azulOrderId)));
}

std::optional<ProviderAnswer> RefundProvider::lookUp(const RefundRow &refund)
{
    if (refund.provider == QLatin1String("stripe"))
        return stripeLookUp(refund);
    return refund.isVoid ? azulVoidLookUp(refund) : azulRefundLookUp(refund);
}

std::optional<ProviderAnswer> RefundProvider::stripeLookUp(const RefundRow &refund)
{
    stripe::StripeListParams params;
    params.limit = 100;
    params.filters = {{QStringLiteral("charge"), refund.stripeChargeId}};
    stripe::StripeOperations operations(*m_providers.stripe, m_resilience);
    const auto call = waitForFuture(operations.call(stripe::StripeClient::list(QStringLiteral("refunds"), params)));
    if (!call.outcome || !call.outcome->ok())
        return std::nullopt;
    auto page = call.outcome->page();
    if (!page)
        return std::nullopt;
    for (const QJsonValue &value : std::as_const(page->data)) {
        const QJsonObject o = value.toObject();
        if (o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("okla_id")).toString() != refund.id)
            continue;
        ProviderAnswer a;
        const QString status = o.value(QStringLiteral("status")).toString();
        a.stripeRefundId = o.value(QStringLiteral("id")).toString();
        if (status == QLatin1String("succeeded") || status == QLatin1String("pending"))
            a.state = State::Succeeded;
        else if (status == QLatin1String("failed") || status == QLatin1String("canceled"))
            a.state = State::Failed;
        else
            return std::nullopt;
        return a;
    }
    if (page->hasMore)
        return std::nullopt; // more refunds than one page: leave it to the daily settlement match
    // Stripe makes a refund in the request itself: not listed after it ended means never made.
    ProviderAnswer none;
    none.state = State::Failed;
    none.message = QStringLiteral("no Stripe refund carries this okla_id");
    return none;
}

std::optional<ProviderAnswer> RefundProvider::azulRefundLookUp(const RefundRow &refund)
{
    auto ids = m_records.attemptIds(RequestOwner::refund(refund.id));
    if (!ids)
        return std::nullopt;
    azul::AzulOperations operations(*m_providers.azul, m_resilience);
    for (const QString &id : std::as_const(ids.value())) {
        const auto call = waitForFuture(operations.verify(id));
        if (!call.outcome || call.outcome->neverLeft())
            return std::nullopt;
        const azul::AzulResult &r = call.outcome->result;
        if (r.outcome == AzulOutcomeKind::Approved && r.found.value_or(false)) {
            ProviderAnswer a;
            a.state = State::Succeeded;
            a.customOrderId = id;
            a.azulOrderId = r.azulOrderId;
            a.rrn = r.rrn;
            a.authorizationCode = r.authorizationCode;
            return a;
        }
        if (r.outcome != AzulOutcomeKind::NotFound && r.outcome != AzulOutcomeKind::Declined)
            return std::nullopt;
    }
    ProviderAnswer none; // every attempt verified: none took effect
    none.state = State::Failed;
    none.message = QStringLiteral("VerifyPayment found no refund attempt");
    return none;
}

std::optional<ProviderAnswer> RefundProvider::azulVoidLookUp(const RefundRow &refund)
{
    if (refund.saleCustomOrderId.isEmpty())
        return std::nullopt;
    azul::AzulOperations operations(*m_providers.azul, m_resilience);
    const auto call = waitForFuture(operations.verify(refund.saleCustomOrderId));
    if (!call.outcome || call.outcome->neverLeft() || !call.outcome->result.found.has_value())
        return std::nullopt;
    ProviderAnswer a;
    a.azulOrderId = call.outcome->result.azulOrderId;
    a.state = call.outcome->result.transactionType == QLatin1String("Void") ? State::Succeeded : State::Failed;
    return a;
}

} // namespace okla::services
