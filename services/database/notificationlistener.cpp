#include "services/database/notificationlistener.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTimer>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcListener, "okla.services.listener")

namespace okla::services {

NotificationListener::NotificationListener(QString conninfo, QObject *parent)
    : QObject(parent), m_conninfo(std::move(conninfo))
{
    m_thread.setObjectName(QStringLiteral("okla-listen"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

NotificationListener::~NotificationListener()
{
    QMetaObject::invokeMethod(m_context, [this]() {
        delete m_notifier;
        m_notifier = nullptr;
        m_connection = PgConnection();
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void NotificationListener::setReconnectDelays(QList<int> delaysMs)
{
    QMetaObject::invokeMethod(m_context, [this, delaysMs]() { m_delaysMs = delaysMs; }, Qt::QueuedConnection);
}

void NotificationListener::listen(const QString &channel)
{
    // Channels are identifiers we choose, never user input; refuse anything else rather than quote.
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (!identifier.match(channel).hasMatch()) {
        qCWarning(lcListener) << "refusing channel name" << channel;
        return;
    }
    QMetaObject::invokeMethod(m_context, [this, channel]() {
        m_channels.insert(channel);
        if (m_connection.isOpen())
            (void)m_connection.execScript(QStringLiteral("LISTEN ") + channel);
        else if (!m_reconnectPending)
            connectNow();
    }, Qt::QueuedConnection);
}

void NotificationListener::connectNow()
{
    auto opened = PgConnection::open(m_conninfo);
    if (!opened.ok()) {
        qCInfo(lcListener) << "LISTEN connection failed:" << opened.error().detail;
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
    m_notifier = new QSocketNotifier(PQsocket(m_connection.handle()), QSocketNotifier::Read, m_context);
    QObject::connect(m_notifier, &QSocketNotifier::activated, m_context, [this]() { readNotifications(); });
    m_attempt = 0;
    qCInfo(lcListener) << "listening on" << m_channels.values();
    emit connected();
    if (m_everConnected)
        emit reconnected();
    m_everConnected = true;
}

void NotificationListener::readNotifications()
{
    if (!m_connection.isOpen())
        return;
    if (PQconsumeInput(m_connection.handle()) == 0) {
        dropConnection(QString::fromUtf8(PQerrorMessage(m_connection.handle())).trimmed());
        return;
    }
    while (PGnotify *notify = PQnotifies(m_connection.handle())) {
        emit notification(QString::fromUtf8(notify->relname), QString::fromUtf8(notify->extra));
        PQfreemem(notify);
    }
}

void NotificationListener::dropConnection(const QString &detail)
{
    qCWarning(lcListener) << "LISTEN connection lost:" << detail;
    delete m_notifier;
    m_notifier = nullptr;
    m_connection = PgConnection();
    emit disconnected(detail);
    scheduleReconnect();
}

void NotificationListener::scheduleReconnect()
{
    if (m_reconnectPending)
        return;
    m_reconnectPending = true;
    const int delay = m_delaysMs.value(std::min<int>(m_attempt, int(m_delaysMs.size()) - 1), 1000);
    ++m_attempt;
    QTimer::singleShot(delay, m_context, [this]() {
        m_reconnectPending = false;
        if (!m_connection.isOpen())
            connectNow();
    });
}

} // namespace okla::services
