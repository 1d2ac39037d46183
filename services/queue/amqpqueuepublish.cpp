// AmqpQueue's frames: confirmed publishing (confirms read by hand, since rabbitmq-c 0.11 has no
// confirm wait), basic.return, deliveries and closes from the broker (docs/messaging.md §2, §4).
#include "services/queue/amqpqueue.h"

#include <QDeadlineTimer>

#include "models/oklatr.h"
#include "services/queue/amqpsupport.h"

namespace okla::services {

using models::makeError;
using models::Result;
using models::Status;
using namespace okla::services::amqp;

namespace {

timeval toTimeval(qint64 ms)
{
    return timeval{time_t(ms / 1000), suseconds_t((ms % 1000) * 1000)};
}

QString closeText(quint16 code, amqp_bytes_t text)
{
    return QStringLiteral("%1 %2").arg(code).arg(QString::fromUtf8(toByteArray(text)));
}

} // namespace

Status AmqpQueue::publish(const QString &routingKey, const QUuid &messageId, const QByteArray &payload)
{
    return publishBatch({OutgoingMessage{routingKey, messageId, payload}}, 1).constFirst().status;
}

Status AmqpQueue::sendOne(const OutgoingMessage &message, qsizetype index)
{
    const QByteArray exchange = (m_topology ? m_topology->exchange : QueueTopology().exchange).toUtf8();
    const QByteArray routingKey = message.routingKey.toUtf8();
    const QByteArray id = message.messageId.toByteArray(QUuid::WithoutBraces);
    amqp_basic_properties_t properties;
    properties._flags = AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_MESSAGE_ID_FLAG;
    properties.delivery_mode = AMQP_DELIVERY_PERSISTENT;
    properties.message_id = borrow(id);
    const int status = amqp_basic_publish(m_conn, kChannel, borrow(exchange), borrow(routingKey), /*mandatory*/ 1,
                                          /*immediate*/ 0, &properties, borrow(message.payload));
    if (Status s = checkStatus(status, QStringLiteral("basic.publish")); !s)
        return s;
    m_unconfirmed.emplace(m_nextPublishTag++, Unconfirmed{index, id, m_clock->nowMs(), false});
    return {};
}

QList<PublishOutcome> AmqpQueue::publishBatch(const QList<OutgoingMessage> &messages, int inFlight)
{
    QList<PublishOutcome> outcomes;
    outcomes.reserve(messages.size());
    const models::Error notSent = makeError(QStringLiteral("queue.not_sent"),
                                            Tr::tr("The message was not sent: the connection to RabbitMQ was lost."));
    for (const OutgoingMessage &message : messages)
        outcomes.append({message.messageId, notSent});
    if (messages.isEmpty())
        return outcomes;
    if (Status s = ensureConnected(); !s) {
        for (PublishOutcome &outcome : outcomes)
            outcome.status = s;
        return outcomes;
    }
    const size_t window = size_t(qMax(1, inFlight));
    const qint64 timeoutMs = m_config.confirmTimeoutMs;
    m_unconfirmed.clear(); // a late confirm of an earlier, timed-out message is ignored
    m_outcomes = &outcomes;
    qsizetype next = 0;
    while (m_conn && (next < messages.size() || !m_unconfirmed.empty())) {
        while (m_conn && next < messages.size() && m_unconfirmed.size() < window) {
            if (!sendOne(messages[next], next))
                break;
            ++next;
        }
        if (!m_conn || m_unconfirmed.empty())
            continue;
        // Tags grow with time, so the first unconfirmed message is the oldest.
        const qint64 now = m_clock->nowMs();
        while (!m_unconfirmed.empty() && m_unconfirmed.begin()->second.sentAtMs + timeoutMs <= now) {
            outcomes[m_unconfirmed.begin()->second.index].status =
                makeError(QStringLiteral("queue.confirm_timeout"),
                          Tr::tr("RabbitMQ did not confirm the message within %1 ms.").arg(timeoutMs));
            m_unconfirmed.erase(m_unconfirmed.begin());
        }
        if (m_unconfirmed.empty())
            continue;
        const qint64 wait = qBound<qint64>(0, m_unconfirmed.begin()->second.sentAtMs + timeoutMs - now, timeoutMs);
        if (!pumpFrame(int(wait)))
            break; // lost: lose() marked every unconfirmed message
    }
    m_outcomes = nullptr;
    return outcomes;
}

void AmqpQueue::settleConfirms(quint64 tag, bool multiple, bool acked)
{
    auto settleOne = [&](const Unconfirmed &pending) {
        if (!m_outcomes)
            return;
        Status status;
        if (!acked)
            status = makeError(QStringLiteral("queue.nacked"), Tr::tr("RabbitMQ refused the message (nack)."));
        else if (pending.returned)
            status = makeError(QStringLiteral("queue.unroutable"),
                               Tr::tr("No queue is bound for the message's routing key; the broker returned it."));
        (*m_outcomes)[pending.index].status = status;
    };
    if (!multiple) {
        if (auto it = m_unconfirmed.find(tag); it != m_unconfirmed.end()) {
            settleOne(it->second);
            m_unconfirmed.erase(it);
        }
        return;
    }
    for (auto it = m_unconfirmed.begin(); it != m_unconfirmed.end() && it->first <= tag;) {
        settleOne(it->second);
        it = m_unconfirmed.erase(it);
    }
}

Result<bool> AmqpQueue::pumpFrame(int timeoutMs)
{
    if (!m_conn)
        return makeError(QStringLiteral("queue.connection_lost"), Tr::tr("The connection to RabbitMQ was lost."));
    amqp_maybe_release_buffers(m_conn);
    amqp_frame_t frame;
    const timeval timeout = toTimeval(qMax(0, timeoutMs));
    const int status = amqp_simple_wait_frame_noblock(m_conn, &frame, &timeout);
    if (status == AMQP_STATUS_TIMEOUT)
        return false;
    if (Status s = checkStatus(status, QStringLiteral("read")); !s)
        return s.error();
    if (frame.frame_type != AMQP_FRAME_METHOD)
        return true; // a stray content frame: nothing waits for it
    if (Status s = handleMethod(frame.channel, frame.payload.method.id, frame.payload.method.decoded); !s)
        return s.error();
    return true;
}

Status AmqpQueue::handleMethod(quint16 channel, quint32 methodId, void *decoded)
{
    switch (methodId) {
    case AMQP_BASIC_ACK_METHOD: {
        auto *ack = static_cast<amqp_basic_ack_t *>(decoded);
        settleConfirms(ack->delivery_tag, ack->multiple, true);
        return {};
    }
    case AMQP_BASIC_NACK_METHOD: {
        auto *nack = static_cast<amqp_basic_nack_t *>(decoded);
        settleConfirms(nack->delivery_tag, nack->multiple, false);
        return {};
    }
    case AMQP_BASIC_RETURN_METHOD:
    case AMQP_BASIC_DELIVER_METHOD: {
        amqp_basic_deliver_t deliver{};
        if (methodId == AMQP_BASIC_DELIVER_METHOD)
            deliver = *static_cast<amqp_basic_deliver_t *>(decoded);
        amqp_message_t message;
        const amqp_rpc_reply_t read = amqp_read_message(m_conn, channel, &message, 0);
        if (read.reply_type != AMQP_RESPONSE_NORMAL) {
            models::Error error = replyError(read, QStringLiteral("read message"));
            lose(false);
            return error;
        }
        const amqp_basic_properties_t &p = message.properties;
        const QByteArray id = (p._flags & AMQP_BASIC_MESSAGE_ID_FLAG) ? toByteArray(p.message_id) : QByteArray();
        if (methodId == AMQP_BASIC_RETURN_METHOD) {
            // The broker sends basic.return before the ack of the same message (docs/messaging.md §2).
            for (auto &[tag, pending] : m_unconfirmed)
                if (!pending.returned && pending.messageId == id) {
                    pending.returned = true;
                    break;
                }
        } else {
            const auto count = (p._flags & AMQP_BASIC_HEADERS_FLAG) ? integerHeader(p.headers, "x-delivery-count")
                                                                    : std::nullopt;
            m_deliveries.push_back(Delivery{m_consumerQueues.value(toByteArray(deliver.consumer_tag)),
                                            QString::fromUtf8(toByteArray(deliver.routing_key)),
                                            QUuid::fromString(QString::fromLatin1(id)), toByteArray(message.body),
                                            deliver.delivery_tag, m_epoch, deliver.redelivered != 0,
                                            int(count.value_or(0))});
        }
        amqp_destroy_message(&message);
        return {};
    }
    case AMQP_CHANNEL_CLOSE_METHOD: {
        auto *close = static_cast<amqp_channel_close_t *>(decoded);
        const QString detail = closeText(close->reply_code, close->reply_text);
        amqp_channel_close_ok_t ok{};
        (void)amqp_send_method(m_conn, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
        lose(true);
        return makeError(QStringLiteral("queue.channel_closed"), Tr::tr("RabbitMQ closed the channel."), detail);
    }
    case AMQP_CONNECTION_CLOSE_METHOD: {
        auto *close = static_cast<amqp_connection_close_t *>(decoded);
        const QString detail = closeText(close->reply_code, close->reply_text);
        amqp_connection_close_ok_t ok{};
        (void)amqp_send_method(m_conn, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
        lose(false);
        return makeError(QStringLiteral("queue.connection_lost"), Tr::tr("RabbitMQ closed the connection."), detail);
    }
    default:
        return {}; // nothing else is expected on this channel
    }
}

Result<std::optional<Delivery>> AmqpQueue::receive(int timeoutMs)
{
    if (Status s = ensureConnected(); !s)
        return s.error();
    if (m_subscriptions.isEmpty())
        return makeError(QStringLiteral("queue.not_consuming"), Tr::tr("This connection consumes no queue; call consume first."));
    const QDeadlineTimer deadline(qMax(0, timeoutMs));
    while (m_deliveries.empty()) {
        auto got = pumpFrame(int(deadline.remainingTime()));
        if (!got)
            return got.error();
        if (!*got && deadline.hasExpired())
            return std::optional<Delivery>();
    }
    Delivery delivery = std::move(m_deliveries.front());
    m_deliveries.pop_front();
    return std::optional<Delivery>(std::move(delivery));
}

} // namespace okla::services
