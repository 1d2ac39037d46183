#include "services/database/databaseservice.h"

#include <QLoggingCategory>
#include <QTimer>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcDatabase, "okla.services.database")

namespace okla::services {

using models::makeError;
using models::Status;

Status applyConsoleSessionSettings(PgConnection &connection)
{
    // Set per session: ALTER ROLE ... SET on a group role is not inherited by its members.
    return connection.execScript(QStringLiteral("SET statement_timeout = '15s'; SET lock_timeout = '3s'; "
                                                "SET idle_in_transaction_session_timeout = '30s'"));
}

DatabaseService::DatabaseService(QString conninfo, QObject *parent) : QObject(parent), m_conninfo(std::move(conninfo))
{
    qRegisterMetaType<okla::services::ConnectionState>();
    m_thread.setObjectName(QStringLiteral("okla-db"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DatabaseService::~DatabaseService()
{
    // Close the connection on the thread that owns it, then stop the thread.
    QMetaObject::invokeMethod(m_context, [this]() { m_connection = PgConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DatabaseService::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

QFuture<Status> DatabaseService::open()
{
    return run<bool>([](PgConnection &) { return models::Result<bool>(true); })
        .then([](const models::Result<bool> &result) { return result.ok() ? Status() : Status(result.error()); });
}

Status DatabaseService::ensureConnected()
{
    if (m_connection.isOpen() && PQstatus(m_connection.handle()) == CONNECTION_OK)
        return {};
    return connectNow();
}

Status DatabaseService::connectNow()
{
    const bool first = m_state == ConnectionState::Disconnected;
    setState(first ? ConnectionState::Connecting : ConnectionState::Reconnecting);
    auto opened = PgConnection::open(m_conninfo);
    if (!opened.ok()) {
        if (first) {
            setState(ConnectionState::Disconnected, opened.error().detail);
        } else {
            scheduleReconnect();
        }
        return opened.error();
    }
    PgConnection connection = std::move(opened).value();
    if (Status settings = applyConsoleSessionSettings(connection); !settings.ok())
        return settings.error();
    m_connection = std::move(connection);
    m_attempt = 0;
    setState(ConnectionState::Connected);
    return {};
}

bool DatabaseService::connectionLost() const
{
    return !m_connection.isOpen() || PQstatus(m_connection.handle()) == CONNECTION_BAD;
}

void DatabaseService::noteJobOutcome()
{
    if (m_connection.isOpen() && PQstatus(m_connection.handle()) == CONNECTION_BAD) {
        qCWarning(lcDatabase) << "connection lost; reconnecting";
        m_connection = PgConnection();
        setState(ConnectionState::Reconnecting);
        scheduleReconnect();
    }
}

void DatabaseService::scheduleReconnect()
{
    if (m_reconnectPending)
        return;
    m_reconnectPending = true;
    const int delay = m_delaysMs.value(std::min<int>(m_attempt, int(m_delaysMs.size()) - 1), 1000);
    ++m_attempt;
    setState(ConnectionState::Reconnecting);
    QTimer::singleShot(delay, m_context, [this]() {
        m_reconnectPending = false;
        if (m_connection.isOpen())
            return;
        (void)connectNow(); // schedules the next attempt itself when it fails
    });
}

void DatabaseService::setState(ConnectionState state, const QString &detail)
{
    if (m_state.exchange(state) != state || !detail.isEmpty()) {
        qCInfo(lcDatabase) << "connection state" << int(state) << detail;
        emit stateChanged(state, detail);
    }
}

} // namespace okla::services
