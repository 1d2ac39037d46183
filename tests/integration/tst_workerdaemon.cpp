// okla-worker as an operator runs it (docs/worker.md §4-§6): the real binary against a migrated
// throwaway database, its /healthz and /metrics, a cancel_at_period_end request carried out, two
// workers sharing one queue without running a request twice, SIGTERM, a crashed worker's claim
// given back, refusals at start-up and `okla worker status`.
#include <csignal>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "harness/testenv.h"
#include "integration/workerprocess.h"
#include "services/database/migrator.h"

using okla::services::PgConnection;
using okla::tests::HttpAnswer;
using okla::tests::ThrowawayDatabase;
using okla::tests::WorkerProcess;

namespace {

constexpr int kSubscriptions = 60;

QString newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

/// The value of one series in a /metrics page (0 when absent).
double metricValue(const QByteArray &page, const QByteArray &series)
{
    for (const QByteArray &line : page.split('\n'))
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    return 0;
}

} // namespace

class TestWorkerDaemon : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    std::unique_ptr<okla::tests::WorkerLogin> m_login;
    QTemporaryDir m_profiles;

    PgConnection as(const QString &role) { return m_db->open(role); }

    qint64 scalar(const QString &sql, const QVariantList &params = {})
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto result = owner.exec(sql, params);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->toInt64(0, 0);
    }

    /// okla_request_work as `role`; the request's id (0 when refused).
    qint64 request(const QString &role, const QString &kind, const QJsonObject &params)
    {
        PgConnection connection = as(role);
        auto id = connection.exec(QStringLiteral("SELECT okla_request_work($1, $2::jsonb, $3::uuid)"),
                                  {kind, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)), newKey()});
        return id ? id->toInt64(0, 0) : 0;
    }

    /// Waits until no request is pending or running (true) or `timeoutMs` passed.
    bool waitForSettled(int timeoutMs = 60000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state IN ('pending', 'running')")) == 0)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    /// A profile folder whose "worker" profile is the fixture's, on the throwaway database, with
    /// `workerLogin` (empty: none).
    QString profileDir(const QString &workerLogin)
    {
        const QString dir = m_profiles.filePath(QUuid::createUuid().toString(QUuid::Id128));
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/worker.ini");
        QFile::copy(okla::services::ConnectionProfile::pathFor(QStringLiteral("test")), path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QSettings ini(path, QSettings::IniFormat);
        ini.setValue(QStringLiteral("postgres/database"), m_db->name());
        ini.setValue(QStringLiteral("postgres/default_user"), QStringLiteral("ana"));
        if (!workerLogin.isEmpty())
            ini.setValue(QStringLiteral("worker/login"), workerLogin);
        ini.sync();
        return dir;
    }

    okla::tests::ProgramRun workerStatus(const QString &dir)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("OKLA_PROFILE_DIR"), dir);
        env.insert(QStringLiteral("OKLA_PROFILE"), QStringLiteral("worker"));
        return okla::tests::runProgram(QStringLiteral("okla"), {QStringLiteral("worker"), QStringLiteral("status"),
                                                               QStringLiteral("--json")}, env, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database with the four staff groups, a worker login and dealers with
        // active monthly subscriptions
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_workerdaemon"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto migrated = okla::services::Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        auto staff = okla::tests::createRoleStaff(*m_db);
        QVERIFY2(staff.ok(), qPrintable(staff ? QString() : staff.error().toString()));
        m_login = std::make_unique<okla::tests::WorkerLogin>(QStringLiteral("wd"));
        QVERIFY(m_profiles.isValid());
        auto seeded = owner.execScript(QStringLiteral(
            "INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province, email)"
            " SELECT n, 'Autos ' || n || ' SRL', lpad((100000000 + n)::text, 9, '0'), 'rnc', 'independent', 'verified',"
            "        'Santo Domingo', 'Distrito Nacional', 'pagos' || n || '@autos.do' FROM generate_series(1, %1) n;"
            "INSERT INTO subscriptions (id, dealer_id, provider, currency, plan_version_id, billing_cycle, status,"
            "                           current_period_start, current_period_end, started_at, next_charge_on)"
            " SELECT n, n, 'azul', 'DOP', pv.id, 'monthly', 'active', '2026-12-01', '2027-01-01', now(), '2027-01-01'"
            "   FROM generate_series(1, %1) n, plan_versions pv WHERE pv.plan_key = 'pro' AND pv.currency = 'DOP';")
                                             .arg(kSubscriptions));
        QVERIFY2(seeded.ok(), qPrintable(seeded ? QString() : seeded.error().toString()));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_login.reset(); // after the database: its connections are gone
    }

    void servesHealthAndMetricsAndShowsInStatus()
    {
        // given a running worker
        const QString dir = profileDir(m_login->name());
        WorkerProcess worker(dir, {QStringLiteral("--http-port"), QStringLiteral("0"), QStringLiteral("--concurrency"),
                                   QStringLiteral("2")});
        const quint16 port = worker.waitForPort();
        QVERIFY2(port > 0, worker.log().constData());
        // when /healthz and /metrics are asked for
        const HttpAnswer health = okla::tests::httpGet(port, "/healthz");
        const HttpAnswer metrics = okla::tests::httpGet(port, "/metrics");
        // then the worker is healthy, names itself, and reports itself up with its queue depth
        QCOMPARE(health.status, 200);
        const QJsonObject h = QJsonDocument::fromJson(health.body).object();
        QVERIFY2(h.value(QStringLiteral("db")).toBool() && h.value(QStringLiteral("queue")).toBool(), health.body.constData());
        const QString instance = h.value(QStringLiteral("instance")).toString();
        QVERIFY2(instance.contains(QStringLiteral(":%1:").arg(worker.pid())), health.body.constData());
        QVERIFY(!h.value(QStringLiteral("version")).toString().isEmpty());
        QCOMPARE(metrics.status, 200);
        QCOMPARE(metricValue(metrics.body, "okla_worker_up"), 1.0);
        QVERIFY2(metrics.body.contains("# TYPE okla_worker_requests_pending gauge"), metrics.body.constData());
        QVERIFY(metrics.body.contains("# TYPE okla_worker_job_duration_seconds histogram"));
        // and `okla worker status --json` lists it alive
        const auto status = workerStatus(dir);
        QVERIFY2(status.exitCode == 0, status.err.constData());
        bool alive = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(status.out).object().value(QStringLiteral("instances")).toArray())
            alive = alive || (v[QStringLiteral("instance")].toString() == instance && v[QStringLiteral("state")].toString() == QLatin1String("alive"));
        QVERIFY2(alive, status.out.constData());
        // when it is sent SIGTERM: exit 0, and its row says stopped
        QCOMPARE(worker.terminate(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_instances WHERE instance_id = $1"
                                       " AND status->>'state' = 'stopped'"), {instance}), 1);
    }

    void carriesOutCancelAtPeriodEnd()
    {
        // given a running worker and a manager's request to cancel subscription 1 at period end
        WorkerProcess worker(profileDir(m_login->name()), {QStringLiteral("--http-port"), QStringLiteral("0")});
        const quint16 port = worker.waitForPort();
        QVERIFY2(port > 0, worker.log().constData());
        const qint64 changesBefore = scalar(QStringLiteral("SELECT count(*) FROM subscription_changes WHERE subscription_id = 1"));
        const qint64 id = request(QStringLiteral("marco"), QStringLiteral("cancel_at_period_end"),
                                  {{QStringLiteral("subscription_id"), 1}, {QStringLiteral("reason"), QStringLiteral("too_expensive")}});
        QVERIFY(id > 0);
        // and support's request to resend the receipt of an invoice that does not exist
        const qint64 refused = request(QStringLiteral("sofia"), QStringLiteral("resend_receipt"), {{QStringLiteral("invoice_id"), 1}});
        QVERIFY(refused > 0);
        // when the worker has taken them
        QVERIFY2(waitForSettled(30000), worker.log().constData());
        // then the subscription is flagged, will not be charged, and has one history row by marco
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE id = $1 AND state = 'succeeded'"), {id}), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM subscriptions WHERE id = 1 AND cancel_at_period_end"
                                       " AND next_charge_on IS NULL AND status = 'active'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM subscription_changes WHERE subscription_id = 1")), changesBefore + 1);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM subscription_changes c JOIN staff s ON s.id = c.changed_by"
                     " WHERE c.subscription_id = 1 AND c.change_type = 'cancel' AND c.status = 'cancelled'"
                     "   AND c.effective_date = '2027-01-01' AND c.cancellation_reason = 'too_expensive'"
                     "   AND s.role_name = 'marco'")), 1);
        // and the refused one failed with the handler's sentence (the binary registers it; a kind
        // without a handler is tst_workerhandlers' case)
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE id = $1 AND state = 'failed'"
                                       " AND error LIKE '%1 does not exist%' AND error NOT LIKE '%no handler%'"), {refused}), 1);
        // and the metrics count both
        const QByteArray page = okla::tests::httpGet(port, "/metrics").body;
        QCOMPARE(metricValue(page, "okla_worker_jobs_total{kind=\"cancel_at_period_end\",result=\"succeeded\"}"), 1.0);
        QCOMPARE(metricValue(page, "okla_worker_jobs_total{kind=\"resend_receipt\",result=\"failed\"}"), 1.0);
        QCOMPARE(worker.terminate(), 0);
    }

    void twoWorkersRunEachRequestOnce()
    {
        // given 50 requests waiting (subscriptions 11-60)
        QList<qint64> ids;
        for (int sub = 11; sub <= 60; ++sub)
            ids << request(QStringLiteral("ana"), QStringLiteral("cancel_at_period_end"), {{QStringLiteral("subscription_id"), sub}});
        QVERIFY(!ids.contains(0));
        // when two workers of three executors each share the queue
        WorkerProcess first(profileDir(m_login->name()), {QStringLiteral("--http-port"), QStringLiteral("0"),
                                                          QStringLiteral("--concurrency"), QStringLiteral("3")});
        WorkerProcess second(profileDir(m_login->name()), {QStringLiteral("--http-port"), QStringLiteral("0"),
                                                           QStringLiteral("--concurrency"), QStringLiteral("3")});
        const quint16 firstPort = first.waitForPort();
        const quint16 secondPort = second.waitForPort();
        QVERIFY2(firstPort > 0 && secondPort > 0, QByteArray(first.log() + second.log()).constData());
        QVERIFY(waitForSettled(60000));
        // then every request succeeded, as a first run (none found its subscription flagged already)
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE kind = 'cancel_at_period_end'"
                                       " AND state = 'succeeded' AND NOT result ? 'already_requested'"
                                       " AND (params->>'subscription_id')::int BETWEEN 11 AND 60")), 50);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM subscription_changes WHERE subscription_id BETWEEN 11 AND 60")), 50);
        // and the two workers ran 50 requests between them: none ran twice
        const QByteArray series = "okla_worker_jobs_total{kind=\"cancel_at_period_end\",result=\"succeeded\"}";
        const double a = metricValue(okla::tests::httpGet(firstPort, "/metrics").body, series);
        const double b = metricValue(okla::tests::httpGet(secondPort, "/metrics").body, series);
        qInfo("the two workers ran %g and %g requests", a, b);
        QCOMPARE(a + b, 50.0);
        QCOMPARE(first.terminate(), 0);
        QCOMPARE(second.terminate(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state = 'running'")), 0);
    }

    void sigtermWhileBusyLeavesNothingRunning()
    {
        // given a busy worker: requests for subscriptions 2-10 (already-flagged 11-60 would be quick)
        WorkerProcess worker(profileDir(m_login->name()), {QStringLiteral("--http-port"), QStringLiteral("0"),
                                                           QStringLiteral("--concurrency"), QStringLiteral("4")});
        QVERIFY2(worker.waitForPort() > 0, worker.log().constData());
        PgConnection ana = as(QStringLiteral("ana"));
        QVERIFY(ana.execScript(QStringLiteral("BEGIN")).ok());
        for (int round = 0; round < 5; ++round)
            for (int sub = 2; sub <= 60; ++sub)
                QVERIFY(ana.exec(QStringLiteral("SELECT okla_request_work('cancel_at_period_end', $1::jsonb, $2::uuid)"),
                                 {QStringLiteral("{\"subscription_id\": %1, \"round\": %2}").arg(sub).arg(round), newKey()}).ok());
        QVERIFY(ana.execScript(QStringLiteral("COMMIT")).ok()); // all of them at once
        // when it is sent SIGTERM in the middle of them
        QTest::qWait(100);
        QCOMPARE(worker.terminate(), 0);
        qInfo("after SIGTERM: %lld pending, %lld finished", scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state = 'pending'")),
              scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state IN ('succeeded', 'failed')")));
        // then nothing is left running: each request finished or went back to the queue
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state = 'running'")), 0);
        QVERIFY2(worker.log().contains("stopping"), worker.log().constData());
        // and another worker finishes the rest
        WorkerProcess next(profileDir(m_login->name()), {QStringLiteral("--http-port"), QStringLiteral("0"), QStringLiteral("--once")});
        QCOMPARE(next.waitForExit(60000), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state IN ('pending', 'running')")), 0);
    }

    void aCrashedWorkersClaimIsGivenBack()
    {
        // given a request claimed by a worker that stopped beating two minutes ago
        PgConnection owner = as(QStringLiteral("okla_owner"));
        QVERIFY(owner.execScript(QStringLiteral(
            "INSERT INTO worker_instances (instance_id, hostname, pid, started_at, heartbeat_at, version, concurrency)"
            " VALUES ('gone:1:dead', 'gone', 1, now() - interval '1 hour', now() - interval '2 minutes', '0.0.1', 1)")).ok());
        const qint64 id = request(QStringLiteral("ana"), QStringLiteral("cancel_at_period_end"), {{QStringLiteral("subscription_id"), 5},
                                                                                                   {QStringLiteral("crash"), true}});
        QVERIFY(owner.exec(QStringLiteral("UPDATE worker_requests SET state = 'running', claimed_by = 'gone:1:dead' WHERE id = $1"),
                           {id}).ok());
        // when a live worker runs once
        WorkerProcess worker(profileDir(m_login->name()), {QStringLiteral("--http-port"), QStringLiteral("0"), QStringLiteral("--once")});
        QCOMPARE(worker.waitForExit(60000), 0);
        // then it gave the request back and carried it out itself
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE id = $1 AND state = 'succeeded'"
                                       " AND claimed_by <> 'gone:1:dead'"), {id}), 1);
        QVERIFY2(worker.log().contains("without a heartbeat"), worker.log().constData());
    }

    void healthFollowsTheDatabaseAndSighupReloads()
    {
        // given a running worker
        const QString dir = profileDir(m_login->name());
        WorkerProcess worker(dir, {QStringLiteral("--http-port"), QStringLiteral("0")});
        const quint16 port = worker.waitForPort();
        QVERIFY2(port > 0, worker.log().constData());
        QCOMPARE(okla::tests::httpGet(port, "/healthz").status, 200);
        // when its login may no longer connect and its connections are cut
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), m_db->name());
        QVERIFY(su.ok());
        const QString login = m_login->name();
        QVERIFY(su->execScript(QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(login)).ok());
        QVERIFY(su->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1"), {login}).ok());
        // then /healthz says 503 within a few heartbeats, and names the database
        QTRY_COMPARE_WITH_TIMEOUT(okla::tests::httpGet(port, "/healthz").status, 503, 20000);
        QCOMPARE(QJsonDocument::fromJson(okla::tests::httpGet(port, "/healthz").body).object().value(QStringLiteral("db")).toBool(true),
                 false);
        // when the database takes it back: healthy again
        QVERIFY(su->execScript(QStringLiteral("ALTER ROLE %1 LOGIN").arg(login)).ok());
        QTRY_COMPARE_WITH_TIMEOUT(okla::tests::httpGet(port, "/healthz").status, 200, 20000);
        // when it is sent SIGHUP: it reloads its profile and keeps serving
        QVERIFY(::kill(pid_t(worker.pid()), SIGHUP) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(worker.log().contains("reloaded"), 10000);
        QCOMPARE(okla::tests::httpGet(port, "/healthz").status, 200);
        // and the text status names it
        QProcessEnvironment env;
        env.insert(QStringLiteral("OKLA_PROFILE_DIR"), dir);
        env.insert(QStringLiteral("OKLA_PROFILE"), QStringLiteral("worker"));
        const auto text = okla::tests::runProgram(QStringLiteral("okla"), {QStringLiteral("worker"), QStringLiteral("status")}, env, 30000);
        QVERIFY2(text.exitCode == 0 && text.out.contains(QStringLiteral(":%1:").arg(worker.pid()).toUtf8()), text.out.constData());
        QCOMPARE(worker.terminate(), 0);
    }

    void refusesToStartWithoutWhatItNeeds()
    {
        const QString dir = profileDir(m_login->name());
        // an open credentials folder
        QTemporaryDir open;
        QVERIFY(QFile::setPermissions(open.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                       | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        WorkerProcess badFolder(dir, {QStringLiteral("--credentials-dir"), open.path(), QStringLiteral("--once")});
        QCOMPARE(badFolder.waitForExit(30000), 1);
        QVERIFY2(badFolder.log().contains("chmod 700"), badFolder.log().constData());
        // a profile that names no worker login
        WorkerProcess noLogin(profileDir(QString()), {QStringLiteral("--once")});
        QCOMPARE(noLogin.waitForExit(30000), 1);
        QVERIFY2(noLogin.log().contains("[worker]"), noLogin.log().constData());
        // a staff login posing as the worker
        WorkerProcess staff(profileDir(QStringLiteral("ana")), {QStringLiteral("--once")});
        QCOMPARE(staff.waitForExit(30000), 1);
        QVERIFY2(staff.log().contains("okla_worker"), staff.log().constData());
        // bad usage
        WorkerProcess badOption(dir, {QStringLiteral("--concurrency"), QStringLiteral("0")});
        QCOMPARE(badOption.waitForExit(30000), 2);
        // and none of them claimed anything or recorded a heartbeat beyond the earlier tests'
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state = 'running'")), 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkerDaemon)
#include "tst_workerdaemon.moc"
