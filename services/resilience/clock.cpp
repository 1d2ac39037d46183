#include "services/resilience/clock.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

namespace okla::services {

namespace {

class SteadyClock : public Clock
{
public:
    SteadyClock() { m_timer.start(); }
    // Offset keeps values positive and far from 0, so "0 = never" sentinels stay unambiguous.
    qint64 nowMs() const override { return m_timer.elapsed() + 1'000'000; }

private:
    QElapsedTimer m_timer;
};

class GlobalRandom : public RandomSource
{
public:
    double uniform() override { return QRandomGenerator::global()->generateDouble(); }
};

} // namespace

std::shared_ptr<Clock> Clock::system()
{
    static const std::shared_ptr<Clock> clock = std::make_shared<SteadyClock>();
    return clock;
}

std::shared_ptr<RandomSource> RandomSource::system()
{
    static const std::shared_ptr<RandomSource> random = std::make_shared<GlobalRandom>();
    return random;
}

} // namespace okla::services
