// A worker killed with SIGKILL in the middle of a sliced billing run (docs/worker.md §5, §16,
// §18): the survivor takes back the dead worker's slices once its heartbeat is stale, the charge
// that was in flight is resumed from its recovery point when its lease runs out (made to run out
// here), and every due period ends charged exactly once: the AZUL simulator's sale effects equal
// the database's charges, and no subscription is left behind.
#include <csignal>

#include <QTest>

#include "integration/workertestbed.h"

namespace {

constexpr int kSubscriptions = 150; // fifteen slices
const QDate kDay(2026, 11, 29);

} // namespace

class TestBillingCrash : public QObject
{
    Q_OBJECT

    okla::tests::WorkerTestbed m_bed;

    qint64 number(const QString &sql, const QVariantList &params = {}) { return m_bed.fx().number(sql, params); }
    int azulSales()
    {
        return m_bed.fx().sim().counters(true).value(QStringLiteral("operations")).toObject().value(QStringLiteral("Sale"))
            .toObject().value(QStringLiteral("effects")).toInt();
    }
    bool waitUntil(const std::function<bool()> &done, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            if (done())
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        const QString error = m_bed.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_bed.addDueSubscriptions(kDay, kSubscriptions));
        // slow enough that the killed worker dies holding slices and a charge in flight
        m_bed.fx().sim().addFault(true, {{"operation", "Sale"}, {"kind", "latency"}, {"latency_ms", 60}, {"probability", 1.0}});
    }

    void cleanupTestCase() { m_bed.fx().sim().control(true, "DELETE", QStringLiteral("/_sim/faults")); }

    void aKilledWorkersPeriodsAreChargedOnceBySurvivor()
    {
        // given two workers billing the day
        auto workers = m_bed.startWorkers(2, 2);
        QCOMPARE(int(workers.size()), 2);
        const qint64 run = m_bed.askForRun(kDay);
        QVERIFY(run > 0);
        // when the second is killed outright once both are charging
        QVERIFY(waitUntil([&] { return number(QStringLiteral("SELECT count(*) FROM charges WHERE state = 'succeeded'")) >= 30; },
                          60'000));
        QCOMPARE(::kill(pid_t(workers[1]->pid()), SIGKILL), 0);
        QCOMPARE(workers[1]->waitForExit(10'000), -1);
        // then the survivor finishes the run once the dead one's heartbeat is stale
        const QString state = m_bed.waitForRequest(run, 240'000);
        QVERIFY2(state == QLatin1String("succeeded"),
                 qPrintable(state + u' ' + m_bed.fx().text(QStringLiteral("SELECT error FROM worker_requests WHERE id = $1"), {run})));
        // and a charge the dead worker left in flight is resumed when its lease is over
        m_bed.fx().expireLeases();
        QVERIFY2(waitUntil([&] { return number(QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE recovery_point <> 'finished'")) == 0; },
                           90'000),
                 workers[0]->log().right(2000).constData());
        // and billing the day again moves on whatever that charge paid, charging nothing
        const qint64 again = m_bed.askForRun(kDay);
        QCOMPARE(m_bed.waitForRequest(again, 120'000), QStringLiteral("succeeded"));

        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM charges WHERE state = 'succeeded'")), kSubscriptions);
        QCOMPARE(number(QStringLiteral("SELECT count(DISTINCT invoice_id) FROM charges WHERE state = 'succeeded'")), kSubscriptions);
        QCOMPARE(azulSales(), kSubscriptions); // exactly one provider effect per period
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM subscriptions WHERE next_charge_on <= $1"), {kDay.toString(Qt::ISODate)}), 0);
        QCOMPARE(workers[0]->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBillingCrash)
#include "tst_billingcrash.moc"
