#include "services/dealers/dealerservice.h"

#include "services/database/databaseservice.h"
#include "services/database/notificationlistener.h"
#include "services/dealers/dealerrepository.h"
#include "services/session/session.h"

namespace okla::services {

using models::DealerCursor;
using models::DealerPage;
using models::Result;

DealerService::DealerService(Session *session, QObject *parent) : QObject(parent), m_session(session)
{
    if (NotificationListener *listener = session->listener()) {
        listener->listen(QStringLiteral("dealers_changed"));
        connect(listener, &NotificationListener::notification, this, [this](const QString &channel) {
            if (channel == QLatin1String("dealers_changed"))
                emit changed();
        });
        connect(listener, &NotificationListener::reconnected, this, &DealerService::changed);
    }
}

QFuture<Result<DealerPage>> DealerService::page(const QString &search, std::optional<DealerCursor> after, int limit)
{
    return m_session->database()->runRead<DealerPage>([search, after, limit](PgConnection &connection) -> Result<DealerPage> {
        auto rows = DealerRepository(connection).page(search, after, limit);
        if (!rows.ok())
            return rows.error();
        DealerPage page;
        page.atEnd = rows->size() < std::clamp(limit, 1, 1000);
        page.rows = std::move(rows).value();
        return page;
    });
}

QFuture<Result<qint64>> DealerService::count(const QString &search)
{
    return m_session->database()->runRead<qint64>(
        [search](PgConnection &connection) { return DealerRepository(connection).count(search); });
}

} // namespace okla::services
