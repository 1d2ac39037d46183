// The outbox relay and the deduping consumer against the fixture's real RabbitMQ and a throwaway,
// migrated PostgreSQL database, as the worker role: every row published and marked once, two
// relays side by side never publish a row twice, nothing marked when the broker is away, and a
// consumer's effect happens once per message id however often it is delivered (docs/idempotency.md §11).
#include <thread>

#include <QSet>
#include <QTest>

#include "harness/testenv.h"
#include "integration/amqptestsupport.h"
#include "services/database/migrator.h"
#include "services/outbox/dedupingconsumer.h"
#include "services/outbox/outboxrelay.h"
#include "services/queue/amqpqueue.h"

using namespace okla::services;
using okla::tests::ThrowawayDatabase;
using okla::tests::WorkerLogin;
using okla::tests::brokerConfig;
using okla::tests::topologyFor;

namespace {

/// Message ids `queue` delivers until it stays quiet for `quietMs`, acked; repeated ids kept.
QList<QUuid> drainIds(AmqpQueue &consumer, const QString &queue, int quietMs = 1500)
{
    QList<QUuid> ids;
    for (const Delivery &d : okla::tests::drain(consumer, queue, quietMs, 200))
        ids.append(d.messageId);
    return ids;
}

} // namespace

class TestOutboxRelay : public QObject
{
    Q_OBJECT

    std::unique_ptr<ThrowawayDatabase> m_db;
    std::unique_ptr<WorkerLogin> m_worker;

    PgConnection worker() const { return m_db->open(m_worker->name()); }

    qint64 scalar(const QString &sql)
    {
        auto owner = m_db->open(QStringLiteral("okla_owner"));
        auto rows = owner.exec(sql);
        return rows ? rows->toInt64(0, 0) : -1;
    }

