// Benchmark (label bench, run on purpose): seeds 100,000 dealers x 24 months into a throwaway
// database of the test cluster and prints wall time, rows per table and rows/s.
// OKLA_SEED_BENCH_DEALERS / _MONTHS / _RUNS / _SIM=1 (also mirror into a scratch okla_sim) change it.
#include <cstdio>
#include <optional>

#include <QCoreApplication>
#include <QTest>

#include "sandbox/seed/scratchdatabase.h"
#include "sandbox/seed/seeder.h"
#include "services/connectionprofile.h"
#include "services/pgconnection.h"

using namespace okla;

class TestSeedBench : public QObject
{
    Q_OBJECT

private slots:
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
        for (int run = 1; run <= runs; ++run) {
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
            times << report->elapsedMs;
            if (dealers >= 100000 && months >= 24)
                QVERIFY2(report->rowsOf(QStringLiteral("public.payments")) > 2000000, "fewer than 2 million payments");
        }
        QStringList each;
        for (qint64 t : times)
            each << QString::number(double(t) / 1000.0, 'f', 1);
        std::printf("wall times (s): %s\n", qPrintable(each.join(QStringLiteral(", "))));
        conn = services::PgConnection();
        QVERIFY(db->drop().ok());
        if (sim)
            QVERIFY(sim->drop().ok());
    }
};

QTEST_GUILESS_MAIN(TestSeedBench)
#include "tst_seedbench.moc"
