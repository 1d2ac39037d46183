// Money policies need two admins (docs/security.md §14): one admin alone cannot raise the refund
// limit, change dunning or plans; a proposal applies only when another admin approves it, and
// every policy table's edits are audited. Attacks run as the admin who tries them.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "harness/testenv.h"
#include "services/database/migrator.h"

using okla::services::Migrator;
using okla::services::PgConnection;
using okla::tests::ThrowawayDatabase;
using okla::tests::outcome;

class TestPolicyChange : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    QString m_admin2;
    QString m_profile;

    PgConnection as(const QString &role) { return m_db->open(role); }

    QString limit()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        auto r = admin.exec(QStringLiteral("SELECT value::text FROM billing_policies WHERE key = 'refund_approval_limit_minor'"));
        return r ? r->text(0, 0) : QString();
    }

    qint64 auditRows(const QString &actor, const QString &action)
    {
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto r = owner.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = $1 AND action = $2"), {actor, action});
        return r ? r->toInt64(0, 0) : -1;
    }

    okla::tests::ProgramRun okla(QStringList args, const QString &user)
    {
        args << QStringLiteral("--profile") << m_profile << QStringLiteral("--user") << user;
        return okla::tests::runProgram(QStringLiteral("okla"), args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database with two admins and ana in finance
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_policychange"));
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        m_admin2 = QStringLiteral("pc_") + QUuid::createUuid().toString(QUuid::Id128).left(10);
        for (const auto &[login, role] : {std::pair{QStringLiteral("admin"), "admin"}, std::pair{m_admin2, "admin"},
                                          std::pair{QStringLiteral("ana"), "finance"}}) {
            auto made = okla::tests::createStaff(*m_db, login, QStringLiteral("Test %1").arg(login), QString::fromLatin1(role));
            QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().toString()));
        }
        auto profile = okla::tests::testProfile();
        m_profile = QStringLiteral("policychange_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        profile.name = m_profile;
        profile.pgDatabase = m_db->name();
        QVERIFY(profile.save().ok());
    }

    void cleanupTestCase()
    {
        QFile::remove(okla::services::ConnectionProfile::pathFor(m_profile));
        m_db.reset();
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        QVERIFY(su.ok());
        QVERIFY(su->execScript(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_admin2)).ok());
    }

    void oneAdminAloneCannotChangeMoneyPolicies()
    {
        const QString before = limit();
        PgConnection admin = as(QStringLiteral("admin"));
        // when an admin raises the refund limit to 10^11 directly, or edits plans and dunning
        QCOMPARE(outcome(admin, QStringLiteral("UPDATE billing_policies SET value = '{\"DOP\": 100000000000, \"USD\": "
                                               "100000000000}' WHERE key = 'refund_approval_limit_minor'")),
                 QStringLiteral("42501"));
        QCOMPARE(outcome(admin, QStringLiteral("UPDATE billing_policies SET value = '30' WHERE key = 'dunning_cancel_day'")),
                 QStringLiteral("42501"));
        QCOMPARE(outcome(admin, QStringLiteral("INSERT INTO plans VALUES ('gratis', 'Gratis', 99, 9)")), QStringLiteral("42501"));
        QCOMPARE(outcome(admin, QStringLiteral("UPDATE plan_versions SET monthly_price_minor = 0")), QStringLiteral("42501"));
        QCOMPARE(outcome(admin, QStringLiteral("DELETE FROM plan_versions")), QStringLiteral("42501"));
        // and finance tries the two-admin path
        PgConnection ana = as(QStringLiteral("ana"));
        QCOMPARE(outcome(ana, QStringLiteral("SELECT okla_policy_propose('billing_policies', 'update', "
                                             "'{\"key\": \"dunning_cancel_day\", \"value\": 30}', 'x')")),
                 QStringLiteral("42501"));
        // then nothing changed
        QCOMPARE(limit(), before);
    }

    void proposerCannotApproveTheirOwnChange()
    {
        const QString before = limit();
        PgConnection admin = as(QStringLiteral("admin"));
        auto id = admin.exec(QStringLiteral("SELECT okla_policy_propose('billing_policies', 'update', '{\"key\": "
                                            "\"refund_approval_limit_minor\", \"value\": {\"DOP\": 100000000000, \"USD\": "
                                            "100000000000}}', 'self-approval attempt')"));
        QVERIFY(id.ok());
        // when the proposer approves it
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_policy_approve($1)"), {id->toInt64(0, 0)}), QStringLiteral("42501"));
        // then it stays pending and the limit is unchanged
        auto state = admin.exec(QStringLiteral("SELECT state FROM policy_change_requests WHERE id = $1"), {id->toInt64(0, 0)});
        QCOMPARE(state->text(0, 0), QStringLiteral("pending"));
        QCOMPARE(limit(), before);
        // and the proposer may withdraw it with a reason
        QCOMPARE(outcome(admin, QStringLiteral("SELECT okla_policy_reject($1, 'withdrawn')"), {id->toInt64(0, 0)}),
                 QStringLiteral("ok"));
    }

    void anotherAdminsApprovalAppliesTheChange()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        auto id = admin.exec(QStringLiteral("SELECT okla_policy_propose('billing_policies', 'update', '{\"key\": "
                                            "\"refund_approval_limit_minor\", \"value\": {\"DOP\": 2000000, \"USD\": 40000}}', "
                                            "'Q1 volume')"));
        QVERIFY(id.ok());
        PgConnection second = as(m_admin2);
        QCOMPARE(outcome(second, QStringLiteral("SELECT okla_policy_approve($1)"), {id->toInt64(0, 0)}), QStringLiteral("ok"));
        QCOMPARE(limit(), QStringLiteral("{\"DOP\": 2000000, \"USD\": 40000}"));
        // the audit log names the proposer and the approver, the policy change under the approver
        QCOMPARE(auditRows(QStringLiteral("admin"), QStringLiteral("policy_change_requests.insert")) > 0, true);
        QCOMPARE(auditRows(m_admin2, QStringLiteral("billing_policies.update")), qint64(1));
        QCOMPARE(auditRows(m_admin2, QStringLiteral("policy_change_requests.update")), qint64(1));
        // and an approved change cannot be approved again
        QCOMPARE(outcome(second, QStringLiteral("SELECT okla_policy_approve($1)"), {id->toInt64(0, 0)}), QStringLiteral("22023"));
    }

    void cliProposesListsApprovesAndRejects()
    {
        // a new plan price through the commands, as two admins
        auto proposed = okla({QStringLiteral("policy"), QStringLiteral("propose"), QStringLiteral("--table"),
                              QStringLiteral("plan_versions"), QStringLiteral("--operation"), QStringLiteral("insert"),
                              QStringLiteral("--values"),
                              QStringLiteral("{\"plan_key\": \"pro\", \"version\": 9, \"currency\": \"DOP\", "
                                             "\"monthly_price_minor\": 123400, \"valid_from\": \"2031-01-01\"}"),
                              QStringLiteral("--reason"), QStringLiteral("2031 prices"), QStringLiteral("--json")},
                             QStringLiteral("admin"));
        QVERIFY2(proposed.exitCode == 0, proposed.err.constData());
        const qint64 id = qint64(QJsonDocument::fromJson(proposed.out).object().value(QStringLiteral("id")).toDouble());
        auto listed = okla({QStringLiteral("policy"), QStringLiteral("list"), QStringLiteral("--json")}, m_admin2);
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("changes")).toArray().size(), 1);
        auto own = okla({QStringLiteral("policy"), QStringLiteral("approve"), QStringLiteral("--id"), QString::number(id)},
                        QStringLiteral("admin"));
        QCOMPARE(own.exitCode, 1);
        QVERIFY2(own.err.contains("another admin"), own.err.constData());
        auto approved = okla({QStringLiteral("policy"), QStringLiteral("approve"), QStringLiteral("--id"), QString::number(id)},
                             m_admin2);
        QVERIFY2(approved.exitCode == 0, approved.err.constData());
        PgConnection admin = as(QStringLiteral("admin"));
        auto price = admin.exec(QStringLiteral("SELECT monthly_price_minor FROM plan_versions WHERE plan_key = 'pro' AND version = 9"));
        QCOMPARE(price->rows(), 1);
        QCOMPARE(price->toInt64(0, 0), qint64(123400));
        QCOMPARE(auditRows(m_admin2, QStringLiteral("plan_versions.insert")), qint64(1));
        // bad input is refused before the database, in one sentence
        auto bad = okla({QStringLiteral("policy"), QStringLiteral("propose"), QStringLiteral("--table"), QStringLiteral("refunds"),
                         QStringLiteral("--operation"), QStringLiteral("update"), QStringLiteral("--values"), QStringLiteral("{}"),
                         QStringLiteral("--reason"), QStringLiteral("x")},
                        QStringLiteral("admin"));
        QCOMPARE(bad.exitCode, 2);
        auto rejected = okla({QStringLiteral("policy"), QStringLiteral("reject"), QStringLiteral("--id"), QString::number(id)},
                             QStringLiteral("admin"));
        QCOMPARE(rejected.exitCode, 2); // no reason given
    }

    void everyPolicyTableIsAudited()
    {
        PgConnection admin = as(QStringLiteral("admin"));
        QVERIFY(admin.exec(QStringLiteral("INSERT INTO fx_rates VALUES ('2031-01-02', 'USD', 'DOP', 61.5, 'manual')")).ok());
        QVERIFY(admin.exec(QStringLiteral("UPDATE kpi_targets SET note = 'revised' WHERE kpi = 'dealers_subscribed' AND "
                                          "period_start = '2026-01-01'")).ok());
        QVERIFY(admin.exec(QStringLiteral("UPDATE early_bird_terms SET free_months = 4 WHERE name = 'early-bird-2026'")).ok());
        QVERIFY(admin.exec(QStringLiteral("INSERT INTO provider_costs (provider, month, amount_minor, currency, description) "
                                          "VALUES ('s3', '2031-01-01', 100, 'USD', 'storage')")).ok());
        for (const char *action : {"fx_rates.insert", "kpi_targets.update", "early_bird_terms.update", "provider_costs.insert"})
            QVERIFY2(auditRows(QStringLiteral("admin"), QString::fromLatin1(action)) == 1, action);
        PgConnection owner = as(QStringLiteral("okla_owner"));
        auto id = owner.exec(QStringLiteral("SELECT entity_id FROM audit_log WHERE action = 'fx_rates.insert'"));
        QCOMPARE(id->text(0, 0), QStringLiteral("USD/DOP/2031-01-02"));
        // plans change through an approval, audited under the approver
        auto proposal = admin.exec(QStringLiteral("SELECT okla_policy_propose('plans', 'update', '{\"key\": \"pro\", "
                                                  "\"featured_listings\": 12}', 'more listings')"));
        QVERIFY(proposal.ok());
        PgConnection second = as(m_admin2);
        QVERIFY(second.exec(QStringLiteral("SELECT okla_policy_approve($1)"), {proposal->toInt64(0, 0)}).ok());
        QCOMPARE(auditRows(m_admin2, QStringLiteral("plans.update")), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestPolicyChange)
#include "tst_policychange.moc"
