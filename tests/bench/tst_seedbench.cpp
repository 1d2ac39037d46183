// Benchmark (label bench, run on purpose): seeds 100,000 dealers x 24 months into a throwaway
// database of the test cluster and prints wall time, rows per table and rows/s.
// OKLA_SEED_BENCH_DEALERS / _MONTHS / _RUNS / _SIM=1 (also mirror into a scratch okla_sim) change it.
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>
#include <optional>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include "sandbox/seed/scratchdatabase.h"
#include "sandbox/seed/seedgenerator.h"
#include "sandbox/seed/seeder.h"
#include "services/session/connectionprofile.h"
#include "services/database/pgconnection.h"

using namespace okla;

namespace {

// CPU seconds (user + system) of a process from /proc, so that figures taken on a busy shared
// machine can be read apart from the wait for a core.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

} // namespace

class TestSeedBench : public QObject
{
    Q_OBJECT

private slots:
    void generatorAloneWithoutDatabase()
    {
        // The client side only: how fast the rows are made (the server's COPY runs beside it).
        sandbox::SeedOptions options;
        options.dealers = qEnvironmentVariableIntValue("OKLA_SEED_BENCH_DEALERS") > 0
                              ? qEnvironmentVariableIntValue("OKLA_SEED_BENCH_DEALERS") : 100000;
        options.months = qEnvironmentVariableIntValue("OKLA_SEED_BENCH_MONTHS") > 0
                             ? qEnvironmentVariableIntValue("OKLA_SEED_BENCH_MONTHS") : 24;
        QElapsedTimer timer;
        timer.start();
        sandbox::SeedGenerator generator(options, sandbox::SeedContext::defaults(), false);
        qint64 rows = 0, bytes = 0;
        generator.run([&](sandbox::SeedBatch &&batch) {
            for (const auto &t : batch.tables) {
                rows += t.rows();
                bytes += t.size();
            }
            return true;
        });
        const qint64 ms = std::max<qint64>(1, timer.elapsed());
        std::printf("generator alone: %lld rows, %.0f MB of COPY text in %.1f s (%.0f rows/s)\n", rows,
                    double(bytes) / 1e6, double(ms) / 1000.0, double(rows) * 1000.0 / double(ms));
        QVERIFY(rows > 0);
    }

    void seed100kDealers24Months()
    {
        const int dealers = qEnvironmentVariableIntValue("OKLA_SEED_BENCH_DEALERS") > 0
                                ? qEnvironmentVariableIntValue("OKLA_SEED_BENCH_DEALERS") : 100000;
        const int months = qEnvironmentVariableIntValue("OKLA_SEED_BENCH_MONTHS") > 0
                               ? qEnvironmentVariableIntValue("OKLA_SEED_BENCH_MONTHS") : 24;
        const int runs = std::max(1, qEnvironmentVariableIntValue("OKLA_SEED_BENCH_RUNS"));
        const bool mirror = qEnvironmentVariableIntValue("OKLA_SEED_BENCH_SIM") == 1;

        auto profile = services::ConnectionProfile::load();
        QVERIFY2(profile.ok(), profile.ok() ? "" : qPrintable(profile.error().toString()));
        const QString base = QStringLiteral("okla_seedbench_%1").arg(QCoreApplication::applicationPid());
        auto db = sandbox::ScratchDatabase::create(*profile, base);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().toString()));
        std::optional<sandbox::ScratchDatabase> sim;
        if (mirror) {
            auto s = sandbox::ScratchDatabase::create(*profile, base + QStringLiteral("_sim"), false);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
            sim.emplace(std::move(s).value());
        }
        auto conn = services::PgConnection::open(db->conninfo());
        QVERIFY(conn.ok());

        sandbox::SeedOptions options;
        options.dealers = dealers;
        options.months = months;
        if (sim)
            options.simConninfo = sim->conninfo();
        QList<qint64> times;
        auto backend = conn->exec(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(backend.ok());
        const qint64 backendPid = backend->toInt64(0, 0);
        for (int run = 1; run <= runs; ++run) {
            const double serverCpu0 = cpuSeconds(backendPid);
            const double clientCpu0 = selfCpuSeconds();
            const double load0 = loadAverage();
            // when: a full seed (the second and later runs replace the first, as `seed` does)
            auto report = sandbox::seedDatabaseWithReport(conn.value(), options, [](const QString &line) {
                std::printf("  %s\n", qPrintable(line));
                std::fflush(stdout);
            });
            // then
            QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
            std::printf("\nrun %d: %d dealers x %d months%s\n", run, dealers, months, sim ? " (+ simulator mirror)" : "");
            for (const auto &[table, rows] : report->rows)
                std::printf("  %-28s %10lld rows\n", qPrintable(table), rows);
            std::printf("  wall time %.1f s, %lld rows, %.0f rows/s\n\n", double(report->elapsedMs) / 1000.0,
                        report->totalRows, double(report->totalRows) * 1000.0 / double(std::max<qint64>(1, report->elapsedMs)));
            std::printf("  CPU: PostgreSQL backend %.1f s, generator process %.1f s; load average %.1f -> %.1f on %ld cores\n\n",
                        cpuSeconds(backendPid) - serverCpu0, selfCpuSeconds() - clientCpu0, load0, loadAverage(),
                        sysconf(_SC_NPROCESSORS_ONLN));
            times << report->elapsedMs;
            if (dealers >= 100000 && months >= 24)
                QVERIFY2(report->rowsOf(QStringLiteral("public.payments")) > 2000000, "fewer than 2 million payments");
        }
        QStringList each;
        for (qint64 t : times)
            each << QString::number(double(t) / 1000.0, 'f', 1);
        std::printf("wall times (s): %s\n", qPrintable(each.join(QStringLiteral(", "))));
        conn = services::PgConnection();
        if (qEnvironmentVariableIntValue("OKLA_SEED_BENCH_KEEP") == 1) { // to look at the data afterwards
            std::printf("kept database %s\n", qPrintable(db->name()));
            db->keep();
            return;
        }
        QVERIFY(db->drop().ok());
        if (sim)
            QVERIFY(sim->drop().ok());
    }
};

QTEST_GUILESS_MAIN(TestSeedBench)
#include "tst_seedbench.moc"
