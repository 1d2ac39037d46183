#include "services/billing/runtally.h"

namespace okla::services {

RunTally &RunTally::operator+=(const RunTally &other)
{
    due += other.due;
    done += other.done;
    charged += other.charged;
    failed += other.failed;
    inFlight += other.inFlight;
    free += other.free;
    errors += other.errors;
    notices += other.notices;
    suspended += other.suspended;
    cancelled += other.cancelled;
    reactivated += other.reactivated;
    return *this;
}

QJsonObject RunTally::toJson() const
{
    return {{QStringLiteral("due"), due},           {QStringLiteral("done"), done},
            {QStringLiteral("charged"), charged},   {QStringLiteral("failed"), failed},
            {QStringLiteral("in_flight"), inFlight}, {QStringLiteral("free"), free},
            {QStringLiteral("errors"), errors},     {QStringLiteral("notices"), notices},
            {QStringLiteral("suspended"), suspended}, {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("reactivated"), reactivated}};
}

} // namespace okla::services
