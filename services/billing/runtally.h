#pragma once

#include <functional>

#include <QJsonObject>

namespace okla::services {

/// What a renewal or dunning run did, subscription by subscription (docs/worker.md §9).
struct RunTally
{
    int due = 0;         ///< subscriptions the run found to work on
    int done = 0;        ///< of those, handled (whatever the outcome)
    int charged = 0;     ///< charges that succeeded
    int failed = 0;      ///< charges that were declined
    int inFlight = 0;    ///< charges whose outcome is unknown or still running: left for reconciliation
    int free = 0;        ///< periods that owed nothing (Early Bird free months, free plans)
    int errors = 0;      ///< subscriptions left as they were because of an error (logged)
    int notices = 0;     ///< notification rows written
    int suspended = 0;
    int cancelled = 0;
    int reactivated = 0;

    RunTally &operator+=(const RunTally &other);
    QJsonObject toJson() const;
    static RunTally fromJson(const QJsonObject &json);
};

/// The part of the subscriptions one run works on (docs/worker.md §18): those whose id % count is
/// index. {0, 1}, the default, is all of them.
struct SubscriptionSlice
{
    int index = 0;
    int count = 1;
};

/// Called after each subscription with the run's tally so far.
using RunProgress = std::function<void(const RunTally &)>;

} // namespace okla::services
