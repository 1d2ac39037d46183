#include "services/outbox/outboxrelay.h"

#include <QStringList>

#include "services/database/pgconnection.h"
#include "services/queue/messagequeue.h"

namespace okla::services {

using models::Result;

Result<int> OutboxRelay::relayBatch()
{
    if (auto begun = m_connection.execScript(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    auto rows = m_connection.exec(QStringLiteral("SELECT id, message_id, event_type, payload::text FROM outbox "
                                                 "WHERE published_at IS NULL ORDER BY id LIMIT $1 "
                                                 "FOR UPDATE SKIP LOCKED"),
                                  {m_options.batchSize});
    if (!rows) {
        m_connection.rollbackAfterError();
        return rows.error();
    }
    QList<OutgoingMessage> messages;
    QStringList ids;
    messages.reserve(rows->rows());
    for (int i = 0; i < rows->rows(); ++i) {
        ids << rows->text(i, 0);
        messages.append({rows->text(i, 2), QUuid::fromString(rows->text(i, 1)), rows->bytes(i, 3)});
    }
    if (messages.isEmpty()) {
        m_connection.rollbackAfterError();
        return 0;
    }
    const QList<PublishOutcome> outcomes = m_queue.publishBatch(messages, m_options.inFlight);
    QStringList confirmed;
    models::Error firstFailure;
    for (qsizetype i = 0; i < outcomes.size() && i < ids.size(); ++i) {
        if (outcomes[i].confirmed())
            confirmed << ids[i];
        else if (firstFailure.code.isEmpty())
            firstFailure = outcomes[i].status.error();
    }
    if (!confirmed.isEmpty()) {
        auto marked = m_connection.exec(QStringLiteral("UPDATE outbox SET published_at = now() "
                                                       "WHERE id = ANY ($1::bigint[])"),
                                        {QString(u'{' + confirmed.join(u',') + u'}')});
        if (!marked) {
            m_connection.rollbackAfterError();
            return marked.error();
        }
    }
    if (auto committed = m_connection.execScript(QStringLiteral("COMMIT")); !committed)
        return committed.error();
    // Rows the broker did not confirm stay unpublished; say why when none got through.
    if (confirmed.isEmpty())
        return firstFailure;
    return int(confirmed.size());
}

Result<qint64> OutboxRelay::relayAll()
{
    qint64 total = 0;
    for (;;) {
        auto batch = relayBatch();
        if (!batch)
            return total > 0 ? Result<qint64>(total) : Result<qint64>(batch.error());
        if (batch.value() == 0)
            return total;
        total += batch.value();
    }
}

} // namespace okla::services
