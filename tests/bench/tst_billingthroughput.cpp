// Charges per second of okla-worker's billing run (docs/worker.md §18) against the simulators: N
// AZUL subscriptions due on one day, billed by real okla-worker processes (one at its default
// concurrency 4, one at 16, two at 4) with 0 ms and 100 ms of AZUL latency injected. Prints the
// median charges/s of three runs, the slowest run's (the low 5th percentile of the rates) and the
// targets of the worker issue: at 100 ms, 0.8 × executors / 0.1 s; two workers ≥ 1.6 × one.
// Figures, not assertions: only "every subscription charged exactly once" stops the bench.
#include <algorithm>

#include <QElapsedTimer>
#include <QTest>

#include "integration/workertestbed.h"

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

struct Case
{
    int latencyMs;
    int workers;
    int concurrency;
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<int>(int(values.size() * p), int(values.size()) - 1));
}

} // namespace

class TestBillingThroughput : public QObject
{
    Q_OBJECT

    okla::tests::WorkerTestbed m_bed;
    const int m_subscriptions = envInt("OKLA_BENCH_SUBSCRIPTIONS", 400);
    const int m_rounds = envInt("OKLA_BENCH_ROUNDS", 3);
    QDate m_day{2026, 12, 1};

    /// One billing run of a new day's subscriptions by `c.workers` workers: charges per second
    /// from the request to its end.
    double billOnce(const Case &c)
    {
        m_day = m_day.addDays(1);
        if (!m_bed.addDueSubscriptions(m_day, m_subscriptions))
            qFatal("the AZUL simulator made no DataVault token");
        auto workers = m_bed.startWorkers(c.workers, c.concurrency);
        if (workers.empty())
            qFatal("okla-worker did not start");
        const qint64 before = charged();
        QElapsedTimer clock;
        clock.start();
        const qint64 run = m_bed.askForRun(m_day);
        const QString state = m_bed.waitForRequest(run, 600'000);
        const double seconds = double(clock.elapsed()) / 1000.0;
        for (auto &worker : workers) {
            worker->terminate();
            for (const QByteArray &line : worker->log().split('\n')) // a warning explains a failure below
                if (line.contains(" warning: "))
                    qWarning("%s", line.constData());
        }
        if (state != QLatin1String("succeeded"))
            qFatal("billing run %lld did not succeed (%s)", run, qPrintable(state));
        const qint64 charges = charged() - before;
        if (charges != m_subscriptions) // every period charged, none twice
            qFatal("%lld charges for %d subscriptions", charges, m_subscriptions);
        return double(charges) / seconds;
    }

    qint64 charged() { return m_bed.fx().number(QStringLiteral("SELECT count(*) FROM charges WHERE state = 'succeeded'")); }

private slots:
    void initTestCase()
    {
        const QString error = m_bed.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void chargesPerSecond()
    {
        QTextStream out(stdout);
        out << QStringLiteral("\n%1 due AZUL subscriptions per run, %2 runs per row (okla-worker processes, real PostgreSQL)\n")
                   .arg(m_subscriptions).arg(m_rounds);
        out << "latency  workers x C | charges/s median  slowest (p95) | target charges/s | ratio\n";
        QHash<int, double> oneWorkerAt4; // latency -> median charges/s
        for (const Case &c : {Case{0, 1, 4}, Case{0, 1, 16}, Case{0, 2, 4}, Case{100, 1, 4}, Case{100, 1, 16}, Case{100, 2, 4}}) {
            m_bed.fx().sim().control(true, "DELETE", QStringLiteral("/_sim/faults"));
            if (c.latencyMs > 0)
                m_bed.fx().sim().addFault(true, {{"operation", "Sale"}, {"kind", "latency"}, {"latency_ms", c.latencyMs}, {"probability", 1.0}});
            QList<double> rates;
            for (int round = 0; round < m_rounds; ++round)
                rates.append(billOnce(c));
            const double median = percentile(rates, 0.5);
            if (c.workers == 1 && c.concurrency == 4)
                oneWorkerAt4.insert(c.latencyMs, median);
            double target = 0;
            if (c.workers == 2)
                target = 1.6 * oneWorkerAt4.value(c.latencyMs);
            else if (c.latencyMs == 100)
                target = 0.8 * c.concurrency / 0.1;
            out << QStringLiteral("%1 ms   %2 x %3 | %4  %5 | %6 | %7\n")
                       .arg(c.latencyMs, 3).arg(c.workers, 7).arg(c.concurrency, 2)
                       .arg(median, 16, 'f', 1).arg(percentile(rates, 0.05), 14, 'f', 1)
                       .arg(target > 0 ? QString::number(target, 'f', 1) : QStringLiteral("-"), 16)
                       .arg(target > 0 ? QString::number(median / target, 'f', 2) : QStringLiteral("-"), 5);
            out.flush();
        }
        m_bed.fx().sim().control(true, "DELETE", QStringLiteral("/_sim/faults"));
    }
};

QTEST_GUILESS_MAIN(TestBillingThroughput)
#include "tst_billingthroughput.moc"
