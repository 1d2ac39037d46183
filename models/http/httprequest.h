#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace okla::models {

/// One HTTP/1.1 request as the worker's small server receives it (docs/worker.md §2).
struct HttpRequest
{
    QByteArray method;  ///< "GET", "POST"… as sent (methods are case-sensitive)
    QByteArray path;    ///< the target without its query, e.g. "/metrics"
    QByteArray query;   ///< what followed '?', undecoded; empty when there was none
    int minorVersion = 1;                         ///< HTTP/1.<minorVersion>
    QList<QPair<QByteArray, QByteArray>> headers; ///< names lower-cased, values trimmed, in order
    QByteArray body;

    /// The first header of that (lower-case) name, or an empty array.
    QByteArray header(const QByteArray &lowerName) const;
    /// HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with keep-alive.
    bool keepAlive() const;
};

} // namespace okla::models
