#include "services/queue/inprocessqueue.h"

#include <QDeadlineTimer>
#include <QMutexLocker>
#include <QThread>

#include "models/oklatr.h"

namespace okla::services {

using models::makeError;
using models::Result;
using models::Status;

namespace {

bool matchWords(const QStringList &pattern, qsizetype p, const QStringList &key, qsizetype k)
{
    if (p == pattern.size())
        return k == key.size();
    if (pattern[p] == u"#") {
        for (qsizetype skip = k; skip <= key.size(); ++skip) // '#' takes zero or more words
            if (matchWords(pattern, p + 1, key, skip))
                return true;
        return false;
    }
    if (k == key.size())
        return false;
    return (pattern[p] == u"*" || pattern[p] == key[k]) && matchWords(pattern, p + 1, key, k + 1);
}

models::Error unknownQueue(const QString &queue)
{
    return makeError(QStringLiteral("queue.unknown_queue"), Tr::tr("The queue %1 was never declared.").arg(queue));
}

} // namespace

bool InProcessQueue::topicMatches(const QString &pattern, const QString &routingKey)
{
    return matchWords(pattern.split(u'.'), 0, routingKey.split(u'.'), 0);
}

Status InProcessQueue::declare(const QueueTopology &topology)
{
    QMutexLocker lock(&m_mutex);
    m_exchange = topology.exchange;
    m_deadLetterExchange = topology.deadLetterExchange;
    QueueState &dlq = m_queues[topology.deadLetterQueue];
    dlq.exchange = topology.deadLetterExchange;
    dlq.bindingKeys = {QStringLiteral("#")};
    for (const QueueDeclaration &declaration : topology.queues) {
        if (declaration.deliveryLimit < 1)
            return makeError(QStringLiteral("queue.declare"),
                             Tr::tr("The delivery limit of %1 must be at least 1.").arg(declaration.name));
        QueueState &state = m_queues[declaration.name];
        state.exchange = topology.exchange;
        state.deliveryLimit = declaration.deliveryLimit;
        state.deadLetters = true;
        for (const QString &key : declaration.bindingKeys)
            if (!state.bindingKeys.contains(key)) // bindings add up, as on the broker
                state.bindingKeys.append(key);
    }
    return {};
}

Status InProcessQueue::routeLocked(const QString &exchange, const Stored &message)
{
    bool routed = false;
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        if (it->exchange != exchange)
            continue;
        for (const QString &key : std::as_const(it->bindingKeys)) {
            if (topicMatches(key, message.routingKey)) {
                it->ready.push_back(message);
                routed = true;
                break;
            }
        }
    }
    if (!routed)
        return makeError(QStringLiteral("queue.unroutable"),
                         Tr::tr("No queue is bound for the routing key %1; the message was not stored.").arg(message.routingKey));
    m_arrived.wakeAll();
    return {};
}

void InProcessQueue::deadLetterLocked(const QueueState &from, Stored message)
{
    if (!from.deadLetters || m_deadLetterExchange.isEmpty())
        return; // dropped, as the broker drops what has nowhere to go
    message.deliveryCount = 0;
    message.redelivered = false;
    if (!routeLocked(m_deadLetterExchange, message))
        qWarning("in-process queue: a dead letter had no queue bound and was dropped");
}

Status InProcessQueue::publish(const QString &routingKey, const QUuid &messageId, const QByteArray &payload)
{
    QMutexLocker lock(&m_mutex);
    return routeLocked(m_exchange, Stored{routingKey, messageId, payload, 0, false});
}

QList<PublishOutcome> InProcessQueue::publishBatch(const QList<OutgoingMessage> &messages, int /*inFlight*/)
{
    QList<PublishOutcome> outcomes;
    outcomes.reserve(messages.size());
    for (const OutgoingMessage &message : messages)
        outcomes.append({message.messageId, publish(message.routingKey, message.messageId, message.payload)});
    return outcomes;
}

