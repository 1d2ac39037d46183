#pragma once

#include <QString>

#include <memory>
#include <optional>

#include "services/resilience/attemptreport.h"
#include "services/resilience/clock.h"

namespace okla::services {

/// Decides whether and when to retry after one failed attempt. Stateless apart from the random source.
class RetryPolicy
{
public:
    virtual ~RetryPolicy() = default;
    virtual QString name() const = 0;
    virtual int maxAttempts() const = 0;              ///< first attempt included
    virtual bool isRetryable(const AttemptReport &report) const = 0;
    /// Delay before retry number `retry` (1 = the first retry).
    virtual qint64 backoffMs(int retry, const AttemptReport &report) const = 0;
    /// nullopt: stop (not retryable, or attempts used up). `attemptsMade` counts finished attempts.
    std::optional<qint64> nextDelayMs(int attemptsMade, const AttemptReport &report) const;
};

/// docs/resilience.md §3, as Stripe's official libraries do it: at most 2 retries; backoff
/// min(0.5·2^(n-1), 5) s · U(0.5, 1), never under 0.5 s; retry connection errors (not TLS), 409,
/// 5xx, and 429 only with code lock_timeout; `Stripe-Should-Retry` wins over everything but a cancel.
class StripeRetryPolicy : public RetryPolicy
{
public:
    explicit StripeRetryPolicy(std::shared_ptr<RandomSource> random = RandomSource::system());
    QString name() const override { return QStringLiteral("stripe"); }
    int maxAttempts() const override { return 3; }
    bool isRetryable(const AttemptReport &report) const override;
    qint64 backoffMs(int retry, const AttemptReport &report) const override;

private:
    std::shared_ptr<RandomSource> m_random;
};

/// Full jitter (docs/resilience.md §3): sleep = rand(0, min(cap, base·2^n)), n = retry-1;
/// `Retry-After` is a floor. AZUL: base 500 ms, cap 5 s, 3 attempts. Retries connect errors,
/// timeouts, 5xx and 429 unless the report's retryOverride says otherwise.
class FullJitterRetryPolicy : public RetryPolicy
{
public:
    FullJitterRetryPolicy(QString name, qint64 baseMs, qint64 capMs, int maxAttempts,
                          std::shared_ptr<RandomSource> random = RandomSource::system());
    static std::shared_ptr<FullJitterRetryPolicy> azul(std::shared_ptr<RandomSource> random = RandomSource::system());
    /// Reconnects (Redis, RabbitMQ, LISTEN): 1 s / 30 s, unlimited attempts.
    static std::shared_ptr<FullJitterRetryPolicy> reconnect(std::shared_ptr<RandomSource> random = RandomSource::system());

    QString name() const override { return m_name; }
    int maxAttempts() const override { return m_maxAttempts; }
    bool isRetryable(const AttemptReport &report) const override;
    qint64 backoffMs(int retry, const AttemptReport &report) const override;
    /// Longest Retry-After we wait for; a longer one ends the call instead.
    static constexpr qint64 kMaxRetryAfterMs = 60'000;

private:
    QString m_name;
    qint64 m_baseMs;
    qint64 m_capMs;
    int m_maxAttempts;
    std::shared_ptr<RandomSource> m_random;
};

} // namespace okla::services
