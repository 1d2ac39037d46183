#include <QtTest>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

#include <csignal>

#include "integration/redistestsupport.h"
#include "services/redis/redisclient.h"
#include "services/resilience/ratelimiter.h"

using namespace okla::services;

namespace {

// The second process: `tst_ratelimiter --limiter-child <prefix> <perSecond> <durationMs>` hammers
// the shared limiter like a worker would (waiting retryIn when refused) and prints the wall-clock
// times (ms since epoch) of the permits it got, as a JSON array.
int runChild(const QStringList &args)
{
    const QString prefix = args.value(0);
    const double perSecond = args.value(1).toDouble();
    const qint64 durationMs = args.value(2).toLongLong();
    auto config = okla::tests::fixtureRedisConfig();
    if (!config) {
        QTextStream(stderr) << config.error().toString() << '\n';
        return 2;
    }
    auto redis = std::make_shared<RedisClient>(*config);
    RateLimiter limiter(redis, {}, Clock::system(), prefix);
    QJsonArray granted;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < durationMs) {
        const RateDecision d = limiter.tryAcquireSync(QStringLiteral("azul"), perSecond);
        if (d.local) {
            QTextStream(stderr) << "limiter fell back to local\n";
            return 3;
        }
        if (d.allowed)
            granted.append(QDateTime::currentMSecsSinceEpoch());
        else
            QThread::msleep(static_cast<unsigned long>(std::max<qint64>(1, d.retryInMs)));
    }
    QTextStream(stdout) << QJsonDocument(granted).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

QList<qint64> parseTimes(const QByteArray &out)
{
    QList<qint64> times;
    for (const QJsonValue &v : QJsonDocument::fromJson(out.trimmed()).array())
        times.append(v.toInteger());
    return times;
}

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<RedisClient> m_redis;

private slots:
    void initTestCase()
    {
        auto config = okla::tests::fixtureRedisConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        m_redis = std::make_shared<RedisClient>(*config);
        auto pong = m_redis->commandSync({QByteArrayLiteral("PING")});
        QVERIFY2(pong.ok(), qPrintable(pong.ok() ? QString() : pong.error().toString()));
        QCOMPARE(pong->str, QByteArrayLiteral("PONG"));
    }

    void limitHoldsAcrossTwoProcesses()
    {
        // given two processes sharing one limit of 20/s through Redis
        const QString prefix = okla::tests::uniquePrefix("ratelimit");
        const double perSecond = 20;
        const qint64 durationMs = 3000;
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->setProgram(QCoreApplication::applicationFilePath());
            p->setArguments({QStringLiteral("--limiter-child"), prefix, QString::number(perSecond), QString::number(durationMs)});
            p->start();
        }
        // when both hammer it for 3 s
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(30'000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        const QList<qint64> ta = parseTimes(a.readAllStandardOutput());
        const QList<qint64> tb = parseTimes(b.readAllStandardOutput());
        QList<qint64> all = ta + tb;
        std::sort(all.begin(), all.end());
        // then both got permits, and together they never exceed 20 in any 1 s window (+1: GCRA's
        // burst of 1 and millisecond rounding); alone, each would have taken 20/s (40/s together)
        QVERIFY2(ta.size() >= 10 && tb.size() >= 10, qPrintable(QStringLiteral("a=%1 b=%2").arg(ta.size()).arg(tb.size())));
        int worst = 0;
        for (qsizetype i = 0, j = 0; i < all.size(); ++i) {
            while (all.at(i) - all.at(j) >= 1000)
                ++j;
            worst = std::max(worst, static_cast<int>(i - j + 1));
        }
        qInfo("two processes: a=%lld b=%lld permits, worst 1 s window %d (limit %g/s)",
              static_cast<long long>(ta.size()), static_cast<long long>(tb.size()), worst, perSecond);
        QVERIFY2(worst <= perSecond + 1, qPrintable(QString::number(worst)));
        QVERIFY(all.size() >= 0.8 * perSecond * durationMs / 1000.0 - 1);
        QVERIFY(all.size() <= perSecond * (durationMs / 1000.0 + 0.5) + 2);
    }

