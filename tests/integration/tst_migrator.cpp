// Migrator against real PostgreSQL: each case runs in a throwaway database of the test cluster,
// with small migrations of its own (the embedded ones are checked on the fixture's database).
#include <thread>

#include <QtTest>

#include "harness/testenv.h"
#include "services/database/migrator.h"

using okla::services::Migration;
using okla::services::Migrator;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;

namespace {

Migration migration(const QString &fileName, const QByteArray &sql)
{
    auto m = Migrator::fromFile(fileName, sql);
    if (!m)
        qFatal("bad test migration %s", qPrintable(fileName));
    return m.value();
}

const Migration kFirst = migration(QStringLiteral("0001_first.sql"), "CREATE TABLE t1 (id int PRIMARY KEY);");
const Migration kSecond = migration(QStringLiteral("0002_second.sql"), "CREATE TABLE t2 (id int); INSERT INTO t2 VALUES (1);");
const Migration kThird = migration(QStringLiteral("0003_third.sql"), "CREATE TABLE t3 (id int);");
const Migration kBroken = migration(QStringLiteral("0004_broken.sql"), "CREATE TABLE t4 (id int); SELECT * FROM no_such_table;");

qint64 scalar(PgConnection &c, const QString &sql)
{
    auto r = c.exec(sql);
    if (!r || r->rows() != 1)
        return -1;
    return r->toInt64(0, 0);
}

bool tableExists(PgConnection &c, const QString &name)
{
    auto r = c.exec(QStringLiteral("SELECT to_regclass($1) IS NOT NULL"), {name});
    return r && r->text(0, 0) == QLatin1String("t");
}

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void appliesInOrderAndRecordsChecksums()
    {
        // given
        ThrowawayDatabase db;
        auto owner = db.connectAs(QStringLiteral("okla_owner"));
        QVERIFY2(owner, qPrintable(owner ? QString() : owner.error().toString()));
        QStringList progress;

        // when
        auto applied = Migrator::migrate(owner.value(), [&](const QString &line) { progress << line; }, {kFirst, kSecond});

        // then
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
        QCOMPARE(applied.value(), 2);
        QVERIFY(tableExists(owner.value(), QStringLiteral("t1")) && tableExists(owner.value(), QStringLiteral("t2")));
        auto rows = owner->exec(QStringLiteral("SELECT version, name, checksum, applied_by FROM public.schema_migrations ORDER BY version"));
        QVERIFY(rows);
        QCOMPARE(rows->rows(), 2);
        QCOMPARE(rows->text(1, 1), QStringLiteral("second"));
        QCOMPARE(rows->text(1, 2), kSecond.checksum);
        QCOMPARE(kSecond.checksum.size(), 64);
        QCOMPARE(rows->text(0, 3), QStringLiteral("okla_owner"));
        QVERIFY(progress.size() >= 2);
        QVERIFY(Migrator::checkCompatible(owner.value(), {kFirst, kSecond}));
    }

    void reapplyingChangesNothing()
    {
        // given
        ThrowawayDatabase db;
        auto owner = db.connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner);
        QVERIFY(Migrator::migrate(owner.value(), {}, {kFirst, kSecond}));
        const QString before = owner->exec(QStringLiteral("SELECT string_agg(applied_at::text, ',') FROM public.schema_migrations"))->text(0, 0);

        // when
        auto again = Migrator::migrate(owner.value(), {}, {kFirst, kSecond});

