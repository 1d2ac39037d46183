#pragma once

#include <QList>
#include <QString>

namespace okla::sandbox {

/// A demo staff member of the sandbox: a LOGIN role that is a member of one group role.
struct DemoStaff
{
    QString role;     ///< the login role
    QString group;    ///< okla_finance, okla_manager, okla_support or okla_admin
    QString fullName; ///< shown in the console and the audit log
};

/// ana and luis (finance: two people, for approvals), marco (manager), sofia (support), admin.
const QList<DemoStaff> &demoStaff();

/// The sandbox database's connection string for a role over the private socket (no password).
QString sandboxConninfo(const QString &socketDir, int port, const QString &user,
                        const QString &database = QStringLiteral("okla"));

/// Where initdb/pg_ctl live: $OKLA_PG_BINDIR, else the newest /usr/lib/postgresql/<v>/bin; empty if none.
QString postgresBinDir();

} // namespace okla::sandbox
