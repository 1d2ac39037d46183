#pragma once

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "models/result.h"

#include "services/concurrency/servicethread.h"

namespace okla::services {

struct ConnectionProfile;

/// One Redis reply, copied out of hiredis so it can cross threads.
struct RedisReply
{
    enum class Type { Nil, Status, Error, Integer, String, Array };
    Type type = Type::Nil;
    QByteArray str;      ///< Status, Error and String
    qint64 integer = 0;  ///< Integer
    QList<RedisReply> elements; ///< Array

    bool isError() const { return type == Type::Error; }
    bool isNil() const { return type == Type::Nil; }
};

/// Where and how to reach Redis. The password never comes from the profile (no secrets there).
struct RedisConfig
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QByteArray password;          ///< empty: no AUTH
    /// Set when `redis-password` exists but may not be used (open to other users, not a regular
    /// file...): every command fails with it rather than connecting without AUTH.
    std::optional<models::Error> passwordError;
    int connectTimeoutMs = 1000;
    int commandTimeoutMs = 1000;  ///< per command; a timeout drops the connection
    qint64 reconnectBaseMs = 1000; ///< full-jitter reconnect backoff (docs/resilience.md §3)
    qint64 reconnectCapMs = 30'000;

    /// host/port from the profile; password from `redis-password` through the CredentialStore
    /// ($OKLA_CREDENTIALS_DIR, else $CREDENTIALS_DIRECTORY, else the profile's credentialsDir), if present,
    /// with the same 0600 / closed-folder rules as every other secret (docs/security.md §6).
    static RedisConfig fromProfile(const ConnectionProfile &profile);
};

class RedisWorker;

/// Runs one command straight on the socket: what a task posted to the client's thread gets.
using RedisCommand = std::function<models::Result<RedisReply>(const QList<QByteArray> &args)>;

/// A small Redis client for the service layer: synchronous hiredis on a ServiceThread (never the
/// GUI thread), a per-command timeout, AUTH, reconnect with the shared full-jitter policy. After a
/// failure, reconnects run in the background and commands fail fast (`redis.down`) until one
/// succeeds, so callers can fall back at once. Thread-safe: call command() from any thread.
/// Destroying it never waits (docs/architecture.md §3).
class RedisClient : public QObject
{
    Q_OBJECT
public:
    explicit RedisClient(RedisConfig config, QObject *parent = nullptr);
    ~RedisClient() override;

    /// Runs one command (argv form, binary-safe). A Redis error reply is a value (Type::Error),
    /// not an Error; Error means no reply: `redis.down`, `redis.timeout`, `redis.io`, `redis.auth`.
    QFuture<models::Result<RedisReply>> command(QList<QByteArray> args);
    /// Blocks the calling thread until the reply: for CLI, tests and service threads only.
    models::Result<RedisReply> commandSync(QList<QByteArray> args);

    /// Runs `task` on the client's thread with a RedisCommand that goes straight to the socket:
    /// for short command sequences (EVALSHA, then SCRIPT LOAD on NOSCRIPT) without nested
    /// futures. The task must not use this client itself: it may run while the client is being
    /// destroyed, the RedisCommand stays valid.
    void post(std::function<void(const RedisCommand &run)> task);
    /// Blocks until every task posted before this call has run (owners of posted tasks call it
    /// from their destructor). No-op on the client's own thread.
    void drain();

    bool isConnected() const { return m_state->connected.load(); }
    /// A background reconnect is running: commands fail fast (`redis.down`) instead of waiting.
    bool isReconnecting() const { return m_state->reconnecting.load(); }
    const RedisConfig &config() const { return m_config; }

signals:
    void connectionChanged(bool connected);

public:
    /// Shared with the worker, which may outlive this object by one task.
    struct State
    {
        std::atomic<bool> connected{false};
        std::atomic<bool> reconnecting{false};
    };

private:
    bool onOwnThread() const;

    RedisConfig m_config;
    std::shared_ptr<State> m_state = std::make_shared<State>();
    RedisWorker *m_worker = nullptr; ///< lives on m_thread, deleted as it ends
    ServiceThread m_thread;
};

} // namespace okla::services
