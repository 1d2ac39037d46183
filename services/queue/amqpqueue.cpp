// Connection life of AmqpQueue: connect, declare, consume, settle, lose and reconnect
// (docs/messaging.md §1, §3, §4). Publishing and reading frames are in amqpqueuepublish.cpp.
#include "services/queue/amqpqueue.h"

#include <amqp_tcp_socket.h>

#include "models/oklatr.h"
#include "services/queue/amqpsupport.h"
#include "services/session/connectionprofile.h"

namespace okla::services {

using models::makeError;
using models::Status;
using namespace okla::services::amqp;

namespace {

timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

enum SettleKind { Ack, Nack, Reject };

} // namespace

AmqpConfig AmqpConfig::fromProfile(const ConnectionProfile &profile, AmqpCredentials credentials)
{
    AmqpConfig config;
    config.host = profile.amqpHost;
    config.port = profile.amqpPort;
    config.credentials = std::move(credentials);
    return config;
}

AmqpQueue::AmqpQueue(AmqpConfig config, std::shared_ptr<RetryPolicy> reconnectPolicy, std::shared_ptr<Clock> clock)
    : m_config(std::move(config)), m_reconnectPolicy(std::move(reconnectPolicy)), m_clock(std::move(clock))
{
}

AmqpQueue::~AmqpQueue()
{
    if (m_conn)
        lose(true);
}

qint64 AmqpQueue::reconnectInMs() const
{
    return m_conn ? 0 : qMax<qint64>(0, m_nextAttemptAtMs - m_clock->nowMs());
}

int AmqpQueue::socketDescriptor() const
{
    return m_conn ? amqp_get_sockfd(m_conn) : -1;
}

models::Error AmqpQueue::replyError(const amqp_rpc_reply_t &reply, const QString &what)
{
    const QString where = QStringLiteral("%1 at %2:%3").arg(what, m_config.host).arg(m_config.port);
    QString detail;
    if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION) {
        detail = QString::fromUtf8(amqp_error_string2(reply.library_error));
    } else if (reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION
               && reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
        auto *close = static_cast<amqp_connection_close_t *>(reply.reply.decoded);
        detail = QStringLiteral("%1 %2").arg(close->reply_code).arg(QString::fromUtf8(toByteArray(close->reply_text)));
    } else if (reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION && reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
        auto *close = static_cast<amqp_channel_close_t *>(reply.reply.decoded);
        detail = QStringLiteral("%1 %2").arg(close->reply_code).arg(QString::fromUtf8(toByteArray(close->reply_text)));
    } else {
        detail = QStringLiteral("no reply");
    }
    return makeError(QStringLiteral("queue.broker"), Tr::tr("RabbitMQ refused or lost the request (%1).").arg(what),
                     where + QStringLiteral(": ") + detail);
}

Status AmqpQueue::checkReply(const QString &what)
{
    const amqp_rpc_reply_t reply = amqp_get_rpc_reply(m_conn);
    if (reply.reply_type == AMQP_RESPONSE_NORMAL)
        return {};
    models::Error error = replyError(reply, what);
    // A server exception closed the channel or the connection: never reuse either.
    lose(reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION && reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD);
    return error;
}

Status AmqpQueue::checkStatus(int status, const QString &what)
{
    if (status == AMQP_STATUS_OK)
        return {};
    models::Error error = makeError(QStringLiteral("queue.connection_lost"),
                                    Tr::tr("The connection to RabbitMQ was lost (%1).").arg(what),
                                    QStringLiteral("%1:%2: %3").arg(m_config.host).arg(m_config.port)
                                        .arg(QString::fromUtf8(amqp_error_string2(status))));
    lose(false);
    return error;
}

void AmqpQueue::lose(bool polite)
{
    if (!m_conn)
        return;
    if (polite)
        (void)amqp_connection_close(m_conn, AMQP_REPLY_SUCCESS); // best effort: the socket may be gone
    amqp_destroy_connection(m_conn);
    m_conn = nullptr;
    m_deliveries.clear(); // unsettled deliveries go back to the queue with the connection
    m_consumerQueues.clear();
    for (auto &[tag, pending] : m_unconfirmed) // the caller publishes these again
        if (m_outcomes)
            (*m_outcomes)[pending.index].status =
                makeError(QStringLiteral("queue.connection_lost"),
                          Tr::tr("The connection to RabbitMQ was lost before the broker confirmed the message."));
    m_unconfirmed.clear();
    scheduleReconnect();
}

