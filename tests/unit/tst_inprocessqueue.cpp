#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

#include "services/queue/inprocessqueue.h"

using namespace okla::services;

namespace {

QueueTopology topology(int deliveryLimit = 5)
{
    QueueTopology t;
    t.queues = {QueueDeclaration{QStringLiteral("payments"), {QStringLiteral("billing.payment.*")}, deliveryLimit},
                QueueDeclaration{QStringLiteral("billing-all"), {QStringLiteral("billing.#")}, deliveryLimit}};
    return t;
}

Delivery receiveOne(InProcessQueue &queue)
{
    auto got = queue.receive(1000);
    if (!got || !got->has_value())
        qFatal("expected a delivery: %s", got ? "none came" : qPrintable(got.error().toString()));
    return **got;
}

} // namespace

class TestInProcessQueue : public QObject
{
    Q_OBJECT

private slots:
    void topicMatching_data();
    void topicMatching();
    void routesByBindingKey();
    void unroutableIsAFailure();
    void batchReportsEachMessage();
    void ackSettlesOnce();
    void nackRequeueRedeliversAndCounts();
    void rejectAndNackWithoutRequeueDeadLetter();
    void deadLettersAtTheDeliveryLimit_data();
    void deadLettersAtTheDeliveryLimit();
    void prefetchLimitsUnsettled();
    void receiveNeedsConsume();
    void threadsShareOneInstance();
};

void TestInProcessQueue::topicMatching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star one word") << "billing.*" << "billing.invoice" << true;
    QTest::newRow("star not two") << "billing.*" << "billing.payment.completed" << false;
    QTest::newRow("star not zero") << "billing.*" << "billing" << false;
    QTest::newRow("hash zero") << "billing.#" << "billing" << true;
    QTest::newRow("hash many") << "billing.#" << "billing.subscription.trial_ending" << true;
    QTest::newRow("hash alone") << "#" << "anything.at.all" << true;
    QTest::newRow("hash first") << "#.completed" << "billing.payment.completed" << true;
    QTest::newRow("hash middle") << "billing.#.failed" << "billing.subscription.payment_failed" << false;
    QTest::newRow("star middle") << "billing.*.completed" << "billing.payment.completed" << true;
    QTest::newRow("literal") << "billing.invoice.generated" << "billing.invoice.generated" << true;
    QTest::newRow("other word") << "billing.invoice.generated" << "billing.invoice.voided" << false;
    QTest::newRow("prefix is not a match") << "billing" << "billing.invoice" << false;
}

void TestInProcessQueue::topicMatching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, key);
    QFETCH(bool, matches);
    QCOMPARE(InProcessQueue::topicMatches(pattern, key), matches);
}

void TestInProcessQueue::routesByBindingKey()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());

    QVERIFY(queue.publish(QStringLiteral("billing.payment.completed"), QUuid::createUuid(), "p").ok());
    QVERIFY(queue.publish(QStringLiteral("billing.invoice.generated"), QUuid::createUuid(), "i").ok());

    QCOMPARE(queue.readyCount(QStringLiteral("payments")), 1);
    QCOMPARE(queue.readyCount(QStringLiteral("billing-all")), 2);
    QCOMPARE(queue.readyCount(QStringLiteral("cardealer.events.dlq")), 0);
}

void TestInProcessQueue::unroutableIsAFailure()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    const auto published = queue.publish(QStringLiteral("dealers.created"), QUuid::createUuid(), "x");
    QVERIFY(!published.ok());
    QCOMPARE(published.error().code, QStringLiteral("queue.unroutable"));
}

