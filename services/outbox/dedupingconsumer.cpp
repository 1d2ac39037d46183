#include "services/outbox/dedupingconsumer.h"

#include <QCoreApplication>

#include "services/database/pgconnection.h"
#include "services/queue/messagequeue.h"

namespace okla::services {

using models::Result;

Result<DedupingConsumer::Outcome> DedupingConsumer::handle(const Delivery &delivery)
{
    if (delivery.messageId.isNull()) {
        // Without an id nothing can be deduplicated: such a message is not ours to run.
        if (auto rejected = m_queue.reject(delivery); !rejected)
            return rejected.error();
        return Outcome::DeadLettered;
    }
    if (auto begun = m_connection.execScript(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    auto recorded = m_connection.exec(QStringLiteral("INSERT INTO processed_messages (consumer, message_id) "
                                                     "VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING"),
                                      {m_consumer, delivery.messageId.toString(QUuid::WithoutBraces)});
    if (!recorded) {
        m_connection.rollbackAfterError();
        return recorded.error();
    }
    Outcome outcome = Outcome::Duplicate;
    if (recorded->affectedRows() == 1) {
        const HandlerVerdict verdict = m_handler(m_connection, delivery);
        if (verdict != HandlerVerdict::Done) {
            m_connection.rollbackAfterError();
            const bool poison = verdict == HandlerVerdict::Poison;
            auto settled = poison ? m_queue.reject(delivery) : m_queue.nack(delivery, true);
            if (!settled)
                return settled.error();
            return poison ? Outcome::DeadLettered : Outcome::Requeued;
        }
        outcome = Outcome::Processed;
    }
    if (auto committed = m_connection.execScript(QStringLiteral("COMMIT")); !committed)
        return committed.error(); // not acked: redelivered, and the dedupe decides again
    if (auto acked = m_queue.ack(delivery); !acked)
        return acked.error();
    return outcome;
}

} // namespace okla::services
