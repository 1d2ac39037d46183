// DatabaseService and NotificationListener against the fixture's real PostgreSQL: a destroyed
// service never waits for its query (the query is cancelled on the server), a cancelled future
// cancels its query, and both reconnect after the server is killed and restarted
// (docs/architecture.md §3 and §5).
#include <climits>
#include <memory>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "harness/testenv.h"
#include "integration/asyncwait.h"
#include "services/session/consoleservices.h"
#include "services/database/databaseservice.h"
#include "services/database/notificationlistener.h"
#include "services/resilience/retrypolicy.h"
#include "services/session/session.h"

#include <signal.h>

using namespace okla;
using models::Result;
using services::DatabaseService;
using services::PgConnection;

namespace {
// Short reconnect delays so the test does not wait out production backoff.
std::shared_ptr<services::RetryPolicy> quickReconnect()
{
    return std::make_shared<services::FullJitterRetryPolicy>(QStringLiteral("test-reconnect"), 50, 300, INT_MAX);
}

QString conninfoNamed(const QString &role, const QString &applicationName)
{
    return tests::conninfoAs(role) + QStringLiteral(" application_name=") + applicationName;
}

// How many sessions with this application_name are running a query right now.
qint64 activeQueries(PgConnection &observer, const QString &applicationName)
{
    auto rows = observer.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 "
                                             "AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"),
                              {applicationName});
    return rows.ok() ? rows->toInt64(0, 0) : -1;
}

// The postmaster's pid: the parent of one of its backends (same machine).
qint64 postmasterPid(PgConnection &connection)
{
    auto backend = connection.exec(QStringLiteral("SELECT pg_backend_pid()"));
    if (!backend.ok())
        return -1;
    QFile status(QStringLiteral("/proc/%1/status").arg(backend->toInt64(0, 0)));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("PPid:"))
            return line.mid(5).trimmed().toLongLong();
    return -1;
}

Result<bool> sleepFor(PgConnection &connection, int seconds)
{
    auto slept = connection.exec(QStringLiteral("SELECT pg_sleep($1)"), {seconds});
    if (!slept.ok())
        return slept.error();
    return true;
}
} // namespace

class TestDatabaseService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void destroyingDuringALongQueryDoesNotWait();
    void consoleTeardownDuringALongQueryDoesNotWait();
    void cancellingTheFutureCancelsTheQuery();
    void reconnectsAfterTheServerIsKilledAndRestarted();

private:
    PgConnection m_observer;
};

void TestDatabaseService::initTestCase()
{
    auto observer = tests::connectAs(QStringLiteral("postgres"));
    QVERIFY2(observer.ok(), qPrintable(observer.ok() ? QString() : observer.error().toString()));
    m_observer = std::move(observer).value();
}

void TestDatabaseService::destroyingDuringALongQueryDoesNotWait()
{
    // given a service running a 30 s query
    const QString app = QStringLiteral("okla-test-teardown");
    auto service = std::make_unique<DatabaseService>(conninfoNamed(QStringLiteral("ana"), app));
    auto future = service->run<bool>([](PgConnection &c) { return sleepFor(c, 30); });
    QTRY_COMPARE_WITH_TIMEOUT(activeQueries(m_observer, app), qint64(1), 10000);
    // when it is destroyed
    QElapsedTimer timer;
    timer.start();
    service.reset();
    const qint64 elapsed = timer.elapsed();
    // then the caller did not wait, and the server stops the query soon after
    QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("destruction took %1 ms").arg(elapsed)));
    QTRY_COMPARE_WITH_TIMEOUT(activeQueries(m_observer, app), qint64(0), 3000);
}

void TestDatabaseService::consoleTeardownDuringALongQueryDoesNotWait()
{
    // given a signed-in session with its console services, one of them running a long query
    auto session = std::make_unique<services::Session>();
    auto signedIn = tests::await(session->signIn(tests::testProfile(), QStringLiteral("ana"), QString()));
    QVERIFY2(signedIn.ok(), qPrintable(signedIn.ok() ? QString() : signedIn.error().toString()));
    auto console = services::ConsoleServices::forSession(*session);
    auto future = session->database()->run<bool>([](PgConnection &c) { return sleepFor(c, 30); });
    QTRY_COMPARE_WITH_TIMEOUT(activeQueries(m_observer, QStringLiteral("okla-admin")), qint64(1), 10000);
    // when the console closes (what okla-admin's main does after its window has gone)
    QElapsedTimer timer;
    timer.start();
    console.reset();
    session.reset();
    const qint64 elapsed = timer.elapsed();
    // then it took under 100 ms and the query did not outlive it
    QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("teardown took %1 ms").arg(elapsed)));
    QTRY_COMPARE_WITH_TIMEOUT(activeQueries(m_observer, QStringLiteral("okla-admin")), qint64(0), 3000);
}

