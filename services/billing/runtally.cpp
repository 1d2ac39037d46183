#include "services/billing/runtally.h"

#include <utility>

namespace okla::services {

namespace {

// Every counter with its JSON name, so the sum, toJson and fromJson cannot drift apart.
constexpr std::pair<const char *, int RunTally::*> kCounters[] = {
    {"due", &RunTally::due},         {"done", &RunTally::done},           {"charged", &RunTally::charged},
    {"failed", &RunTally::failed},   {"in_flight", &RunTally::inFlight},  {"free", &RunTally::free},
    {"errors", &RunTally::errors},   {"notices", &RunTally::notices},     {"suspended", &RunTally::suspended},
    {"cancelled", &RunTally::cancelled}, {"reactivated", &RunTally::reactivated},
};

} // namespace

RunTally &RunTally::operator+=(const RunTally &other)
{
    for (const auto &[name, counter] : kCounters)
        this->*counter += other.*counter;
    return *this;
}

QJsonObject RunTally::toJson() const
{
    QJsonObject json;
    for (const auto &[name, counter] : kCounters)
        json.insert(QLatin1String(name), this->*counter);
    return json;
}

RunTally RunTally::fromJson(const QJsonObject &json)
{
    RunTally tally;
    for (const auto &[name, counter] : kCounters)
        tally.*counter = json.value(QLatin1String(name)).toInt();
    return tally;
}

} // namespace okla::services
