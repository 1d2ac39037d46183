#pragma once

#include <QJsonObject>
#include <QString>

#include "models/result.h"

namespace okla::services {

class PgConnection;
struct ProviderAnswer;

/// One charge as the executor works on it: the row, its invoice and the dealer's stored tokens.
struct ChargeRow
{
    qint64 id = 0;
    QString publicId;         ///< the charge's UUID: Stripe Idempotency-Key, prefix of AZUL attempt ids
    qint64 invoiceId = 0;
    qint64 dealerId = 0;
    int attemptNo = 1;
    QString provider;         ///< azul | stripe
    QString currency;         ///< DOP | USD
    qint64 amountMinor = 0;   ///< tax included
    qint64 itbisMinor = 0;
    QString azulToken;        ///< AZUL DataVault token (never logged)
    QString stripeCustomer;   ///< dealers.stripe_customer_id
    QString stripeMethod;     ///< the saved Stripe payment method (pm_…)
};

/// The `finished` phase of a charge (docs/idempotency.md §13), in the caller's transaction: the
/// payment, the paid invoice, the subscription back in good standing with its period advanced
/// (docs/domain.md §21 "Reactivation"), the `billing.charge.*` outbox message and the dealer's
/// receipt or payment_failed notice (one per event key).
class ChargeSettlement
{
public:
    explicit ChargeSettlement(PgConnection &db) : m_db(db) {}
    models::Status settle(const ChargeRow &charge, const ProviderAnswer &answer, const QJsonObject &summary);

private:
    models::Status recordPayment(const ChargeRow &charge, const ProviderAnswer &answer);
    models::Status markInvoicePaid(const ChargeRow &charge);
    PgConnection &m_db;
};

} // namespace okla::services
