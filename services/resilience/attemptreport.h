#pragma once

#include <QString>

#include <optional>

namespace okla::services {

/// Names one provider operation on one host: breaker, health and log key.
/// `azul.sale@pagos`, `stripe.refunds.create` (host empty = the provider's only host).
struct OperationKey
{
    QString provider;  ///< "azul" | "stripe" (also the rate-limit and retry-budget bucket)
    QString operation; ///< "sale", "verify", "refunds.create", "customers.list"...
    QString host;      ///< "pagos" | "contpagos" | "" ...

    QString name() const; ///< provider.operation[@host]
    bool operator==(const OperationKey &) const = default;
};

/// What the resilience layer needs to know about ONE attempt, filled by the provider client's
/// classifier from its own outcome type. Nothing secret goes in here (it reaches logs and Redis).
struct AttemptReport
{
    enum class Transport {
        NeverSent,   ///< DNS, refused, TLS handshake: the provider certainly saw nothing
        SentNoAnswer,///< timeout or reset after the request left: ambiguous
        Answered,    ///< an HTTP response arrived (any status)
    };
    Transport transport = Transport::Answered;
    int httpStatus = 0;        ///< 0 when there was no HTTP response
    bool timedOut = false;     ///< our own request timeout fired
    bool tlsError = false;     ///< certificate/handshake failure (Stripe never retries these)
    bool cancelled = false;    ///< the caller cancelled: never retried, not a breaker failure
    /// Refused by OKLA before any connection (plain HTTP, no client certificate, empty key):
    /// certainly not sent, a configuration error, never retried, not a breaker failure.
    bool refusedLocally = false;
    bool declined = false;     ///< a business decline (402, AZUL ISO decline): breaker success, never retried
    bool providerFault = false;///< e.g. AZUL PROCESSING_ERROR / FATAL_ERROR: breaker failure
    bool success = false;      ///< approved / 2xx with a usable body
    std::optional<bool> stripeShouldRetry; ///< the `Stripe-Should-Retry` header, when present
    QString errorType;         ///< Stripe error.type, or AZUL ErrorDescription class
    QString errorCode;         ///< Stripe error.code ("lock_timeout", "idempotency_key_in_use"), AZUL IsoCode
    std::optional<qint64> retryAfterMs; ///< `Retry-After`, converted to ms
    /// Client's own verdict, wins over the policy's HTTP rules when set. AZUL sets `false` for a
    /// money-moving attempt that is ambiguous until VerifyPayment found nothing, then `true`.
    std::optional<bool> retryOverride;
    QString summary;           ///< short human text for the attempt log / recent errors

    /// Breaker accounting (docs/resilience.md §5): timeouts, connection/TLS errors, 429, 5xx,
    /// provider faults. Declines, 4xx validation errors and cancellations are not failures.
    bool isBreakerFailure() const;
};

} // namespace okla::services