    void reloadsScriptAfterScriptFlush()
    {
        // given the script loaded
        const QString prefix = okla::tests::uniquePrefix("ratelimit");
        RateLimiter limiter(m_redis, {}, Clock::system(), prefix);
        QVERIFY(limiter.tryAcquireSync(QStringLiteral("stripe"), 1000).allowed);
        auto sha = m_redis->commandSync({QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("LOAD"), QByteArray(RateLimiter::luaScript())});
        QVERIFY(sha.ok());
        // when another client flushes every script
        QVERIFY(m_redis->commandSync({QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("FLUSH")}).ok());
        auto gone = m_redis->commandSync({QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("EXISTS"), sha->str});
        QCOMPARE(gone->elements.value(0).integer, 0);
        // then the next permit still comes from Redis (NOSCRIPT → SCRIPT LOAD → EVALSHA)
        const RateDecision d = limiter.tryAcquireSync(QStringLiteral("stripe-after-flush"), 1000);
        QVERIFY(d.allowed);
        QVERIFY(!d.local);
        QVERIFY(!limiter.isLocalFallback());
        auto back = m_redis->commandSync({QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("EXISTS"), sha->str});
        QCOMPARE(back->elements.value(0).integer, 1);
    }

    void sharedStateLivesInRedis()
    {
        // given a limiter with 1/s that just took its permit
        const QString prefix = okla::tests::uniquePrefix("ratelimit");
        RateLimiter limiter(m_redis, {}, Clock::system(), prefix);
        QVERIFY(limiter.tryAcquireSync(QStringLiteral("azul"), 1).allowed);
        // then a second limiter object (another worker) is refused, with a retry time
        RateLimiter other(m_redis, {}, Clock::system(), prefix);
        const RateDecision refused = other.tryAcquireSync(QStringLiteral("azul"), 1);
        QVERIFY(!refused.allowed);
        QVERIFY(refused.retryInMs > 500 && refused.retryInMs <= 1000);
        auto ttl = m_redis->commandSync({QByteArrayLiteral("PTTL"), (prefix + QStringLiteral("azul")).toUtf8()});
        QVERIFY(ttl->integer > 0 && ttl->integer <= 1000);
        // when the key is lost (flushed), the limiter stays correct: a fresh timeline
        QVERIFY(m_redis->commandSync({QByteArrayLiteral("DEL"), (prefix + QStringLiteral("azul")).toUtf8()}).ok());
        QVERIFY(other.tryAcquireSync(QStringLiteral("azul"), 1).allowed);
        QVERIFY(!limiter.tryAcquireSync(QStringLiteral("azul"), 1).allowed);
    }

    void fallsBackLocallyWhenRedisIsDown()
    {
        // given a limiter pointed at a port nobody listens on
        RedisConfig config = m_redis->config();
        config.port = okla::tests::closedPort();
        auto down = std::make_shared<RedisClient>(config);
        RateLimiter limiter(down, {}, Clock::system(), okla::tests::uniquePrefix("ratelimit"));
        // when permits are requested at 10/s
        QElapsedTimer timer;
        timer.start();
        const RateDecision first = limiter.tryAcquireSync(QStringLiteral("azul"), 10);
        const RateDecision second = limiter.tryAcquireSync(QStringLiteral("azul"), 10);
        // then the process limits itself, says so, and does not stall
        QVERIFY(first.allowed && first.local);
        QVERIFY(!second.allowed && second.local);
        QVERIFY(second.retryInMs > 0 && second.retryInMs <= 100);
        QVERIFY(limiter.isLocalFallback());
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        // and later calls fail fast while the reconnect backoff runs
        timer.restart();
        for (int i = 0; i < 100; ++i)
            limiter.tryAcquireSync(QStringLiteral("azul"), 10);
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    }

