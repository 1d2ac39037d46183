// 2,000 AZUL sales against the simulator at concurrency 16, with 0 ms and 50 ms injected latency:
// AzulClient (service-thread QNAMs) side by side with `curl --parallel --parallel-max 16` making
// the same requests with the same client certificate. Prints throughput and p50/p95 per call.
// No rate limiter is involved (the client is called directly, without services/resilience).
#include <algorithm>
#include <atomic>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include "integration/providersimfixture.h"
#include "services/providers/azul/azulclient.h"

using namespace okla::services::azul;

namespace {

struct Figures
{
    double callsPerSecond = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    int ok = 0;
};

Figures summarize(QList<double> latenciesMs, qint64 wallMs, int ok)
{
    std::sort(latenciesMs.begin(), latenciesMs.end());
    Figures f;
    f.ok = ok;
    f.callsPerSecond = wallMs > 0 ? latenciesMs.size() * 1000.0 / double(wallMs) : 0;
    if (!latenciesMs.isEmpty()) {
        f.p50Ms = latenciesMs.at(int(latenciesMs.size() * 0.50));
        f.p95Ms = latenciesMs.at(std::min<int>(int(latenciesMs.size() * 0.95), int(latenciesMs.size()) - 1));
    }
    return f;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

class TestAzulThroughput : public QObject
{
    Q_OBJECT

    okla::tests::ProviderSimFixture m_sim;
    AzulConfig m_config;
    const int m_calls = envInt("OKLA_BENCH_CALLS", 2000);
    const int m_concurrency = 16;

    AzulPayment sale(const QString &customOrderId) const
    {
        AzulPayment p;
        p.amount = okla::models::Money::fromMinor(118000, okla::models::Currency::DOP);
        p.itbis = okla::models::Money::fromMinor(18000, okla::models::Currency::DOP);
        p.cardNumber = QStringLiteral("5424180279791732");
        p.expiration = QStringLiteral("202812");
        p.cvc = QStringLiteral("732");
        p.customOrderId = customOrderId;
        return p;
    }

    Figures runClient(bool verify)
    {
        AzulClient client(m_config);
        QMutex mutex;
        QList<double> latencies;
        std::atomic<int> next{0};
        std::atomic<int> approved{0};
        QSemaphore lanesDone;
        const QString run = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);

        // Each lane keeps one call in flight and starts the next from the finished one's
        // continuation (on the transport's thread): 16 lanes = concurrency 16.
        std::function<void()> lane = [&] {
            const int n = next.fetch_add(1);
            if (n >= m_calls) {
                lanesDone.release();
                return;
            }
            auto timer = std::make_shared<QElapsedTimer>();
            timer->start();
            const QString id = QStringLiteral("bench-%1-%2").arg(run).arg(n);
            (verify ? client.verify(id) : client.sale(sale(id)))
                .then(QtFuture::Launch::Sync, [&, timer](const AzulOutcome &out) {
                    {
                        QMutexLocker lock(&mutex);
                        latencies.append(timer->nsecsElapsed() / 1e6);
                    }
                    if (out.result.approved() || out.result.outcome == AzulResult::Outcome::NotFound)
                        ++approved;
                    lane();
                });
        };
        QElapsedTimer wall;
        wall.start();
        for (int i = 0; i < m_concurrency; ++i)
            lane();
        lanesDone.acquire(m_concurrency);
        return summarize(latencies, wall.elapsed(), approved.load());
    }

    Figures runCurl(bool verify)
    {
        // One curl process, 2,000 transfers, 16 in parallel, same headers, body and certificate.
        const QString config = m_sim.tempDir() + QStringLiteral("/curl.cfg");
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        AzulRequestBuilder builder(m_config.merchant);
        const QString run = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        const QByteArray common = "cacert = \"" + m_sim.caFile().toUtf8() + "\"\n"
            "cert = \"" + m_sim.certDir().toUtf8() + "/client.pem\"\n"
            "key = \"" + m_sim.certDir().toUtf8() + "/client.key\"\n"
            "header = \"Content-Type: application/json\"\nheader = \"Auth1: " + m_config.auth1 + "\"\n"
            "header = \"Auth2: " + m_config.auth2 + "\"\noutput = \"/dev/null\"\n"
            "write-out = \"%{time_total} %{http_code}\\n\"\nmax-time = 120\n";
        for (int n = 0; n < m_calls; ++n) {
            const QString id = QStringLiteral("curl-%1-%2").arg(run).arg(n);
            QByteArray body = verify ? builder.verify(id).value() : builder.payment(AzulOperation::Sale, sale(id)).value();
            body.replace('"', "\\\"");
            QUrl url = m_config.primaryUrl;
            if (verify)
                url.setQuery(QStringLiteral("VerifyPayment"));
            f.write("url = \"" + url.toEncoded() + "\"\n" + common + "data = \"" + body + "\"\n");
            if (n + 1 < m_calls)
                f.write("next\n");
        }
        f.close();
        QProcess curl;
        QElapsedTimer wall;
        wall.start();
        curl.start(QStringLiteral("curl"), {"--silent", "--parallel", "--parallel-max", QString::number(m_concurrency), "--config", config});
        curl.waitForFinished(600'000);
        const qint64 wallMs = wall.elapsed();
        QList<double> latencies;
        int ok = 0;
        for (const QByteArray &line : curl.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() != 2)
                continue;
            latencies.append(parts.at(0).toDouble() * 1000.0);
            if (parts.at(1) == "200")
                ++ok;
        }
        return summarize(latencies, wallMs, ok);
    }

private slots:
    void initTestCase()
    {
        // One info line per call would measure the logger, not the client.
        QLoggingCategory::setFilterRules(QStringLiteral("okla.services.*.info=false\nokla.services.*.debug=false"));
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is needed for the baseline");
        const QString error = m_sim.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto config = m_sim.azulConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        m_config = config.value();
        m_config.merchant.store = QStringLiteral("39038540035");
        m_config.threads = envInt("OKLA_BENCH_THREADS", 3); // 3 QNAMs x 6 connections >= 16 in flight
    }

    void throughput()
    {
        QTextStream out(stdout);
        out << QStringLiteral("\n%1 AZUL calls per row, concurrency %2, no rate limiter (client called directly)\n").arg(m_calls).arg(m_concurrency);
        out << "operation    latency | AzulClient calls/s  p50 ms  p95 ms | curl calls/s  p50 ms  p95 ms | ratio\n";
        struct Case { const char *what; bool verify; int latency; };
        for (const Case &c : {Case{"Sale", false, 0}, Case{"Sale", false, 50}, Case{"VerifyPayment", true, 0}, Case{"VerifyPayment", true, 50}}) {
            m_sim.control(true, "DELETE", QStringLiteral("/_sim/faults"));
            if (c.latency > 0)
                m_sim.addFault(true, {{"operation", c.verify ? "VerifyPayment" : "Sale"}, {"kind", "latency"},
                                      {"latency_ms", c.latency}, {"probability", 1.0}});
            const Figures client = runClient(c.verify);
            const Figures curl = runCurl(c.verify);
            m_sim.control(true, "DELETE", QStringLiteral("/_sim/faults"));
            out << QStringLiteral("%1 %2 ms | %3  %4  %5 | %6  %7  %8 | %9\n")
                       .arg(QLatin1String(c.what), 13).arg(c.latency, 3)
                       .arg(client.callsPerSecond, 18, 'f', 1).arg(client.p50Ms, 6, 'f', 1).arg(client.p95Ms, 6, 'f', 1)
                       .arg(curl.callsPerSecond, 12, 'f', 1).arg(curl.p50Ms, 6, 'f', 1).arg(curl.p95Ms, 6, 'f', 1)
                       .arg(curl.callsPerSecond > 0 ? client.callsPerSecond / curl.callsPerSecond : 0, 5, 'f', 2);
            out << QStringLiteral("                  answered as expected: client %1/%2, curl HTTP 200 %3/%2\n").arg(client.ok).arg(m_calls).arg(curl.ok);
            out.flush();
            QCOMPARE(client.ok, m_calls);
        }
    }
};

QTEST_GUILESS_MAIN(TestAzulThroughput)
#include "tst_azulthroughput.moc"
