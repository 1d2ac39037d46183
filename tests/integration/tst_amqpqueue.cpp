// AmqpQueue against the fixture's real RabbitMQ (okla-sandbox up --with-rabbitmq): confirms,
// mandatory returns, dead-lettering at the delivery limit, the quorum arguments, reconnects.
#include <sys/socket.h>

#include <amqp.h>
#include <amqp_tcp_socket.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "harness/testenv.h"
#include "sandbox/launcher/sandboxlayout.h"
#include "integration/amqptestsupport.h"
#include "services/queue/amqpqueue.h"

using namespace okla::services;
using okla::tests::brokerConfig;
using okla::tests::drain;
using okla::tests::topologyFor;

namespace {

/// Publishes `messages` until each is confirmed, republishing what was not; returns the rounds.
int publishUntilConfirmed(AmqpQueue &queue, QList<OutgoingMessage> pending, int inFlight, int cutAfterRounds,
                          int *failuresSeen)
{
    QElapsedTimer clock;
    clock.start();
    int rounds = 0;
    while (!pending.isEmpty() && clock.elapsed() < 90'000) {
        const QList<OutgoingMessage> chunk = pending.mid(0, 100);
        pending.remove(0, chunk.size());
        const auto outcomes = queue.publishBatch(chunk, inFlight);
        for (qsizetype i = 0; i < outcomes.size(); ++i)
            if (!outcomes[i].confirmed()) {
                ++*failuresSeen;
                pending.append(chunk[i]);
            }
        if (++rounds == cutAfterRounds && queue.socketDescriptor() >= 0)
            ::shutdown(queue.socketDescriptor(), SHUT_RDWR); // what a network failure does
        if (!queue.isConnected())
            QTest::qWait(int(qMax<qint64>(20, queue.reconnectInMs())));
    }
    return pending.isEmpty() ? rounds : -1;
}

/// A plain rabbitmq-c declare of a classic queue (no arguments): the reply code, 0 when accepted.
int classicDeclareReplyCode(const QString &queue)
{
    const AmqpConfig config = brokerConfig();
    amqp_connection_state_t conn = amqp_new_connection();
    amqp_socket_t *socket = amqp_tcp_socket_new(conn);
    int code = -1;
    if (amqp_socket_open(socket, config.host.toUtf8().constData(), config.port) == AMQP_STATUS_OK
        && amqp_login(conn, "/", 0, AMQP_DEFAULT_FRAME_SIZE, 0, AMQP_SASL_METHOD_PLAIN, "guest", "guest").reply_type
               == AMQP_RESPONSE_NORMAL) {
        amqp_channel_open(conn, 1);
        const QByteArray name = queue.toUtf8();
        amqp_queue_declare(conn, 1, amqp_cstring_bytes(name.constData()), 0, 1, 0, 0, amqp_empty_table);
        const amqp_rpc_reply_t reply = amqp_get_rpc_reply(conn);
        if (reply.reply_type == AMQP_RESPONSE_NORMAL)
            code = 0;
        else if (reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION && reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD)
            code = static_cast<amqp_channel_close_t *>(reply.reply.decoded)->reply_code;
    }
    amqp_destroy_connection(conn);
    return code;
}

struct CtlRun
{
    int exitCode = -1;
    QString stdOut;
    QString stdErr;
};

/// rabbitmqctl on the fixture's node (its name and environment as sandbox/launcher sets them).
CtlRun rabbitmqctl(const QStringList &args)
{
    const okla::sandbox::SandboxLayout layout(qEnvironmentVariable("OKLA_TEST_ROOT"));
    auto state = okla::sandbox::SandboxState::load(layout);
    const QString dir = layout.serviceDir(QStringLiteral("rabbitmq"));
    const QString node = QStringLiteral("okla-%1@localhost")
                             .arg(QString::fromLatin1(QCryptographicHash::hash(layout.dir().toUtf8(), QCryptographicHash::Sha256).toHex().left(8)));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir);
    env.insert(QStringLiteral("RABBITMQ_CONF_ENV_FILE"), dir + QStringLiteral("/rabbitmq-env.conf"));
    env.insert(QStringLiteral("RABBITMQ_NODENAME"), node);
    env.insert(QStringLiteral("ERL_EPMD_PORT"), QString::number(state ? state->ports.value(QStringLiteral("epmd")) : 0));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("/usr/lib/rabbitmq/bin/rabbitmqctl"), QStringList{QStringLiteral("-n"), node} + args);
    const bool finished = process.waitForFinished(60'000);
    return CtlRun{finished ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
                                   QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestAmqpQueue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void publishIsConfirmed();
    void unroutableMandatoryPublishFails();
    void poisonMessageIsDeadLetteredAtTheLimit();
    void rejectDeadLettersAtOnce();
    void quorumArgumentsAreReallySet();
    void reconnectsAfterTheSocketIsCut();
    void reconnectsAfterTheBrokerClosesUs();
};

void TestAmqpQueue::initTestCase()
{
    QVERIFY2(!okla::tests::testProfile().amqpHost.isEmpty(), "the fixture starts RabbitMQ (--with-rabbitmq)");
}

void TestAmqpQueue::publishIsConfirmed()
{
    const QString name = okla::tests::uniqueQueueName(QStringLiteral("test.confirm"));
    AmqpQueue queue(brokerConfig());
    QVERIFY2(queue.declare(topologyFor(name, name + QStringLiteral(".#"))).ok(), "declare");

    const QUuid first = QUuid::createUuid();
    const auto single = queue.publish(name + QStringLiteral(".one"), first, "one");
    QVERIFY2(single.ok(), qPrintable(single.ok() ? QString() : single.error().toString()));
    QList<OutgoingMessage> batch;
    for (int i = 0; i < 300; ++i)
        batch.append({name + QStringLiteral(".many"), QUuid::createUuid(), QByteArray::number(i)});
    const auto outcomes = queue.publishBatch(batch, 32);
    QCOMPARE(outcomes.size(), batch.size());
    for (const PublishOutcome &outcome : outcomes)
        QVERIFY2(outcome.confirmed(), qPrintable(outcome.status.ok() ? QString() : outcome.status.error().toString()));

    const QList<Delivery> got = drain(queue, name);
    QCOMPARE(got.size(), batch.size() + 1);
    QCOMPARE(got.first().messageId, first);
    QCOMPARE(got.first().routingKey, name + QStringLiteral(".one"));
    QCOMPARE(got.first().queue, name);
    QCOMPARE(got.last().body, batch.last().payload);
    QVERIFY(queue.deleteQueue(name).ok());
}

void TestAmqpQueue::unroutableMandatoryPublishFails()
{
    const QString name = okla::tests::uniqueQueueName(QStringLiteral("test.unroutable"));
    AmqpQueue queue(brokerConfig());
    QVERIFY(queue.declare(topologyFor(name, name + QStringLiteral(".bound"))).ok());

    const auto lost = queue.publish(okla::tests::uniqueQueueName(QStringLiteral("test.nobody")), QUuid::createUuid(), "x");
    QVERIFY(!lost.ok());
    QCOMPARE(lost.error().code, QStringLiteral("queue.unroutable"));

    const QList<OutgoingMessage> mixed = {{name + QStringLiteral(".bound"), QUuid::createUuid(), "a"},
                                          {name + QStringLiteral(".unbound"), QUuid::createUuid(), "b"},
                                          {name + QStringLiteral(".bound"), QUuid::createUuid(), "c"}};
    const auto outcomes = queue.publishBatch(mixed, 3);
    QVERIFY(outcomes[0].confirmed());
    QCOMPARE(outcomes[1].status.error().code, QStringLiteral("queue.unroutable"));
    QVERIFY(outcomes[2].confirmed());
    QCOMPARE(drain(queue, name).size(), 2);
    QVERIFY(queue.deleteQueue(name).ok());
}

void TestAmqpQueue::poisonMessageIsDeadLetteredAtTheLimit()
{
    // given a queue with the default delivery limit and a consumer that always fails transiently
    const QString name = okla::tests::uniqueQueueName(QStringLiteral("test.poison"));
    const QueueTopology topology = topologyFor(name, name);
    const int limit = topology.queues.first().deliveryLimit;
    AmqpQueue queue(brokerConfig());
    QVERIFY(queue.declare(topology).ok());
    const QUuid id = QUuid::createUuid();
    QVERIFY(queue.publish(name, id, "poison").ok());
    QVERIFY(queue.consume(name, 1).ok());

    int deliveries = 0;
    for (;;) {
        auto got = queue.receive(1500);
        QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
        if (!got->has_value())
            break;
        QCOMPARE((*got)->messageId, id);
        QCOMPARE((*got)->deliveryCount, deliveries); // x-delivery-count: failures so far
        QCOMPARE((*got)->redelivered, deliveries > 0);
        ++deliveries;
        QVERIFY(queue.nack(**got, true).ok());
        QVERIFY(deliveries <= limit + 1);
    }
    // then it was delivered once plus `limit` times again, and is in the dead-letter queue
    QCOMPARE(deliveries, limit + 1);
    AmqpQueue dlq(brokerConfig());
    const QList<Delivery> dead = drain(dlq, topology.deadLetterQueue);
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().messageId, id);
    QCOMPARE(dead.first().body, QByteArray("poison"));
    QVERIFY(queue.deleteQueue(name).ok());
    QVERIFY(queue.deleteQueue(topology.deadLetterQueue).ok());
}