        // then
        QVERIFY(again);
        QCOMPARE(again.value(), 0);
        QCOMPARE(scalar(owner.value(), QStringLiteral("SELECT count(*) FROM t2")), 1);
        QCOMPARE(owner->exec(QStringLiteral("SELECT string_agg(applied_at::text, ',') FROM public.schema_migrations"))->text(0, 0), before);
    }

    void olderDatabaseIsRefusedUntilMigrated()
    {
        // given
        ThrowawayDatabase db;
        auto owner = db.connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner);
        const auto empty = Migrator::checkCompatible(owner.value(), {kFirst, kSecond});
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, QStringLiteral("schema.missing"));
        QVERIFY(Migrator::migrate(owner.value(), {}, {kFirst}));

        // when
        const auto older = Migrator::checkCompatible(owner.value(), {kFirst, kSecond});
        auto state = Migrator::inspect(owner.value(), {kFirst, kSecond});

        // then
        QVERIFY(!older);
        QCOMPARE(older.error().code, QStringLiteral("schema.older"));
        QVERIFY(older.error().message.contains(QStringLiteral("okla migrate")));
        QVERIFY(state);
        QCOMPARE(state->applied, 1);
        QCOMPARE(state->expected, 2);
        QCOMPARE(state->pending, QList<int>{2});
    }

    void tamperedChecksumIsRefusedAndNothingChanges()
    {
        // given: migration 1 applied, then its file edited; migration 3 is new
        ThrowawayDatabase db;
        auto owner = db.connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner);
        QVERIFY(Migrator::migrate(owner.value(), {}, {kFirst, kSecond}));
        const Migration edited = migration(QStringLiteral("0001_first.sql"), "CREATE TABLE t1 (id bigint PRIMARY KEY);");

        // when
        const auto check = Migrator::checkCompatible(owner.value(), {edited, kSecond, kThird});
        const auto migrated = Migrator::migrate(owner.value(), {}, {edited, kSecond, kThird});

        // then
        QVERIFY(!check);
        QCOMPARE(check.error().code, QStringLiteral("schema.tampered"));
        QVERIFY(check.error().message.contains(QStringLiteral("0001_first.sql")));
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().code, QStringLiteral("schema.tampered"));
        QVERIFY(!tableExists(owner.value(), QStringLiteral("t3")));
        QCOMPARE(scalar(owner.value(), QStringLiteral("SELECT count(*) FROM public.schema_migrations")), 2);
        QCOMPARE(owner->exec(QStringLiteral("SELECT checksum FROM public.schema_migrations WHERE version = 1"))->text(0, 0), kFirst.checksum);
    }

    void newerDatabaseIsRefused()
    {
        // given: a database migrated by a newer program (3 migrations); this one knows 2
        ThrowawayDatabase db;
        auto owner = db.connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner);
        QVERIFY(Migrator::migrate(owner.value(), {}, {kFirst, kSecond, kThird}));

        // when
        const auto check = Migrator::checkCompatible(owner.value(), {kFirst, kSecond});
        const auto migrated = Migrator::migrate(owner.value(), {}, {kFirst, kSecond});

        // then
        QVERIFY(!check);
        QCOMPARE(check.error().code, QStringLiteral("schema.newer"));
        QVERIFY(check.error().message.contains(QStringLiteral("install the newer OKLA Admin")));
        QVERIFY(!migrated);
        QCOMPARE(scalar(owner.value(), QStringLiteral("SELECT count(*) FROM public.schema_migrations")), 3);
    }

    void failingMigrationAppliesNothing()
    {
        // given: 1 applied; 2, 3 fine and 4 broken are pending
        ThrowawayDatabase db;
        auto owner = db.connectAs(QStringLiteral("okla_owner"));
        QVERIFY(owner);
        QVERIFY(Migrator::migrate(owner.value(), {}, {kFirst}));

        // when
        const auto migrated = Migrator::migrate(owner.value(), {}, {kFirst, kSecond, kThird, kBroken});

        // then: all or nothing
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().code, QStringLiteral("schema.apply"));
        QVERIFY(migrated.error().message.contains(QStringLiteral("0004_broken.sql")));
        QVERIFY(!tableExists(owner.value(), QStringLiteral("t2")));
        QVERIFY(!tableExists(owner.value(), QStringLiteral("t3")));
        QVERIFY(!tableExists(owner.value(), QStringLiteral("t4")));
        QCOMPARE(scalar(owner.value(), QStringLiteral("SELECT max(version) FROM public.schema_migrations")), 1);
        // the connection is usable again afterwards (the transaction was rolled back)
        QVERIFY(Migrator::migrate(owner.value(), {}, {kFirst, kSecond}));
    }

    void twoMigratorsDoNotRace()
    {
        // given: two owners racing on one empty database
        ThrowawayDatabase db;
        auto a = db.connectAs(QStringLiteral("okla_owner"));
        auto b = db.connectAs(QStringLiteral("okla_owner"));
        QVERIFY(a && b);
        const QList<Migration> all{kFirst, kSecond, kThird};
        okla::models::Result<int> ra = 0, rb = 0;

        // when
        std::thread ta([&] { ra = Migrator::migrate(a.value(), {}, all); });
        std::thread tb([&] { rb = Migrator::migrate(b.value(), {}, all); });
        ta.join();
        tb.join();

        // then: one applied everything, the other found nothing to do, no error
        QVERIFY2(ra, qPrintable(ra ? QString() : ra.error().toString()));
        QVERIFY2(rb, qPrintable(rb ? QString() : rb.error().toString()));
        QCOMPARE(ra.value() + rb.value(), 3);
        QCOMPARE(scalar(a.value(), QStringLiteral("SELECT count(*) FROM t2")), 1);
    }

    void staffRoleCanCheckButNotMigrate()
    {
        // given: the fixture's real database, migrated by okla-sandbox up with the embedded migrations
        auto ana = okla::tests::connectAs(QStringLiteral("ana"));
        QVERIFY2(ana, qPrintable(ana ? QString() : ana.error().toString()));
        QVERIFY(!Migrator::embedded().isEmpty());

        // when
        const auto check = Migrator::checkCompatible(ana.value());
        const auto migrated = Migrator::migrate(ana.value(), {}, Migrator::embedded() + QList<Migration>{migration(QStringLiteral("9999_extra.sql"), "SELECT 1;")});

        // then
        QVERIFY2(check, qPrintable(check ? QString() : check.error().toString()));
        QVERIFY(!migrated);
        QVERIFY(okla::tests::connectAs(QStringLiteral("ana"))->exec(QStringLiteral("SELECT count(*) FROM public.schema_migrations WHERE version = 9999"))->text(0, 0) == QLatin1String("0"));
    }

    void badFileNamesAreRejected()
    {
        QVERIFY(!Migrator::fromFile(QStringLiteral("1_short.sql"), "SELECT 1"));
        QVERIFY(!Migrator::fromFile(QStringLiteral("0000_zero.sql"), "SELECT 1"));
        QVERIFY(!Migrator::fromFile(QStringLiteral("0005 spaces.sql"), "SELECT 1"));
        QCOMPARE(Migrator::fromFile(QStringLiteral("0012_ok_name.sql"), "SELECT 1")->version, 12);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
