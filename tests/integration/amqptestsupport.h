#pragma once
// What the tests against the fixture's RabbitMQ share: unique queue names, the broker's
// configuration, a topology with dead-letter queues of its own, and draining a queue.
// Header-only: tests/<label>/ globs only tst_*.cpp.

#include <QUuid>

#include "harness/testenv.h"
#include "services/queue/amqpqueue.h"

namespace okla::tests {

inline QString uniqueQueueName(const QString &prefix)
{
    return prefix + u'.' + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

inline services::AmqpConfig brokerConfig()
{
    return services::AmqpConfig::fromProfile(testProfile());
}

/// One queue bound to `bindingKey`, with a dead-letter exchange and queue of its own so tests
/// never see each other's dead letters.
inline services::QueueTopology topologyFor(const QString &queue, const QString &bindingKey, int deliveryLimit = 5)
{
    services::QueueTopology t;
    t.deadLetterExchange = queue + QStringLiteral(".dlx");
    t.deadLetterQueue = queue + QStringLiteral(".dlq");
    t.queues = {services::QueueDeclaration{queue, {bindingKey}, deliveryLimit}};
    return t;
}

/// Everything `queue` delivers until it stays quiet for `quietMs`, acked.
inline QList<services::Delivery> drain(services::AmqpQueue &consumer, const QString &queue, int quietMs = 1500,
                                       int prefetch = 50)
{
    QList<services::Delivery> got;
    if (!consumer.consume(queue, prefetch))
        return got;
    for (;;) {
        auto d = consumer.receive(quietMs);
        if (!d || !d->has_value())
            return got;
        got.append(**d);
        if (!consumer.ack(**d))
            return got;
    }
}

} // namespace okla::tests
