// The worker's parts in-process (docs/worker.md §4, §5): the start-up refusal of a missing or
// open credential a handler requires, and how handlers settle requests: a failing handler's
// writes roll back with it, a throwing one fails its request, one that commits its own steps is
// settled afterwards, the result JSON is what the handler returned, and a kind without a handler
// fails at once.
#include <stdexcept>

#include <QDir>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "harness/testenv.h"
#include "services/database/migrator.h"
#include "services/database/pgconnection.h"
#include "services/worker/requesthandler.h"
#include "services/worker/workerdaemon.h"
#include "services/worker/workerstartup.h"

using namespace okla::services;
using okla::tests::ThrowawayDatabase;

class TestWorkerHandlers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    std::unique_ptr<okla::tests::WorkerLogin> m_login;
    QTemporaryDir m_dir;
    QString m_credentials;

    qint64 scalar(const QString &sql, const QVariantList &params = {})
    {
        PgConnection owner = m_db->open(QStringLiteral("okla_owner"));
        auto result = owner.exec(sql, params);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->toInt64(0, 0);
    }

    qint64 request(const QString &role, const QString &kind, const QString &params)
    {
        PgConnection connection = m_db->open(role);
        auto id = connection.exec(QStringLiteral("SELECT okla_request_work($1, $2::jsonb, gen_random_uuid())"), {kind, params});
        return id ? id->toInt64(0, 0) : 0;
    }

    WorkerOptions options() const
    {
        WorkerOptions o;
        o.profileName = QStringLiteral("worker");
        o.credentialsDir = m_credentials;
        o.httpPort = 0;
        o.concurrency = 2;
        return o;
    }

    void writeCredential(const QString &name, QFile::Permissions permissions)
    {
        QFile file(m_credentials + u'/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("sk_test_worker_handlers\n");
        file.close();
        QVERIFY(file.setPermissions(permissions));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database with staff, one subscription, a worker login, a profile that
        // names it and an empty credentials folder (0700)
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_workerhandlers"));
        PgConnection owner = m_db->open(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        QVERIFY(okla::tests::createRoleStaff(*m_db).ok());
        QVERIFY(owner.execScript(QStringLiteral(
            "INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province)"
            " VALUES (1, 'Autos Caribe SRL', '133325901', 'rnc', 'independent', 'verified', 'Santo Domingo', 'Distrito Nacional');"
            "INSERT INTO subscriptions (id, dealer_id, provider, currency, plan_version_id, billing_cycle, status,"
            "                           current_period_start, current_period_end, started_at)"
            " SELECT 1, 1, 'azul', 'DOP', id, 'monthly', 'active', '2026-12-01', '2027-01-01', now()"
            "   FROM plan_versions WHERE plan_key = 'pro' AND currency = 'DOP';")).ok());
        m_login = std::make_unique<okla::tests::WorkerLogin>(QStringLiteral("wh"));
        QVERIFY(m_dir.isValid());
        const QString profiles = m_dir.filePath(QStringLiteral("profiles"));
        QVERIFY(QDir().mkpath(profiles));
        QVERIFY(QFile::copy(ConnectionProfile::pathFor(QStringLiteral("test")), profiles + QStringLiteral("/worker.ini")));
        QFile::setPermissions(profiles + QStringLiteral("/worker.ini"), QFile::ReadOwner | QFile::WriteOwner);
        {
            QSettings ini(profiles + QStringLiteral("/worker.ini"), QSettings::IniFormat);
            ini.setValue(QStringLiteral("postgres/database"), m_db->name());
            ini.setValue(QStringLiteral("worker/login"), m_login->name());
        }
        // The harness keeps reading the fixture's "test" profile from the new folder too.
        QVERIFY(QFile::copy(ConnectionProfile::pathFor(QStringLiteral("test")), profiles + QStringLiteral("/test.ini")));
        qputenv("OKLA_PROFILE_DIR", QFile::encodeName(profiles));
        m_credentials = m_dir.filePath(QStringLiteral("credentials"));
        QVERIFY(QDir().mkpath(m_credentials));
        QVERIFY(QFile::setPermissions(m_credentials, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_login.reset();
    }

    void aRequiredCredentialMustBeThereAndClosed()
    {
        const QStringList required{CredentialStore::StripeSecretKey};
        // missing: refused, naming the problem
        auto missing = WorkerStartup::prepare(options(), required);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("credentials.missing"));
        // readable by others: refused
        writeCredential(CredentialStore::StripeSecretKey, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        auto open = WorkerStartup::prepare(options(), required);
        QVERIFY(!open);
        QCOMPARE(open.error().code, QStringLiteral("credentials.file_open"));
        // 0600: the worker starts, signed in as its own login, without a password it was not asked for
        writeCredential(CredentialStore::StripeSecretKey, QFile::ReadOwner | QFile::WriteOwner);
        auto fine = WorkerStartup::prepare(options(), required);
        QVERIFY2(fine.ok(), qPrintable(fine ? QString() : fine.error().toString()));
        QVERIFY(!fine->conninfo.contains(QLatin1String("password")));
        auto who = fine->connection.exec(QStringLiteral("SELECT current_user"));
        QVERIFY(who.ok());
        QCOMPARE(who->text(0, 0), m_login->name());
    }

    void handlersSettleTheirRequests()
    {
        // given handlers: one that writes then fails, one that throws, one that commits on its own
        auto registry = std::make_shared<RequestHandlerRegistry>();
        registry->registerHandler(QStringLiteral("change_plan"), [](RequestContext &context) -> okla::models::Result<QJsonObject> {
            auto wrote = context.db.exec(QStringLiteral("UPDATE subscriptions SET discount_bp = 1234 WHERE id = 1"));
            if (!wrote)
                return wrote.error();
            return okla::models::makeError(QStringLiteral("test.refused"), QStringLiteral("plan_key is required"));
        });
        registry->registerHandler(QStringLiteral("resend_receipt"), [](RequestContext &) -> okla::models::Result<QJsonObject> {
            throw std::runtime_error("receipt template missing");
        });
        registry->registerHandler(
            QStringLiteral("portal_link"),
            [](RequestContext &context) -> okla::models::Result<QJsonObject> {
                return QJsonObject{{QStringLiteral("dealer_id"), context.request.params.value(QStringLiteral("dealer_id"))},
                                   {QStringLiteral("by_staff"), context.request.requestedBy.has_value()}};
            },
            HandlerAtomicity::OwnTransactions);
        const qint64 change = request(QStringLiteral("ana"), QStringLiteral("change_plan"), QStringLiteral("{\"subscription_id\": 1}"));
        const qint64 receipt = request(QStringLiteral("sofia"), QStringLiteral("resend_receipt"), QStringLiteral("{\"invoice_id\": 7}"));
        const qint64 link = request(QStringLiteral("sofia"), QStringLiteral("portal_link"), QStringLiteral("{\"dealer_id\": 1}"));
        // and a request of a kind that registry has no handler for
        const qint64 unhandled = request(QStringLiteral("ana"), QStringLiteral("retry_charge"), QStringLiteral("{\"subscription_id\": 1}"));
        QVERIFY(change > 0 && receipt > 0 && link > 0 && unhandled > 0);

        // when a daemon with those handlers runs
        auto startup = WorkerStartup::prepare(options());
        QVERIFY2(startup.ok(), qPrintable(startup ? QString() : startup.error().toString()));
        WorkerDaemon daemon(options(), std::move(startup).value(), registry, QStringLiteral("test"));
        QSignalSpy finished(&daemon, &WorkerDaemon::finished);
        QVERIFY(daemon.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state IN ('pending', 'running')")),
                                  qint64(0), 20000);
        daemon.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);

        // then the failing handler's write rolled back with it and its message is the error
        QCOMPARE(scalar(QStringLiteral("SELECT discount_bp FROM subscriptions WHERE id = 1")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE id = $1 AND state = 'failed'"
                                       " AND error = 'plan_key is required'"), {change}), qint64(1));
        // the throwing one failed with what it threw
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE id = $1 AND state = 'failed'"
                                       " AND error LIKE '%receipt template missing%'"), {receipt}), qint64(1));
        // the one with its own transactions succeeded with its result
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE id = $1 AND state = 'succeeded'"
                                       " AND result = '{\"dealer_id\": 1, \"by_staff\": true}'::jsonb"), {link}), qint64(1));
        // the kind without a handler failed at once, naming it and the kinds this worker handles
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests WHERE id = $1 AND state = 'failed'"
                                       " AND error LIKE '%no handler%retry_charge%change_plan, portal_link, resend_receipt%'"),
                        {unhandled}), qint64(1));
        // and the instance is recorded as stopped
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_instances WHERE instance_id = $1"
                                       " AND status->>'state' = 'stopped'"), {daemon.instanceId()}), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestWorkerHandlers)
#include "tst_workerhandlers.moc"
