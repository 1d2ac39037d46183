#include "services/providers/azul/azuloperations.h"

#include "services/resilience/resiliencemanager.h"

namespace okla::services::azul {

OperationKey AzulOperations::key(AzulOperation op) const
{
    return OperationKey{QStringLiteral("azul"), operationName(op), m_client.hostLabel(AzulClient::Host::Primary)};
}

QFuture<CallResult<AzulFlowResult>> AzulOperations::runFlow(AzulOperation op, const QString &operationId,
                                                            AzulPaymentFlow::SendFn send, AzulPaymentFlow::RecordFn record,
                                                            AzulPaymentFlow::Options options,
                                                            const QStringList &earlierAttemptIds)
{
    auto flow = AzulPaymentFlow::create(m_client, operationId, std::move(send), std::move(record), options);
    // Ids of every attempt made so far, across retries: each new run verifies them first.
    auto earlier = std::make_shared<QStringList>(earlierAttemptIds);
    std::function<QFuture<AzulFlowResult>(int)> attempt = [flow, earlier](int) {
        return flow->run(*earlier).then(QtFuture::Launch::Sync, [earlier](AzulFlowResult result) {
            for (const AzulAttempt &a : std::as_const(result.attempts)) {
                if (!earlier->contains(a.customOrderId))
                    earlier->append(a.customOrderId);
            }
            return result;
        });
    };
    return ResilientCall::run<AzulFlowResult>(m_manager, CallOptions(key(op)), std::move(attempt),
                                              [](const AzulFlowResult &r) { return r.toAttemptReport(); });
}

QFuture<CallResult<AzulOutcome>> AzulOperations::once(AzulOperation op, std::function<QFuture<AzulOutcome>()> call)
{
    return ResilientCall::run<AzulOutcome>(
        m_manager, CallOptions(key(op)), [call = std::move(call)](int) { return call(); },
        [](const AzulOutcome &o) { return o.toAttemptReport(); });
}

QFuture<CallResult<AzulFlowResult>> AzulOperations::sale(const QString &operationId, const AzulPayment &payment,
                                                         AzulPaymentFlow::RecordFn record, AzulPaymentFlow::Options options,
                                                         const QStringList &earlierAttemptIds)
{
    return runFlow(AzulOperation::Sale, operationId, AzulPaymentFlow::saleSender(m_client, payment), std::move(record), options,
                   earlierAttemptIds);
}

QFuture<CallResult<AzulFlowResult>> AzulOperations::hold(const QString &operationId, const AzulPayment &payment,
                                                         AzulPaymentFlow::RecordFn record, AzulPaymentFlow::Options options)
{
    return runFlow(AzulOperation::Hold, operationId, AzulPaymentFlow::holdSender(m_client, payment), std::move(record), options);
}

QFuture<CallResult<AzulFlowResult>> AzulOperations::refund(const QString &operationId, const QString &azulOrderId,
                                                           const models::Money &amount, const models::Money &itbis,
                                                           AzulPaymentFlow::RecordFn record, AzulPaymentFlow::Options options,
                                                           const QStringList &earlierAttemptIds)
{
    return runFlow(AzulOperation::Refund, operationId, AzulPaymentFlow::refundSender(m_client, azulOrderId, amount, itbis),
                   std::move(record), options, earlierAttemptIds);
}

QFuture<CallResult<AzulOutcome>> AzulOperations::verify(const QString &customOrderId)
{
    return once(AzulOperation::VerifyPayment, [this, customOrderId] { return m_client.verify(customOrderId); });
}

QFuture<CallResult<AzulOutcome>> AzulOperations::post(const QString &azulOrderId, const models::Money &amount,
                                                      const models::Money &itbis)
{
    return once(AzulOperation::Post, [this, azulOrderId, amount, itbis] { return m_client.post(azulOrderId, amount, itbis); });
}

QFuture<CallResult<AzulOutcome>> AzulOperations::voidTransaction(const QString &azulOrderId)
{
    return once(AzulOperation::Void, [this, azulOrderId] { return m_client.voidTransaction(azulOrderId); });
}

QFuture<CallResult<AzulOutcome>> AzulOperations::dataVaultCreate(const QString &cardNumber, const QString &expiration,
                                                                 const QString &cvc)
{
    return once(AzulOperation::DataVaultCreate,
                [this, cardNumber, expiration, cvc] { return m_client.dataVaultCreate(cardNumber, expiration, cvc); });
}

QFuture<CallResult<AzulOutcome>> AzulOperations::dataVaultDelete(const QString &token)
{
    return once(AzulOperation::DataVaultDelete, [this, token] { return m_client.dataVaultDelete(token); });
}

QFuture<CallResult<AzulOutcome>> AzulOperations::searchPayments(QDate from, QDate to)
{
    return once(AzulOperation::SearchPayments, [this, from, to] { return m_client.searchPayments(from, to); });
}

} // namespace okla::services::azul