void TestAmqpQueue::rejectDeadLettersAtOnce()
{
    const QString name = okla::tests::uniqueQueueName(QStringLiteral("test.reject"));
    const QueueTopology topology = topologyFor(name, name);
    AmqpQueue queue(brokerConfig());
    QVERIFY(queue.declare(topology).ok());
    const QUuid id = QUuid::createUuid();
    QVERIFY(queue.publish(name, id, "permanent failure").ok());
    QVERIFY(queue.consume(name, 1).ok());
    auto got = queue.receive(5000);
    QVERIFY(got.ok() && got->has_value());
    QVERIFY(queue.reject(**got).ok());
    auto again = queue.receive(1000);
    QVERIFY(again.ok());
    QVERIFY(!again->has_value());

    AmqpQueue dlq(brokerConfig());
    const QList<Delivery> dead = drain(dlq, topology.deadLetterQueue);
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().messageId, id);
    QVERIFY(queue.deleteQueue(name).ok());
    QVERIFY(queue.deleteQueue(topology.deadLetterQueue).ok());
}

void TestAmqpQueue::quorumArgumentsAreReallySet()
{
    const QString name = okla::tests::uniqueQueueName(QStringLiteral("test.args"));
    QueueTopology topology = topologyFor(name, name);
    AmqpQueue queue(brokerConfig());
    QVERIFY(queue.declare(topology).ok());
    QVERIFY(queue.declare(topology).ok()); // the same arguments again: accepted

    // a classic queue of that name is refused: it is a quorum queue
    QCOMPARE(classicDeclareReplyCode(name), 406);
    // another delivery limit is refused: x-delivery-limit is set
    topology.queues.first().deliveryLimit += 2;
    AmqpQueue other(brokerConfig());
    const auto refused = other.declare(topology);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().detail.contains(QStringLiteral("PRECONDITION_FAILED"))
                 && refused.error().detail.contains(QStringLiteral("x-delivery-limit")),
             qPrintable(refused.error().detail));
    QVERIFY(!other.isConnected()); // a closed channel is never reused
    QVERIFY(!refused.error().detail.contains(QStringLiteral("guest")));

    auto listed = rabbitmqctl({QStringLiteral("list_queues"), QStringLiteral("name"), QStringLiteral("type"),
                               QStringLiteral("arguments")});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.stdErr));
    const QString line = listed.stdOut.split(u'\n').filter(QRegularExpression(u'^' + QRegularExpression::escape(name) + u'\t')).value(0);
    QVERIFY2(line.contains(QStringLiteral("quorum")) && line.contains(QStringLiteral("at-least-once"))
                 && line.contains(QStringLiteral("reject-publish")) && line.contains(topology.deadLetterExchange),
             qPrintable(line));
    QVERIFY(queue.deleteQueue(name).ok());
    QVERIFY(queue.deleteQueue(topology.deadLetterQueue).ok());
}

