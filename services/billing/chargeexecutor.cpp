#include "services/billing/chargeexecutor.h"

#include "services/billing/billingrecords.h"
#include "services/billing/futurewait.h"
#include "services/billing/provideranswer.h"
#include "services/billing/sqlvalues.h"
#include "services/database/pgconnection.h"
#include "services/providers/azul/azuloperations.h"
#include "services/providers/stripe/stripeoperations.h"
#include "services/resilience/paymentrouter.h"
#include "services/resilience/resiliencemanager.h"

namespace okla::services {

using models::Result;
using models::Status;
using Router = PaymentRouter;

namespace {

/// Namespace of the charges' deterministic keys (a UUID of its own, never changed).
const QUuid kChargeKeyNamespace = QUuid::fromString(QStringLiteral("8c1f5b7e-2f43-4d0e-9a55-6a3c2b9d1e07"));

ChargeOutcome outcomeFrom(const QJsonObject &response)
{
    ChargeOutcome o;
    const QString kind = response.value(QStringLiteral("outcome")).toString();
    o.kind = kind == QLatin1String("succeeded") ? ChargeOutcome::Kind::Succeeded
             : kind == QLatin1String("failed")  ? ChargeOutcome::Kind::Declined
             : kind == QLatin1String("unknown") ? ChargeOutcome::Kind::Unknown
                                                : ChargeOutcome::Kind::Skipped;
    o.chargeId = response.value(QStringLiteral("charge_id")).toInteger();
    o.provider = response.value(QStringLiteral("provider")).toString();
    o.declineCode = response.value(QStringLiteral("decline_code")).toString();
    const QString declineClass = response.value(QStringLiteral("decline_class")).toString();
    o.declineClass = declineClass == QLatin1String("hard")        ? models::DeclineClass::Hard
                     : declineClass == QLatin1String("technical") ? models::DeclineClass::Technical
                                                                  : models::DeclineClass::Soft;
    return o;
}

QString failureKind(const ProviderAnswer &answer, models::DeclineClass declineClass)
{
    switch (answer.state) {
    case ProviderAnswer::State::Succeeded: return {};
    case ProviderAnswer::State::Unknown: return QStringLiteral("ambiguous");
    case ProviderAnswer::State::Failed: break;
    }
    return answer.neverSent || declineClass == models::DeclineClass::Technical ? QStringLiteral("technical")
                                                                                : QStringLiteral("declined");
}

} // namespace

ChargeExecutor::ChargeExecutor(PgConnection &db, ResilienceManager &resilience, Providers providers)
    : m_db(db)
    , m_resilience(resilience)
    , m_providers(providers)
    , m_phases(db)
{
}

QUuid ChargeExecutor::keyFor(qint64 invoiceId, int attemptNo)
{
    return QUuid::createUuidV5(kChargeKeyNamespace, QStringLiteral("charge:%1:%2").arg(invoiceId).arg(attemptNo));
}

Result<ChargeOutcome> ChargeExecutor::resume(const QJsonObject &params)
{
    return chargeInvoice(params.value(QStringLiteral("invoice_id")).toInteger(), params.value(QStringLiteral("attempt_no")).toInt(),
                         QDate::fromString(params.value(QStringLiteral("business_date")).toString(), Qt::ISODate));
}

Result<ChargeOutcome> ChargeExecutor::chargeInvoice(qint64 invoiceId, int attemptNo, QDate businessDate)
{
    const QJsonObject params{{QStringLiteral("invoice_id"), invoiceId},
                             {QStringLiteral("attempt_no"), attemptNo},
                             {QStringLiteral("business_date"), businessDate.toString(Qt::ISODate)}};
    std::optional<Charge> charge;
    PhaseSteps steps;
    steps.operation = operationName().toUtf8();
    steps.intent = [&] { return commitIntent(invoiceId, attemptNo); };
    steps.load = [&]() -> Status {
        auto loaded = loadCharge(invoiceId, attemptNo);
        if (!loaded)
            return loaded.error();
        charge = loaded.value();
        return {};
    };
    steps.call = [&](bool resumed) { return callProvider(*charge, resumed); };
    steps.recordAnswer = [&](const ProviderAnswer &answer) { return recordAnswer(*charge, answer); };
    steps.settle = [&](const ProviderAnswer &answer) { return settle(*charge, answer); };
    auto response = PhaseRunner(m_phases).run(std::nullopt, keyFor(invoiceId, attemptNo), params, steps);
    if (!response)
        return response.error();
    return outcomeFrom(response.value());
}

Result<PhaseSteps::Intent> ChargeExecutor::commitIntent(qint64 invoiceId, int attemptNo)
{
    BillingRecords records(m_db);
    const bool azulBreakerOpen = !m_providers.azul
        || Router::azulSaleBreakerOpen(m_resilience.breakers(), m_providers.azul->hostLabel(azul::AzulClient::Host::Primary));
    auto invoice = m_db.exec(
        QStringLiteral("SELECT i.status IN ('issued', 'sent', 'overdue', 'partially_paid') AND i.total_minor > 0"
                       "       AND NOT EXISTS (SELECT 1 FROM charges c WHERE c.invoice_id = i.id"
                       "                        AND (coalesce(c.resolution, c.state) <> 'failed' OR c.attempt_no = $2)),"
                       "       i.dealer_id, i.currency, i.total_minor, i.itbis_minor, s.provider,"
                       "       EXISTS (SELECT 1 FROM payment_methods WHERE dealer_id = i.dealer_id AND provider = 'azul' AND removed_at IS NULL),"
                       "       d.stripe_customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM payment_methods"
                       "           WHERE dealer_id = i.dealer_id AND provider = 'stripe' AND removed_at IS NULL) "
                       "FROM invoices i JOIN subscriptions s ON s.id = i.subscription_id JOIN dealers d ON d.id = i.dealer_id "
                       "WHERE i.id = $1"),
        {invoiceId, attemptNo});
    if (!invoice)
        return invoice.error();
    if (invoice->rows() != 1)
        return models::makeError(QStringLiteral("charge.invoice_missing"), tr("Invoice %1 does not exist.").arg(invoiceId));
    if (invoice->text(0, 0) != QLatin1String("t")) // nothing to charge
        return PhaseSteps::Intent{false, {{QStringLiteral("outcome"), QStringLiteral("skipped")}, {QStringLiteral("invoice_id"), invoiceId}}};
    const QString currency = invoice->text(0, 2);
    const bool hasAzul = invoice->text(0, 6) == QLatin1String("t") && m_providers.azul;
    const bool hasStripe = invoice->text(0, 7) == QLatin1String("t") && m_providers.stripe;
    Router::Decision decision{Router::Provider::Stripe, currency, false, QStringLiteral("the subscription is billed through Stripe")};
    if (invoice->text(0, 5) != QLatin1String("stripe")) {
        Router::Request request;
        request.currency = currency;
        request.azulSaleBreakerOpen = azulBreakerOpen || !hasAzul;
        request.dealerHasStripePaymentMethod = hasStripe;
        auto routed = Router::route(request);
        if (!routed)
            return routed.error();
        decision = routed.value();
    }
    const QString provider = Router::providerName(decision.provider);
    if ((provider == QLatin1String("stripe") && !hasStripe) || (provider == QLatin1String("azul") && !hasAzul))
        return models::makeError(QStringLiteral("charge.no_payment_method"),
                                 tr("The dealer has no stored payment method for %1.").arg(provider));
    auto inserted = m_db.exec(QStringLiteral("INSERT INTO charges (invoice_id, dealer_id, provider, attempt_no, is_fallback, currency,"
                                             " amount_minor, itbis_minor, state, started_at) "
                                             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitting', now()) RETURNING id, public_id"),
                              {invoiceId, invoice->toInt64(0, 1), provider, attemptNo, decision.fallback ? QStringLiteral("true") : QStringLiteral("false"),
                               currency, invoice->toInt64(0, 3), invoice->toInt64(0, 4)});
    if (!inserted)
        return inserted.error();
    const qint64 chargeId = inserted->toInt64(0, 0);
    const QString publicId = inserted->text(0, 1);
    const bool azul = provider == QLatin1String("azul");
    const QString host = azul ? m_providers.azul->hostLabel(azul::AzulClient::Host::Primary) : QStringLiteral("stripe");
    if (auto s = records.recordRequest(RequestOwner::charge(chargeId), provider,
                                       azul ? QStringLiteral("sale") : QStringLiteral("payment_intents.create"), 1,
                                       azul ? azul::AzulPaymentFlow::attemptId(publicId, 1) : QString(),
                                       azul ? QString() : publicId, host);
        !s)
        return s.error();
    return PhaseSteps::Intent{true, {{QStringLiteral("charge_id"), chargeId}, {QStringLiteral("route"), decision.reason}}};
}

Result<ChargeExecutor::Charge> ChargeExecutor::loadCharge(qint64 invoiceId, int attemptNo)
{
    auto row = m_db.exec(QStringLiteral("SELECT c.id, c.public_id, c.dealer_id, c.provider, c.currency, c.amount_minor, c.itbis_minor,"
                                        " (SELECT token FROM payment_methods WHERE dealer_id = c.dealer_id AND provider = 'azul'"
                                        "   AND removed_at IS NULL ORDER BY is_default DESC, id DESC LIMIT 1),"
                                        " (SELECT token FROM payment_methods WHERE dealer_id = c.dealer_id AND provider = 'stripe'"
                                        "   AND removed_at IS NULL ORDER BY is_default DESC, id DESC LIMIT 1),"
                                        " d.stripe_customer_id "
                                        "FROM charges c JOIN dealers d ON d.id = c.dealer_id WHERE c.invoice_id = $1 AND c.attempt_no = $2"),
                         {invoiceId, attemptNo});
    if (!row)
        return row.error();
    if (row->rows() != 1)
        return models::makeError(QStringLiteral("charge.missing"), tr("The charge of invoice %1, attempt %2, is missing.")
                                                                       .arg(invoiceId).arg(attemptNo));
    Charge c;
    c.id = row->toInt64(0, 0);
    c.publicId = row->text(0, 1);
    c.invoiceId = invoiceId;
    c.dealerId = row->toInt64(0, 2);
    c.attemptNo = attemptNo;
    c.provider = row->text(0, 3);
    c.currency = row->text(0, 4);
    c.amountMinor = row->toInt64(0, 5);
    c.itbisMinor = row->toInt64(0, 6);
    c.azulToken = row->text(0, 7);
    c.stripeMethod = row->text(0, 8);
    c.stripeCustomer = row->text(0, 9);
    return c;
}

ProviderAnswer ChargeExecutor::callProvider(const Charge &charge, bool resumed)
{
    return charge.provider == QLatin1String("azul") ? chargeAzul(charge, resumed) : chargeStripe(charge);
}

ProviderAnswer ChargeExecutor::chargeAzul(const Charge &charge, bool resumed)
{
    BillingRecords records(m_db);
    const RequestOwner owner = RequestOwner::charge(charge.id);
    QStringList earlier;
    if (resumed) {
        // A crashed run may have sent any recorded attempt: verify each before anything is resent.
        auto ids = records.attemptIds(owner);
        if (!ids)
            return ProviderAnswer::undetermined(ids.error().toString());
        earlier = ids.value();
    }
    azul::AzulPayment payment;
    payment.amount = models::Money::fromMinor(charge.amountMinor, models::Currency::DOP);
    payment.itbis = models::Money::fromMinor(charge.itbisMinor, models::Currency::DOP);
    payment.dataVaultToken = charge.azulToken;
    payment.orderNumber = QString::number(charge.invoiceId).right(15);
    const QString host = m_providers.azul->hostLabel(azul::AzulClient::Host::Primary);
    auto record = records.azulRecorder(owner, QStringLiteral("sale"), host);
    azul::AzulOperations operations(*m_providers.azul, m_resilience);
    return ProviderAnswer::fromAzulFlow(
        waitForFuture(operations.sale(charge.publicId, payment, record, m_providers.azulFlow, earlier)));
}

ProviderAnswer ChargeExecutor::chargeStripe(const Charge &charge)
{
    stripe::StripeRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/payment_intents");
    request.operation = QStringLiteral("payment_intents.create");
    request.expectedObject = QStringLiteral("payment_intent");
    request.idempotencyKey = charge.publicId; // the same on every resend (docs/idempotency.md §6)
    request.params.add(QStringLiteral("amount"), charge.amountMinor)
        .add(QStringLiteral("currency"), charge.currency.toLower())
        .add(QStringLiteral("customer"), charge.stripeCustomer)
        .add(QStringLiteral("payment_method"), charge.stripeMethod)
        .add(QStringLiteral("off_session"), true)
        .add(QStringLiteral("confirm"), true)
        .add(QStringLiteral("metadata[okla_id]"), charge.publicId)
        .add(QStringLiteral("metadata[invoice_id]"), charge.invoiceId);
    stripe::StripeOperations operations(*m_providers.stripe, m_resilience);
    return ProviderAnswer::fromStripe(waitForFuture(operations.call(request)));
}

Status ChargeExecutor::recordAnswer(const Charge &charge, const ProviderAnswer &answer)
{
    const models::DeclineClass declineClass = answer.declineClass(charge.provider);
    const bool succeeded = answer.state == ProviderAnswer::State::Succeeded;
    auto updated = m_db.exec(QStringLiteral("UPDATE charges SET state = $2, failure_kind = $3, decline_code = $4,"
                                            " decline_message = left($5, 500),"
                                            " finished_at = CASE WHEN $2::text <> 'unknown' THEN now() END "
                                            "WHERE id = $1 AND state = 'submitting'"),
                             {charge.id, answer.stateName(), nullIfEmpty(failureKind(answer, declineClass)),
                              succeeded ? QVariant() : nullIfEmpty(answer.declineCode),
                              succeeded ? QVariant() : nullIfEmpty(answer.message)});
    if (!updated)
        return updated.error();
    return BillingRecords(m_db).settleRequests(RequestOwner::charge(charge.id), answer);
}

Result<QJsonObject> ChargeExecutor::settle(const Charge &charge, const ProviderAnswer &answer)
{
    QJsonObject summary{{QStringLiteral("outcome"), answer.stateName()},
                        {QStringLiteral("charge_id"), charge.id},
                        {QStringLiteral("invoice_id"), charge.invoiceId},
                        {QStringLiteral("dealer_id"), charge.dealerId},
                        {QStringLiteral("provider"), charge.provider},
                        {QStringLiteral("currency"), charge.currency},
                        {QStringLiteral("amount_minor"), charge.amountMinor}};
    if (answer.state == ProviderAnswer::State::Failed) {
        summary.insert(QStringLiteral("decline_code"), answer.declineCode);
        summary.insert(QStringLiteral("decline_class"), models::declineClassName(answer.declineClass(charge.provider)));
    }
    if (auto s = ChargeSettlement(m_db).settle(charge, answer, summary); !s)
        return s.error();
    return summary;
}

} // namespace okla::services
