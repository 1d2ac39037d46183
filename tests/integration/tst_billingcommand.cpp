// `okla billing run|status` and `okla reconcile` as an operator runs them: the real CLI against the
// fixture's database. They only insert a worker request and follow it (docs/domain.md §22); whether
// the worker carries it out is the worker's tests' business.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include "harness/testenv.h"

using okla::tests::ProgramRun;
using okla::tests::runProgram;

class TestBillingCommand : public QObject
{
    Q_OBJECT

private:
    static ProgramRun okla(const QStringList &args, const QString &user)
    {
        return runProgram(QStringLiteral("okla"), args + QStringList{QStringLiteral("--user"), user});
    }

    static QJsonObject json(const ProgramRun &run) { return QJsonDocument::fromJson(run.out).object(); }

    static QStringList billingRun(const QString &date, const QString &key)
    {
        return {QStringLiteral("billing"), QStringLiteral("run"), QStringLiteral("--date"), date,
                QStringLiteral("--idempotency-key"), key, QStringLiteral("--no-wait"), QStringLiteral("--json")};
    }

private slots:
    void aRepeatedKeyReturnsTheFirstRequest()
    {
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const ProgramRun first = okla(billingRun(QStringLiteral("2026-11-02"), key), QStringLiteral("ana"));
        QCOMPARE(first.exitCode, 0);
        const QJsonObject request = json(first).value(QStringLiteral("request")).toObject();
        QCOMPARE(request.value(QStringLiteral("kind")).toString(), QStringLiteral("billing_run"));
        QCOMPARE(request.value(QStringLiteral("params")).toObject().value(QStringLiteral("date")).toString(),
                 QStringLiteral("2026-11-02"));
        const qint64 id = request.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);

        const ProgramRun again = okla(billingRun(QStringLiteral("2026-11-02"), key), QStringLiteral("ana"));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(json(again).value(QStringLiteral("request")).toObject().value(QStringLiteral("id")).toInteger(), id);

        // The same key for another day is another request: refused as bad input, nothing inserted.
        const ProgramRun other = okla(billingRun(QStringLiteral("2026-11-03"), key), QStringLiteral("ana"));
        QCOMPARE(other.exitCode, 2);
        QCOMPARE(json(other).value(QStringLiteral("code")).toString(), QStringLiteral("request.key_reused"));
        auto db = okla::tests::connectAs(QStringLiteral("postgres"));
        QVERIFY(db.ok());
        auto rows = db->exec(QStringLiteral("SELECT count(*) FROM worker_requests WHERE idem_key = $1::uuid"), {key});
        QVERIFY(rows.ok());
        QCOMPARE(rows->toInt64(0, 0), 1);
    }

    void supportMayNotAskForABillingRun()
    {
        const ProgramRun run = okla(billingRun(QStringLiteral("2026-11-02"), QUuid::createUuid().toString(QUuid::WithoutBraces)),
                                    QStringLiteral("sofia"));
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(json(run).value(QStringLiteral("code")).toString(), QStringLiteral("request.forbidden"));
    }

    void badInputChangesNothing()
    {
        const ProgramRun badDate = okla({QStringLiteral("billing"), QStringLiteral("run"), QStringLiteral("--date"),
                                         QStringLiteral("2026-02-30"), QStringLiteral("--no-wait")},
                                        QStringLiteral("ana"));
        QCOMPARE(badDate.exitCode, 2);
        const ProgramRun badKey = okla({QStringLiteral("reconcile"), QStringLiteral("--idempotency-key"),
                                        QStringLiteral("not-a-uuid"), QStringLiteral("--no-wait")},
                                       QStringLiteral("ana"));
        QCOMPARE(badKey.exitCode, 2);
        QVERIFY(badKey.err.contains("UUID"));
    }

    void reconcileIsAskedForLikeABillingRun()
    {
        const ProgramRun run = okla({QStringLiteral("reconcile"), QStringLiteral("--date"), QStringLiteral("2026-11-02"),
                                     QStringLiteral("--no-wait"), QStringLiteral("--json")},
                                    QStringLiteral("marco"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(json(run).value(QStringLiteral("request")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("reconcile"));
    }

    void statusCountsWhatIsOpen()
    {
        okla(billingRun(QStringLiteral("2026-11-04"), QUuid::createUuid().toString(QUuid::WithoutBraces)),
             QStringLiteral("ana"));
        const ProgramRun run = okla({QStringLiteral("billing"), QStringLiteral("status"), QStringLiteral("--json")},
                                    QStringLiteral("marco"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject status = json(run);
        QVERIFY(status.value(QStringLiteral("ok")).toBool());
        QVERIFY(status.contains(QStringLiteral("due_subscriptions")));
        QVERIFY(status.value(QStringLiteral("last_run")).toObject().value(QStringLiteral("id")).toInteger() > 0);
        // The seed's history leaves subscriptions due or in dunning; the counts agree with the tables.
        auto db = okla::tests::connectAs(QStringLiteral("postgres"));
        QVERIFY(db.ok());
        auto dunning = db->exec(QStringLiteral("SELECT count(*) FROM subscriptions WHERE dunning_started_on IS NOT NULL "
                                               "AND status IN ('past_due', 'suspended')"));
        QVERIFY(dunning.ok());
        QCOMPARE(status.value(QStringLiteral("in_dunning")).toInteger(), dunning->toInt64(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestBillingCommand)
#include "tst_billingcommand.moc"
