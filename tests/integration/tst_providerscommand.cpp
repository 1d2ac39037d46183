// `okla providers status [--json]` as an operator runs it: real CLI binary, real Redis.

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

#include "harness/testenv.h"
#include "integration/redistestsupport.h"
#include "services/resilience/breakerregistry.h"
#include "services/resilience/providerhealth.h"

using namespace okla::services;

class TestProvidersCommand : public QObject
{
    Q_OBJECT
private slots:
    void statusShowsWhatWorkersPublished()
    {
        // given a worker that published a tripped breaker under the product's key prefix
        auto redis = std::make_shared<RedisClient>(*okla::tests::fixtureRedisConfig());
        auto clock = std::make_shared<ManualClock>();
        auto breakers = std::make_shared<BreakerRegistry>(BreakerConfig{}, clock);
        auto recorder = std::make_shared<HealthRecorder>(clock);
        // an operation name no other test uses, so the shared Redis cannot confuse the check
        const QString operation = QStringLiteral("probe%1").arg(QCoreApplication::applicationPid());
        const OperationKey key{QStringLiteral("azul"), operation, QStringLiteral("pagos")};
        auto breaker = breakers->breaker(key);
        for (int i = 0; i < 5; ++i) {
            AttemptReport r;
            r.httpStatus = 503;
            r.summary = QStringLiteral("HTTP 503 test");
            breaker->record(breaker->tryAcquire(), r.isBreakerFailure());
            recorder->recordAttempt(key, 1200, r);
        }
        HealthPublisher publisher(redis, recorder, breakers);
        publisher.setProcessId(QStringLiteral("test-worker:1"));
        auto published = publisher.publishNow();
        published.waitForFinished();
        QVERIFY(published.result().ok());

        // when the operator asks, as JSON and as text
        const auto json = okla::tests::runProgram(QStringLiteral("okla"), {QStringLiteral("providers"), QStringLiteral("status"), QStringLiteral("--json")});
        const auto text = okla::tests::runProgram(QStringLiteral("okla"), {QStringLiteral("providers"), QStringLiteral("status")});

        // then the breaker, its figures and its errors are there
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(json.out).object();
        QVERIFY(doc.value(QStringLiteral("reachable")).toBool());
        QJsonObject mine;
        for (const QJsonValue &v : doc.value(QStringLiteral("operations")).toArray())
            if (v.toObject().value(QStringLiteral("operation")).toString() == operation)
                mine = v.toObject();
        QVERIFY2(!mine.isEmpty(), json.out.constData());
        QCOMPARE(mine.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(mine.value(QStringLiteral("count")).toInt(), 5);
        QVERIFY(mine.value(QStringLiteral("p95Ms")).toDouble() > 1000);
        QCOMPARE(mine.value(QStringLiteral("recentErrors")).toArray().size(), 5);
        QCOMPARE(mine.value(QStringLiteral("perProcess")).toArray().at(0).toObject().value(QStringLiteral("process")).toString(),
                 QStringLiteral("test-worker:1"));
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY(text.out.contains(("azul." + operation + "@pagos").toUtf8()));
        QVERIFY(text.out.contains("HTTP 503 test"));

        // cleanup: the entry would expire in 30 s anyway
        QVERIFY(redis->commandSync({QByteArrayLiteral("DEL"), HealthPublisher::keyFor(key)}).ok());
    }

    void probeCallsEachConfiguredSimulator()
    {
        // given the fixture's profile naming the AZUL and Stripe simulators
        const auto profile = okla::tests::testProfile();
        // The fixture cannot come up without okla-sim (the launcher's preflight refuses), so a
        // profile without the simulators' URLs is a launcher regression, not a reason to skip.
        QVERIFY2(!profile.azulUrl.isEmpty() && !profile.stripeUrl.isEmpty(),
                 "the fixture's profile names no AZUL or Stripe simulator");
        // when the operator probes
        const auto run = okla::tests::runProgram(QStringLiteral("okla"), {QStringLiteral("providers"), QStringLiteral("probe"), QStringLiteral("--json")});
        // then one harmless call each, both answered
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        const QJsonArray results = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(results.size(), 2);
        QStringList operations;
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            QVERIFY2(r.value(QStringLiteral("ok")).toBool(), qPrintable(r.value(QStringLiteral("detail")).toString()));
            operations << r.value(QStringLiteral("operation")).toString();
        }
        operations.sort();
        QVERIFY(operations.at(0).startsWith(QLatin1String("azul.verify@")));
        QCOMPARE(operations.at(1), QStringLiteral("stripe.customers.list"));
        QVERIFY2(run.out.contains("Found:false"), run.out.constData());
        // and the probe's calls are in the shared health right away
        const auto status = okla::tests::runProgram(QStringLiteral("okla"), {QStringLiteral("providers"), QStringLiteral("status")});
        QVERIFY(status.out.contains("stripe.customers.list"));
        QVERIFY(status.out.contains("azul.verify@"));
    }

