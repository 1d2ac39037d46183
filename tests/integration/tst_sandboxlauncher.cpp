// okla-sandbox as a person runs it: the real program on its own folder, profile and credentials
// (apart from the fixture's sandbox, which the other tests use).
#include <sys/stat.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTcpServer>
#include <QtTest>

#include "harness/testenv.h"
#include "integration/workerprocess.h"
#include "sandbox/launcher/postgresservice.h"
#include "sandbox/launcher/sandboxlayout.h"
#include "services/redis/redisclient.h"

using okla::services::PgConnection;
using okla::tests::ProgramRun;
using okla::tests::runProgram;

namespace {

const QStringList kCredentials = {QStringLiteral("redis-password"), QStringLiteral("s3-access-key"),
                                  QStringLiteral("s3-secret-key"), QStringLiteral("stripe-secret-key"),
                                  QStringLiteral("stripe-webhook-secret"), QStringLiteral("azul-auth1"),
                                  QStringLiteral("azul-auth2")};

QString root() { return qEnvironmentVariable("OKLA_TEST_ROOT") + QStringLiteral("/launcher-test"); }
QString sandboxDir() { return root() + QStringLiteral("/sandbox"); }
QString profileDir() { return root() + QStringLiteral("/profiles"); }
QString credentialsDir() { return root() + QStringLiteral("/credentials"); }
QString profilePath() { return profileDir() + QStringLiteral("/launchertest.ini"); }

QProcessEnvironment env()
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("OKLA_PROFILE_DIR"), profileDir());
    e.insert(QStringLiteral("OKLA_PROFILE"), QStringLiteral("launchertest"));
    e.insert(QStringLiteral("OKLA_CREDENTIALS_DIR"), credentialsDir());
    return e;
}

ProgramRun sandbox(QStringList args, const QProcessEnvironment &extra = env())
{
    return runProgram(QStringLiteral("okla-sandbox"), args, extra, 180000);
}

ProgramRun up(const QStringList &more = {})
{
    return sandbox(QStringList{QStringLiteral("up"), QStringLiteral("--dir"), sandboxDir(), QStringLiteral("--profile"),
                               QStringLiteral("launchertest")}
                   + more);
}

QString why(const ProgramRun &run) { return QString::fromUtf8(run.out + run.err); }

