#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QUuid>

#include "services/billing/chargesettlement.h"
#include "services/billing/idempotencyphases.h"
#include "services/billing/phaserunner.h"
#include "services/billing/invoicecharger.h"
#include "services/billing/executorproviders.h"

namespace okla::services {

class PgConnection;
class ResilienceManager;
struct ProviderAnswer;

/// Charges issued invoices with the dealer's stored token, through the phases of
/// docs/idempotency.md §4 (docs/idempotency.md §13 says how): AZUL DataVault token sales, or
/// Stripe off-session PaymentIntents with the dealer's saved payment method; routing and
/// fallback as docs/resilience.md §10. Runs on one service thread with an event loop and its own
/// connection as the worker.
class ChargeExecutor : public InvoiceCharger
{
public:
    using Providers = ExecutorProviders;

    ChargeExecutor(PgConnection &db, ResilienceManager &resilience, Providers providers);

    models::Result<ChargeOutcome> chargeInvoice(qint64 invoiceId, int attemptNo, QDate businessDate) override;
    /// Continues an unfinished key of operation "charge" (the completer, docs/idempotency.md §5).
    models::Result<ChargeOutcome> resume(const QJsonObject &params);

    /// The idempotency key of an invoice's attempt: the same on every run, so a rerun finds it.
    static QUuid keyFor(qint64 invoiceId, int attemptNo);
    static QString operationName() { return QStringLiteral("charge"); }

private:
    using Charge = ChargeRow;

    models::Result<PhaseSteps::Intent> commitIntent(qint64 invoiceId, int attemptNo);
    models::Result<Charge> loadCharge(qint64 invoiceId, int attemptNo);
    ProviderAnswer callProvider(const Charge &charge, bool resumed);
    ProviderAnswer chargeAzul(const Charge &charge, bool resumed);
    ProviderAnswer chargeStripe(const Charge &charge);
    models::Status recordAnswer(const Charge &charge, const ProviderAnswer &answer);
    models::Result<QJsonObject> settle(const Charge &charge, const ProviderAnswer &answer);

    PgConnection &m_db;
    ResilienceManager &m_resilience;
    Providers m_providers;
    IdempotencyPhases m_phases;
    Q_DECLARE_TR_FUNCTIONS(okla::services::ChargeExecutor)
};

} // namespace okla::services