void TestDatabaseService::cancellingTheFutureCancelsTheQuery()
{
    // given a service running a 30 s query
    const QString app = QStringLiteral("okla-test-cancel");
    DatabaseService service(conninfoNamed(QStringLiteral("ana"), app));
    auto future = service.run<bool>([](PgConnection &c) { return sleepFor(c, 30); });
    QTRY_COMPARE_WITH_TIMEOUT(activeQueries(m_observer, app), qint64(1), 10000);
    // when its caller cancels the future
    future.cancel();
    // then the server stops the query and the connection serves the next job
    QTRY_COMPARE_WITH_TIMEOUT(activeQueries(m_observer, app), qint64(0), 3000);
    auto next = tests::await(service.run<qint64>([](PgConnection &c) -> Result<qint64> {
        auto one = c.exec(QStringLiteral("SELECT 1"));
        if (!one.ok())
            return one.error();
        return one->toInt64(0, 0);
    }));
    QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().toString()));
    QCOMPARE(next.value(), qint64(1));
}

void TestDatabaseService::reconnectsAfterTheServerIsKilledAndRestarted()
{
    // given a connected service and LISTEN connection
    DatabaseService service(conninfoNamed(QStringLiteral("ana"), QStringLiteral("okla-test-reconnect")), nullptr,
                            quickReconnect());
    services::NotificationListener listener(tests::conninfoAs(QStringLiteral("ana")), nullptr, quickReconnect());
    QSignalSpy listening(&listener, &services::NotificationListener::connected);
    QSignalSpy reconnected(&listener, &services::NotificationListener::reconnected);
    listener.listen(QStringLiteral("dealers_changed"));
    QVERIFY(listening.wait(10000));
    auto selectOne = [](PgConnection &c) -> Result<qint64> {
        auto one = c.exec(QStringLiteral("SELECT 1"));
        if (!one.ok())
            return one.error();
        return one->toInt64(0, 0);
    };
    QVERIFY(tests::await(service.runRead<qint64>(selectOne)).ok());
    QCOMPARE(service.state(), models::ConnectionState::Connected);

    // when the server is killed (SIGKILL, no shutdown) ...
    const qint64 postmaster = postmasterPid(m_observer);
    QVERIFY(postmaster > 1);
    m_observer = PgConnection();
    QCOMPARE(::kill(pid_t(postmaster), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1").arg(postmaster)), 10000);
    auto whileDown = tests::await(service.run<qint64>(selectOne));
    QVERIFY(!whileDown.ok());
    QTRY_COMPARE_WITH_TIMEOUT(service.state(), models::ConnectionState::Reconnecting, 5000);
    // ... and started again by the launcher
    auto up = tests::runProgram(QStringLiteral("okla-sandbox"),
                                {QStringLiteral("up"), QStringLiteral("--dir"), qEnvironmentVariable("OKLA_TEST_ROOT"),
                                 QStringLiteral("--profile"), QStringLiteral("test"), QStringLiteral("--with-rabbitmq"),
                                 QStringLiteral("--no-worker")}); // as the harness started it
    QVERIFY2(up.exitCode == 0, up.err.constData());

    // then both come back by themselves
    QTRY_COMPARE_WITH_TIMEOUT(service.state(), models::ConnectionState::Connected, 20000);
    auto after = tests::await(service.runRead<qint64>(selectOne));
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(reconnected.count() >= 1, 20000);
    auto observer = tests::connectAs(QStringLiteral("postgres"));
    QVERIFY(observer.ok());
    m_observer = std::move(observer).value();
}

QTEST_GUILESS_MAIN(TestDatabaseService)
#include "tst_databaseservice.moc"
