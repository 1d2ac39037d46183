// The audit log, attacked (docs/security.md §5): forged appends as staff and the worker, the owner
// rewriting a row and recomputing the chain, cutting the tail, replacing audit_verify() with a
// stub. Each attack runs as the role that tries it; `okla audit verify` (the chain recomputed in
// the program, checked against signed checkpoints) and `okla schema check` must catch it.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include "harness/testenv.h"
#include "models/audit/auditcanonical.h"
#include "services/audit/auditchainverifier.h"
#include "services/audit/auditsigning.h"
#include "services/database/migrator.h"

using okla::models::AuditRow;
using okla::services::AuditChainVerifier;
using okla::services::Migrator;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;
using okla::tests::outcome;

namespace {

qint64 scalar(PgConnection &connection, const QString &sql)
{
    auto r = connection.exec(sql);
    return r && r->rows() == 1 ? r->toInt64(0, 0) : -1;
}

/// A migrated throwaway database with its own profile (checkpoint folder, public key) and a
/// credentials folder holding the matching audit-signing.key.
struct AuditDatabase
{
    std::unique_ptr<ThrowawayDatabase> db;
    QTemporaryDir dir;
    QString profileName;
    QString credentialsDir;
    QString checkpointDir;
    QString publicKey;

    PgConnection as(const QString &role) const { return db->open(role); }

    okla::tests::ProgramRun okla(QStringList args, const QString &user) const
    {
        args << QStringLiteral("--profile") << profileName << QStringLiteral("--user") << user;
        QProcessEnvironment env;
        env.insert(QStringLiteral("OKLA_CREDENTIALS_DIR"), credentialsDir);
        return okla::tests::runProgram(QStringLiteral("okla"), args, env);
    }

    ~AuditDatabase() { QFile::remove(okla::services::ConnectionProfile::pathFor(profileName)); }
};

} // namespace

class TestAuditAttacks : public QObject
{
    Q_OBJECT

private:
    QStringList m_logins; ///< logins this test made (roles are cluster-wide: dropped at the end)
    QString m_worker;