QJsonObject status()
{
    const ProgramRun run = sandbox({QStringLiteral("status"), QStringLiteral("--dir"), sandboxDir(), QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out).object();
}

QHash<QString, qint64> pids()
{
    QHash<QString, qint64> result;
    for (const QJsonValue &s : status().value(QStringLiteral("services")).toArray())
        result.insert(s[QStringLiteral("name")].toString(), s[QStringLiteral("running")].toBool() ? s[QStringLiteral("pid")].toInteger() : 0);
    return result;
}


okla::models::Result<PgConnection> connectAs(const QString &role)
{
    QSettings ini(profilePath(), QSettings::IniFormat);
    return PgConnection::open(okla::sandbox::sandboxConninfo(ini.value(QStringLiteral("postgres/host")).toString(),
                                                             ini.value(QStringLiteral("postgres/port")).toInt(), role));
}

int mode(const QString &path)
{
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void tearDown()
{
    if (QFile::exists(sandboxDir()))
        sandbox({QStringLiteral("down"), QStringLiteral("--dir"), sandboxDir()});
    const QString pgRoot = okla::sandbox::SandboxLayout(sandboxDir()).pgPrivateRoot();
    if (!pgRoot.isEmpty())
        QDir(pgRoot).removeRecursively();
    QDir(root()).removeRecursively();
}

} // namespace

class TestSandboxLauncher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        tearDown();
        QElapsedTimer clock;
        clock.start();
        const ProgramRun run = up();
        QVERIFY2(run.exitCode == 0, qPrintable(why(run)));
        qInfo("okla-sandbox up on an empty folder: %lld ms", qint64(clock.elapsed()));
    }

    void cleanupTestCase() { tearDown(); }

    void profileIsWrittenWithoutSecrets()
    {
        // given
        QSettings ini(profilePath(), QSettings::IniFormat);
        const QByteArray text = fileBytes(profilePath());

        // then
        QVERIFY(!text.isEmpty());
        QCOMPARE(ini.value(QStringLiteral("postgres/passwordless")).toBool(), true);
        QCOMPARE(ini.value(QStringLiteral("postgres/default_user")).toString(), QStringLiteral("ana"));
        QCOMPARE(ini.value(QStringLiteral("credentials/dir")).toString(), credentialsDir());
        QVERIFY(ini.value(QStringLiteral("redis/port")).toInt() > 0);
        QVERIFY(ini.value(QStringLiteral("s3/endpoint")).toString().startsWith(QStringLiteral("http://127.0.0.1:")));
        for (const QString &name : kCredentials) {
            const QByteArray secret = fileBytes(credentialsDir() + u'/' + name).trimmed();
            QVERIFY2(secret.size() >= 6, qPrintable(name));
            if (!name.startsWith(QStringLiteral("s3-"))) // s3rver's fixed pair is also a bucket-ish word; skip
                QVERIFY2(!text.contains(secret), qPrintable(name + QStringLiteral(" leaked into the profile")));
        }
    }

    void credentialFilesArePrivate()
    {
        QCOMPARE(mode(credentialsDir()), 0700);
        for (const QString &name : kCredentials)
            QCOMPARE(mode(credentialsDir() + u'/' + name), 0600);
        QVERIFY(fileBytes(credentialsDir() + QStringLiteral("/stripe-secret-key")).startsWith("sk_test_"));
        QVERIFY(fileBytes(credentialsDir() + QStringLiteral("/stripe-webhook-secret")).startsWith("whsec_"));
    }

    void demoStaffConnectOverTheSocketWithoutPassword()
    {
        for (const auto &staff : okla::sandbox::demoStaff()) {
            // when
            auto connection = connectAs(staff.role);

            // then
            QVERIFY2(connection, qPrintable(staff.role + u' ' + (connection ? QString() : connection.error().toString())));
            auto member = connection->exec(QStringLiteral("SELECT pg_has_role(current_user, $1, 'member'), current_user"), {staff.group});
            QVERIFY(member);
            QCOMPARE(member->text(0, 0), QStringLiteral("t"));
            QCOMPARE(member->text(0, 1), staff.role);
            // and each is a staff member, which row-level security and the audit log rely on
            auto self = connection->exec(QStringLiteral("SELECT current_staff_id() IS NOT NULL"));
            QVERIFY(self);
            QCOMPARE(self->text(0, 0), QStringLiteral("t"));
        }
        // nobody else, and no TCP at all
        QVERIFY(!connectAs(QStringLiteral("mallory")));
        QSettings ini(profilePath(), QSettings::IniFormat);
        const QString tcp = QStringLiteral("host=127.0.0.1 port=%1 dbname=okla user=ana connect_timeout=3")
                                .arg(ini.value(QStringLiteral("postgres/port")).toInt());
        QVERIFY(!PgConnection::open(tcp));
        QCOMPARE(mode(ini.value(QStringLiteral("postgres/host")).toString()), 0700);
    }

    void upTwiceIsSafe()
    {
        // given
        const auto before = pids();
        QVERIFY(before.value(QStringLiteral("postgres")) > 0 && before.value(QStringLiteral("redis")) > 0
                && before.value(QStringLiteral("s3")) > 0);

        // when
        QElapsedTimer clock;
        clock.start();
        const ProgramRun run = up();
        const qint64 ms = clock.elapsed();

        // then
        QVERIFY2(run.exitCode == 0, qPrintable(why(run)));
        QVERIFY(run.out.contains("already running"));
        QCOMPARE(pids(), before);
        qInfo("okla-sandbox up while running: %lld ms", ms);
    }

    void downAndUpKeepData()
    {
        // given: a row in PostgreSQL and a key in Redis
        {
            auto owner = connectAs(QStringLiteral("okla_owner"));
            QVERIFY(owner);
            QVERIFY(owner->execScript(QStringLiteral("CREATE TABLE public.launcher_probe (v text); INSERT INTO public.launcher_probe VALUES ('kept')")));
        }
        okla::services::RedisConfig redis;
        redis.port = QSettings(profilePath(), QSettings::IniFormat).value(QStringLiteral("redis/port")).toInt();
        redis.password = fileBytes(credentialsDir() + QStringLiteral("/redis-password")).trimmed();
        {
            okla::services::RedisClient client(redis);
            auto set = client.commandSync({"SET", "launcher:probe", "kept"});
            QVERIFY2(set && !set->isError(), set ? set->str.constData() : qPrintable(set.error().toString()));
        }
        const auto before = pids();

        // when: down
        const ProgramRun down = sandbox({QStringLiteral("down"), QStringLiteral("--dir"), sandboxDir()});

        // then: exactly those processes are gone
        QVERIFY2(down.exitCode == 0, qPrintable(why(down)));
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(!okla::sandbox::ProcessControl::isProgram(it.value(), it.key() == QLatin1String("s3") ? QStringLiteral("node") : it.key()),
                     qPrintable(it.key()));
        QVERIFY(pids().value(QStringLiteral("postgres")) == 0);
        QVERIFY(!connectAs(QStringLiteral("ana")));

        // when: up again
        QElapsedTimer clock;
        clock.start();
        const ProgramRun again = up();
        qInfo("okla-sandbox up on an initialised folder: %lld ms", qint64(clock.elapsed()));

        // then: same data
        QVERIFY2(again.exitCode == 0, qPrintable(why(again)));
        auto owner = connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner);
        QCOMPARE(owner->exec(QStringLiteral("SELECT v FROM public.launcher_probe"))->text(0, 0), QStringLiteral("kept"));
        okla::services::RedisClient client(redis);
        auto get = client.commandSync({"GET", "launcher:probe"});
        QVERIFY(get);
        QCOMPARE(get->str, QByteArray("kept"));
        QVERIFY(QDir(sandboxDir() + QStringLiteral("/s3/okla-media")).exists());
    }

    void statusReportsEveryService()
    {
        const QJsonObject s = status();
        QCOMPARE(s.value(QStringLiteral("profile")).toString(), QStringLiteral("launchertest"));
        const QJsonArray services = s.value(QStringLiteral("services")).toArray();
        QSet<QString> running;
        for (const QJsonValue &service : services) {
            const QString name = service[QStringLiteral("name")].toString();
            if (service[QStringLiteral("running")].toBool()) {
                running.insert(name);
                QVERIFY2(!service[QStringLiteral("ports")].toObject().isEmpty(), qPrintable(name));
            }
        }
        // The defaults run; RabbitMQ was not asked for (no --with-rabbitmq), so it does not.
        for (const char *name : {"postgres", "redis", "s3", "sim", "worker"})
            QVERIFY2(running.contains(QLatin1String(name)), name);
        QVERIFY(!running.contains(QStringLiteral("rabbitmq")) && !running.contains(QStringLiteral("epmd")));
    }

    void theWorkerIsHealthyAndReceivesTheSimulatorsWebhooks()
    {
        QHash<QString, int> ports;
        for (const QJsonValue &service : status().value(QStringLiteral("services")).toArray()) {
            const QJsonObject p = service[QStringLiteral("ports")].toObject();
            for (auto it = p.begin(); it != p.end(); ++it)
                ports.insert(it.key(), it.value().toInt());
        }
        // the worker signed in with its own login and reached the database
        const okla::tests::HttpAnswer health = okla::tests::httpGet(quint16(ports.value(QStringLiteral("worker"))), "/healthz");
        QCOMPARE(health.status, 200);
        QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QStringLiteral("db")).toBool(), true);
        // and the Stripe simulator delivers its signed events to it
        const okla::tests::HttpAnswer hook = okla::tests::httpGet(quint16(ports.value(QStringLiteral("stripe"))), "/_sim/webhook");
        QCOMPARE(QJsonDocument::fromJson(hook.body).object().value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://127.0.0.1:%1/webhooks/stripe").arg(ports.value(QStringLiteral("worker"))));
    }

    void unknownFlagIsRefused()
    {
        const ProgramRun run = up({QStringLiteral("--frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("frobnicate"));
        QCOMPARE(run.err.count('\n'), 1);
    }

    void damagedProfileIsRefusedAndKept()
    {
        // given
        const QByteArray good = fileBytes(profilePath());
        const QByteArray damaged = "[postgres]\nhost=\nport=not-a-port\n";
        {
            QFile f(profilePath());
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(damaged);
        }

        // when
        const ProgramRun run = up();

        // then
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("fix or delete"), run.err.constData());
        QCOMPARE(fileBytes(profilePath()), damaged);
        QFile f(profilePath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(good);
    }

    void busyPortIsRefusedBeforeAnythingIsCreated()
    {
        // given: a port someone else listens on, and a folder with no sandbox yet
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const QString fresh = root() + QStringLiteral("/fresh");

        // when
        const ProgramRun run = sandbox({QStringLiteral("up"), QStringLiteral("--dir"), fresh, QStringLiteral("--port"),
                                        QStringLiteral("redis=%1").arg(squatter.serverPort())});

        // then
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("busy"), run.err.constData());
        QVERIFY(!QFile::exists(fresh));
    }

    void missingInitdbIsRefusedBeforeAnythingIsCreated()
    {
        // given
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("OKLA_PG_BINDIR"), QStringLiteral("/nonexistent"));
        const QString fresh = root() + QStringLiteral("/fresh");

        // when
        const ProgramRun run = sandbox({QStringLiteral("up"), QStringLiteral("--dir"), fresh}, e);

        // then
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("apt-get install postgresql"), run.err.constData());
        QVERIFY(!QFile::exists(fresh));
    }

    void tamperedMigrationIsRefused()
    {
        // given: the database says migration 1 had other bytes than the program carries
        auto owner = connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner);
        const QString original = owner->exec(QStringLiteral("SELECT checksum FROM public.schema_migrations WHERE version = 1"))->text(0, 0);
        QVERIFY(owner->exec(QStringLiteral("UPDATE public.schema_migrations SET checksum = 'feed' WHERE version = 1")));

        // when
        const ProgramRun run = up();
        const ProgramRun check = runProgram(QStringLiteral("okla"), {QStringLiteral("schema"), QStringLiteral("check")}, env());

        // then
        QVERIFY(owner->exec(QStringLiteral("UPDATE public.schema_migrations SET checksum = $1 WHERE version = 1"), {original}).ok());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("changed after it was applied"), run.err.constData());
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains("resources/migrations/0001"), check.err.constData());
        QCOMPARE(up().exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxLauncher)
#include "tst_sandboxlauncher.moc"
