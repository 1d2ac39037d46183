#include "services/redis/redisclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <limits>

#include <hiredis/hiredis.h>

#include "services/session/connectionprofile.h"
#include "services/credentials/credentialstore.h"
#include "services/resilience/retrypolicy.h"

Q_LOGGING_CATEGORY(lcRedis, "okla.services.redis")

namespace okla::services {

using models::makeError;
using models::Result;

RedisConfig RedisConfig::fromProfile(const ConnectionProfile &profile)
{
    RedisConfig config;
    config.host = profile.redisHost;
    config.port = profile.redisPort;
    auto password = CredentialStore::fromEnvironment(profile.credentialsDir).read(CredentialStore::RedisPassword);
    if (password) {
        config.password = password.value().trimmed();
        return config;
    }
    // No folder or no file: a Redis without AUTH (the sandbox's, a private network). Anything else
    // (a password others can read, a symbolic link...) is refused, never used, never skipped.
    static const QStringList absent{QStringLiteral("credentials.no_directory"), QStringLiteral("credentials.directory_missing"),
                                    QStringLiteral("credentials.missing")};
    if (!absent.contains(password.error().code))
        config.passwordError = password.error();
    return config;
}

/// Lives on the client's thread and owns the hiredis context; only that thread touches it.
class RedisWorker : public QObject
{
    Q_OBJECT
public:
    RedisWorker(RedisConfig config, std::shared_ptr<RedisClient::State> state)
        : m_state(std::move(state)), m_config(std::move(config)),
          m_reconnect(std::make_shared<FullJitterRetryPolicy>(QStringLiteral("redis-reconnect"), m_config.reconnectBaseMs,
                                                              m_config.reconnectCapMs, std::numeric_limits<int>::max()))
    {
        m_clock.start();
    }
    ~RedisWorker() override { drop(true); }

signals:
    void connectionChanged(bool connected);

public:

    Result<RedisReply> exec(const QList<QByteArray> &args)
    {
        if (auto status = ensureConnected(); !status)
            return status.error();
        redisReply *raw = runArgv(args);
        if (!raw) {
            const bool timeout = m_context->err == REDIS_ERR_IO && (errno == EAGAIN || errno == EWOULDBLOCK);
            const QString detail = QString::fromLocal8Bit(m_context->errstr);
            // After a timeout the reply may still arrive later: the connection is out of step, drop it.
            drop();
            scheduleReconnect();
            if (timeout)
                return makeError(QStringLiteral("redis.timeout"),
                                 QCoreApplication::translate("okla", "Redis did not answer in time."), detail);
            return makeError(QStringLiteral("redis.io"), QCoreApplication::translate("okla", "The connection to Redis failed."),
                             detail);
        }
        RedisReply reply = convert(raw);
        freeReplyObject(raw);
        return reply;
    }

private:
    redisReply *runArgv(const QList<QByteArray> &args)
    {
        std::vector<const char *> argv;
        std::vector<size_t> lengths;
        argv.reserve(args.size());
        lengths.reserve(args.size());
        for (const QByteArray &arg : args) {
            argv.push_back(arg.constData());
            lengths.push_back(static_cast<size_t>(arg.size()));
        }
        return static_cast<redisReply *>(redisCommandArgv(m_context, static_cast<int>(argv.size()), argv.data(), lengths.data()));
    }

    static RedisReply convert(const redisReply *raw)
    {
        RedisReply reply;
        switch (raw->type) {
        case REDIS_REPLY_STRING: reply.type = RedisReply::Type::String; break;
        case REDIS_REPLY_STATUS: reply.type = RedisReply::Type::Status; break;
        case REDIS_REPLY_ERROR: reply.type = RedisReply::Type::Error; break;
        case REDIS_REPLY_INTEGER: reply.type = RedisReply::Type::Integer; break;
        case REDIS_REPLY_ARRAY: reply.type = RedisReply::Type::Array; break;
        default: reply.type = RedisReply::Type::Nil; break;
        }
        if (raw->type == REDIS_REPLY_STRING || raw->type == REDIS_REPLY_STATUS || raw->type == REDIS_REPLY_ERROR)
            reply.str = QByteArray(raw->str, static_cast<qsizetype>(raw->len));
        if (raw->type == REDIS_REPLY_INTEGER)
            reply.integer = raw->integer;
        if (raw->type == REDIS_REPLY_ARRAY)
            for (size_t i = 0; i < raw->elements; ++i)
                reply.elements.append(convert(raw->element[i]));
        return reply;
    }

