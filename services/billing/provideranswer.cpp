#include "services/billing/provideranswer.h"

#include "services/providers/azul/azulpaymentflow.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/resilience/resilientcall.h"

namespace okla::services {

using State = ProviderAnswer::State;
using AzulOutcomeKind = azul::AzulResult::Outcome;

namespace {

const char *const kFields[] = {"decline_code", "decline_detail", "message", "custom_order_id", "azul_order_id", "rrn",
                               "authorization_code", "stripe_payment_intent_id", "stripe_charge_id", "stripe_refund_id",
                               "request_id", "card_brand", "card_last4"};

QString *field(ProviderAnswer &a, int i)
{
    QString *fields[] = {&a.declineCode, &a.declineDetail, &a.message, &a.customOrderId, &a.azulOrderId, &a.rrn,
                         &a.authorizationCode, &a.stripePaymentIntentId, &a.stripeChargeId, &a.stripeRefundId,
                         &a.requestId, &a.cardBrand, &a.cardLast4};
    return fields[i];
}

ProviderAnswer notSent(const QString &why)
{
    ProviderAnswer a;
    a.state = State::Failed;
    a.neverSent = true;
    a.message = why;
    return a;
}

/// The ids and codes of one AZUL answer.
void takeAzulResult(ProviderAnswer &a, const azul::AzulResult &r)
{
    a.azulOrderId = r.azulOrderId;
    a.rrn = r.rrn;
    a.authorizationCode = r.authorizationCode;
    a.declineCode = r.isoCode;
    a.declineDetail = r.errorDescription;
    a.message = r.errorDescription.isEmpty() ? r.responseMessage : r.errorDescription;
}

} // namespace

QString ProviderAnswer::stateName() const
{
    switch (state) {
    case State::Succeeded: return QStringLiteral("succeeded");
    case State::Failed: return QStringLiteral("failed");
    case State::Unknown: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

models::DeclineClass ProviderAnswer::declineClass(const QString &provider) const
{
    if (neverSent)
        return models::DeclineClass::Technical;
    const auto p = provider == QLatin1String("stripe") ? models::PaymentProvider::Stripe : models::PaymentProvider::Azul;
    return models::classifyDecline(p, declineCode, declineDetail);
}

QJsonObject ProviderAnswer::toJson() const
{
    QJsonObject o{{QStringLiteral("state"), stateName()}, {QStringLiteral("never_sent"), neverSent}};
    ProviderAnswer copy = *this;
    for (int i = 0; i < int(std::size(kFields)); ++i) {
        if (!field(copy, i)->isEmpty())
            o.insert(QLatin1String(kFields[i]), *field(copy, i));
    }
    return o;
}

ProviderAnswer ProviderAnswer::fromJson(const QJsonObject &o)
{
    ProviderAnswer a;
    const QString state = o.value(QStringLiteral("state")).toString();
    a.state = state == QLatin1String("succeeded") ? State::Succeeded : state == QLatin1String("failed") ? State::Failed : State::Unknown;
    a.neverSent = o.value(QStringLiteral("never_sent")).toBool();
    for (int i = 0; i < int(std::size(kFields)); ++i)
        *field(a, i) = o.value(QLatin1String(kFields[i])).toString();
    return a;
}

ProviderAnswer ProviderAnswer::fromAzulFlow(const CallResult<azul::AzulFlowResult> &call)
{
    if (!call.outcome)
        return notSent(call.summary.detail);
    const azul::AzulFlowResult &flow = *call.outcome;
    ProviderAnswer a;
    switch (flow.state) {
    case azul::AzulFlowResult::State::Succeeded:
        a.state = State::Succeeded;
        takeAzulResult(a, flow.approval);
        a.customOrderId = flow.approvedAttemptId;
        a.declineCode.clear();
        a.declineDetail.clear();
        break;
    case azul::AzulFlowResult::State::Failed:
        a.state = State::Failed;
        takeAzulResult(a, flow.last.result);
        a.neverSent = flow.last.neverLeft() && flow.attempts.size() <= 1;
        if (a.neverSent)
            a.message = flow.error.toString();
        break;
    case azul::AzulFlowResult::State::Unknown:
        a.state = State::Unknown;
        a.message = flow.error.toString();
        break;
    }
    return a;
}

ProviderAnswer ProviderAnswer::fromAzulOnce(const CallResult<azul::AzulOutcome> &call)
{
    if (!call.outcome)
        return notSent(call.summary.detail);
    const azul::AzulOutcome &out = *call.outcome;
    if (out.neverLeft())
        return notSent(out.toError().toString());
    ProviderAnswer a;
    takeAzulResult(a, out.result);
    switch (out.result.outcome) {
    case AzulOutcomeKind::Approved: a.state = State::Succeeded; break;
    case AzulOutcomeKind::Declined:
    case AzulOutcomeKind::Error:
    case AzulOutcomeKind::NotFound: a.state = State::Failed; break;
    case AzulOutcomeKind::ThreeDsPending:
    case AzulOutcomeKind::Ambiguous: a.state = State::Unknown; break;
    }
    return a;
}

ProviderAnswer ProviderAnswer::fromStripe(const CallResult<stripe::StripeOutcome> &call)
{
    if (!call.outcome)
        return notSent(call.summary.detail);
    const stripe::StripeOutcome &out = *call.outcome;
    if (out.transport == http::HttpOutcome::Kind::NotSent)
        return notSent(out.toError().toString());
    ProviderAnswer a;
    a.requestId = out.requestId;
    if (out.transport != http::HttpOutcome::Kind::Answered) {
        a.state = State::Unknown; // sent, no complete answer: Stripe may have done it
        a.message = out.toError().toString();
        return a;
    }
    if (out.response.ok()) {
        const QJsonObject &o = out.object();
        const QString object = o.value(QStringLiteral("object")).toString();
        const QString status = o.value(QStringLiteral("status")).toString();
        if (object == QLatin1String("refund")) {
            a.stripeRefundId = o.value(QStringLiteral("id")).toString();
            a.state = status == QLatin1String("succeeded") || status == QLatin1String("pending") ? State::Succeeded
                      : status == QLatin1String("failed") || status == QLatin1String("canceled") ? State::Failed
                                                                                                : State::Unknown;
            a.message = o.value(QStringLiteral("failure_reason")).toString();
        } else {
            a.stripePaymentIntentId = o.value(QStringLiteral("id")).toString();
            a.stripeChargeId = o.value(QStringLiteral("latest_charge")).toString();
            a.state = status == QLatin1String("succeeded") ? State::Succeeded
                      : status == QLatin1String("processing") ? State::Unknown
                                                              : State::Failed;
            const QJsonObject error = o.value(QStringLiteral("last_payment_error")).toObject();
            a.declineCode = error.value(QStringLiteral("decline_code")).toString(error.value(QStringLiteral("code")).toString());
            a.message = error.value(QStringLiteral("message")).toString();
        }
        return a;
    }
    const stripe::StripeApiError &e = out.response.error;
    a.declineCode = e.declineCode.isEmpty() ? e.code : e.declineCode;
    a.message = e.message;
    a.stripePaymentIntentId = e.paymentIntent;
    a.stripeChargeId = e.charge;
    const int status = out.httpStatus;
    // 5xx, 409 (same key in flight) and a malformed answer may hide an effect; an already
    // refunded charge is for reconciliation (docs/idempotency.md §6). Other 4xx: nothing was done.
    const bool mayHaveActed = status >= 500 || status == 409 || out.response.kind != stripe::StripeResponse::Kind::ApiError
                              || e.code == QLatin1String("charge_already_refunded");
    a.state = mayHaveActed ? State::Unknown : State::Failed;
    return a;
}

} // namespace okla::services
