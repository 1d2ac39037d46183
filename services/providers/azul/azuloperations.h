#pragma once

#include <memory>

#include <QFuture>
#include <QStringList>

#include "services/providers/azul/azulclient.h"
#include "services/providers/azul/azulpaymentflow.h"
#include "services/resilience/resilientcall.h"

namespace okla::services {
class ResilienceManager;
}

namespace okla::services::azul {

/// AZUL calls as the worker makes them: each single attempt of AzulClient (or each run of
/// AzulPaymentFlow) under services/resilience's rate limiter, breaker (`azul.<op>@<host>`),
/// retry policy and budget. Must be called on a service thread with an event loop.
class AzulOperations
{
public:
    AzulOperations(AzulClient &client, ResilienceManager &manager) : m_client(client), m_manager(manager) {}

    /// A money-moving operation: every retry the policy grants is a new AzulPaymentFlow run that
    /// first verifies every earlier attempt id, so nothing is resent before VerifyPayment.
    /// The policy only retries Failed flows that are safe to repeat (never-sent, 91, SGS-007778).
    /// @p earlierAttemptIds: ids a previous (crashed) run stored; verified before anything is sent.
    QFuture<CallResult<AzulFlowResult>> sale(const QString &operationId, const AzulPayment &payment,
                                             AzulPaymentFlow::RecordFn record, AzulPaymentFlow::Options options = {},
                                             const QStringList &earlierAttemptIds = {});
    QFuture<CallResult<AzulFlowResult>> hold(const QString &operationId, const AzulPayment &payment,
                                             AzulPaymentFlow::RecordFn record, AzulPaymentFlow::Options options = {});
    /// Amounts in DOP (AZUL's only currency).
    QFuture<CallResult<AzulFlowResult>> refund(const QString &operationId, const QString &azulOrderId,
                                               const models::Money &amount, const models::Money &itbis,
                                               AzulPaymentFlow::RecordFn record, AzulPaymentFlow::Options options = {},
                                               const QStringList &earlierAttemptIds = {});

    /// Single-request operations (an ambiguous Post is never retried: AzulOutcome says so).
    QFuture<CallResult<AzulOutcome>> verify(const QString &customOrderId);
    QFuture<CallResult<AzulOutcome>> post(const QString &azulOrderId, const models::Money &amount, const models::Money &itbis);
    QFuture<CallResult<AzulOutcome>> voidTransaction(const QString &azulOrderId);
    QFuture<CallResult<AzulOutcome>> dataVaultCreate(const QString &cardNumber, const QString &expiration, const QString &cvc);
    QFuture<CallResult<AzulOutcome>> dataVaultDelete(const QString &token);
    /// A read: retried by the policy like VerifyPayment, never moves money.
    QFuture<CallResult<AzulOutcome>> searchPayments(QDate from, QDate to);

private:
    QFuture<CallResult<AzulFlowResult>> runFlow(AzulOperation op, const QString &operationId,
                                                AzulPaymentFlow::SendFn send, AzulPaymentFlow::RecordFn record,
                                                AzulPaymentFlow::Options options, const QStringList &earlierAttemptIds = {});
    QFuture<CallResult<AzulOutcome>> once(AzulOperation op, std::function<QFuture<AzulOutcome>()> call);
    OperationKey key(AzulOperation op) const;

    AzulClient &m_client;
    ResilienceManager &m_manager;
};

} // namespace okla::services::azul
