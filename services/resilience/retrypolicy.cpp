#include "services/resilience/retrypolicy.h"

#include <algorithm>
#include <cmath>

namespace okla::services {

std::optional<qint64> RetryPolicy::nextDelayMs(int attemptsMade, const AttemptReport &report) const
{
    if (attemptsMade >= maxAttempts() || !isRetryable(report))
        return std::nullopt;
    const qint64 delay = backoffMs(attemptsMade, report);
    if (delay < 0)
        return std::nullopt;
    return delay;
}

// ---- Stripe (docs/resilience.md §3) -----------------------------------------------------------

StripeRetryPolicy::StripeRetryPolicy(std::shared_ptr<RandomSource> random) : m_random(std::move(random)) {}

bool StripeRetryPolicy::isRetryable(const AttemptReport &report) const
{
    if (report.cancelled || report.success)
        return false;
    if (report.retryOverride.has_value())
        return *report.retryOverride;
    // The header is Stripe's own verdict and beats every status rule.
    if (report.stripeShouldRetry.has_value())
        return *report.stripeShouldRetry;
    if (report.transport != AttemptReport::Transport::Answered || report.timedOut)
        return !report.tlsError; // connection errors yes, TLS errors never
    if (report.httpStatus == 409)
        return true;
    if (report.httpStatus == 429)
        return report.errorCode == QLatin1String("lock_timeout");
    return report.httpStatus >= 500;
}

qint64 StripeRetryPolicy::backoffMs(int retry, const AttemptReport &report) const
{
    // stripe-node: min(0.5 * 2^(n-1), 5) * U(0.5, 1), never under the 0.5 s initial delay.
    const double base = std::min(0.5 * std::pow(2.0, std::max(0, retry - 1)), 5.0);
    const double jittered = base * (0.5 + 0.5 * m_random->uniform());
    double seconds = std::max(0.5, jittered);
    // The official libraries honour a Retry-After no longer than their maximum delay.
    if (report.retryAfterMs && *report.retryAfterMs <= 5000)
        seconds = std::max(seconds, *report.retryAfterMs / 1000.0);
    return static_cast<qint64>(std::llround(seconds * 1000.0));
}

// ---- Full jitter (docs/resilience.md §3) ------------------------------------------------------

FullJitterRetryPolicy::FullJitterRetryPolicy(QString name, qint64 baseMs, qint64 capMs, int maxAttempts,
                                             std::shared_ptr<RandomSource> random)
    : m_name(std::move(name)), m_baseMs(baseMs), m_capMs(capMs), m_maxAttempts(maxAttempts), m_random(std::move(random))
{
}

std::shared_ptr<FullJitterRetryPolicy> FullJitterRetryPolicy::azul(std::shared_ptr<RandomSource> random)
{
    return std::make_shared<FullJitterRetryPolicy>(QStringLiteral("azul"), 500, 5000, 3, std::move(random));
}

std::shared_ptr<FullJitterRetryPolicy> FullJitterRetryPolicy::reconnect(std::shared_ptr<RandomSource> random)
{
    return std::make_shared<FullJitterRetryPolicy>(QStringLiteral("reconnect"), 1000, 30'000,
                                                   std::numeric_limits<int>::max(), std::move(random));
}

bool FullJitterRetryPolicy::isRetryable(const AttemptReport &report) const
{
    if (report.cancelled || report.success || report.declined)
        return false;
    if (report.retryOverride.has_value())
        return *report.retryOverride;
    if (report.transport == AttemptReport::Transport::NeverSent)
        return true;
    if (report.timedOut || report.transport == AttemptReport::Transport::SentNoAnswer)
        return true;
    if (report.retryAfterMs && *report.retryAfterMs > kMaxRetryAfterMs)
        return false;
    return report.httpStatus == 429 || report.httpStatus >= 500;
}

qint64 FullJitterRetryPolicy::backoffMs(int retry, const AttemptReport &report) const
{
    // n = retry - 1, so the first retry draws from [0, base).
    const int n = std::clamp(retry - 1, 0, 30);
    const double window = std::min<double>(static_cast<double>(m_capMs), static_cast<double>(m_baseMs) * std::pow(2.0, n));
    qint64 delay = static_cast<qint64>(window * m_random->uniform());
    if (report.retryAfterMs) {
        if (*report.retryAfterMs > kMaxRetryAfterMs)
            return -1;
        delay = std::max(delay, *report.retryAfterMs);
    }
    return delay;
}

} // namespace okla::services