void TestInProcessQueue::batchReportsEachMessage()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    const QList<OutgoingMessage> batch = {{QStringLiteral("billing.payment.completed"), QUuid::createUuid(), "a"},
                                          {QStringLiteral("nobody.listens"), QUuid::createUuid(), "b"},
                                          {QStringLiteral("billing.invoice.generated"), QUuid::createUuid(), "c"}};
    const auto outcomes = queue.publishBatch(batch, 2);
    QCOMPARE(outcomes.size(), batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i)
        QCOMPARE(outcomes[i].messageId, batch[i].messageId);
    QVERIFY(outcomes[0].confirmed());
    QVERIFY(!outcomes[1].confirmed());
    QVERIFY(outcomes[2].confirmed());
}

void TestInProcessQueue::ackSettlesOnce()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    const QUuid id = QUuid::createUuid();
    QVERIFY(queue.publish(QStringLiteral("billing.payment.completed"), id, "body").ok());
    QVERIFY(queue.consume(QStringLiteral("payments"), 10).ok());

    const Delivery delivery = receiveOne(queue);
    QCOMPARE(delivery.messageId, id);
    QCOMPARE(delivery.body, QByteArray("body"));
    QCOMPARE(delivery.routingKey, QStringLiteral("billing.payment.completed"));
    QCOMPARE(delivery.queue, QStringLiteral("payments"));
    QVERIFY(!delivery.redelivered);
    QCOMPARE(delivery.deliveryCount, 0);
    QCOMPARE(queue.unsettledCount(QStringLiteral("payments")), 1);

    QVERIFY(queue.ack(delivery).ok());
    QCOMPARE(queue.unsettledCount(QStringLiteral("payments")), 0);
    const auto again = queue.ack(delivery);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("queue.unknown_delivery"));
    auto none = queue.receive(50);
    QVERIFY(none.ok());
    QVERIFY(!none->has_value());
}

void TestInProcessQueue::nackRequeueRedeliversAndCounts()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    const QUuid id = QUuid::createUuid();
    QVERIFY(queue.publish(QStringLiteral("billing.payment.completed"), id, "body").ok());
    QVERIFY(queue.consume(QStringLiteral("payments"), 1).ok());

    QVERIFY(queue.nack(receiveOne(queue), true).ok());
    const Delivery second = receiveOne(queue);
    QCOMPARE(second.messageId, id);
    QVERIFY(second.redelivered);
    QCOMPARE(second.deliveryCount, 1);
    QVERIFY(queue.ack(second).ok());
    QCOMPARE(queue.readyCount(QStringLiteral("cardealer.events.dlq")), 0);
}

void TestInProcessQueue::rejectAndNackWithoutRequeueDeadLetter()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    QVERIFY(queue.publish(QStringLiteral("billing.payment.completed"), QUuid::createUuid(), "1").ok());
    QVERIFY(queue.publish(QStringLiteral("billing.payment.failed"), QUuid::createUuid(), "2").ok());
    QVERIFY(queue.consume(QStringLiteral("payments"), 5).ok());

    QVERIFY(queue.reject(receiveOne(queue)).ok());
    QVERIFY(queue.nack(receiveOne(queue), false).ok());

    QCOMPARE(queue.readyCount(QStringLiteral("payments")), 0);
    QCOMPARE(queue.readyCount(QStringLiteral("cardealer.events.dlq")), 2);
}

void TestInProcessQueue::deadLettersAtTheDeliveryLimit_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("default 5") << topology().queues.first().deliveryLimit;
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
}

