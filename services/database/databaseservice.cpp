#include "services/database/databaseservice.h"

#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <libpq-fe.h>

#include "services/database/databasecore.h"
#include "services/resilience/retrypolicy.h"

Q_LOGGING_CATEGORY(lcDatabase, "okla.services.database")

namespace okla::services {

using models::ConnectionState;
using models::Status;

Status applyConsoleSessionSettings(PgConnection &connection)
{
    // Set per session: ALTER ROLE ... SET on a group role is not inherited by its members.
    return connection.execScript(QStringLiteral("SET statement_timeout = '15s'; SET lock_timeout = '3s'; "
                                                "SET idle_in_transaction_session_timeout = '30s'"));
}

DatabaseCore::DatabaseCore(QString conninfo, std::shared_ptr<RetryPolicy> reconnect)
    : m_conninfo(std::move(conninfo)), m_reconnect(std::move(reconnect))
{
}

DatabaseCore::~DatabaseCore() = default; // on the service thread: the connection closes there

Status DatabaseCore::ensureConnected()
{
    if (m_connection.isOpen() && PQstatus(m_connection.handle()) == CONNECTION_OK)
        return {};
    return connectNow();
}

Status DatabaseCore::connectNow()
{
    const bool first = m_state == ConnectionState::Disconnected && !m_everConnected;
    setState(first ? ConnectionState::Connecting : ConnectionState::Reconnecting);
    auto opened = PgConnection::open(m_conninfo);
    if (!opened.ok()) {
        if (first)
            setState(ConnectionState::Disconnected, opened.error().detail);
        else
            scheduleReconnect();
        return opened.error();
    }
    PgConnection connection = std::move(opened).value();
    if (Status settings = applyConsoleSessionSettings(connection); !settings.ok())
        return settings.error();
    m_connection = std::move(connection);
    m_attempt = 0;
    m_everConnected = true;
    setState(ConnectionState::Connected);
    return {};
}

bool DatabaseCore::connectionLost() const
{
    return !m_connection.isOpen() || PQstatus(m_connection.handle()) == CONNECTION_BAD;
}

void DatabaseCore::noteJobOutcome()
{
    if (m_connection.isOpen() && PQstatus(m_connection.handle()) == CONNECTION_BAD) {
        qCWarning(lcDatabase) << "connection lost; reconnecting";
        m_connection = PgConnection();
        scheduleReconnect();
    }
}

void DatabaseCore::scheduleReconnect()
{
    setState(ConnectionState::Reconnecting);
    if (m_reconnectPending)
        return;
    m_reconnectPending = true;
    ++m_attempt;
    const qint64 delay = std::max<qint64>(0, m_reconnect->backoffMs(m_attempt, AttemptReport{}));
    QTimer::singleShot(std::chrono::milliseconds(delay), this, [this]() {
        m_reconnectPending = false;
        if (m_connection.isOpen())
            return;
        (void)connectNow(); // schedules the next attempt itself when it fails
    });
}

void DatabaseCore::setState(ConnectionState state, const QString &detail)
{
    if (m_state.exchange(state) != state || !detail.isEmpty()) {
        qCInfo(lcDatabase) << "connection state" << int(state);
        emit stateChanged(state, detail);
    }
}

DatabaseService::DatabaseService(QString conninfo, QObject *parent, std::shared_ptr<RetryPolicy> reconnect)
    : QObject(parent), m_thread(QStringLiteral("okla-db"))
{
    qRegisterMetaType<okla::models::ConnectionState>();
    if (!reconnect)
        reconnect = FullJitterRetryPolicy::reconnect();
    m_core = new DatabaseCore(std::move(conninfo), std::move(reconnect));
    m_core->moveToThread(m_thread.thread());
    QObject::connect(m_thread.thread(), &QThread::finished, m_core, &QObject::deleteLater);
    connect(m_core, &DatabaseCore::stateChanged, this, &DatabaseService::stateChanged);
}

DatabaseService::~DatabaseService() = default; // m_thread stops without waiting (see ServiceThread)

ConnectionState DatabaseService::state() const { return m_core->state(); }

QFuture<Status> DatabaseService::open()
{
    return run<bool>([](PgConnection &) { return models::Result<bool>(true); })
        .then([](const models::Result<bool> &result) { return result.ok() ? Status() : Status(result.error()); });
}

Status DatabaseService::runAttempts(DatabaseCore *core, const Attempt &attempt, bool isRead, const JobControl &control)
{
    if (Status ready = core->ensureConnected(); !ready.ok())
        return ready;
    bool succeeded = attempt(core->connection(), control);
    if (!succeeded && isRead && !control.isCanceled() && core->connectionLost() && core->connectNow().ok())
        succeeded = attempt(core->connection(), control); // a read is safe to repeat on a fresh connection
    core->noteJobOutcome();
    return {};
}

} // namespace okla::services
