#pragma once

#include <QtGlobal>

#include <functional>
#include <memory>

namespace okla::services {

/// A monotonic millisecond clock; injectable so tests can move time without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    /// The process-wide steady clock (QElapsedTimer based).
    static std::shared_ptr<Clock> system();
};

/// A clock that only moves when told to (tests).
class ManualClock : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'000'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now;
};

/// Uniform random numbers in [0, 1); injectable so backoff jitter is testable.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    virtual double uniform() = 0;
    /// Backed by QRandomGenerator::global() (thread-safe).
    static std::shared_ptr<RandomSource> system();
};

/// Returns a fixed value (or a sequence, cycled) for tests.
class FixedRandom : public RandomSource
{
public:
    explicit FixedRandom(double value) : m_value(value) {}
    double uniform() override { return m_value; }
    void set(double value) { m_value = value; }

private:
    double m_value;
};

} // namespace okla::services
