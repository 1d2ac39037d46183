#include "services/billing/phaserunner.h"

#include "services/billing/crashpoint.h"

namespace okla::services {

using models::Result;
using models::Status;
using Claim = IdempotencyPhases::Claim;

namespace {

const QString kIntentCommitted = QStringLiteral("intent_committed");
const QString kProviderDone = QStringLiteral("provider_done");
const QString kFinished = QStringLiteral("finished");

void crashAfter(const PhaseSteps &steps, const char *phase)
{
    const QByteArray name = steps.operation + ".after_" + phase;
    crashPoint(name.constData());
}

void merge(QJsonObject &into, const QJsonObject &from)
{
    for (auto it = from.begin(); it != from.end(); ++it)
        into.insert(it.key(), it.value());
}

} // namespace

Result<QJsonObject> PhaseRunner::run(std::optional<qint64> actorId, const QUuid &key, const QJsonObject &params,
                                     const PhaseSteps &steps)
{
    const QString operation = QString::fromUtf8(steps.operation);
    auto claimed = m_phases.claim(actorId, key, operation, params);
    if (!claimed)
        return claimed.error();
    Claim claim = claimed.value();
    if (claim.state == IdempotencyPhases::ClaimState::Finished)
        return claim.response;
    if (claim.state == IdempotencyPhases::ClaimState::InProgress)
        return IdempotencyPhases::inProgressError(operation);
    return runClaimed(claim, steps);
}

Result<QJsonObject> PhaseRunner::runClaimed(Claim &claim, const PhaseSteps &steps)
{
    crashAfter(steps, "key");
    const bool resumed = claim.recoveryPoint != QLatin1String("started");
    if (!resumed) {
        bool proceed = false;
        if (auto s = intentPhase(claim, steps, proceed); !s) {
            (void)m_phases.release(claim);
            return s.error();
        }
        if (!proceed)
            return claim.response;
        crashAfter(steps, "intent");
    }
    if (auto loaded = steps.load(); !loaded)
        return loaded.error();
    if (claim.recoveryPoint == kIntentCommitted) {
        const ProviderAnswer answer = steps.call(resumed);
        crashAfter(steps, "provider");
        if (auto s = providerDonePhase(claim, steps, answer); !s)
            return s.error();
        crashAfter(steps, "provider_done");
    }
    if (claim.recoveryPoint == kProviderDone) {
        const ProviderAnswer answer = ProviderAnswer::fromJson(claim.response.value(QStringLiteral("provider")).toObject());
        if (auto s = finishedPhase(claim, steps, answer); !s)
            return s.error();
        crashAfter(steps, "finished");
    }
    return claim.response;
}

Status PhaseRunner::intentPhase(Claim &claim, const PhaseSteps &steps, bool &proceed)
{
    PhaseSteps::Intent intent;
    Status status = m_phases.inTransaction([&]() -> Status {
        auto decided = steps.intent();
        if (!decided)
            return decided.error();
        intent = decided.value();
        return intent.proceed ? m_phases.advance(claim, kIntentCommitted, intent.saved) : m_phases.finish(claim, intent.saved);
    });
    if (!status)
        return status;
    proceed = intent.proceed;
    claim.recoveryPoint = proceed ? kIntentCommitted : kFinished;
    merge(claim.response, intent.saved);
    return {};
}

Status PhaseRunner::providerDonePhase(Claim &claim, const PhaseSteps &steps, const ProviderAnswer &answer)
{
    const QJsonObject saved{{QStringLiteral("provider"), answer.toJson()}};
    Status status = m_phases.inTransaction([&]() -> Status {
        if (auto s = steps.recordAnswer(answer); !s)
            return s;
        return m_phases.advance(claim, kProviderDone, saved);
    });
    if (status) {
        claim.recoveryPoint = kProviderDone;
        merge(claim.response, saved);
    }
    return status;
}

Status PhaseRunner::finishedPhase(Claim &claim, const PhaseSteps &steps, const ProviderAnswer &answer)
{
    QJsonObject response;
    Status status = m_phases.inTransaction([&]() -> Status {
        auto settled = steps.settle(answer);
        if (!settled)
            return settled.error();
        response = settled.value();
        return m_phases.finish(claim, response);
    });
    if (status) {
        claim.recoveryPoint = kFinished;
        merge(claim.response, response);
    }
    return status;
}

} // namespace okla::services
