#include <QtTest>

#include "services/metrics/metricsregistry.h"

using okla::services::MetricsRegistry;
using Type = MetricsRegistry::Type;

class TestMetricsRegistry : public QObject
{
    Q_OBJECT
private slots:
    void countersAndGaugesRender()
    {
        MetricsRegistry m;
        QVERIFY(m.declare("okla_jobs_total", Type::Counter, "Jobs finished, by kind and result.").ok());
        QVERIFY(m.declare("okla_queue_depth", Type::Gauge, "Messages ready in each queue.").ok());
        m.increment("okla_jobs_total", {{"kind", "charge"}, {"result", "succeeded"}});
        m.increment("okla_jobs_total", {{"kind", "charge"}, {"result", "succeeded"}}, 2);
        m.increment("okla_jobs_total", {{"kind", "refund"}, {"result", "failed"}});
        m.set("okla_queue_depth", {{"queue", "billing.charges"}}, 17);
        m.set("okla_queue_depth", {{"queue", "billing.charges"}}, 12);

        QCOMPARE(m.value("okla_jobs_total", {{"kind", "charge"}, {"result", "succeeded"}}), 3.0);
        const QByteArray text = m.render();
        QVERIFY2(text.contains("# HELP okla_jobs_total Jobs finished, by kind and result.\n# TYPE okla_jobs_total counter\n"), text.constData());
        QVERIFY(text.contains("okla_jobs_total{kind=\"charge\",result=\"succeeded\"} 3\n"));
        QVERIFY(text.contains("okla_jobs_total{kind=\"refund\",result=\"failed\"} 1\n"));
        QVERIFY(text.contains("# TYPE okla_queue_depth gauge\nokla_queue_depth{queue=\"billing.charges\"} 12\n"));
        // a counter never recorded is still there, at 0
        QVERIFY(text.contains("okla_metrics_misuse_total 0\n"));
    }

    void histogramIsCumulative()
    {
        MetricsRegistry m;
        QVERIFY(m.declare("okla_provider_seconds", Type::Histogram, "Provider call latency.", {0.125, 0.5, 1}).ok());
        const MetricsRegistry::Labels l{{"provider", "azul"}};
        for (double v : {0.0625, 0.125, 0.25, 0.75, 3.0}) // exact in binary
            m.observe("okla_provider_seconds", l, v);
        const QByteArray text = m.render();
        // 0.125 falls in le="0.125" (le = less or equal)
        QVERIFY2(text.contains("okla_provider_seconds_bucket{provider=\"azul\",le=\"0.125\"} 2\n"), text.constData());
        QVERIFY(text.contains("okla_provider_seconds_bucket{provider=\"azul\",le=\"0.5\"} 3\n"));
        QVERIFY(text.contains("okla_provider_seconds_bucket{provider=\"azul\",le=\"1\"} 4\n"));
        QVERIFY(text.contains("okla_provider_seconds_bucket{provider=\"azul\",le=\"+Inf\"} 5\n"));
        QVERIFY(text.contains("okla_provider_seconds_sum{provider=\"azul\"} 4.1875\n"));
        QVERIFY(text.contains("okla_provider_seconds_count{provider=\"azul\"} 5\n"));
        QCOMPARE(m.count("okla_provider_seconds", l), quint64(5));
    }

    void labelValuesAreEscaped()
    {
        MetricsRegistry m;
        QVERIFY(m.declare("okla_breaker_state", Type::Gauge, "Breaker state\nper operation \\ host.").ok());
        m.set("okla_breaker_state", {{"breaker", "a\"b\\c\nd"}}, 1);
        const QByteArray text = m.render();
        QVERIFY2(text.contains("okla_breaker_state{breaker=\"a\\\"b\\\\c\\nd\"} 1\n"), text.constData());
        QVERIFY(text.contains("# HELP okla_breaker_state Breaker state\\nper operation \\\\ host.\n"));
    }

    void badDeclarationsAreRefused()
    {
        MetricsRegistry m;
        QCOMPARE(m.declare("9lives", Type::Counter, "x").error().code, QStringLiteral("metrics.name"));
        QCOMPARE(m.declare("a-b", Type::Counter, "x").error().code, QStringLiteral("metrics.name"));
        QCOMPARE(m.declare("h", Type::Histogram, "x", {1, 0.5}).error().code, QStringLiteral("metrics.buckets"));
        QCOMPARE(m.declare("h", Type::Histogram, "x", {}).error().code, QStringLiteral("metrics.buckets"));
        QVERIFY(m.declare("c", Type::Counter, "x").ok());
        QVERIFY(m.declare("c", Type::Counter, "x").ok()); // the same again is fine
        QCOMPARE(m.declare("c", Type::Gauge, "x").error().code, QStringLiteral("metrics.redeclared"));
    }

    void misuseIsCountedNotApplied()
    {
        MetricsRegistry m;
        QVERIFY(m.declare("c", Type::Counter, "x").ok());
        m.increment("undeclared");
        m.set("c", {}, 5);                 // a gauge call on a counter
        m.increment("c", {}, -1);          // counters never go down
        m.increment("c", {{"le", "1"}});   // reserved label name
        m.increment("c", {{"bad-name", "1"}});
        QCOMPARE(m.value("okla_metrics_misuse_total"), 5.0);
        QCOMPARE(m.value("c"), 0.0);
        QVERIFY(!m.render().contains("\nundeclared")); // no series of that name (the help text may say the word)
    }

    void concurrentIncrementsAllCount()
    {
        MetricsRegistry m;
        QVERIFY(m.declare("c", Type::Counter, "x").ok());
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t)
            threads.append(QThread::create([&m] {
                for (int i = 0; i < 10000; ++i)
                    m.increment("c", {{"t", "x"}});
            }));
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(m.value("c", {{"t", "x"}}), 40000.0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
