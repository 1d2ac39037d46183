#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include "models/result.h"

namespace okla::services::http {

/// Which URLs a provider client may talk to (docs/security.md §8): HTTPS, and plain HTTP only to a
/// loopback address when the profile says it runs the simulators (`providers/simulator = true`),
/// so Auth1/Auth2 or a Stripe key never cross a network in clear.
struct TransportPolicy
{
    bool simulator = false; ///< the profile's `providers/simulator`

    /// Refusal `<provider>.config.insecure_url` with one sentence, or fine.
    models::Status checkUrl(const QString &provider, const QUrl &url) const;
    /// A literal loopback address (127.0.0.0/8, ::1) or `localhost`.
    static bool isLoopback(const QUrl &url);
    /// True when the transport may open @p url at all (https, or http to loopback if @p loopbackHttp).
    static bool allowed(const QUrl &url, bool loopbackHttp);

    Q_DECLARE_TR_FUNCTIONS(okla::services::http::TransportPolicy)
};

} // namespace okla::services::http
