#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>

namespace okla::services {

/// The result of @p future, running this thread's event loop meanwhile: the executors call
/// providers through services/resilience, whose timers and continuations need it. The executors
/// run on one service thread each (docs/architecture.md §3), never on the GUI thread.
template<typename T>
T waitForFuture(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

} // namespace okla::services
