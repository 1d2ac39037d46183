#include <QtTest>

#include <QApplication>
#include <QElapsedTimer>
#include <QTcpServer>

#include "integration/redistestsupport.h"
#include "services/redis/redisclient.h"
#include "services/resilience/breakerregistry.h"
#include "services/resilience/providerhealth.h"
#include "ui/shell/providerstatuswidget.h"

using namespace okla::services;
using okla::ui::ProviderStatusWidget;
using Level = ProviderStatusWidget::Level;

class TestProviderStatusWidget : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<RedisClient> m_redis;

    /// Publishes one process's health for an operation, as a worker would.
    void publish(const QString &prefix, const OperationKey &key, int failures, int successes)
    {
        auto clock = std::make_shared<ManualClock>();
        auto breakers = std::make_shared<BreakerRegistry>(BreakerConfig{}, clock);
        auto recorder = std::make_shared<HealthRecorder>(clock);
        auto breaker = breakers->breaker(key);
        for (int i = 0; i < failures + successes; ++i) {
            AttemptReport r;
            r.success = i >= failures;
            r.httpStatus = r.success ? 200 : 503;
            breaker->record(breaker->tryAcquire(), r.isBreakerFailure());
            recorder->recordAttempt(key, r.success ? 80 : 2500, r);
        }
        HealthPublisher publisher(m_redis, recorder, breakers);
        publisher.setKeyPrefix(prefix);
        publisher.setProcessId(QStringLiteral("worker-") + key.provider);
        auto f = publisher.publishNow();
        f.waitForFinished();
        QVERIFY(f.result().ok());
    }

private slots:
    void initTestCase()
    {
        auto config = okla::tests::fixtureRedisConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        m_redis = std::make_shared<RedisClient>(*config);
        QVERIFY(m_redis->commandSync({QByteArrayLiteral("PING")}).ok());
    }

    void showsEachProvidersState()
    {
        // given AZUL's sale breaker open in one worker and Stripe healthy in another
        const QString prefix = okla::tests::uniquePrefix("health");
        publish(prefix, {QStringLiteral("azul"), QStringLiteral("sale"), QStringLiteral("pagos")}, 5, 0);
        publish(prefix, {QStringLiteral("stripe"), QStringLiteral("refunds.create"), {}}, 0, 6);
        // when the widget reads
        ProviderStatusWidget widget(HealthReader(m_redis, 30, prefix), nullptr, 60'000);
        QSignalSpy spy(&widget, &ProviderStatusWidget::updated);
        widget.show();
        QVERIFY(spy.wait(5000));
        // then red for AZUL, green for Stripe, figures in the tooltips
        QCOMPARE(widget.level(QStringLiteral("azul")), Level::Down);
        QCOMPARE(widget.level(QStringLiteral("stripe")), Level::Healthy);
        QVERIFY(widget.tooltip(QStringLiteral("azul")).contains(QLatin1String("azul.sale@pagos")));
        QVERIFY(widget.tooltip(QStringLiteral("azul")).contains(QLatin1String("open")));
        QVERIFY(widget.tooltip(QStringLiteral("stripe")).contains(QLatin1String("p95")));
    }

    void neverBlocksTheGuiThread()
    {
        // given a "Redis" that accepts connections and never answers
        QTcpServer blackhole;
        QVERIFY(blackhole.listen(QHostAddress::LocalHost, 0));
        RedisConfig config = m_redis->config();
        config.port = blackhole.serverPort();
        auto stuck = std::make_shared<RedisClient>(config);
        ProviderStatusWidget widget(HealthReader(stuck), nullptr, 60'000);
        QSignalSpy spy(&widget, &ProviderStatusWidget::updated);
        // when a refresh starts, the GUI thread returns at once
        QElapsedTimer timer;
        timer.start();
        widget.refresh();
        widget.refresh(); // coalesced while one read is in flight
        QVERIFY2(timer.elapsed() < 50, qPrintable(QString::number(timer.elapsed())));
        // then the read fails on its own thread after the command timeout, and says so
        QVERIFY(spy.wait(10'000));
        QCOMPARE(widget.level(QStringLiteral("azul")), Level::Unknown);
        QVERIFY(widget.tooltip(QStringLiteral("azul")).contains(QLatin1String("Redis")));
    }

    void levelRules()
    {
        OperationHealth ok;
        ok.state = QStringLiteral("closed");
        OperationHealth failing = ok;
        failing.windowFailures = 1;
        OperationHealth local = ok;
        local.limiter = QStringLiteral("local");
        OperationHealth halfOpen = ok;
        halfOpen.state = QStringLiteral("half-open");
        OperationHealth open = ok;
        open.state = QStringLiteral("open");
        QCOMPARE(ProviderStatusWidget::levelFor({}), Level::Unknown);
        QCOMPARE(ProviderStatusWidget::levelFor({ok}), Level::Healthy);
        QCOMPARE(ProviderStatusWidget::levelFor({ok, failing}), Level::Degraded);
        QCOMPARE(ProviderStatusWidget::levelFor({local}), Level::Degraded);
        OperationHealth recovered = ok;
        recovered.limiter = QStringLiteral("redis (local fallback at 2026-11-29T12:00:00Z)");
        QCOMPARE(ProviderStatusWidget::levelFor({recovered}), Level::Degraded);
        QCOMPARE(ProviderStatusWidget::levelFor({halfOpen}), Level::Degraded);
        QCOMPARE(ProviderStatusWidget::levelFor({ok, open, halfOpen}), Level::Down);
    }
};

QTEST_MAIN(TestProviderStatusWidget)
#include "tst_providerstatuswidget.moc"