void AmqpQueue::scheduleReconnect()
{
    // Full jitter, 1 s base, 30 s cap by default (docs/messaging.md §4).
    ++m_failedAttempts;
    m_nextAttemptAtMs = m_clock->nowMs() + qMax<qint64>(0, m_reconnectPolicy->backoffMs(m_failedAttempts, {}));
}

Status AmqpQueue::connect()
{
    if (m_conn)
        return {};
    const int failedBefore = m_failedAttempts;
    Status opened = open();
    if (!opened && m_failedAttempts == failedBefore) // lose() has not scheduled the next attempt
        scheduleReconnect();
    return opened;
}

Status AmqpQueue::ensureConnected()
{
    if (m_conn)
        return {};
    if (const qint64 wait = reconnectInMs(); wait > 0)
        return makeError(QStringLiteral("queue.reconnecting"),
                         Tr::tr("RabbitMQ is not connected; the next attempt is in %1 ms.").arg(wait));
    return connect();
}

Status AmqpQueue::open()
{
    m_conn = amqp_new_connection();
    amqp_socket_t *socket = m_conn ? amqp_tcp_socket_new(m_conn) : nullptr;
    if (!socket) {
        if (m_conn)
            amqp_destroy_connection(m_conn);
        m_conn = nullptr;
        return makeError(QStringLiteral("queue.connect"), Tr::tr("Cannot create a RabbitMQ connection."));
    }
    const timeval connectTimeout = toTimeval(m_config.connectTimeoutMs);
    const timeval rpcTimeout = toTimeval(m_config.rpcTimeoutMs);
    const int opened = amqp_socket_open_noblock(socket, m_config.host.toUtf8().constData(), m_config.port, &connectTimeout);
    if (opened != AMQP_STATUS_OK) {
        amqp_destroy_connection(m_conn);
        m_conn = nullptr;
        return makeError(QStringLiteral("queue.connect"), Tr::tr("Cannot reach RabbitMQ."),
                         QStringLiteral("%1:%2: %3").arg(m_config.host).arg(m_config.port)
                             .arg(QString::fromUtf8(amqp_error_string2(opened))));
    }
    (void)amqp_set_handshake_timeout(m_conn, &connectTimeout);
    (void)amqp_set_rpc_timeout(m_conn, &rpcTimeout);
    const QByteArray vhost = m_config.virtualHost.toUtf8();
    const QByteArray user = m_config.credentials.user.toUtf8();
    QByteArray password = m_config.credentials.password.toUtf8();
    const amqp_rpc_reply_t login = amqp_login(m_conn, vhost.constData(), 0, AMQP_DEFAULT_FRAME_SIZE,
                                              m_config.heartbeatSeconds, AMQP_SASL_METHOD_PLAIN,
                                              user.constData(), password.constData());
    password.fill('\0');
    if (login.reply_type != AMQP_RESPONSE_NORMAL) {
        models::Error error = replyError(login, QStringLiteral("login"));
        error.code = QStringLiteral("queue.login");
        amqp_destroy_connection(m_conn);
        m_conn = nullptr;
        return error;
    }
    m_nextPublishTag = 1; // confirm tags count from 1 on each channel
    m_unconfirmed.clear();
    ++m_epoch;
    (void)amqp_channel_open(m_conn, kChannel);
    if (Status s = checkReply(QStringLiteral("channel.open")); !s)
        return s;
    (void)amqp_confirm_select(m_conn, kChannel);
    if (Status s = checkReply(QStringLiteral("confirm.select")); !s)
        return s;
    if (m_topology)
        if (Status s = declareOnChannel(*m_topology); !s)
            return s;
    for (const Subscription &subscription : std::as_const(m_subscriptions))
        if (Status s = subscribeOnChannel(subscription); !s)
            return s;
    m_failedAttempts = 0;
    m_nextAttemptAtMs = 0;
    return {};
}