    // `count` outbox rows with routing key `routingKey`, written as the worker writes them.
    void insertEvents(const QString &routingKey, int count)
    {
        PgConnection connection = worker();
        auto inserted = connection.exec(QStringLiteral("INSERT INTO outbox (event_type, payload) "
                                                       "SELECT $1, jsonb_build_object('n', n) FROM generate_series(1, $2) n"),
                                        {routingKey, count});
        QVERIFY2(inserted.ok(), qPrintable(inserted ? QString() : inserted.error().toString()));
    }

private slots:
    void initTestCase()
    {
        m_worker = std::make_unique<WorkerLogin>(QStringLiteral("relay"));
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_relay"));
        auto owner = m_db->open(QStringLiteral("okla_owner"));
        auto migrated = Migrator::migrate(owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_worker.reset();
    }

    void everyRowIsPublishedAndMarkedOnce()
    {
        const QString queue = okla::tests::uniqueQueueName(QStringLiteral("relay.all"));
        const QString key = queue + QStringLiteral(".event");
        AmqpQueue broker(brokerConfig());
        QVERIFY(broker.declare(topologyFor(queue, key)).ok());
        insertEvents(key, 1200);
        PgConnection connection = worker();
        auto published = OutboxRelay(connection, broker).relayAll();
        QVERIFY2(published.ok(), qPrintable(published ? QString() : published.error().toString()));
        QCOMPARE(published.value(), 1200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE published_at IS NULL")), 0);

        AmqpQueue consumer(brokerConfig());
        QVERIFY(consumer.declare(topologyFor(queue, key)).ok());
        const QList<QUuid> ids = drainIds(consumer, queue);
        QCOMPARE(ids.size(), 1200);
        QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()).size(), 1200);
        auto rows = connection.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE message_id = ANY ($1::uuid[])"),
                                    {[&] {
                                         QStringList text;
                                         for (const QUuid &id : ids)
                                             text << id.toString(QUuid::WithoutBraces);
                                         return QString(u'{' + text.join(u',') + u'}');
                                     }()});
        QVERIFY(rows.ok());
        QCOMPARE(rows->toInt64(0, 0), 1200); // the AMQP message_id is the row's
        // Nothing left: a second relay publishes nothing.
        QCOMPARE(OutboxRelay(connection, broker).relayAll().value(), 0);
    }

    void twoRelaysNeverPublishARowTwice()
    {
        const QString queue = okla::tests::uniqueQueueName(QStringLiteral("relay.two"));
        const QString key = queue + QStringLiteral(".event");
        {
            AmqpQueue broker(brokerConfig());
            QVERIFY(broker.declare(topologyFor(queue, key)).ok());
        }
        insertEvents(key, 3000);
        qint64 published[2] = {0, 0};
        auto relay = [&](int slot) {
            AmqpQueue broker(brokerConfig());
            PgConnection connection = worker();
            if (broker.declare(topologyFor(queue, key)).ok())
            {
                auto all = OutboxRelay(connection, broker, {100, 32}).relayAll();
                published[slot] = all ? all.value() : -1;
            }
        };
        std::thread first(relay, 0);
        std::thread second(relay, 1);
        first.join();
        second.join();
        QVERIFY2(published[0] > 0 && published[1] > 0, "both relays took part");
        QCOMPARE(published[0] + published[1], 3000);
        AmqpQueue consumer(brokerConfig());
        QVERIFY(consumer.declare(topologyFor(queue, key)).ok());
        const QList<QUuid> ids = drainIds(consumer, queue);
        QCOMPARE(ids.size(), 3000);
        QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()).size(), 3000);
    }

    void nothingIsMarkedWhenTheBrokerIsAway()
    {
        const QString key = okla::tests::uniqueQueueName(QStringLiteral("relay.away")) + QStringLiteral(".event");
        insertEvents(key, 10);
        AmqpConfig nowhere = brokerConfig();
        nowhere.port = 1; // nothing listens there
        nowhere.connectTimeoutMs = 500;
        AmqpQueue broker(nowhere);
        PgConnection connection = worker();
        auto batch = OutboxRelay(connection, broker).relayBatch();
        QVERIFY(!batch.ok());
        auto left = connection.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE event_type = $1 AND published_at IS NULL"),
                                    {key});
        QVERIFY(left.ok());
        QCOMPARE(left->toInt64(0, 0), 10);
        // The connection is usable afterwards: no transaction was left open.
        QVERIFY(connection.exec(QStringLiteral("SELECT 1")).ok());
    }

    void aConsumerRunsItsEffectOncePerMessage()
    {
        const QString queue = okla::tests::uniqueQueueName(QStringLiteral("consumer.once"));
        const QString key = queue + QStringLiteral(".event");
        AmqpQueue broker(brokerConfig());
        QVERIFY(broker.declare(topologyFor(queue, key)).ok());
        const QUuid id = QUuid::createUuid();
        // The same message delivered three times (a relay that crashed before marking it, twice).
        for (int i = 0; i < 3; ++i)
            QVERIFY(broker.publish(key, id, QByteArrayLiteral("{\"n\":1}")).ok());
        PgConnection connection = worker();
        int effects = 0;
        DedupingConsumer consumer(QStringLiteral("test.once"), connection, broker,
                                  [&](PgConnection &, const Delivery &) {
                                      ++effects;
                                      return HandlerVerdict::Done;
                                  });
        QVERIFY(broker.consume(queue, 10).ok());
        QList<DedupingConsumer::Outcome> outcomes;
        for (int i = 0; i < 3; ++i) {
            auto d = broker.receive(5000);
            QVERIFY(d.ok() && d->has_value());
            auto outcome = consumer.handle(**d);
            QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : outcome.error().toString()));
            outcomes << outcome.value();
        }
        QCOMPARE(effects, 1);
        QCOMPARE(outcomes.count(DedupingConsumer::Outcome::Processed), 1);
        QCOMPARE(outcomes.count(DedupingConsumer::Outcome::Duplicate), 2);
        auto recorded = connection.exec(QStringLiteral("SELECT count(*) FROM processed_messages WHERE consumer = 'test.once' "
                                                       "AND message_id = $1::uuid"),
                                        {id.toString(QUuid::WithoutBraces)});
        QVERIFY(recorded.ok());
        QCOMPARE(recorded->toInt64(0, 0), 1);
        auto nothingMore = broker.receive(500);
        QVERIFY(nothingMore.ok() && !nothingMore->has_value());
    }

    void aRetriedMessageIsNotRecordedAndAPoisonOneIsDeadLettered()
    {
        const QString queue = okla::tests::uniqueQueueName(QStringLiteral("consumer.poison"));
        const QString key = queue + QStringLiteral(".event");
        AmqpQueue broker(brokerConfig());
        QVERIFY(broker.declare(topologyFor(queue, key)).ok());
        const QUuid id = QUuid::createUuid();
        QVERIFY(broker.publish(key, id, QByteArrayLiteral("{}")).ok());
        PgConnection connection = worker();
        int calls = 0;
        DedupingConsumer consumer(QStringLiteral("test.poison"), connection, broker,
                                  [&](PgConnection &c, const Delivery &) {
                                      // The handler's own write is rolled back with the verdict.
                                      (void)c.exec(QStringLiteral("INSERT INTO outbox (event_type, payload) "
                                                                  "VALUES ('test.poison.effect', '{}')"));
                                      return ++calls == 1 ? HandlerVerdict::Retry : HandlerVerdict::Poison;
                                  });
        QVERIFY(broker.consume(queue, 10).ok());
        auto first = broker.receive(5000);
        QVERIFY(first.ok() && first->has_value());
        QCOMPARE(consumer.handle(**first).value(), DedupingConsumer::Outcome::Requeued);
        auto second = broker.receive(5000);
        QVERIFY(second.ok() && second->has_value());
        QCOMPARE((*second)->messageId, id);
        QCOMPARE(consumer.handle(**second).value(), DedupingConsumer::Outcome::DeadLettered);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM processed_messages WHERE consumer = 'test.poison'")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE event_type = 'test.poison.effect'")), 0);
        AmqpQueue deadLetters(brokerConfig());
        QVERIFY(deadLetters.declare(topologyFor(queue, key)).ok());
        const QList<QUuid> dead = drainIds(deadLetters, queue + QStringLiteral(".dlq"), 3000);
        QCOMPARE(dead, QList<QUuid>{id});
    }
};

QTEST_GUILESS_MAIN(TestOutboxRelay)
#include "tst_outboxrelay.moc"