Status InProcessQueue::consume(const QString &queue, int prefetch)
{
    QMutexLocker lock(&m_mutex);
    if (!m_queues.contains(queue))
        return unknownQueue(queue);
    Consumer &consumer = m_consumers[QThread::currentThreadId()];
    if (!consumer.queues.contains(queue))
        consumer.queues.append(queue);
    consumer.prefetch.insert(queue, qMax(1, prefetch));
    return {};
}

int InProcessQueue::unsettledLocked(const QString &queue) const
{
    int count = 0;
    for (const Unsettled &u : m_unsettled)
        count += u.queue == queue ? 1 : 0;
    return count;
}

std::optional<Delivery> InProcessQueue::takeLocked(Consumer &consumer)
{
    for (int i = 0; i < consumer.queues.size(); ++i) {
        const QString name = consumer.queues[(consumer.next + i) % consumer.queues.size()];
        QueueState &state = m_queues[name];
        if (state.ready.empty() || unsettledLocked(name) >= consumer.prefetch.value(name, 1))
            continue;
        consumer.next = (consumer.next + i + 1) % consumer.queues.size();
        Stored message = std::move(state.ready.front());
        state.ready.pop_front();
        const quint64 tag = m_nextTag++;
        Delivery delivery{name, message.routingKey, message.messageId, message.body, tag, kEpoch,
                          message.redelivered, message.deliveryCount};
        m_unsettled.insert(tag, Unsettled{name, std::move(message)});
        return delivery;
    }
    return std::nullopt;
}

Result<std::optional<Delivery>> InProcessQueue::receive(int timeoutMs)
{
    QDeadlineTimer deadline(qMax(0, timeoutMs));
    QMutexLocker lock(&m_mutex);
    auto it = m_consumers.find(QThread::currentThreadId());
    if (it == m_consumers.end())
        return makeError(QStringLiteral("queue.not_consuming"), Tr::tr("This thread consumes no queue; call consume first."));
    for (;;) {
        if (auto delivery = takeLocked(*it))
            return std::optional<Delivery>(std::move(delivery));
        if (deadline.hasExpired() || !m_arrived.wait(&m_mutex, deadline))
            return std::optional<Delivery>();
        it = m_consumers.find(QThread::currentThreadId());
    }
}

Result<InProcessQueue::Unsettled> InProcessQueue::settleLocked(const Delivery &delivery)
{
    auto it = m_unsettled.find(delivery.deliveryTag);
    if (delivery.channelEpoch != kEpoch || it == m_unsettled.end())
        return makeError(QStringLiteral("queue.unknown_delivery"),
                         Tr::tr("This delivery was already settled or belongs to another connection."));
    Unsettled unsettled = std::move(*it);
    m_unsettled.erase(it);
    m_arrived.wakeAll(); // a consumer at its prefetch limit may take the next one
    return unsettled;
}

Status InProcessQueue::ack(const Delivery &delivery)
{
    QMutexLocker lock(&m_mutex);
    auto settled = settleLocked(delivery);
    return settled ? Status() : Status(settled.error());
}

Status InProcessQueue::nack(const Delivery &delivery, bool requeue)
{
    QMutexLocker lock(&m_mutex);
    auto settled = settleLocked(delivery);
    if (!settled)
        return settled.error();
    QueueState &state = m_queues[settled->queue];
    Stored message = std::move(settled->message);
    if (!requeue) {
        deadLetterLocked(state, std::move(message));
        return {};
    }
    // As a quorum queue: a returned message counts one failed delivery; past the limit it is
    // dead-lettered instead of delivered again (docs/messaging.md §3).
    message.deliveryCount += 1;
    message.redelivered = true;
    if (state.deliveryLimit > 0 && message.deliveryCount > state.deliveryLimit)
        deadLetterLocked(state, std::move(message));
    else
        state.ready.push_front(std::move(message));
    m_arrived.wakeAll();
    return {};
}

Status InProcessQueue::reject(const Delivery &delivery)
{
    return nack(delivery, false);
}

int InProcessQueue::readyCount(const QString &queue) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_queues.constFind(queue);
    return it == m_queues.cend() ? -1 : int(it->ready.size());
}

int InProcessQueue::unsettledCount(const QString &queue) const
{
    QMutexLocker lock(&m_mutex);
    return unsettledLocked(queue);
}

} // namespace okla::services