Status AmqpQueue::declareOnChannel(const QueueTopology &topology)
{
    const QByteArray exchange = topology.exchange.toUtf8();
    const QByteArray dlx = topology.deadLetterExchange.toUtf8();
    const QByteArray dlq = topology.deadLetterQueue.toUtf8();
    (void)amqp_exchange_declare(m_conn, kChannel, borrow(exchange), amqp_cstring_bytes("topic"), 0, 1, 0, 0, amqp_empty_table);
    if (Status s = checkReply(QStringLiteral("exchange.declare ") + topology.exchange); !s)
        return s;
    (void)amqp_exchange_declare(m_conn, kChannel, borrow(dlx), amqp_cstring_bytes("topic"), 0, 1, 0, 0, amqp_empty_table);
    if (Status s = checkReply(QStringLiteral("exchange.declare ") + topology.deadLetterExchange); !s)
        return s;
    TableBuilder dlqArgs;
    dlqArgs.text("x-queue-type", QStringLiteral("quorum"));
    (void)amqp_queue_declare(m_conn, kChannel, borrow(dlq), 0, 1, 0, 0, dlqArgs.table());
    if (Status s = checkReply(QStringLiteral("queue.declare ") + topology.deadLetterQueue); !s)
        return s;
    (void)amqp_queue_bind(m_conn, kChannel, borrow(dlq), borrow(dlx), amqp_cstring_bytes("#"), amqp_empty_table);
    if (Status s = checkReply(QStringLiteral("queue.bind ") + topology.deadLetterQueue); !s)
        return s;
    for (const QueueDeclaration &declaration : topology.queues) {
        const QByteArray name = declaration.name.toUtf8();
        TableBuilder args;
        args.text("x-queue-type", QStringLiteral("quorum"))
            .integer("x-delivery-limit", declaration.deliveryLimit)
            .text("x-dead-letter-exchange", topology.deadLetterExchange)
            .text("x-dead-letter-strategy", QStringLiteral("at-least-once"))
            .text("x-overflow", QStringLiteral("reject-publish"));
        (void)amqp_queue_declare(m_conn, kChannel, borrow(name), 0, 1, 0, 0, args.table());
        if (Status s = checkReply(QStringLiteral("queue.declare ") + declaration.name); !s)
            return s;
        for (const QString &key : declaration.bindingKeys) {
            const QByteArray routingKey = key.toUtf8();
            (void)amqp_queue_bind(m_conn, kChannel, borrow(name), borrow(exchange), borrow(routingKey), amqp_empty_table);
            if (Status s = checkReply(QStringLiteral("queue.bind ") + declaration.name); !s)
                return s;
        }
    }
    return {};
}

Status AmqpQueue::declare(const QueueTopology &topology)
{
    if (Status s = ensureConnected(); !s)
        return s;
    if (Status s = declareOnChannel(topology); !s)
        return s;
    m_topology = topology; // declared again after each reconnect
    return {};
}

Status AmqpQueue::deleteQueue(const QString &queue)
{
    if (Status s = ensureConnected(); !s)
        return s;
    const QByteArray name = queue.toUtf8();
    (void)amqp_queue_delete(m_conn, kChannel, borrow(name), 0, 0);
    return checkReply(QStringLiteral("queue.delete ") + queue);
}

Status AmqpQueue::subscribeOnChannel(const Subscription &subscription)
{
    (void)amqp_basic_qos(m_conn, kChannel, 0, quint16(qBound(1, subscription.prefetch, 65535)), 0);
    if (Status s = checkReply(QStringLiteral("basic.qos")); !s)
        return s;
    const QByteArray name = subscription.queue.toUtf8();
    amqp_basic_consume_ok_t *ok = amqp_basic_consume(m_conn, kChannel, borrow(name), amqp_empty_bytes, 0, 0, 0, amqp_empty_table);
    if (Status s = checkReply(QStringLiteral("basic.consume ") + subscription.queue); !s)
        return s;
    m_consumerQueues.insert(toByteArray(ok->consumer_tag), subscription.queue);
    return {};
}

Status AmqpQueue::consume(const QString &queue, int prefetch)
{
    if (Status s = ensureConnected(); !s)
        return s;
    const Subscription subscription{queue, prefetch};
    if (Status s = subscribeOnChannel(subscription); !s)
        return s;
    m_subscriptions.append(subscription); // consumed again after each reconnect
    return {};
}

Status AmqpQueue::settle(const Delivery &delivery, int how, bool requeue)
{
    if (!m_conn || delivery.channelEpoch != m_epoch)
        return makeError(QStringLiteral("queue.stale_delivery"),
                         Tr::tr("The connection that delivered this message is gone; the broker delivers it again."));
    int status = AMQP_STATUS_OK;
    if (how == Ack)
        status = amqp_basic_ack(m_conn, kChannel, delivery.deliveryTag, 0);
    else if (how == Nack)
        status = amqp_basic_nack(m_conn, kChannel, delivery.deliveryTag, 0, requeue ? 1 : 0);
    else
        status = amqp_basic_reject(m_conn, kChannel, delivery.deliveryTag, 0);
    return checkStatus(status, QStringLiteral("settle"));
}

Status AmqpQueue::ack(const Delivery &delivery) { return settle(delivery, Ack, false); }
Status AmqpQueue::nack(const Delivery &delivery, bool requeue) { return settle(delivery, Nack, requeue); }
Status AmqpQueue::reject(const Delivery &delivery) { return settle(delivery, Reject, false); }

} // namespace okla::services
