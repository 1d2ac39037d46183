#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QFuture>
#include <QObject>
#include <QString>

#include "services/providers/http/httpexchange.h"

namespace okla::services {
class ServiceThread;
}

namespace okla::services::http {

class HttpWorker;

/// Sends HTTP requests on service threads, each owning its own QNetworkAccessManager (one QNAM
/// opens at most 6 connections per host; several threads give more). One call = one attempt:
/// no retries, no redirects followed, no cache; retries belong to services/resilience.
/// Thread-safe: send() may be called from any thread, the GUI thread included (it never waits).
/// Destroying it never waits either: requests in flight end cancelled (docs/architecture.md §3).
class HttpTransport
{
public:
    struct Options
    {
        QString name = QStringLiteral("http"); ///< thread names, logs
        int threads = 1;                        ///< QNAMs; 6 connections per host each
        TlsOptions tls;
        bool allowHttp2 = false; ///< HTTP/1.1 keeps one request per connection, simpler to reason about
        /// Plain http:// to a loopback address (the sandbox's simulators); every other non-https URL
        /// is refused before connecting (Failure::InsecureUrl, docs/security.md §8).
        bool allowLoopbackHttp = false;
    };

    explicit HttpTransport(Options options);
    ~HttpTransport();
    HttpTransport(const HttpTransport &) = delete;
    HttpTransport &operator=(const HttpTransport &) = delete;

    /// Never fails: every failure is an HttpOutcome (NotSent / NoCompleteAnswer). A URL the
    /// TransportPolicy forbids is NotSent/InsecureUrl without any connection.
    QFuture<HttpOutcome> send(HttpRequest request);

    /// Completes after @p ms on a service thread (a QTimer, never a sleep). For flows that must
    /// wait out a provider's timeout between steps.
    QFuture<void> delay(int ms);

    const Options &options() const { return m_options; }

private:
    Options m_options;
    std::vector<std::unique_ptr<ServiceThread>> m_threads;
    std::vector<HttpWorker *> m_workers;
    std::atomic<unsigned> m_next{0};
};

} // namespace okla::services::http
