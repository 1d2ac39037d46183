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

    /// Which group a service login joins (docs/security.md §13).
    enum class ServiceGroup { Worker, Monitor };
    /// Creates or updates a service login after apply(): the worker's (okla_worker) or a health
    /// collector's (pg_monitor), through okla_dba.service_login. `password` empty: no password is
    /// set (the server must trust the login some other way); else it travels as a SCRAM verifier
    /// and its bytes are overwritten.
    static models::Status ensureServiceLogin(PgConnection &superuser, const QString &login, ServiceGroup group,
                                             QByteArray password);
};

} // namespace okla::services
