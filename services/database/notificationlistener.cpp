#include "services/database/notificationlistener.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <libpq-fe.h>

#include "models/secretmask.h"
#include "services/database/listenercore.h"
#include "services/resilience/retrypolicy.h"

Q_LOGGING_CATEGORY(lcListener, "okla.services.listener")

namespace okla::services {

NotificationListener::NotificationListener(QString conninfo, QObject *parent, std::shared_ptr<RetryPolicy> reconnect)
    : QObject(parent), m_thread(QStringLiteral("okla-listen"))
{
    if (!reconnect)
        reconnect = FullJitterRetryPolicy::reconnect();
    m_core = new ListenerCore(std::move(conninfo), std::move(reconnect));
    m_core->moveToThread(m_thread.thread());
    QObject::connect(m_thread.thread(), &QThread::finished, m_core, &QObject::deleteLater);
    connect(m_core, &ListenerCore::notification, this, &NotificationListener::notification);
    connect(m_core, &ListenerCore::connected, this, &NotificationListener::connected);
    connect(m_core, &ListenerCore::reconnected, this, &NotificationListener::reconnected);
    connect(m_core, &ListenerCore::disconnected, this, &NotificationListener::disconnected);
}

NotificationListener::~NotificationListener() = default; // the thread winds down alone

void NotificationListener::listen(const QString &channel)
{
    // Channels are identifiers we choose, never user input; refuse anything else rather than quote.
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (!identifier.match(channel).hasMatch()) {
        qCWarning(lcListener) << "refusing channel name" << channel;
        return;
    }
    ListenerCore *core = m_core;
    m_thread.invoke([core, channel]() { core->addChannel(channel); });
}

ListenerCore::ListenerCore(QString conninfo, std::shared_ptr<RetryPolicy> reconnect)
    : m_conninfo(std::move(conninfo)), m_reconnect(std::move(reconnect))
{
}

ListenerCore::~ListenerCore()
{
    delete m_notifier; // before the socket it watches closes with m_connection
}

void ListenerCore::addChannel(const QString &channel)
{
    m_channels.insert(channel);
    if (m_connection.isOpen()) {
        if (auto status = m_connection.execScript(QStringLiteral("LISTEN ") + channel); !status.ok())
            dropConnection(status.error().detail);
    } else if (!m_reconnectPending) {
        connectNow();
    }
}

void ListenerCore::connectNow()
{
    auto opened = PgConnection::open(m_conninfo);
    if (!opened.ok()) {
        qCInfo(lcListener) << "LISTEN connection failed";
        emit disconnected(opened.error().detail);
        scheduleReconnect();
        return;
    }
    m_connection = std::move(opened).value();
    for (const QString &channel : std::as_const(m_channels)) {
        if (auto status = m_connection.execScript(QStringLiteral("LISTEN ") + channel); !status.ok()) {
            dropConnection(status.error().detail);
            return;
        }
    }
    delete m_notifier;
    m_notifier = new QSocketNotifier(PQsocket(m_connection.handle()), QSocketNotifier::Read, this);
    QObject::connect(m_notifier, &QSocketNotifier::activated, this, [this]() { readNotifications(); });
    m_attempt = 0;
    qCInfo(lcListener) << "listening on" << m_channels.values();
    emit connected();
    if (m_everConnected)
        emit reconnected();
    m_everConnected = true;
}

void ListenerCore::readNotifications()
{
    if (!m_connection.isOpen())
        return;
    if (PQconsumeInput(m_connection.handle()) == 0) {
        dropConnection(models::maskSecrets(QString::fromUtf8(PQerrorMessage(m_connection.handle())).trimmed()));
        return;
    }
    while (PGnotify *notify = PQnotifies(m_connection.handle())) {
        // notify->extra (the payload) is never read: anyone may NOTIFY any channel.
        emit notification(QString::fromUtf8(notify->relname));
        PQfreemem(notify);
    }
}

void ListenerCore::dropConnection(const QString &detail)
{
    qCWarning(lcListener) << "LISTEN connection lost";
    delete m_notifier;
    m_notifier = nullptr;
    m_connection = PgConnection();
    emit disconnected(detail);
    scheduleReconnect();
}

void ListenerCore::scheduleReconnect()
{
    if (m_reconnectPending)
        return;
    m_reconnectPending = true;
    ++m_attempt;
    const qint64 delay = std::max<qint64>(0, m_reconnect->backoffMs(m_attempt, AttemptReport{}));
    QTimer::singleShot(std::chrono::milliseconds(delay), this, [this]() {
        m_reconnectPending = false;
        if (!m_connection.isOpen())
            connectNow();
    });
}

} // namespace okla::services
