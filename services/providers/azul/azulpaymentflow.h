#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QPromise>
#include <QString>

#include "models/result.h"
#include "services/providers/azul/azulclient.h"
#include "services/resilience/attemptreport.h"

namespace okla::services::azul {

/// One provider request of a money-moving operation: `<operation uuid>-<n>`.
struct AzulAttempt
{
    int number = 0;
    QString customOrderId;
    std::optional<AzulOutcome> sent;     ///< what the send returned
    std::optional<AzulOutcome> verified; ///< what VerifyPayment said about it, if asked
};

/// How a money-moving AZUL operation ended (docs/idempotency.md §7 states).
struct AzulFlowResult
{
    enum class State {
        Succeeded, ///< approved (directly, or found by VerifyPayment)
        Failed,    ///< AZUL certainly did nothing: declined, error, never sent, or every attempt not found
        Unknown,   ///< ambiguous and VerifyPayment could not tell: leave to the reconciler
    };
    State state = State::Unknown;
    AzulResult approval;          ///< the approved transaction (AzulOrderId…) when Succeeded
    QString approvedAttemptId;
    AzulOutcome last;             ///< the last call made (send or verify)
    QList<AzulAttempt> attempts;
    models::Error error;          ///< for Failed/Unknown

    static QString stateName(State state);
    /// For services/resilience: Failed after a retryable decline (91, SGS-007778) or a request
    /// that never left may be run again; Unknown never.
    AttemptReport toAttemptReport() const;
};

/// AZUL's procedure for a money-moving operation (Sale, Hold, Refund…), docs/resilience.md §9:
/// every attempt gets its own CustomOrderId, stored by the caller BEFORE it is sent; after an
/// ambiguous outcome, wait out AZUL's timeout, then VerifyPayment every earlier attempt id:
/// found approved → done; all not found (or declined) → resend as attempt n+1 with a new id;
/// a verify that fails → Unknown. The alternate host is used only when a request never left,
/// or after VerifyPayment. Retries of decided outcomes (91 …) belong to services/resilience,
/// which may call run() again: earlier ids are always verified before anything is resent.
class AzulPaymentFlow : public std::enable_shared_from_this<AzulPaymentFlow>
{
public:
    struct Options
    {
        int ambiguousWaitMs = -1; ///< -1: the client's request timeout (120 s in production)
        int maxSends = 2;         ///< requests that may have reached AZUL, verified ones included
    };
    /// Sends one attempt with the given CustomOrderId.
    using SendFn = std::function<QFuture<AzulOutcome>(const QString &customOrderId, AzulClient::Host host)>;
    /// Stores the attempt id durably (UNIQUE in the attempts table) before it is sent; an error stops the flow.
    using RecordFn = std::function<QFuture<models::Status>(const QString &customOrderId, int number)>;

    static std::shared_ptr<AzulPaymentFlow> create(AzulClient &client, QString operationId, SendFn send,
                                                   RecordFn record, Options options);
    static std::shared_ptr<AzulPaymentFlow> create(AzulClient &client, QString operationId, SendFn send, RecordFn record)
    {
        return create(client, std::move(operationId), std::move(send), std::move(record), Options{});
    }

    /// Ready-made senders.
    static SendFn saleSender(AzulClient &client, AzulPayment payment);
    static SendFn holdSender(AzulClient &client, AzulPayment payment);
    static SendFn refundSender(AzulClient &client, QString azulOrderId, models::Money amount, models::Money itbis);

    static QString attemptId(const QString &operationId, int number);

    /// Runs the procedure. @p earlierAttemptIds: ids already stored by a previous run or a
    /// crashed worker; they are verified (no wait: their lease outlived AZUL's timeout) first.
    QFuture<AzulFlowResult> run(const QStringList &earlierAttemptIds = {});

private:
    AzulPaymentFlow(AzulClient &client, QString operationId, SendFn send, RecordFn record, Options options);
    void sendNext(AzulClient::Host host);
    void onSent(int index, const AzulOutcome &outcome);
    void verifyFrom(int index, AzulClient::Host host, bool unknown);
    void afterVerification(bool unknown, AzulClient::Host host);
    void finish(AzulFlowResult::State state, models::Error error = {});
    int possiblySentCount() const;

    AzulClient &m_client;
    QString m_operationId;
    SendFn m_send;
    RecordFn m_record;
    Options m_options;
    std::shared_ptr<QPromise<AzulFlowResult>> m_promise;
    AzulFlowResult m_result;
    int m_nextNumber = 1;
    bool m_usedAlternate = false;
    Q_DECLARE_TR_FUNCTIONS(okla::services::azul::AzulPaymentFlow)
};

} // namespace okla::services::azul
