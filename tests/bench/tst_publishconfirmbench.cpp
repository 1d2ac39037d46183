// Confirmed publishing through AmqpQueue::publishBatch, and through the outbox relay (rows read
// and marked in PostgreSQL, docs/messaging.md §6), against a plain rabbitmq-c publish-and-confirm
// loop with the same number in flight (issue 9). Prints msgs/s, median and p95 over several
// rounds, and the ratios AmqpQueue / plain and relay / plain (target >= 0.8). Run on purpose
// (label bench) against the fixture's RabbitMQ and a throwaway migrated database.
//   OKLA_QUEUE_BENCH_MESSAGES (default 5000) per round, OKLA_QUEUE_BENCH_ROUNDS (default 7).
#include <amqp.h>
#include <amqp_tcp_socket.h>

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <map>

#include "harness/testenv.h"
#include "services/database/migrator.h"
#include "services/outbox/outboxrelay.h"
#include "services/queue/amqpqueue.h"

using namespace okla::services;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5))];
}

QByteArray payload(int i)
{
    return QByteArray(R"({"event":"billing.payment.completed","payment_id":)") + QByteArray::number(i)
           + R"(,"amount_minor":250000,"currency":"DOP","padding":")" + QByteArray(300, 'x') + "\"}";
}

/// The baseline: rabbitmq-c as its examples use it, confirms read with amqp_simple_wait_frame.
class PlainPublisher
{
public:
    explicit PlainPublisher(const AmqpConfig &config)
    {
        m_conn = amqp_new_connection();
        amqp_socket_t *socket = amqp_tcp_socket_new(m_conn);
        m_ok = amqp_socket_open(socket, config.host.toUtf8().constData(), config.port) == AMQP_STATUS_OK
               && amqp_login(m_conn, "/", 0, AMQP_DEFAULT_FRAME_SIZE, 30, AMQP_SASL_METHOD_PLAIN, "guest", "guest").reply_type
                      == AMQP_RESPONSE_NORMAL
               && amqp_channel_open(m_conn, 1) && amqp_confirm_select(m_conn, 1);
    }
    ~PlainPublisher() { amqp_destroy_connection(m_conn); }
    bool ok() const { return m_ok; }

    /// Publishes `count` messages with at most `inFlight` unconfirmed; false on any failure.
    bool run(const QByteArray &exchange, const QByteArray &routingKey, const QList<QByteArray> &bodies, int inFlight)
    {
        // Confirm tags count from 1 per channel, across runs: this run's are m_tags + 1 ...
        quint64 sent = 0, confirmed = 0;
        const quint64 total = quint64(bodies.size());
        while (confirmed < total) {
            while (sent < total && sent - confirmed < quint64(inFlight)) {
                const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
                amqp_basic_properties_t props;
                props._flags = AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_MESSAGE_ID_FLAG;
                props.delivery_mode = AMQP_DELIVERY_PERSISTENT;
                props.message_id = amqp_cstring_bytes(id.constData());
                const QByteArray &body = bodies[qsizetype(sent)];
                if (amqp_basic_publish(m_conn, 1, amqp_cstring_bytes(exchange.constData()),
                                       amqp_cstring_bytes(routingKey.constData()), 1, 0, &props,
                                       amqp_bytes_t{size_t(body.size()), const_cast<char *>(body.constData())}) != AMQP_STATUS_OK)
                    return false;
                ++sent;
            }
            amqp_maybe_release_buffers(m_conn);
            amqp_frame_t frame;
            if (amqp_simple_wait_frame(m_conn, &frame) != AMQP_STATUS_OK)
                return false;
            if (frame.frame_type != AMQP_FRAME_METHOD)
                continue;
            if (frame.payload.method.id == AMQP_BASIC_NACK_METHOD || frame.payload.method.id == AMQP_BASIC_RETURN_METHOD)
                return false;
            if (frame.payload.method.id == AMQP_BASIC_ACK_METHOD) {
                auto *ack = static_cast<amqp_basic_ack_t *>(frame.payload.method.decoded);
                confirmed = std::max(confirmed, ack->delivery_tag - m_tags); // acks come in order
            }
        }
        m_tags += total;
        return true;
    }

private:
    amqp_connection_state_t m_conn;
    bool m_ok = false;
    quint64 m_tags = 0;
};

} // namespace

class TestPublishConfirmBench : public QObject
{
    Q_OBJECT

private slots:
    void publishConfirm_data();
    void publishConfirm();
};

void TestPublishConfirmBench::publishConfirm_data()
{
    QTest::addColumn<int>("inFlight");
    QTest::newRow("K=1") << 1;
    QTest::newRow("K=64") << 64;
}

