#include "services/staff/staffservice.h"

#include "services/database/databaseservice.h"
#include "services/session/session.h"
#include "services/staff/staffrepository.h"

namespace okla::services {

using models::Result;
using models::StaffMember;
using models::Status;

QFuture<Result<QList<StaffMember>>> StaffService::list()
{
    return m_session->database()->runRead<QList<StaffMember>>(
        [](PgConnection &connection) { return StaffRepository(connection).list(); });
}

QFuture<Result<qint64>> StaffService::create(const models::StaffDraft &draft, const QByteArray &password)
{
    return m_session->database()->run<qint64>(
        [draft, password](PgConnection &connection) { return StaffRepository(connection).create(draft, password); });
}

QFuture<Status> StaffService::setRole(const QString &login, models::StaffRole role)
{
    return m_session->database()->run<void>(
        [login, role](PgConnection &connection) { return StaffRepository(connection).setRole(login, role); });
}

QFuture<Status> StaffService::deactivate(const QString &login)
{
    return m_session->database()->run<void>(
        [login](PgConnection &connection) { return StaffRepository(connection).deactivate(login); });
}

} // namespace okla::services