void TestAmqpQueue::reconnectsAfterTheSocketIsCut()
{
    // given 2,000 messages published 100 at a time, and the socket cut after the third batch
    const QString name = okla::tests::uniqueQueueName(QStringLiteral("test.cut"));
    AmqpQueue queue(brokerConfig());
    QVERIFY(queue.declare(topologyFor(name, name)).ok());
    QList<OutgoingMessage> messages;
    for (int i = 0; i < 2000; ++i)
        messages.append({name, QUuid::createUuid(), QByteArray::number(i)});
    const quint64 epochBefore = queue.epoch();

    // when every message not confirmed is published again
    int failures = 0;
    QVERIFY(publishUntilConfirmed(queue, messages, 64, 3, &failures) > 0);

    // then it reconnected (redeclared, confirms on) and no confirmed message is missing
    QVERIFY(queue.epoch() > epochBefore);
    QVERIFY(failures > 0);
    QSet<QUuid> received;
    for (const Delivery &d : drain(queue, name))
        received.insert(d.messageId);
    for (const OutgoingMessage &m : messages)
        QVERIFY2(received.contains(m.messageId), qPrintable(m.payload));
    QVERIFY(queue.deleteQueue(name).ok());
}

void TestAmqpQueue::reconnectsAfterTheBrokerClosesUs()
{
    const QString name = okla::tests::uniqueQueueName(QStringLiteral("test.closed"));
    AmqpQueue queue(brokerConfig());
    QVERIFY(queue.declare(topologyFor(name, name)).ok());
    QVERIFY(queue.consume(name, 10).ok());
    const quint64 epochBefore = queue.epoch();

    auto closed = rabbitmqctl({QStringLiteral("close_all_connections"), QStringLiteral("okla test")});
    QVERIFY2(closed.exitCode == 0, qPrintable(closed.stdErr));

    // the consumer notices inside receive(), then comes back on its own and consumes again
    auto noticed = queue.receive(5000);
    QVERIFY(!noticed.ok());
    QCOMPARE(noticed.error().code, QStringLiteral("queue.connection_lost"));
    QVERIFY(noticed.error().detail.contains(QStringLiteral("okla test")));
    const QUuid id = QUuid::createUuid();
    int failures = 0;
    QVERIFY(publishUntilConfirmed(queue, {{name, id, "after"}}, 1, 0, &failures) > 0);
    QVERIFY(queue.epoch() > epochBefore);
    std::optional<Delivery> after;
    QTRY_VERIFY_WITH_TIMEOUT(([&] { auto d = queue.receive(200); if (d && d->has_value()) after = **d; return after.has_value(); }()), 10000);
    QCOMPARE(after->messageId, id);
    QVERIFY(queue.ack(*after).ok());
    QVERIFY(queue.deleteQueue(name).ok());
}

QTEST_GUILESS_MAIN(TestAmqpQueue)
#include "tst_amqpqueue.moc"
