#pragma once

#include <QByteArray>
#include <QFuture>
#include <QList>

#include "models/result.h"
#include "models/staff/staffmember.h"

namespace okla::services {

class Session;

/// The staff facade for the Settings page: list, create, change role, deactivate on the session's
/// database thread, as the signed-in person (only an admin's calls succeed: docs/security.md §13).
class StaffService
{
public:
    explicit StaffService(Session *session) : m_session(session) { }

    QFuture<models::Result<QList<models::StaffMember>>> list();
    /// A non-empty `password` becomes a SCRAM verifier on the client; it never reaches SQL.
    QFuture<models::Result<qint64>> create(const models::StaffDraft &draft, const QByteArray &password = {});
    QFuture<models::Status> setRole(const QString &login, models::StaffRole role);
    QFuture<models::Status> deactivate(const QString &login);

private:
    Session *m_session;
};

} // namespace okla::services