void TestInProcessQueue::deadLettersAtTheDeliveryLimit()
{
    // given a poison message and a consumer that always fails it transiently
    QFETCH(int, limit);
    InProcessQueue queue;
    QVERIFY(queue.declare(topology(limit)).ok());
    const QUuid id = QUuid::createUuid();
    QVERIFY(queue.publish(QStringLiteral("billing.payment.completed"), id, "poison").ok());
    QVERIFY(queue.consume(QStringLiteral("payments"), 1).ok());

    int deliveries = 0;
    for (;;) {
        auto got = queue.receive(100);
        QVERIFY(got.ok());
        if (!got->has_value())
            break;
        QCOMPARE((*got)->deliveryCount, deliveries); // the failures before this delivery
        ++deliveries;
        QVERIFY(queue.nack(**got, true).ok());
        QVERIFY(deliveries <= limit + 1);
    }
    // then, as RabbitMQ 3.10 does, it is delivered once plus `limit` redeliveries, then dead-lettered
    QCOMPARE(deliveries, limit + 1);
    QCOMPARE(queue.readyCount(QStringLiteral("payments")), 0);
    QCOMPARE(queue.readyCount(QStringLiteral("cardealer.events.dlq")), 1);
    QVERIFY(queue.consume(QStringLiteral("cardealer.events.dlq"), 1).ok());
    const Delivery dead = receiveOne(queue);
    QCOMPARE(dead.messageId, id);
    QCOMPARE(dead.body, QByteArray("poison"));
    QCOMPARE(dead.routingKey, QStringLiteral("billing.payment.completed"));
}

void TestInProcessQueue::prefetchLimitsUnsettled()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(queue.publish(QStringLiteral("billing.payment.completed"), QUuid::createUuid(), QByteArray::number(i)).ok());
    QVERIFY(queue.consume(QStringLiteral("payments"), 2).ok());

    const Delivery first = receiveOne(queue);
    (void)receiveOne(queue);
    auto held = queue.receive(50);
    QVERIFY(held.ok());
    QVERIFY(!held->has_value()); // two unsettled: the third waits
    QVERIFY(queue.ack(first).ok());
    QCOMPARE(receiveOne(queue).body, QByteArray("2"));
}

void TestInProcessQueue::receiveNeedsConsume()
{
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    auto got = queue.receive(10);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, QStringLiteral("queue.not_consuming"));
    QCOMPARE(queue.consume(QStringLiteral("missing"), 1).error().code, QStringLiteral("queue.unknown_queue"));
}

void TestInProcessQueue::threadsShareOneInstance()
{
    // given 4 consumer threads and 1 publisher sharing one queue instance
    InProcessQueue queue;
    QVERIFY(queue.declare(topology()).ok());
    const int messages = 2000;
    QMutex seenMutex;
    QSet<QUuid> seen;
    std::atomic<int> duplicates{0};
    std::atomic<int> failures{0};
    std::atomic<int> settled{0};
    std::vector<std::unique_ptr<QThread>> consumers;
    for (int t = 0; t < 4; ++t) {
        consumers.emplace_back(QThread::create([&, t] {
            if (!queue.consume(QStringLiteral("payments"), 1 + t).ok())
                ++failures;
            while (settled.load() < messages) {
                auto got = queue.receive(20);
                if (!got) {
                    ++failures;
                    return;
                }
                if (!got->has_value())
                    continue;
                const Delivery &d = **got;
                if (d.deliveryCount == 0 && (d.body.back() % 3) == 0) { // some fail once
                    failures += queue.nack(d, true).ok() ? 0 : 1;
                    continue;
                }
                {
                    QMutexLocker lock(&seenMutex);
                    if (seen.contains(d.messageId))
                        ++duplicates;
                    seen.insert(d.messageId);
                }
                failures += queue.ack(d).ok() ? 0 : 1;
                ++settled;
            }
        }));
        consumers.back()->start();
    }
    for (int i = 0; i < messages; ++i)
        QVERIFY(queue.publish(QStringLiteral("billing.payment.completed"), QUuid::createUuid(), QByteArray::number(i)).ok());
    for (auto &thread : consumers)
        QVERIFY(thread->wait(30000));

    // then every message was acked exactly once
    QCOMPARE(failures.load(), 0);
    QCOMPARE(duplicates.load(), 0);
    QCOMPARE(seen.size(), messages);
    QCOMPARE(queue.readyCount(QStringLiteral("payments")), 0);
    QCOMPARE(queue.unsettledCount(QStringLiteral("payments")), 0);
}

QTEST_GUILESS_MAIN(TestInProcessQueue)
#include "tst_inprocessqueue.moc"