    void statusSaysWhenRedisIsDown()
    {
        // given a profile whose Redis is a closed port
        QTemporaryDir dir;
        QFile ini(dir.filePath(QStringLiteral("down.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(QStringLiteral("[postgres]\nhost=/tmp\nport=5432\n[redis]\nhost=127.0.0.1\nport=%1\n").arg(okla::tests::closedPort()).toUtf8());
        ini.close();
        QProcessEnvironment env;
        env.insert(QStringLiteral("OKLA_PROFILE_DIR"), dir.path());
        env.insert(QStringLiteral("OKLA_PROFILE"), QStringLiteral("down"));
        // when
        const auto run = okla::tests::runProgram(QStringLiteral("okla"), {QStringLiteral("providers"), QStringLiteral("status"), QStringLiteral("--json")}, env, 30'000);
        // then exit 1 with the reason, quickly
        QCOMPARE(run.exitCode, 1);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc.value(QStringLiteral("reachable")).toBool(true), false);
        QVERIFY(doc.value(QStringLiteral("error")).toString().contains(QLatin1String("Redis")));
    }

    void profileOptionPicksTheProfileAndUnknownOptionsAreRefused()
    {
        // given the fixture's profile active in the environment and another profile whose Redis is closed
        QTemporaryDir dir;
        const QString downPath = dir.filePath(QStringLiteral("down.ini"));
        QVERIFY(QFile::copy(QDir(qEnvironmentVariable("OKLA_PROFILE_DIR")).filePath(QStringLiteral("test.ini")), downPath));
        {
            QSettings down(downPath, QSettings::IniFormat);
            down.setValue(QStringLiteral("redis/port"), okla::tests::closedPort());
        }
        QProcessEnvironment env;
        env.insert(QStringLiteral("OKLA_PROFILE_DIR"), dir.path());
        QVERIFY(QFile::copy(QDir(qEnvironmentVariable("OKLA_PROFILE_DIR")).filePath(QStringLiteral("test.ini")),
                            dir.filePath(QStringLiteral("test.ini"))));
        // when status names the other profile, and when it is given an option it does not know
        const auto named = okla::tests::runProgram(QStringLiteral("okla"),
            {QStringLiteral("providers"), QStringLiteral("status"), QStringLiteral("--profile"), QStringLiteral("down"), QStringLiteral("--json")}, env, 30'000);
        const auto unknown = okla::tests::runProgram(QStringLiteral("okla"),
            {QStringLiteral("providers"), QStringLiteral("probe"), QStringLiteral("--profil"), QStringLiteral("down")}, env, 30'000);
        // then the named profile is the one read (its Redis is down), and the typo is a usage error
        QCOMPARE(named.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(named.out).object().value(QStringLiteral("reachable")).toBool(true), false);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("--profil"), unknown.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestProvidersCommand)
#include "tst_providerscommand.moc"
