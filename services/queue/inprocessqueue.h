#pragma once

/// MessageQueue without a broker, for a sandbox with no RabbitMQ (docs/messaging.md §5).

#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <deque>

#include "services/queue/messagequeue.h"

namespace okla::services {

/// Same routing (topic `*`/`#`), delivery limit and dead-lettering as the broker, in memory.
/// Thread-safe: threads may share one instance; each thread's consume() calls make its own
/// consumer (its queues and prefetch), and receive() on that thread serves only them. Messages
/// live as long as the instance (not durable).
class InProcessQueue final : public MessageQueue
{
public:
    InProcessQueue() = default;

    models::Status declare(const QueueTopology &topology) override;
    models::Status publish(const QString &routingKey, const QUuid &messageId, const QByteArray &payload) override;
    QList<PublishOutcome> publishBatch(const QList<OutgoingMessage> &messages, int inFlight) override;
    models::Status consume(const QString &queue, int prefetch) override;
    models::Result<std::optional<Delivery>> receive(int timeoutMs) override;
    models::Status ack(const Delivery &delivery) override;
    models::Status nack(const Delivery &delivery, bool requeue) override;
    models::Status reject(const Delivery &delivery) override;

    /// Messages waiting (not delivered) in `queue`; -1 when it does not exist.
    int readyCount(const QString &queue) const;
    /// Delivered, not yet settled messages of `queue`.
    int unsettledCount(const QString &queue) const;

    /// Topic match of AMQP: words split by '.', `*` one word, `#` zero or more words.
    static bool topicMatches(const QString &pattern, const QString &routingKey);

private:
    struct Stored
    {
        QString routingKey;
        QUuid messageId;
        QByteArray body;
        int deliveryCount = 0;
        bool redelivered = false;
    };
    struct QueueState
    {
        QString exchange;
        QStringList bindingKeys;
        int deliveryLimit = 0; ///< 0: no limit (the dead-letter queue)
        bool deadLetters = false;
        std::deque<Stored> ready;
    };
    struct Unsettled
    {
        QString queue;
        Stored message;
    };
    struct Consumer
    {
        QStringList queues;
        QHash<QString, int> prefetch;
        int next = 0; ///< round robin over queues
    };

    models::Status routeLocked(const QString &exchange, const Stored &message);
    void deadLetterLocked(const QueueState &from, Stored message);
    std::optional<Delivery> takeLocked(Consumer &consumer);
    int unsettledLocked(const QString &queue) const;
    models::Result<Unsettled> settleLocked(const Delivery &delivery);

    mutable QMutex m_mutex;
    QWaitCondition m_arrived;
    QString m_exchange = QueueTopology().exchange;
    QString m_deadLetterExchange;
    QHash<QString, QueueState> m_queues;
    QHash<quint64, Unsettled> m_unsettled;
    QHash<Qt::HANDLE, Consumer> m_consumers;
    quint64 m_nextTag = 1;
    static constexpr quint64 kEpoch = 1; ///< one "connection" for the whole life of the instance
};

} // namespace okla::services
