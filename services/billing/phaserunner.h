#pragma once

#include <functional>

#include <QByteArray>
#include <QJsonObject>

#include "models/result.h"
#include "services/billing/idempotencyphases.h"
#include "services/billing/provideranswer.h"

namespace okla::services {

/// What one money-moving operation does in each phase of docs/idempotency.md §4. The runner owns
/// the order, the transactions, the recovery points, the saved provider answer and the crash
/// points (`<operation>.after_key` … `<operation>.after_finished`, docs/idempotency.md §12).
struct PhaseSteps
{
    /// What the intent phase decided: go on (and save `saved` in the key's response), or finish
    /// at once with `saved` as the answer (nothing to do).
    struct Intent
    {
        bool proceed = true;
        QJsonObject saved;
    };

    QByteArray operation; ///< "charge" | "refund": the crash points' prefix
    /// In the intent transaction: the row in `submitting` and its first provider request.
    std::function<models::Result<Intent>()> intent;
    /// Outside any transaction, before the call or the last phase: (re)reads what the steps below need.
    std::function<models::Status()> load;
    /// Outside any transaction: the provider call. @p resumed: an earlier run may have sent it.
    std::function<ProviderAnswer(bool resumed)> call;
    /// In the provider_done transaction: the answer on the row and its provider requests.
    std::function<models::Status(const ProviderAnswer &)> recordAnswer;
    /// In the finished transaction: the settlement; returns the operation's final answer.
    std::function<models::Result<QJsonObject>(const ProviderAnswer &)> settle;
};

/// Runs an operation's phases from its claimed key's recovery point to `finished`.
class PhaseRunner
{
public:
    explicit PhaseRunner(IdempotencyPhases &phases) : m_phases(phases) {}

    /// Claims the operation's key (phase 0) and runs its phases from the key's recovery point.
    /// Returns the key's final response: at once when it had finished before;
    /// `idempotency.in_progress` when another run holds its lease. An intent that fails gives the
    /// lease back (the completer tries again later).
    models::Result<QJsonObject> run(std::optional<qint64> actorId, const QUuid &key, const QJsonObject &params,
                                    const PhaseSteps &steps);

private:
    models::Result<QJsonObject> runClaimed(IdempotencyPhases::Claim &claim, const PhaseSteps &steps);
    models::Status intentPhase(IdempotencyPhases::Claim &claim, const PhaseSteps &steps, bool &proceed);
    models::Status providerDonePhase(IdempotencyPhases::Claim &claim, const PhaseSteps &steps, const ProviderAnswer &answer);
    models::Status finishedPhase(IdempotencyPhases::Claim &claim, const PhaseSteps &steps, const ProviderAnswer &answer);

    IdempotencyPhases &m_phases;
};

} // namespace okla::services
