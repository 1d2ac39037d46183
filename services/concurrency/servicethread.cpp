#include "services/concurrency/servicethread.h"

#include <algorithm>
#include <mutex>
#include <vector>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcServiceThread, "okla.services.thread")

namespace okla::services {

namespace {

thread_local const JobControl *t_current = nullptr;

/// Threads of destroyed ServiceThreads that may still be finishing their last job. Freed once
/// finished (checked whenever a ServiceThread is made or destroyed) or at process exit.
struct RetiredThreads
{
    std::mutex mutex;
    std::vector<QThread *> threads;

    void add(QThread *thread)
    {
        std::lock_guard lock(mutex);
        freeFinishedLocked();
        threads.push_back(thread);
    }

    void freeFinished()
    {
        std::lock_guard lock(mutex);
        freeFinishedLocked();
    }

    void freeFinishedLocked()
    {
        // A thread that is ending may destroy a ServiceThread while its own objects go: it reads
        // as finished then, but it must not delete itself (QThread would wait on itself).
        QThread *self = QThread::currentThread();
        auto done = std::stable_partition(threads.begin(), threads.end(),
                                          [self](QThread *t) { return !t->isFinished() || t == self; });
        for (auto it = done; it != threads.end(); ++it)
            delete *it;
        threads.erase(done, threads.end());
    }

    void waitAll(int ms)
    {
        std::lock_guard lock(mutex);
        QDeadlineTimer deadline(ms);
        for (QThread *thread : threads)
            thread->wait(deadline);
        freeFinishedLocked();
        if (!threads.empty())
            qCWarning(lcServiceThread) << threads.size() << "service threads still busy at exit";
        // Those still running are left to the process's end: deleting a running QThread aborts.
        threads.clear();
    }
};

RetiredThreads &retired()
{
    static RetiredThreads instance;
    return instance;
}

} // namespace

const JobControl *JobControl::current() { return t_current; }
void JobControl::setCurrent(const JobControl *control) { t_current = control; }

ServiceThread::ServiceThread(const QString &name)
{
    retired().freeFinished();
    m_thread = new QThread;
    m_thread->setObjectName(name);
    m_context = new QObject;
    m_context->setObjectName(name + QStringLiteral("-context"));
    m_context->moveToThread(m_thread);
    // The context and its children are destroyed on the thread itself as it ends.
    QObject::connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
    static std::once_flag reaperInstalled;
    std::call_once(reaperInstalled, [] { qAddPostRoutine([] { ServiceThread::reapRetired(2000); }); });
}

ServiceThread::~ServiceThread()
{
    m_stopping->store(true); // a running job sees it (and PgConnection cancels its query)
    m_thread->quit();        // queued jobs are dropped; their promises end cancelled
    retired().add(m_thread); // never wait here: this may be the GUI thread
}

void ServiceThread::invoke(std::function<void()> task) const
{
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

void ServiceThread::reapRetired(int ms) { retired().waitAll(ms); }

models::Error canceledError()
{
    return models::makeError(QStringLiteral("service.canceled"),
                             QCoreApplication::translate("okla", "The request was cancelled."));
}

} // namespace okla::services
