// A billing run cut into slices (docs/worker.md §18) by real okla-worker processes against a
// throwaway database and the simulators: the slices spread over two workers, every due period is
// charged exactly once (the simulator's effects equal the database's charges), the run's result
// adds the slices up, and a second run of the same day charges nothing.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "integration/workertestbed.h"

namespace {

constexpr int kSubscriptions = 120; // twelve slices: one per 10 due
const QDate kDay(2026, 11, 30);

} // namespace

class TestSlicedBillingRun : public QObject
{
    Q_OBJECT

    okla::tests::WorkerTestbed m_bed;

    qint64 number(const QString &sql, const QVariantList &params = {}) { return m_bed.fx().number(sql, params); }
    QJsonObject resultOf(qint64 request)
    {
        return QJsonDocument::fromJson(m_bed.fx().text(QStringLiteral("SELECT result::text FROM worker_requests WHERE id = $1"),
                                                       {request}).toUtf8()).object();
    }

private slots:
    void initTestCase()
    {
        const QString error = m_bed.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_bed.addDueSubscriptions(kDay, kSubscriptions));
        // each charge takes a moment, so both workers find slices to claim
        m_bed.fx().sim().addFault(true, {{"operation", "Sale"}, {"kind", "latency"}, {"latency_ms", 40}, {"probability", 1.0}});
    }

    void cleanupTestCase() { m_bed.fx().sim().control(true, "DELETE", QStringLiteral("/_sim/faults")); }

    void twoWorkersShareTheSlicesAndChargeEachPeriodOnce()
    {
        // given two workers with two executors each
        auto workers = m_bed.startWorkers(2, 2);
        QCOMPARE(int(workers.size()), 2);
        // when finance asks for the day's billing run
        const qint64 run = m_bed.askForRun(kDay);
        QVERIFY(run > 0);
        const QString state = m_bed.waitForRequest(run, 180'000);
        for (auto &worker : workers) // a warning here explains a failure below
            for (const QByteArray &line : worker->log().split('\n'))
                if (line.contains(" warning: "))
                    qWarning("%s", line.constData());
        // then it succeeds after its slices, which both workers billed
        QVERIFY2(state == QLatin1String("succeeded"),
                 qPrintable(m_bed.fx().text(QStringLiteral("SELECT error FROM worker_requests WHERE id = $1"), {run})));
        const QString slicesOfRun = QStringLiteral("kind = 'billing_slice' AND (params->>'parent')::bigint = $1");
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM worker_requests WHERE ") + slicesOfRun, {run}), 12);
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM worker_requests WHERE state = 'succeeded' AND ") + slicesOfRun, {run}), 12);
        QCOMPARE(number(QStringLiteral("SELECT count(DISTINCT claimed_by) FROM worker_requests WHERE ") + slicesOfRun, {run}), 2);
        // and every due period was charged exactly once, at the simulator as in the database
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM charges WHERE state = 'succeeded'")), kSubscriptions);
        QCOMPARE(number(QStringLiteral("SELECT count(DISTINCT invoice_id) FROM charges WHERE state = 'succeeded'")), kSubscriptions);
        QCOMPARE(m_bed.fx().sim().counters(true).value(QStringLiteral("operations")).toObject()
                     .value(QStringLiteral("Sale")).toObject().value(QStringLiteral("effects")).toInt(),
                 kSubscriptions);
        const QString unmoved = m_bed.fx().text(QStringLiteral("SELECT string_agg(id || ' ' || status || ' ' || coalesce(next_charge_on::text, '-'), ', ')"
                                                              " FROM subscriptions WHERE next_charge_on <= $1"),
                                                {kDay.toString(Qt::ISODate)});
        QVERIFY2(unmoved.isEmpty(), qPrintable(QStringLiteral("not moved on: ") + unmoved));
        // and the run's result adds the slices up
        const QJsonObject result = resultOf(run);
        QCOMPARE(result.value(QStringLiteral("slices")).toInt(), 12);
        QCOMPARE(result.value(QStringLiteral("charged")).toInt(), kSubscriptions);
        QCOMPARE(result.value(QStringLiteral("due")).toInt(), kSubscriptions);
        QVERIFY(result.contains(QStringLiteral("kpi")));

        // when the same day is billed again
        const qint64 again = m_bed.askForRun(kDay);
        QCOMPARE(m_bed.waitForRequest(again, 60'000), QStringLiteral("succeeded"));
        // then nothing more is charged
        QCOMPARE(resultOf(again).value(QStringLiteral("charged")).toInt(), 0);
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM charges")), kSubscriptions);
        for (auto &worker : workers)
            QCOMPARE(worker->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSlicedBillingRun)
#include "tst_slicedbillingrun.moc"
