#pragma once

#include <functional>

#include <QString>

#include "models/result.h"

namespace okla::services {

class MessageQueue;
class PgConnection;
struct Delivery;

/// What a consumer's handler decided about one message.
enum class HandlerVerdict {
    Done,      ///< the effect is written (in the caller's transaction)
    Retry,     ///< a transient failure: back to the queue, counted against the delivery limit
    Poison,    ///< it can never succeed: dead-letter it now
};

/// Runs a consumer's effect exactly once per message id however often the broker delivers it
/// (docs/idempotency.md §11, docs/messaging.md §3): in one transaction it records
/// (consumer, message_id) in processed_messages and runs the handler; a message already recorded
/// is acked without running anything. The ack is sent only after the commit, so a crash between
/// the two redelivers a message whose effect the next delivery finds recorded.
class DedupingConsumer
{
public:
    using Handler = std::function<HandlerVerdict(PgConnection &, const Delivery &)>;

    DedupingConsumer(QString consumer, PgConnection &connection, MessageQueue &queue, Handler handler)
        : m_consumer(std::move(consumer)), m_connection(connection), m_queue(queue), m_handler(std::move(handler))
    {
    }

    enum class Outcome { Processed, Duplicate, Requeued, DeadLettered };

    /// Handles and settles one delivery. An error means the delivery could not be settled (a lost
    /// connection); the broker redelivers it and the dedupe makes that harmless.
    models::Result<Outcome> handle(const Delivery &delivery);

private:
    QString m_consumer;
    PgConnection &m_connection;
    MessageQueue &m_queue;
    Handler m_handler;
};

} // namespace okla::services
