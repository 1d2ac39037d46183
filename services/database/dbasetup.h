#pragma once

#include <QByteArray>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// The DBA step (resources/dba/okla_dba.sql, embedded; docs/security.md §13): group roles, the
/// okla_staff marker group, okla_owner without CREATEROLE, and the superuser's okla_dba functions
/// that alone create, move and deactivate staff logins. Run it as a superuser in each okla
/// database before `okla migrate`; running it again changes nothing that is already right.
class DbaSetup
{
public:
    /// The script compiled into this program.
    static QByteArray script();
    /// Applies the script in one transaction on `superuser` (connected to the okla database).
    /// Refuses with one sentence when the connected role is not a superuser.
    static models::Status apply(PgConnection &superuser);
};

} // namespace okla::services
