#pragma once

#include "models/result.h"

namespace okla::services {

class MessageQueue;
class PgConnection;

/// Publishes the transactional outbox to the broker (docs/idempotency.md §11, docs/messaging.md §6):
/// takes the oldest unpublished rows with FOR UPDATE SKIP LOCKED (so several workers relay side by
/// side without publishing a row twice at the same time), publishes them with the row's message_id
/// keeping `inFlight` unconfirmed, and marks published only the rows the broker confirmed, in the
/// same transaction. A crash between the confirm and the commit publishes a row again, never loses
/// one: consumers dedupe on message_id.
class OutboxRelay
{
public:
    struct Options
    {
        int batchSize = 500;
        int inFlight = 64;
    };

    OutboxRelay(PgConnection &connection, MessageQueue &queue) : OutboxRelay(connection, queue, Options{}) {}
    OutboxRelay(PgConnection &connection, MessageQueue &queue, Options options)
        : m_connection(connection), m_queue(queue), m_options(options)
    {
    }

    /// One batch: how many rows were confirmed and marked published (0: nothing waiting). An error
    /// means nothing of the batch was marked; the rows stay for the next call.
    models::Result<int> relayBatch();

    /// Batches until the outbox is empty or a batch fails; the rows published in all.
    models::Result<qint64> relayAll();

private:
    PgConnection &m_connection;
    MessageQueue &m_queue;
    Options m_options;
};

} // namespace okla::services
