// ServiceThread: the one executor of the service layer (docs/architecture.md §3). Jobs answer
// through futures, see cancellation and report progress; destroying the thread never waits.
#include <atomic>
#include <memory>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include "services/concurrency/servicethread.h"

using okla::models::Result;
using okla::services::JobControl;
using okla::services::ServiceThread;

namespace {
// Spins until the job is told to stop (or 10 s pass, so a broken build cannot hang the test).
Result<int> spinUntilCanceled(const JobControl &control, std::atomic<bool> &started, std::atomic<bool> &sawCancel)
{
    started = true;
    QElapsedTimer timer;
    timer.start();
    while (!control.isCanceled() && timer.elapsed() < 10'000)
        QThread::msleep(2);
    sawCancel = control.isCanceled();
    return okla::services::canceledError();
}
} // namespace

class TestServiceThread : public QObject
{
    Q_OBJECT
private slots:
    void postRunsOnTheServiceThread();
    void jobsRunInOrder();
    void progressReachesTheFuture();
    void cancelledFutureStopsTheRunningJob();
    void cancelledBeforeStartNeverRuns();
    void destructionDoesNotWaitForARunningJob();
    void queuedJobsEndCancelledAtShutdown();
};

void TestServiceThread::postRunsOnTheServiceThread()
{
    // given a service thread
    ServiceThread thread(QStringLiteral("okla-test"));
    // when a job is posted
    auto future = thread.post<QString>([](const JobControl &) -> Result<QString> {
        return QThread::currentThread()->objectName();
    });
    future.waitForFinished();
    // then it ran there, not here
    QVERIFY(future.result().ok());
    QCOMPARE(future.result().value(), QStringLiteral("okla-test"));
    QVERIFY(QThread::currentThread()->objectName() != QStringLiteral("okla-test"));
}

void TestServiceThread::jobsRunInOrder()
{
    ServiceThread thread(QStringLiteral("okla-test-order"));
    auto order = std::make_shared<QList<int>>();
    QList<QFuture<Result<int>>> futures;
    for (int i = 0; i < 20; ++i)
        futures << thread.post<int>([order, i](const JobControl &) -> Result<int> {
            order->append(i);
            return i;
        });
    for (auto &f : futures)
        f.waitForFinished();
    QList<int> expected;
    for (int i = 0; i < 20; ++i)
        expected << i;
    QCOMPARE(*order, expected);
}

void TestServiceThread::progressReachesTheFuture()
{
    // given a job that reports 0..4 of 4
    ServiceThread thread(QStringLiteral("okla-test-progress"));
    auto future = thread.post<int>([](const JobControl &control) -> Result<int> {
        control.setProgressRange(0, 4);
        for (int i = 0; i <= 4; ++i)
            control.setProgressValue(i);
        return 4;
    });
    QFutureWatcher<Result<int>> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
    watcher.setFuture(future);
    future.waitForFinished();
    // then the future carries the range and the last value
    QCOMPARE(future.progressMaximum(), 4);
    QCOMPARE(future.progressValue(), 4);
}

void TestServiceThread::cancelledFutureStopsTheRunningJob()
{
    // given a job that runs until told to stop
    ServiceThread thread(QStringLiteral("okla-test-cancel"));
    std::atomic<bool> started = false, sawCancel = false;
    auto future = thread.post<int>([&](const JobControl &control) { return spinUntilCanceled(control, started, sawCancel); });
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 5000);
    // when its caller cancels the future
    future.cancel();
    // then the job sees it and the thread serves the next job
    QTRY_VERIFY_WITH_TIMEOUT(sawCancel.load(), 2000);
    auto next = thread.post<int>([](const JobControl &) -> Result<int> { return 7; });
    next.waitForFinished();
    QCOMPARE(next.result().value(), 7);
}

void TestServiceThread::cancelledBeforeStartNeverRuns()
{
    // given a thread busy with one job and a second job queued behind it
    ServiceThread thread(QStringLiteral("okla-test-queue"));
    std::atomic<bool> started = false, sawCancel = false, secondRan = false;
    auto first = thread.post<int>([&](const JobControl &control) { return spinUntilCanceled(control, started, sawCancel); });
    auto second = thread.post<int>([&](const JobControl &) -> Result<int> {
        secondRan = true;
        return 2;
    });
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 5000);
    // when the queued one is cancelled, then the first
    second.cancel();
    first.cancel();
    // then the queued one never runs
    auto barrier = thread.post<int>([](const JobControl &) -> Result<int> { return 0; });
    barrier.waitForFinished();
    QVERIFY(!secondRan.load());
    QVERIFY(second.isCanceled());
}

void TestServiceThread::destructionDoesNotWaitForARunningJob()
{
    // given a job that would run for 10 s unless told to stop
    auto thread = std::make_unique<ServiceThread>(QStringLiteral("okla-test-shutdown"));
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    thread->post<int>([started, sawCancel](const JobControl &control) {
        return spinUntilCanceled(control, *started, *sawCancel);
    });
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), 5000);
    // when the service thread is destroyed
    QElapsedTimer timer;
    timer.start();
    thread.reset();
    const qint64 elapsed = timer.elapsed();
    // then the caller did not wait, and the job was told to stop
    QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("destruction took %1 ms").arg(elapsed)));
    QTRY_VERIFY_WITH_TIMEOUT(sawCancel->load(), 2000);
}

void TestServiceThread::queuedJobsEndCancelledAtShutdown()
{
    // given a busy thread with a job queued behind the running one
    auto thread = std::make_unique<ServiceThread>(QStringLiteral("okla-test-drop"));
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    auto queuedRan = std::make_shared<std::atomic<bool>>(false);
    thread->post<int>([started, sawCancel](const JobControl &control) {
        return spinUntilCanceled(control, *started, *sawCancel);
    });
    auto queued = thread->post<int>([queuedRan](const JobControl &) -> Result<int> {
        *queuedRan = true;
        return 1;
    });
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), 5000);
    // when it is destroyed
    thread.reset();
    // then the queued job's future ends cancelled and the job never runs
    QTRY_VERIFY_WITH_TIMEOUT(queued.isFinished(), 3000);
    QVERIFY(queued.isCanceled());
    QVERIFY(!queuedRan->load());
}

QTEST_GUILESS_MAIN(TestServiceThread)
#include "tst_servicethread.moc"
