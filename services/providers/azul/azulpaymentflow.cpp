#include "services/providers/azul/azulpaymentflow.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAzul)

namespace okla::services::azul {

using Outcome = AzulResult::Outcome;
using State = AzulFlowResult::State;
using Host = AzulClient::Host;

namespace {

/// An attempt whose own answer already decided it (declined, error, never left): no need to verify.
bool decided(const AzulAttempt &a)
{
    if (!a.sent)
        return false; // stored by an earlier run: unknown until verified
    if (a.sent->neverLeft())
        return true;
    const Outcome o = a.sent->result.outcome;
    return o == Outcome::Declined || o == Outcome::Error || o == Outcome::ThreeDsPending;
}

} // namespace

QString AzulFlowResult::stateName(State state)
{
    switch (state) {
    case State::Succeeded: return QStringLiteral("succeeded");
    case State::Failed: return QStringLiteral("failed");
    case State::Unknown: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

AttemptReport AzulFlowResult::toAttemptReport() const
{
    AttemptReport r = last.toAttemptReport();
    r.success = state == State::Succeeded;
    if (state == State::Succeeded)
        r.retryOverride = false;
    else if (state == State::Unknown)
        r.retryOverride = false; // never resend what might have been charged
    else
        // Never-sent and 91 / SGS-007778 may run again (the next run verifies first); a flow
        // that used up its sends after verification has nothing more to try.
        r.retryOverride = last.neverLeft() || (last.result.outcome == Outcome::Declined && last.result.retryable);
    r.summary = QStringLiteral("azul flow %1 after %2 attempt(s): %3").arg(stateName(state)).arg(attempts.size()).arg(r.summary);
    return r;
}

AzulPaymentFlow::AzulPaymentFlow(AzulClient &client, QString operationId, SendFn send, RecordFn record, Options options)
    : m_client(client)
    , m_operationId(std::move(operationId))
    , m_send(std::move(send))
    , m_record(std::move(record))
    , m_options(options)
{
    if (m_options.ambiguousWaitMs < 0)
        m_options.ambiguousWaitMs = m_client.config().timeoutMs;
}

std::shared_ptr<AzulPaymentFlow> AzulPaymentFlow::create(AzulClient &client, QString operationId, SendFn send,
                                                         RecordFn record, Options options)
{
    return std::shared_ptr<AzulPaymentFlow>(
        new AzulPaymentFlow(client, std::move(operationId), std::move(send), std::move(record), options));
}

QString AzulPaymentFlow::attemptId(const QString &operationId, int number)
{
    return operationId + u'-' + QString::number(number);
}

AzulPaymentFlow::SendFn AzulPaymentFlow::saleSender(AzulClient &client, AzulPayment payment)
{
    return [&client, payment](const QString &id, Host host) {
        AzulPayment p = payment;
        p.customOrderId = id;
        return client.sale(p, host);
    };
}

AzulPaymentFlow::SendFn AzulPaymentFlow::holdSender(AzulClient &client, AzulPayment payment)
{
    return [&client, payment](const QString &id, Host host) {
        AzulPayment p = payment;
        p.customOrderId = id;
        return client.hold(p, host);
    };
}

AzulPaymentFlow::SendFn AzulPaymentFlow::refundSender(AzulClient &client, QString azulOrderId, models::Money amount,
                                                      models::Money itbis)
{
    return [&client, azulOrderId, amount, itbis](const QString &id, Host host) {
        return client.refund(azulOrderId, amount, itbis, id, host);
    };
}

QFuture<AzulFlowResult> AzulPaymentFlow::run(const QStringList &earlierAttemptIds)
{
    m_promise = std::make_shared<QPromise<AzulFlowResult>>();
    m_promise->start();
    QFuture<AzulFlowResult> future = m_promise->future();
    m_result = {};
    m_usedAlternate = false;
    for (const QString &id : earlierAttemptIds) {
        const int n = id.section(u'-', -1).toInt();
        m_result.attempts.append(AzulAttempt{n, id, std::nullopt, std::nullopt});
        m_nextNumber = std::max(m_nextNumber, n + 1);
    }
    if (m_result.attempts.isEmpty())
        sendNext(Host::Primary);
    else
        verifyFrom(0, Host::Primary, false);
    return future;
}

int AzulPaymentFlow::possiblySentCount() const
{
    return int(std::count_if(m_result.attempts.begin(), m_result.attempts.end(),
                             [](const AzulAttempt &a) { return !a.sent || !a.sent->neverLeft(); }));
}

void AzulPaymentFlow::sendNext(Host host)
{
    if (possiblySentCount() >= m_options.maxSends) {
        // Every attempt that may have reached AZUL was verified as not done.
        finish(State::Failed, models::makeError(QStringLiteral("azul.attempts_exhausted"),
                                                tr("AZUL did not process the payment after %1 verified attempts.")
                                                    .arg(possiblySentCount())));
        return;
    }
    const int number = m_nextNumber++;
    const QString id = attemptId(m_operationId, number);
    auto self = shared_from_this();
    m_record(id, number)
        .then(QtFuture::Launch::Sync, [self, id, number, host](const models::Status &stored) {
            if (!stored) {
                self->finish(State::Failed, stored.error()); // nothing was sent
                return;
            }
            self->m_result.attempts.append(AzulAttempt{number, id, std::nullopt, std::nullopt});
            const int index = int(self->m_result.attempts.size()) - 1;
            self->m_send(id, host)
                .then(QtFuture::Launch::Sync, [self, index](const AzulOutcome &outcome) { self->onSent(index, outcome); })
                .onCanceled([self] {
                    self->finish(State::Unknown, models::makeError(QStringLiteral("azul.cancelled"),
                                                                   tr("The AZUL request was cancelled while in flight.")));
                });
        })
        .onCanceled([self] {
            self->finish(State::Failed, models::makeError(QStringLiteral("azul.record_cancelled"),
                                                          tr("The attempt could not be stored; nothing was sent.")));
        });
}

void AzulPaymentFlow::onSent(int index, const AzulOutcome &outcome)
{
    m_result.attempts[index].sent = outcome;
    m_result.last = outcome;
    switch (outcome.result.outcome) {
    case Outcome::Approved:
        m_result.approval = outcome.result;
        m_result.approvedAttemptId = outcome.customOrderId;
        finish(State::Succeeded);
        return;
    case Outcome::Declined:
    case Outcome::ThreeDsPending:
    case Outcome::Error:
        finish(State::Failed, outcome.toError());
        return;
    case Outcome::NotFound:
    case Outcome::Ambiguous:
        break;
    }
    if (outcome.neverLeft()) {
        // Failover before anything left is safe (docs/resilience.md §9); a fresh id keeps attempts distinct.
        if (!outcome.alternateHost && !m_usedAlternate && m_client.hasAlternate()) {
            m_usedAlternate = true;
            qCWarning(lcAzul) << "attempt" << outcome.customOrderId << "never left; failing over to the alternate host";
            sendNext(Host::Alternate);
        } else {
            finish(State::Failed, outcome.toError());
        }
        return;
    }
    qCWarning(lcAzul) << "attempt" << outcome.customOrderId << "ambiguous (" << outcome.result.detail
                      << "); verifying in" << m_options.ambiguousWaitMs << "ms";
    auto self = shared_from_this();
    m_client.delay(m_options.ambiguousWaitMs).then(QtFuture::Launch::Sync, [self] {
        self->verifyFrom(0, Host::Primary, false);
    });
}

void AzulPaymentFlow::verifyFrom(int index, Host host, bool unknown)
{
    while (index < m_result.attempts.size() && decided(m_result.attempts.at(index)))
        ++index;
    if (index >= m_result.attempts.size()) {
        afterVerification(unknown, host);
        return;
    }
    const QString id = m_result.attempts.at(index).customOrderId;
    auto self = shared_from_this();
    m_client.verify(id, host)
        .then(QtFuture::Launch::Sync, [self, index, host, unknown](const AzulOutcome &v) {
            self->m_result.attempts[index].verified = v;
            self->m_result.last = v;
            if (v.neverLeft() && host == Host::Primary && self->m_client.hasAlternate()) {
                // Verify through the alternate when the primary is down (shared state assumed, docs/providers.md §7).
                self->verifyFrom(index, Host::Alternate, unknown);
                return;
            }
            switch (v.result.outcome) {
            case Outcome::Approved:
                self->m_result.approval = v.result;
                self->m_result.approvedAttemptId = v.customOrderId;
                self->finish(State::Succeeded);
                return;
            case Outcome::NotFound:
            case Outcome::Declined:
                self->verifyFrom(index + 1, host, unknown);
                return;
            default:
                self->verifyFrom(index + 1, host, true);
                return;
            }
        })
        .onCanceled([self] {
            self->finish(State::Unknown, models::makeError(QStringLiteral("azul.cancelled"),
                                                           tr("VerifyPayment was cancelled.")));
        });
}

void AzulPaymentFlow::afterVerification(bool unknown, Host host)
{
    if (unknown) {
        finish(State::Unknown, models::makeError(QStringLiteral("azul.unknown"),
                                                 tr("AZUL could not confirm whether the payment happened; it will be reconciled."),
                                                 m_result.last.result.detail));
        return;
    }
    sendNext(host);
}

void AzulPaymentFlow::finish(State state, models::Error error)
{
    if (!m_promise || m_promise->future().isFinished())
        return;
    m_result.state = state;
    m_result.error = std::move(error);
    qCInfo(lcAzul).noquote() << "flow" << m_operationId << AzulFlowResult::stateName(state) << "after"
                             << m_result.attempts.size() << "attempt(s)" << m_result.approval.azulOrderId;
    m_promise->addResult(m_result);
    m_promise->finish();
}

} // namespace okla::services::azul
