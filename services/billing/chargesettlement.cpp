#include "services/billing/chargesettlement.h"

#include "services/billing/billingrecords.h"
#include "services/billing/provideranswer.h"
#include "services/billing/sqlvalues.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using models::Status;

Status ChargeSettlement::recordPayment(const ChargeRow &charge, const ProviderAnswer &answer)
{
    // Card brand and last 4 from the stored method that was charged; never a card number.
    auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO payments (dealer_id, invoice_id, charge_id, provider, status, currency, amount_minor, itbis_minor,"
                       "  captured_amount, azul_order_id, custom_order_id, rrn, authorization_code, stripe_charge_id,"
                       "  stripe_payment_intent_id, card_brand, card_last4, created_at, paid_at) "
                       "SELECT c.dealer_id, c.invoice_id, c.id, c.provider, 'succeeded', c.currency, c.amount_minor, c.itbis_minor,"
                       "       c.amount_minor, $2, $3, $4, $5, $6, $7, pm.card_brand, pm.card_last4, now(), now() "
                       "FROM charges c LEFT JOIN LATERAL (SELECT card_brand, card_last4 FROM payment_methods"
                       "     WHERE dealer_id = c.dealer_id AND provider = c.provider AND removed_at IS NULL"
                       "     ORDER BY is_default DESC, id DESC LIMIT 1) pm ON true "
                       "WHERE c.id = $1 ON CONFLICT (charge_id) DO NOTHING"),
        {charge.id, nullIfEmpty(answer.azulOrderId), nullIfEmpty(answer.customOrderId), nullIfEmpty(answer.rrn),
         nullIfEmpty(answer.authorizationCode), nullIfEmpty(answer.stripeChargeId), nullIfEmpty(answer.stripePaymentIntentId)});
    return inserted ? Status() : Status(inserted.error());
}

Status ChargeSettlement::markInvoicePaid(const ChargeRow &charge)
{
    auto paid = m_db.exec(QStringLiteral("UPDATE invoices SET status = 'paid', paid_at = now() "
                                         "WHERE id = $1 AND status IN ('issued', 'sent', 'overdue', 'partially_paid')"),
                          {charge.invoiceId});
    if (!paid)
        return paid.error();
    // The paid period becomes the current one; dunning ends; the next renewal is due when it ends.
    auto advanced = m_db.exec(
        QStringLiteral("UPDATE subscriptions s SET"
                       "  status = CASE WHEN s.status IN ('trial', 'past_due', 'suspended') THEN 'active' ELSE s.status END,"
                       "  current_period_start = greatest(s.current_period_start, i.period_start),"
                       "  current_period_end = CASE WHEN i.period_start > s.current_period_start THEN i.period_end"
                       "                            ELSE s.current_period_end END,"
                       "  dunning_started_on = NULL, dunning_attempts = 0,"
                       "  next_charge_on = CASE WHEN s.cancel_at_period_end THEN NULL"
                       "                        ELSE greatest(s.current_period_end, i.period_end) END,"
                       "  updated_at = now() "
                       "FROM invoices i WHERE i.id = $1 AND s.id = i.subscription_id AND s.status NOT IN ('cancelled', 'expired')"),
        {charge.invoiceId});
    return advanced ? Status() : Status(advanced.error());
}

Status ChargeSettlement::settle(const ChargeRow &charge, const ProviderAnswer &answer, const QJsonObject &summary)
{
    BillingRecords records(m_db);
    const QString state = answer.stateName();
    if (answer.state == ProviderAnswer::State::Succeeded) {
        if (auto s = recordPayment(charge, answer); !s)
            return s;
        if (auto s = markInvoicePaid(charge); !s)
            return s;
        if (auto s = records.notify(charge.dealerId, QStringLiteral("receipt"),
                                    QStringLiteral("receipt:invoice:%1").arg(charge.invoiceId), summary);
            !s)
            return s;
    } else if (answer.state == ProviderAnswer::State::Failed) {
        if (auto s = records.notify(charge.dealerId, QStringLiteral("payment_failed"),
                                    QStringLiteral("payment_failed:charge:%1").arg(charge.id), summary);
            !s)
            return s;
    }
    return records.outbox(QStringLiteral("billing.charge.") + state, summary);
}

} // namespace okla::services