    // Migrations up to 11 first, so the log starts with rows of canonical form version 0.
    std::unique_ptr<AuditDatabase> makeDatabase()
    {
        auto a = std::make_unique<AuditDatabase>();
        a->db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_auditattacks"));
        PgConnection owner = a->as(QStringLiteral("okla_owner"));
        QList<okla::services::Migration> early;
        for (const auto &m : Migrator::embedded())
            if (m.version <= 11)
                early << m;
        if (!Migrator::migrate(owner, {}, early))
            qFatal("early migrations failed");
        for (const auto &[login, role] : {std::pair{"admin", "admin"}, std::pair{"ana", "finance"},
                                          std::pair{"marco", "manager"}, std::pair{"sofia", "support"}}) {
            if (!okla::tests::createStaff(*a->db, QString::fromLatin1(login), QStringLiteral("Test %1").arg(login),
                                          QString::fromLatin1(role)))
                qFatal("createStaff failed");
        }
        auto migrated = Migrator::migrate(owner);
        if (!migrated)
            qFatal("migrate: %s", qPrintable(migrated.error().toString()));
        auto su = a->as(QStringLiteral("postgres"));
        if (!su.execScript(QStringLiteral("GRANT okla_worker TO %1").arg(m_worker)))
            qFatal("worker login");

        auto pair = okla::services::AuditSigning::generate();
        if (!pair)
            qFatal("keygen");
        a->publicKey = pair->publicKey;
        a->credentialsDir = a->dir.filePath(QStringLiteral("credentials"));
        a->checkpointDir = a->dir.filePath(QStringLiteral("checkpoints"));
        QDir().mkpath(a->credentialsDir);
        QDir().mkpath(a->checkpointDir);
        QFile::setPermissions(a->credentialsDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QFile::setPermissions(a->checkpointDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QSaveFile key(a->credentialsDir + QStringLiteral("/audit-signing.key"));
        if (!key.open(QIODevice::WriteOnly) || !key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || key.write(pair->privatePem) < 0 || !key.commit())
            qFatal("key file");

        auto profile = okla::tests::testProfile();
        a->profileName = QStringLiteral("auditattacks_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        profile.name = a->profileName;
        profile.pgDatabase = a->db->name();
        profile.auditCheckpointDir = a->checkpointDir;
        profile.auditPublicKey = a->publicKey;
        if (!profile.save())
            qFatal("profile");
        addRows(*a, 6);
        return a;
    }

    // Audited changes with unicode, quotes, new lines, nulls, numbers and nested JSON.
    static void addRows(const AuditDatabase &a, int count)
    {
        PgConnection admin = a.as(QStringLiteral("admin"));
        PgConnection owner = a.as(QStringLiteral("okla_owner"));
        static int day = 0;
        for (int i = 0; i < count; ++i) {
            ++day;
            if (!admin.exec(QStringLiteral("INSERT INTO fx_rates VALUES ('2030-01-01'::date + $1::int, 'USD', 'DOP', 60.123456, $2)"),
                            {day, QStringLiteral("Banco Central «ñandú» \"%1\"\n\ttab \\ 🙂").arg(i)}))
                qFatal("fx insert");
            if (!admin.exec(QStringLiteral("INSERT INTO kpi_targets (kpi, period_start, period_end, comparator, value, unit, note) "
                                           "VALUES ('t' || $1::text, '2030-01-01', '2030-03-31', '>=', 1.50, 'ratio', NULL)"), {day}))
                qFatal("kpi insert");
            // The owner's own entry point (the seeder's): nested JSON and numbers of every shape.
            auto nested = owner.exec(QStringLiteral("SELECT audit_append_as('okla_owner', now(), 'test.nested', 'test', NULL, 'ok', NULL, "
                                           "'{\"b\": [1, 2.50, -3e2, {\"z\": null, \"é\": \"\\u00e9\", \"A\": []}], \"a\": {}}', "
                                           "jsonb_build_object('n', $1::int, 'big', 123456789012345678901234567890.000001))"),
                            {day});
            if (!nested)
                qFatal("nested insert: %s", qPrintable(nested.error().toString()));
        }
    }

    static QJsonObject verifyJson(const AuditDatabase &a, int *exitCode)
    {
        const auto run = a.okla({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")},
                                QStringLiteral("marco"));
        *exitCode = run.exitCode;
        return QJsonDocument::fromJson(run.out).object();
    }

    static void checkpoint(const AuditDatabase &a, const QString &user)
    {
        const auto run = a.okla({QStringLiteral("audit"), QStringLiteral("checkpoint")}, user);
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    // The owner's attack: triggers off, row `seq` rewritten, every hash after it recomputed in SQL.
    static void rewriteAndRechain(const AuditDatabase &a, qint64 seq)
    {
        PgConnection owner = a.as(QStringLiteral("okla_owner"));
        QVERIFY(owner.execScript(QStringLiteral(
            "ALTER TABLE audit_log DISABLE TRIGGER USER;"
            "UPDATE audit_log SET actor = 'marco', after = after || '{\"approved_by\": 3}' WHERE seq = %1;"
            "DO $$ DECLARE r audit_log; v_prev bytea; BEGIN"
            "  SELECT prev_hash INTO v_prev FROM audit_log WHERE seq = %1;"
            "  FOR r IN SELECT * FROM audit_log WHERE seq >= %1 ORDER BY seq LOOP"
            "    r.prev_hash := v_prev; r.hash := audit_row_hash(v_prev, r);"
            "    UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE seq = r.seq; v_prev := r.hash;"
            "  END LOOP;"
            "  UPDATE audit_head SET hash = v_prev; END $$;"
            "ALTER TABLE audit_log ENABLE TRIGGER USER;").arg(seq)).ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        QVERIFY(su.ok());
        m_worker = QStringLiteral("aa_worker_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        m_logins << m_worker;
        QVERIFY(su->execScript(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_worker)).ok());
    }

    void cleanupTestCase()
    {
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        QVERIFY(su.ok());
        for (const QString &login : std::as_const(m_logins))
            QVERIFY(su->execScript(QStringLiteral("DROP ROLE IF EXISTS %1").arg(login)).ok());
    }

    void forgedAppendsAreRefused()
    {
        auto a = makeDatabase();
        PgConnection owner = a->as(QStringLiteral("okla_owner"));
        const qint64 before = scalar(owner, QStringLiteral("SELECT count(*) FROM audit_log"));
        // when support, finance, an admin and the worker try to append a row of their choosing
        for (const QString &role : {QStringLiteral("sofia"), QStringLiteral("ana"), QStringLiteral("admin"), m_worker}) {
            PgConnection c = a->as(role);
            QCOMPARE(outcome(c, QStringLiteral("SELECT audit_append('refunds.update', 'refunds', '1', 'ok', NULL, NULL, "
                                               "'{\"state\": \"approved\", \"approved_by\": 3}')")),
                     QStringLiteral("42501"));
            QCOMPARE(outcome(c, QStringLiteral("SELECT audit_append_as('luis', now(), 'staff.update', 'staff', '1', 'ok', "
                                               "NULL, NULL, NULL)")),
                     QStringLiteral("42501"));
            QCOMPARE(outcome(c, QStringLiteral("INSERT INTO audit_log (seq, occurred_at, actor, action, entity, result, "
                                               "prev_hash, hash) VALUES (999, now(), 'x', 'x', 'x', 'ok', '\\x00', '\\x00')")),
                     QStringLiteral("42501"));
        }
        // then nothing was appended
        QCOMPARE(scalar(owner, QStringLiteral("SELECT count(*) FROM audit_log")), before);
    }

    void databaseAndProgramHashTheSameBytes()
    {
        auto a = makeDatabase();
        PgConnection reader = a->as(QStringLiteral("marco"));
        auto rows = AuditChainVerifier::readRows(reader, 0, 100000);
        QVERIFY(rows.ok());
        QVERIFY(rows->size() > 20);
        int v0 = 0;
        QByteArray prev(32, '\0');
        for (const AuditRow &row : rows.value()) {
            v0 += row.canonicalVersion == 0;
            auto sql = reader.exec(QStringLiteral(
                "SELECT encode(convert_to(CASE canonical_version WHEN 0 THEN audit_canonical(seq, occurred_at, actor, "
                "actor_staff_id, action, entity, entity_id, result, reason, before, after) ELSE audit_canonical_v1(seq, "
                "occurred_at, actor, actor_staff_id, action, entity, entity_id, result, reason, before, after) END, 'UTF8'), "
                "'hex') FROM audit_log WHERE seq = $1"), {row.seq});
            QVERIFY(sql.ok());
            const QByteArray program = okla::models::AuditCanonical::canonicalRow(row).value();
            QCOMPARE(program, QByteArray::fromHex(sql->bytes(0, 0)));
            QCOMPARE(okla::models::AuditCanonical::chainHash(prev, row).value().toHex(), row.hash.toHex());
            prev = row.hash;
        }
        QVERIFY2(v0 > 0, "rows written before migration 13 are checked too");
        QVERIFY2(v0 < rows->size(), "rows of canonical form version 1 are checked");
    }

    void intactLogVerifiesAgainstCheckpoints()
    {
        auto a = makeDatabase();
        checkpoint(*a, m_worker);
        addRows(*a, 2);
        checkpoint(*a, m_worker);
        int exitCode = -1;
        const QJsonObject json = verifyJson(*a, &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(json.value(QStringLiteral("intact")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("checkpoints_checked")).toInt(), 2);
    }

    void rewriteAndRechainIsDetected()
    {
        auto a = makeDatabase();
        checkpoint(*a, m_worker);
        PgConnection owner = a->as(QStringLiteral("okla_owner"));
        const qint64 firstCheckpoint = scalar(owner, QStringLiteral("SELECT seq FROM audit_head"));
        addRows(*a, 3);
        checkpoint(*a, m_worker);
        const qint64 victim = firstCheckpoint + 4;
        // when the owner rewrites a row and recomputes the chain after it
        rewriteAndRechain(*a, victim);
        // then the database's own check is fooled, the program is not: it names the row
        auto sqlVerify = owner.exec(QStringLiteral("SELECT first_bad_seq IS NULL FROM audit_verify()"));
        QVERIFY(sqlVerify.ok());
        QCOMPARE(sqlVerify->text(0, 0), QStringLiteral("t"));
        int exitCode = -1;
        const QJsonObject json = verifyJson(*a, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(json.value(QStringLiteral("intact")).toBool(), false);
        QCOMPARE(qint64(json.value(QStringLiteral("first_bad_seq")).toDouble()), victim);
        QVERIFY(json.value(QStringLiteral("problems")).toArray().first().toString().contains(QString::number(victim)));
        // and a checkpoint of the rewritten log is refused
        const auto run = a->okla({QStringLiteral("audit"), QStringLiteral("checkpoint")}, m_worker);
        QCOMPARE(run.exitCode, 1);
    }

    void cutTailIsDetected()
    {
        auto a = makeDatabase();
        checkpoint(*a, m_worker);
        PgConnection owner = a->as(QStringLiteral("okla_owner"));
        const qint64 head = scalar(owner, QStringLiteral("SELECT seq FROM audit_head"));
        // when the owner deletes the last two rows and moves the head back
        QVERIFY(owner.execScript(QStringLiteral(
            "ALTER TABLE audit_log DISABLE TRIGGER USER;"
            "DELETE FROM audit_log WHERE seq > %1 - 2;"
            "UPDATE audit_head SET seq = %1 - 2, hash = (SELECT hash FROM audit_log WHERE seq = %1 - 2);"
            "ALTER TABLE audit_log ENABLE TRIGGER USER;").arg(head)).ok());
        // then the chain alone looks intact, but the checkpoint says rows are missing
        int exitCode = -1;
        const QJsonObject json = verifyJson(*a, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(qint64(json.value(QStringLiteral("first_bad_seq")).toDouble()), head - 1);
        const QString problem = json.value(QStringLiteral("problems")).toArray().first().toString();
        QVERIFY2(problem.contains(QString::number(head - 1)) && problem.contains(QString::number(head)), qPrintable(problem));
    }

    void stubbedVerifyFoolsNeitherVerifyNorSchemaCheck()
    {
        auto a = makeDatabase();
        PgConnection owner = a->as(QStringLiteral("okla_owner"));
        // when the owner changes a row (no rechain) and replaces audit_verify() with a stub
        QVERIFY(owner.execScript(QStringLiteral(
            "ALTER TABLE audit_log DISABLE TRIGGER USER;"
            "UPDATE audit_log SET actor = 'marco' WHERE seq = 5;"
            "ALTER TABLE audit_log ENABLE TRIGGER USER;"
            "CREATE OR REPLACE FUNCTION audit_verify(OUT first_bad_seq bigint, OUT rows_checked bigint, OUT problem text) "
            "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public "
            "AS $$ SELECT NULL::bigint, count(*), NULL::text FROM audit_log $$;")).ok());
        auto stub = owner.exec(QStringLiteral("SELECT first_bad_seq IS NULL FROM audit_verify()"));
        QVERIFY(stub.ok());
        QCOMPARE(stub->text(0, 0), QStringLiteral("t"));
        // then `okla audit verify` recomputes the chain itself and names row 5
        int exitCode = -1;
        const QJsonObject json = verifyJson(*a, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(qint64(json.value(QStringLiteral("first_bad_seq")).toDouble()), 5);
        // and `okla schema check` reports the replaced body
        const auto check = a->okla({QStringLiteral("schema"), QStringLiteral("check")}, QStringLiteral("marco"));
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains("audit_verify"), check.err.constData());
    }

    void schemaCheckPassesOnAnUntouchedDatabase()
    {
        auto a = makeDatabase();
        const auto check = a->okla({QStringLiteral("schema"), QStringLiteral("check")}, QStringLiteral("marco"));
        QVERIFY2(check.exitCode == 0, check.err.constData());
    }

    void checkpointNeedsAClosedFolderAndTheProfilesKey()
    {
        auto a = makeDatabase();
        // a folder others may write is refused (they could replace checkpoints)
        QVERIFY(QFile::setPermissions(a->checkpointDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                            | QFileDevice::ExeOwner | QFileDevice::WriteOther
                                                            | QFileDevice::ExeOther | QFileDevice::ReadOther));
        auto open = a->okla({QStringLiteral("audit"), QStringLiteral("checkpoint")}, m_worker);
        QCOMPARE(open.exitCode, 1);
        QVERIFY2(open.err.contains("chmod go-w"), open.err.constData());
        QVERIFY(QFile::setPermissions(a->checkpointDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                            | QFileDevice::ExeOwner));
        // a signing key whose public half is not the profile's is refused, and nothing is written
        auto other = okla::services::AuditSigning::generate();
        QVERIFY(other.ok());
        QSaveFile key(a->credentialsDir + QStringLiteral("/audit-signing.key"));
        QVERIFY(key.open(QIODevice::WriteOnly) && key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                && key.write(other->privatePem) > 0 && key.commit());
        auto mismatch = a->okla({QStringLiteral("audit"), QStringLiteral("checkpoint")}, m_worker);
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY(QDir(a->checkpointDir).entryList(QDir::Files).isEmpty());
    }

    void checkpointSignedByAnotherKeyIsRejected()
    {
        auto a = makeDatabase();
        checkpoint(*a, m_worker);
        // when someone who can write the folder but lacks the key puts a checkpoint of their own there
        auto other = okla::services::AuditSigning::generate();
        QVERIFY(other.ok());
        QDir dir(a->checkpointDir);
        const QString original = dir.entryList({QStringLiteral("*.json")}).first();
        QFile file(dir.filePath(original));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject forged = QJsonDocument::fromJson(file.readAll()).object();
        forged.insert(QStringLiteral("signature"),
                      QString::fromLatin1(okla::services::AuditSigning::sign(other->privatePem, "x").value().toBase64()));
        QFile out(dir.filePath(QStringLiteral("audit-checkpoint-999999999999-forged.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(forged).toJson());
        out.close();
        int exitCode = -1;
        const QJsonObject json = verifyJson(*a, &exitCode);
        QCOMPARE(exitCode, 1);
        QVERIFY(json.value(QStringLiteral("problems")).toArray().first().toString().contains(QStringLiteral("forged")));
    }
};

QTEST_GUILESS_MAIN(TestAuditAttacks)
#include "tst_auditattacks.moc"
