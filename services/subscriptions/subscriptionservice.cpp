#include "services/subscriptions/subscriptionservice.h"

#include "services/database/databaseservice.h"
#include "services/database/notificationlistener.h"
#include "services/session/session.h"
#include "services/subscriptions/subscriptionrepository.h"

namespace okla::services {

using models::Result;
using models::SubscriptionFilter;
using models::SubscriptionPage;

namespace {

const QStringList &channels()
{
    static const QStringList names{QStringLiteral("subscriptions_changed"), QStringLiteral("worker_requests"),
                                   QStringLiteral("worker_requests_changed"),
                                   QStringLiteral("reconciliation_discrepancies_changed")};
    return names;
}

} // namespace

SubscriptionService::SubscriptionService(Session *session, QObject *parent) : QObject(parent), m_session(session)
{
    if (NotificationListener *listener = session->listener()) {
        for (const QString &channel : channels())
            listener->listen(channel);
        connect(listener, &NotificationListener::notification, this, [this](const QString &channel) {
            if (channels().contains(channel))
                emit billingChanged();
        });
        connect(listener, &NotificationListener::reconnected, this, &SubscriptionService::billingChanged);
    }
}

QFuture<Result<SubscriptionPage>> SubscriptionService::page(const SubscriptionFilter &filter, qint64 beforeId, int limit)
{
    return m_session->database()->runRead<SubscriptionPage>(
        [filter, beforeId, limit](PgConnection &connection) -> Result<SubscriptionPage> {
            auto rows = SubscriptionRepository(connection).page(filter, beforeId, limit);
            if (!rows)
                return rows.error();
            SubscriptionPage page;
            page.atEnd = rows->size() < limit;
            page.rows = std::move(rows).value();
            return page;
        });
}

QFuture<Result<qint64>> SubscriptionService::count(const SubscriptionFilter &filter)
{
    return m_session->database()->runRead<qint64>(
        [filter](PgConnection &connection) { return SubscriptionRepository(connection).count(filter); });
}

QFuture<Result<BillingStatus>> SubscriptionService::billingStatus()
{
    return m_session->database()->runRead<BillingStatus>(
        [](PgConnection &connection) { return BillingStatusReader(connection).read(); });
}

QFuture<Result<QList<models::Discrepancy>>> SubscriptionService::openDiscrepancies()
{
    return m_session->database()->runRead<QList<models::Discrepancy>>(
        [](PgConnection &connection) { return SubscriptionRepository(connection).openDiscrepancies(500); });
}

QFuture<Result<QList<QPair<QString, QString>>>> SubscriptionService::plans()
{
    return m_session->database()->runRead<QList<QPair<QString, QString>>>(
        [](PgConnection &connection) { return SubscriptionRepository(connection).plans(); });
}

QFuture<Result<WorkRequest>> SubscriptionService::request(const QString &kind, const QJsonObject &params, const QUuid &key)
{
    return m_session->database()->run<WorkRequest>(
        [kind, params, key](PgConnection &connection) -> Result<WorkRequest> {
            WorkRequestClient client(connection);
            auto id = client.submit(kind, params, key);
            if (!id)
                return id.error();
            return client.fetch(id.value());
        });
}

} // namespace okla::services