void TestPublishConfirmBench::publishConfirm()
{
    QFETCH(int, inFlight);
    const int messages = envInt("OKLA_QUEUE_BENCH_MESSAGES", 5000);
    const int rounds = envInt("OKLA_QUEUE_BENCH_ROUNDS", 7);
    const AmqpConfig config = AmqpConfig::fromProfile(okla::tests::testProfile());
    QVERIFY2(!config.host.isEmpty(), "the fixture starts RabbitMQ (--with-rabbitmq)");

    const QString queueName = QStringLiteral("bench.confirm.") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    QueueTopology topology;
    topology.deadLetterExchange = queueName + QStringLiteral(".dlx");
    topology.deadLetterQueue = queueName + QStringLiteral(".dlq");
    topology.queues = {QueueDeclaration{queueName, {queueName}, 5}};
    AmqpQueue okla(config);
    QVERIFY(okla.declare(topology).ok());
    PlainPublisher plain(config);
    QVERIFY(plain.ok());

    QList<QByteArray> bodies;
    QList<OutgoingMessage> batch;
    for (int i = 0; i < messages; ++i) {
        bodies.append(payload(i));
        batch.append({queueName, QUuid::createUuid(), bodies.last()});
    }
    okla::tests::WorkerLogin workerLogin(QStringLiteral("benchrelay"));
    okla::tests::ThrowawayDatabase db(QStringLiteral("okla_benchrelay"));
    {
        PgConnection owner = db.open(QStringLiteral("okla_owner"));
        QVERIFY(Migrator::migrate(owner).ok());
    }
    PgConnection worker = db.open(workerLogin.name());
    AmqpQueue admin(config); // purges between rounds so the queue stays the same size
    QList<double> plainRates, oklaRates, relayRates;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        QVERIFY(plain.run(topology.exchange.toUtf8(), queueName.toUtf8(), bodies, inFlight));
        plainRates.append(messages * 1000.0 / double(qMax<qint64>(1, clock.elapsed())));
        QVERIFY(admin.deleteQueue(queueName).ok() && admin.declare(topology).ok());

        clock.restart();
        const auto outcomes = okla.publishBatch(batch, inFlight);
        oklaRates.append(messages * 1000.0 / double(qMax<qint64>(1, clock.elapsed())));
        QVERIFY(std::all_of(outcomes.cbegin(), outcomes.cend(), [](const PublishOutcome &o) { return o.confirmed(); }));
        QVERIFY(admin.deleteQueue(queueName).ok() && admin.declare(topology).ok());

        // The relay: the same number of rows, read, published and marked (the inserts are not timed).
        QVERIFY(worker.exec(QStringLiteral("INSERT INTO outbox (event_type, payload) SELECT $1, "
                                           "jsonb_build_object('event', 'billing.payment.completed', 'payment_id', n, "
                                           "'amount_minor', 250000, 'currency', 'DOP', 'padding', repeat('x', 300)) "
                                           "FROM generate_series(1, $2) n"),
                            {queueName, messages})
                    .ok());
        clock.restart();
        auto relayed = OutboxRelay(worker, okla, {500, inFlight}).relayAll();
        relayRates.append(messages * 1000.0 / double(qMax<qint64>(1, clock.elapsed())));
        QVERIFY(relayed.ok() && relayed.value() == messages);
        QVERIFY(admin.deleteQueue(queueName).ok() && admin.declare(topology).ok());
    }
    const double ratio = percentile(oklaRates, 0.5) / percentile(plainRates, 0.5);
    const double relayRatio = percentile(relayRates, 0.5) / percentile(plainRates, 0.5);
    qInfo("K=%d, %d messages x %d rounds: plain rabbitmq-c median %.0f msgs/s (p95 %.0f); AmqpQueue median %.0f msgs/s "
          "(p95 %.0f), ratio %.2f; outbox relay median %.0f msgs/s (p95 %.0f), ratio %.2f (targets >= 0.8)",
          inFlight, messages, rounds, percentile(plainRates, 0.5), percentile(plainRates, 0.95),
          percentile(oklaRates, 0.5), percentile(oklaRates, 0.95), ratio, percentile(relayRates, 0.5),
          percentile(relayRates, 0.95), relayRatio);
    QVERIFY(admin.deleteQueue(queueName).ok() && admin.deleteQueue(topology.deadLetterQueue).ok());
    QVERIFY2(ratio >= 0.8, qPrintable(QStringLiteral("ratio %1").arg(ratio)));
    QVERIFY2(relayRatio >= 0.8, qPrintable(QStringLiteral("relay ratio %1").arg(relayRatio)));
}

QTEST_GUILESS_MAIN(TestPublishConfirmBench)
#include "tst_publishconfirmbench.moc"
