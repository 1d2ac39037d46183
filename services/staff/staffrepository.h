#pragma once

#include <QByteArray>
#include <QList>

#include "models/result.h"
#include "models/staff/staffmember.h"

namespace okla::services {

class PgConnection;

/// Staff management through migration 11's functions (okla_staff_create, okla_staff_set_role,
/// okla_staff_deactivate): admin only, enforced and audited by the database (docs/security.md §13).
/// Plain blocking libpq: call it on a service thread only.
class StaffRepository
{
public:
    explicit StaffRepository(PgConnection &connection) : m_connection(connection) { }

    /// Everyone in the staff table, active first, by login.
    models::Result<QList<models::StaffMember>> list();
    /// Creates or re-creates a staff member; returns the staff id. A non-empty `password` is turned
    /// into a SCRAM-SHA-256 verifier here, on the client (PQencryptPasswordConn): the clear password
    /// never travels in SQL. The draft is checked first (models::staffrules).
    models::Result<qint64> create(const models::StaffDraft &draft, QByteArray password = {});
    models::Status setRole(const QString &login, models::StaffRole role);
    models::Status deactivate(const QString &login);

private:
    PgConnection &m_connection;
};

} // namespace okla::services
