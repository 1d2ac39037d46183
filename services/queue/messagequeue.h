#pragma once

/// The worker's message queue: topology, confirmed publishes and manual-ack consumption
/// (docs/messaging.md §1-§5). Two implementations: AmqpQueue (RabbitMQ) and InProcessQueue.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

#include "models/result.h"

namespace okla::services {

/// One durable queue bound to the events exchange (docs/messaging.md §1).
struct QueueDeclaration
{
    QString name;
    QStringList bindingKeys;  ///< topic patterns, e.g. "billing.*" or "billing.#"
    int deliveryLimit = 5;    ///< failed deliveries allowed before the message is dead-lettered
};

/// The exchanges and queues a worker needs. Defaults are the names of docs/messaging.md §1.
struct QueueTopology
{
    QString exchange = QStringLiteral("cardealer.events");
    QString deadLetterExchange = QStringLiteral("cardealer.events.dlx");
    QString deadLetterQueue = QStringLiteral("cardealer.events.dlq");
    QList<QueueDeclaration> queues;
};

/// A message to publish: the routing key, the outbox row's message id and the payload.
struct OutgoingMessage
{
    QString routingKey;
    QUuid messageId;
    QByteArray payload;
};

/// What happened to one message of a batch: ok() only when the broker confirmed it.
struct PublishOutcome
{
    QUuid messageId;
    models::Status status;
    bool confirmed() const { return status.ok(); }
};

/// A message handed to a consumer; settle it with ack, nack or reject exactly once.
struct Delivery
{
    QString queue;
    QString routingKey;
    QUuid messageId;          ///< null when the publisher set none (or not a uuid)
    QByteArray body;
    quint64 deliveryTag = 0;
    quint64 channelEpoch = 0; ///< which connection delivered it; a settle after a reconnect is refused
    bool redelivered = false;
    int deliveryCount = 0;    ///< earlier failed deliveries (the broker's x-delivery-count), 0 the first time
};

/// Not thread-safe unless an implementation says so: one instance per thread (docs/messaging.md §4).
class MessageQueue
{
public:
    virtual ~MessageQueue() = default;

    /// Declares exchanges, the dead-letter queue and the queues with their bindings; kept and
    /// declared again after a reconnect.
    virtual models::Status declare(const QueueTopology &topology) = 0;

    /// Publishes one persistent, mandatory message to the topology's exchange and returns once the
    /// broker confirmed it. Any error (nack, unroutable, timeout, lost connection) means "publish
    /// again later"; the consumer dedupes on messageId.
    virtual models::Status publish(const QString &routingKey, const QUuid &messageId, const QByteArray &payload) = 0;

    /// Publishes `messages` keeping at most `inFlight` unconfirmed; one outcome per message, in order.
    virtual QList<PublishOutcome> publishBatch(const QList<OutgoingMessage> &messages, int inFlight) = 0;

    /// Starts consuming `queue` with at most `prefetch` unsettled deliveries.
    virtual models::Status consume(const QString &queue, int prefetch) = 0;

    /// The next delivery of a consumed queue, waiting at most `timeoutMs` (nullopt: none came).
    /// Call it at least every 5 s: heartbeats are only handled inside it (docs/messaging.md §4).
    virtual models::Result<std::optional<Delivery>> receive(int timeoutMs) = 0;

    /// Settles a delivery: done (after the database commit), transient failure (back to the
    /// queue, counted against the delivery limit) or permanent failure (dead-lettered at once).
    virtual models::Status ack(const Delivery &delivery) = 0;
    virtual models::Status nack(const Delivery &delivery, bool requeue) = 0;
    virtual models::Status reject(const Delivery &delivery) = 0;
};

} // namespace okla::services
