#pragma once

/// MessageQueue over RabbitMQ with rabbitmq-c 0.11: quorum queues, publisher confirms read by
/// hand, manual acks, reconnect with full jitter (docs/messaging.md §1-§4).

#include <QHash>

#include <deque>
#include <map>
#include <memory>

#include "services/queue/messagequeue.h"
#include "services/resilience/clock.h"
#include "services/resilience/retrypolicy.h"

struct amqp_connection_state_t_;
struct amqp_rpc_reply_t_;

namespace okla::services {

struct ConnectionProfile;

/// The broker login. Never logged, never in an error's detail.
struct AmqpCredentials
{
    QString user;
    QString password;
    /// guest/guest: the sandbox broker listens on loopback only, where RabbitMQ allows it.
    static AmqpCredentials sandboxGuest() { return {QStringLiteral("guest"), QStringLiteral("guest")}; }
};

struct AmqpConfig
{
    QString host;
    int port = 5672;
    QString virtualHost = QStringLiteral("/");
    AmqpCredentials credentials;
    int heartbeatSeconds = 30;
    int confirmTimeoutMs = 5000;
    int connectTimeoutMs = 10000;
    int rpcTimeoutMs = 10000;

    /// Host and port from the profile's [amqp] section; the login comes from the caller.
    static AmqpConfig fromProfile(const ConnectionProfile &profile,
                                  AmqpCredentials credentials = AmqpCredentials::sandboxGuest());
};

/// One connection and one channel. NOT thread-safe: use one instance per thread, as rabbitmq-c
/// requires. It never sleeps: after a lost connection, calls fail with `queue.reconnecting` until
/// the backoff has passed, then the next call reconnects, declares again, re-enables confirms and
/// consumes again (docs/messaging.md §4).
class AmqpQueue final : public MessageQueue
{
public:
    explicit AmqpQueue(AmqpConfig config,
                       std::shared_ptr<RetryPolicy> reconnectPolicy = FullJitterRetryPolicy::reconnect(),
                       std::shared_ptr<Clock> clock = Clock::system());
    ~AmqpQueue() override;
    AmqpQueue(const AmqpQueue &) = delete;
    AmqpQueue &operator=(const AmqpQueue &) = delete;

    /// Connects now if not connected (waits out no backoff); the other calls connect lazily.
    models::Status connect();
    bool isConnected() const { return m_conn != nullptr; }
    /// Milliseconds until the next reconnect attempt is allowed (0: now).
    qint64 reconnectInMs() const;
    /// Connections opened so far (1 after the first connect, +1 per reconnect).
    quint64 epoch() const { return m_epoch; }
    /// The socket, for tests that cut the connection the way a network failure would (-1: none).
    int socketDescriptor() const;
    /// Deletes a queue (tests and tools; the worker never deletes).
    models::Status deleteQueue(const QString &queue);

    models::Status declare(const QueueTopology &topology) override;
    models::Status publish(const QString &routingKey, const QUuid &messageId, const QByteArray &payload) override;
    QList<PublishOutcome> publishBatch(const QList<OutgoingMessage> &messages, int inFlight) override;
    models::Status consume(const QString &queue, int prefetch) override;
    models::Result<std::optional<Delivery>> receive(int timeoutMs) override;
    models::Status ack(const Delivery &delivery) override;
    models::Status nack(const Delivery &delivery, bool requeue) override;
    models::Status reject(const Delivery &delivery) override;

private:
    struct Unconfirmed
    {
        qsizetype index = 0;   ///< in the batch's outcomes
        QByteArray messageId;
        qint64 sentAtMs = 0;
        bool returned = false; ///< basic.return came: unroutable, whatever the ack says
    };
    struct Subscription
    {
        QString queue;
        int prefetch = 1;
    };

    models::Status ensureConnected();
    models::Status open();
    models::Status declareOnChannel(const QueueTopology &topology);
    models::Status subscribeOnChannel(const Subscription &subscription);
    /// Destroys the connection (closing it politely when `polite`) and schedules a reconnect.
    void lose(bool polite);
    void scheduleReconnect();
    models::Error replyError(const amqp_rpc_reply_t_ &reply, const QString &what);
    models::Status checkReply(const QString &what);
    models::Status checkStatus(int status, const QString &what);
    models::Status sendOne(const OutgoingMessage &message, qsizetype index);
    /// Reads and handles one frame; false when none came within `timeoutMs`.
    models::Result<bool> pumpFrame(int timeoutMs);
    models::Status handleMethod(quint16 channel, quint32 methodId, void *decoded);
    void settleConfirms(quint64 tag, bool multiple, bool acked);
    models::Status settle(const Delivery &delivery, int how, bool requeue);

    AmqpConfig m_config;
    std::shared_ptr<RetryPolicy> m_reconnectPolicy;
    std::shared_ptr<Clock> m_clock;
    amqp_connection_state_t_ *m_conn = nullptr;
    quint64 m_epoch = 0;
    int m_failedAttempts = 0;
    qint64 m_nextAttemptAtMs = 0;
    std::optional<QueueTopology> m_topology;
    QList<Subscription> m_subscriptions;
    QHash<QByteArray, QString> m_consumerQueues; ///< consumer tag -> queue
    std::deque<Delivery> m_deliveries;
    quint64 m_nextPublishTag = 1;
    std::map<quint64, Unconfirmed> m_unconfirmed;
    QList<PublishOutcome> *m_outcomes = nullptr; ///< the batch being confirmed
};

} // namespace okla::services