    void privateRedisKilledStoppedAndRestarted()
    {
        // given a PRIVATE redis-server started by this test (the fixture's is shared: never killed)
        const int port = okla::tests::closedPort();
        QTemporaryDir dir;
        auto startRedis = [&](QProcess &p) {
            p.setProgram(QStringLiteral("redis-server"));
            p.setArguments({QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                            QStringLiteral("--requirepass"), QStringLiteral("private-pw"), QStringLiteral("--save"), QString(),
                            QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"), dir.path()});
            p.start();
            QVERIFY(p.waitForStarted(5000));
            QTcpSocket probe;
            for (int i = 0; i < 100; ++i) {
                probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
                if (probe.waitForConnected(100))
                    return;
                QThread::msleep(50);
            }
            QFAIL("private redis-server did not listen");
        };
        QProcess server;
        startRedis(server);
        RedisConfig config;
        config.port = port;
        config.password = "private-pw";
        config.reconnectBaseMs = 200; // keep the test short; the product default is 1 s / 30 s
        config.reconnectCapMs = 1000;
        auto redis = std::make_shared<RedisClient>(config);
        RateLimiter limiter(redis, {}, Clock::system(), okla::tests::uniquePrefix("ratelimit"));
        QVERIFY(!limiter.tryAcquireSync(QStringLiteral("azul"), 1000).local);

        // when the server hangs (SIGSTOP), permits come from the local limiter
        ::kill(static_cast<pid_t>(server.processId()), SIGSTOP);
        QList<qint64> latencies;
        int local = 0;
        for (int i = 0; i < 200; ++i) {
            QElapsedTimer t;
            t.start();
            local += limiter.tryAcquireSync(QStringLiteral("azul"), 1e6).local ? 1 : 0;
            latencies.append(t.elapsed());
            QThread::msleep(5);
        }
        std::sort(latencies.begin(), latencies.end());
        const qint64 slow = std::count_if(latencies.begin(), latencies.end(), [](qint64 ms) { return ms >= 100; });
        qInfo("SIGSTOPped Redis: 200 permits, %d local, p50 %lld ms, p99 %lld ms, max %lld ms, %lld calls >= 100 ms",
              local, static_cast<long long>(latencies.at(100)), static_cast<long long>(latencies.at(197)),
              static_cast<long long>(latencies.last()), static_cast<long long>(slow));
        QCOMPARE(local, 200);
        QVERIFY(limiter.isLocalFallback());
        // only the call that met the hung socket waits (the command timeout); reconnects run in
        // the background, so nothing else queues behind them
        QVERIFY(latencies.at(100) < 50);
        QVERIFY(latencies.at(197) < 50);
        QVERIFY(slow <= 2);
        QVERIFY(latencies.last() < 2500);

        // when it is killed and started again, the limiter goes back to the shared GCRA by itself
        ::kill(static_cast<pid_t>(server.processId()), SIGCONT);
        server.kill();
        server.waitForFinished(5000);
        QVERIFY(limiter.tryAcquireSync(QStringLiteral("azul"), 1e6).local);
        QProcess again;
        startRedis(again);
        QElapsedTimer back;
        back.start();
        bool shared = false;
        while (!shared && back.elapsed() < 10'000) {
            shared = !limiter.tryAcquireSync(QStringLiteral("azul"), 1e6).local;
            QThread::msleep(20);
        }
        qInfo("Redis restarted: shared limiting again after %lld ms", static_cast<long long>(back.elapsed()));
        QVERIFY(shared);
        QVERIFY(!limiter.isLocalFallback());
        QVERIFY(limiter.lastFallbackEpochMs() > 0);
        again.kill();
        again.waitForFinished(5000);
    }

    void permitLatencyFigures()
    {
        // given the shared limiter with a limit far above the request rate
        RateLimiter limiter(m_redis, {}, Clock::system(), okla::tests::uniquePrefix("ratelimit"));
        QList<qint64> us;
        QElapsedTimer total;
        total.start();
        for (int i = 0; i < 1000; ++i) {
            QElapsedTimer t;
            t.start();
            const RateDecision d = limiter.tryAcquireSync(QStringLiteral("azul"), 1e6);
            us.append(t.nsecsElapsed() / 1000);
            QVERIFY(d.allowed && !d.local);
        }
        std::sort(us.begin(), us.end());
        // then a permit costs one EVALSHA round trip (figures for the report, loose bound here)
        qInfo("1000 shared permits in %lld ms: p50 %lld us, p99 %lld us, max %lld us",
              static_cast<long long>(total.elapsed()), static_cast<long long>(us.at(500)),
              static_cast<long long>(us.at(990)), static_cast<long long>(us.last()));
        QVERIFY(us.at(500) < 20'000);
    }

    void asyncPermitFromAnyThread()
    {
        const QString prefix = okla::tests::uniquePrefix("ratelimit");
        RateLimiter limiter(m_redis, {}, Clock::system(), prefix);
        QFuture<RateDecision> f = limiter.tryAcquire(QStringLiteral("azul"), 50);
        f.waitForFinished();
        QVERIFY(f.result().allowed);
        QVERIFY(!f.result().local);
    }

    void configFromProfileFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[ratelimit]\nazul=7\nstripe_live=90\nburst=3\n");
        file.close();
        const RateLimitConfig c = RateLimitConfig::fromFile(path);
        QCOMPARE(c.limitFor(QStringLiteral("azul")), 7.0);
        QCOMPARE(c.limitFor(QStringLiteral("stripe"), true), 90.0);
        QCOMPARE(c.limitFor(QStringLiteral("stripe"), false), 25.0);
        QCOMPARE(c.burst, 3);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() > 1 && args.at(1) == QLatin1String("--limiter-child"))
        return runChild(args.mid(2));
    TestRateLimiter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ratelimiter.moc"