    /// The first connection is made on demand by the first command. After a failure, reconnects
    /// run in the background (a timer on this thread) and commands fail fast meanwhile, so no
    /// caller waits behind a connect or AUTH to a server that hangs.
    models::Status ensureConnected(bool background = false)
    {
        if (m_context)
            return {};
        const RedisConfig &config = m_config;
        if (config.passwordError)
            return *config.passwordError;
        if (!background && m_failures > 0)
            return makeError(QStringLiteral("redis.down"), QCoreApplication::translate("okla", "Redis is unreachable."),
                             QStringLiteral("%1:%2, reconnecting in the background in %3 ms")
                                 .arg(config.host).arg(config.port).arg(std::max<qint64>(0, m_nextConnectAt - m_clock.elapsed())));
        timeval connectTimeout{config.connectTimeoutMs / 1000, (config.connectTimeoutMs % 1000) * 1000};
        redisContext *context = redisConnectWithTimeout(config.host.toUtf8().constData(), config.port, connectTimeout);
        if (!context || context->err) {
            const QString detail = context ? QString::fromLocal8Bit(context->errstr) : QStringLiteral("out of memory");
            if (context)
                redisFree(context);
            scheduleReconnect();
            return makeError(QStringLiteral("redis.down"), QCoreApplication::translate("okla", "Redis is unreachable."),
                             QStringLiteral("%1:%2: %3").arg(config.host).arg(config.port).arg(detail));
        }
        timeval commandTimeout{config.commandTimeoutMs / 1000, (config.commandTimeoutMs % 1000) * 1000};
        redisSetTimeout(context, commandTimeout);
        redisEnableKeepAlive(context);
        m_context = context;
        if (!config.password.isEmpty()) {
            redisReply *auth = runArgv({QByteArrayLiteral("AUTH"), config.password});
            const bool failed = !auth || auth->type == REDIS_REPLY_ERROR;
            const QString detail = auth && auth->type == REDIS_REPLY_ERROR ? QString::fromUtf8(auth->str) : QString();
            if (auth)
                freeReplyObject(auth);
            if (failed) {
                const QString ioDetail = QString::fromLocal8Bit(m_context->errstr);
                drop();
                scheduleReconnect();
                if (detail.isEmpty()) // no reply at all: a hung or dying server, not a wrong password
                    return makeError(QStringLiteral("redis.timeout"),
                                     QCoreApplication::translate("okla", "Redis did not answer in time."), ioDetail);
                return makeError(QStringLiteral("redis.auth"), QCoreApplication::translate("okla", "Redis refused the password."),
                                 detail);
            }
        }
        m_failures = 0;
        m_state->connected = true;
        emit connectionChanged(true);
        qCDebug(lcRedis) << "connected to" << config.host << config.port;
        return {};
    }

    void scheduleReconnect()
    {
        // Full jitter, as every reconnect in the product (docs/resilience.md).
        ++m_failures;
        const qint64 delay = std::max<qint64>(0, m_reconnect->backoffMs(m_failures, AttemptReport{}));
        m_nextConnectAt = m_clock.elapsed() + delay;
        if (!m_reconnectTimer) {
            m_reconnectTimer = new QTimer(this); // created on this (the worker's) thread
            m_reconnectTimer->setSingleShot(true);
            connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
                m_state->reconnecting = true;
                (void)ensureConnected(true); // on failure it schedules the next attempt itself
                m_state->reconnecting = false;
            });
        }
        m_reconnectTimer->start(std::chrono::milliseconds(delay));
    }

    void drop(bool closing = false)
    {
        if (!m_context)
            return;
        redisFree(m_context);
        m_context = nullptr;
        if (m_state->connected.exchange(false) && !closing) {
            qCWarning(lcRedis) << "disconnected from" << m_config.host << m_config.port;
            emit connectionChanged(false);
        }
    }

    std::shared_ptr<RedisClient::State> m_state;
    const RedisConfig m_config;
    std::shared_ptr<FullJitterRetryPolicy> m_reconnect;
    redisContext *m_context = nullptr;
    QElapsedTimer m_clock;
    qint64 m_nextConnectAt = 0;
    int m_failures = 0;
    QTimer *m_reconnectTimer = nullptr;
};

RedisClient::RedisClient(RedisConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_thread(QStringLiteral("okla-redis"))
{
    m_worker = new RedisWorker(m_config, m_state);
    m_worker->moveToThread(m_thread.thread());
    QObject::connect(m_thread.thread(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RedisWorker::connectionChanged, this, &RedisClient::connectionChanged);
}

RedisClient::~RedisClient() = default; // m_thread winds down alone; the worker dies with it

bool RedisClient::onOwnThread() const { return QThread::currentThread() == m_thread.thread(); }

QFuture<Result<RedisReply>> RedisClient::command(QList<QByteArray> args)
{
    auto promise = std::make_shared<QPromise<Result<RedisReply>>>();
    QFuture<Result<RedisReply>> future = promise->future();
    promise->start();
    if (m_state->reconnecting.load() && !onOwnThread()) {
        // Never queue behind a (re)connect that may hang for the whole timeout.
        promise->addResult(makeError(QStringLiteral("redis.down"), QCoreApplication::translate("okla", "Redis is unreachable."),
                                     QStringLiteral("reconnect in progress")));
        promise->finish();
        return future;
    }
    m_thread.invoke([worker = m_worker, promise, args = std::move(args)] {
        promise->addResult(worker->exec(args));
        promise->finish();
    });
    return future;
}

void RedisClient::post(std::function<void(const RedisCommand &run)> task)
{
    m_thread.invoke([worker = m_worker, task = std::move(task)] {
        task([worker](const QList<QByteArray> &args) { return worker->exec(args); });
    });
}

void RedisClient::drain()
{
    if (onOwnThread())
        return;
    auto promise = std::make_shared<QPromise<void>>();
    QFuture<void> done = promise->future();
    promise->start();
    m_thread.invoke([promise] { promise->finish(); });
    done.waitForFinished();
}

Result<RedisReply> RedisClient::commandSync(QList<QByteArray> args)
{
    if (onOwnThread())
        return m_worker->exec(args);
    QFuture<Result<RedisReply>> future = command(std::move(args));
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return makeError(QStringLiteral("redis.io"), QCoreApplication::translate("okla", "The Redis client stopped."));
    return future.result();
}

} // namespace okla::services

#include "redisclient.moc"
