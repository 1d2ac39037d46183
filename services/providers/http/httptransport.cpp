#include "services/providers/http/httptransport.h"

#include <QPromise>
#include <QThread>
#include <QTimer>

#include "services/concurrency/servicethread.h"
#include "services/providers/http/httpworker.h"
#include "services/providers/http/transportpolicy.h"

namespace okla::services::http {

HttpTransport::HttpTransport(Options options)
    : m_options(std::move(options))
{
    const int n = std::max(1, m_options.threads);
    for (int i = 0; i < n; ++i) {
        auto thread = std::make_unique<ServiceThread>(QStringLiteral("%1-%2").arg(m_options.name).arg(i));
        auto *worker = new HttpWorker(m_options.tls, m_options.allowHttp2);
        worker->moveToThread(thread->thread());
        // The worker (and its QNAM) dies in its own thread when the thread stops.
        QObject::connect(thread->thread(), &QThread::finished, worker, &QObject::deleteLater);
        m_threads.push_back(std::move(thread));
        m_workers.push_back(worker);
    }
}

// Unfinished promises are destroyed with their replies as each thread ends: their futures end
// cancelled. Nothing waits here.
HttpTransport::~HttpTransport() = default;

QFuture<HttpOutcome> HttpTransport::send(HttpRequest request)
{
    auto promise = std::make_shared<QPromise<HttpOutcome>>();
    // Started here, not in the worker: a caller that blocks on result() right away must see a
    // running future, never a pending one without results.
    promise->start();
    QFuture<HttpOutcome> future = promise->future();
    if (!TransportPolicy::allowed(request.url, m_options.allowLoopbackHttp)) {
        HttpOutcome refused;
        refused.kind = HttpOutcome::Kind::NotSent;
        refused.failure = HttpOutcome::Failure::InsecureUrl;
        refused.errorString = QStringLiteral("refused before connecting: %1 is not https")
                                  .arg(request.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery).left(120));
        promise->addResult(std::move(refused));
        promise->finish();
        return future;
    }
    HttpWorker *worker = m_workers[m_next.fetch_add(1, std::memory_order_relaxed) % m_workers.size()];
    QMetaObject::invokeMethod(worker, [worker, request = std::move(request), promise]() mutable {
        worker->start(std::move(request), std::move(promise));
    }, Qt::QueuedConnection);
    return future;
}

QFuture<void> HttpTransport::delay(int ms)
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    HttpWorker *worker = m_workers.front();
    QMetaObject::invokeMethod(worker, [worker, ms, promise] {
        QTimer::singleShot(std::max(0, ms), worker, [promise] { promise->finish(); });
    }, Qt::QueuedConnection);
    return future;
}

} // namespace okla::services::http
