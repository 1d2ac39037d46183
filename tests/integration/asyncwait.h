#pragma once
// Waits for a QFuture the Qt Test way (QSignalSpy::wait keeps the test thread's event loop alive).

#include <QFuture>
#include <QFutureWatcher>
#include <QSignalSpy>

namespace okla::tests {

template<typename T>
T await(QFuture<T> future, int timeoutMs = 60'000)
{
    QFutureWatcher<T> watcher;
    QSignalSpy spy(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(future);
    if (!future.isFinished())
        spy.wait(timeoutMs);
    return future.result(); // blocks only if the wait above timed out
}

} // namespace okla::tests
