#include "services/session/session.h"

#include <QLoggingCategory>

#include "services/database/databaseservice.h"
#include "services/database/notificationlistener.h"
#include "services/database/pgconnection.h"
#include "services/database/migrator.h"

Q_LOGGING_CATEGORY(lcSession, "okla.services.session")

namespace okla::services {

using models::Error;
using models::makeError;
using models::Result;
using models::Status;

namespace {
// Runs on the service thread right after connecting.
Result<SessionInfo> readSession(PgConnection &connection)
{
    // The console refuses to run on a schema it was not built for; the message names the fix.
    if (Status compatible = Migrator::checkCompatible(connection); !compatible.ok())
        return compatible.error();
    auto who = connection.exec(QStringLiteral("SELECT current_user, current_setting('server_version')"));
    if (!who.ok())
        return who.error();
    SessionInfo info;
    info.user = who->text(0, 0);
    info.serverVersion = who->text(0, 1);
    // pg_roles first, so a missing group role is "not held" rather than an error.
    auto roles = connection.exec(QStringLiteral(
        "SELECT r.rolname FROM pg_roles r "
        "WHERE r.rolname IN ('okla_finance', 'okla_manager', 'okla_support', 'okla_admin') "
        "AND pg_has_role(current_user, r.oid, 'member') ORDER BY r.rolname"));
    if (!roles.ok())
        return roles.error();
    for (int row = 0; row < roles->rows(); ++row)
        info.groupRoles << roles->text(row, 0);
    return info;
}
} // namespace

Session::Session(QObject *parent) : QObject(parent) {}
Session::~Session() = default;

QFuture<Status> Session::verifyPassword(const QString &password)
{
    if (!m_database)
        return QtFuture::makeReadyFuture<Status>(makeError(QStringLiteral("session.closed"), tr("Nobody is signed in.")));
    const QString conninfo = m_profile.conninfo(m_info.user, QStringLiteral("okla-admin-unlock"), password);
    const ConnectionProfile profile = m_profile;
    const QString user = m_info.user;
    // A throwaway connection on the database thread: the server, not this program, judges the password.
    return m_database
        ->run<bool>([conninfo, profile, user](PgConnection &) -> Result<bool> {
            auto probe = PgConnection::open(conninfo);
            if (!probe.ok())
                return explainConnectError(probe.error(), profile, user);
            return true;
        })
        .then([](const Result<bool> &checked) -> Status {
            if (!checked.ok())
                return checked.error();
            return {};
        });
}

QFuture<Status> Session::signIn(const ConnectionProfile &profile, const QString &user, const QString &password)
{
    m_profile = profile;
    m_info = {};
    const QString conninfo = profile.conninfo(user, QStringLiteral("okla-admin"), password);
    m_listener.reset();
    m_database = std::make_unique<DatabaseService>(conninfo);
    relayState();
    auto job = m_database->run<SessionInfo>([](PgConnection &connection) { return readSession(connection); });
    return job.then(this, [this, conninfo, profile, user](const Result<SessionInfo> &result) -> Status {
        if (!result.ok()) {
            m_database.reset();
            if (result.error().code == QLatin1String("db.connect"))
                return explainConnectError(result.error(), profile, user);
            return result.error();
        }
        m_info = result.value();
        m_info.profileName = profile.name;
        m_listener = std::make_unique<NotificationListener>(conninfo);
        connect(m_listener.get(), &NotificationListener::connected, this, &Session::liveUpdatesUp);
        connect(m_listener.get(), &NotificationListener::disconnected, this, &Session::liveUpdatesDown);
        qCInfo(lcSession) << "signed in as" << m_info.user << "on profile" << profile.name << m_info.groupRoles;
        return {};
    });
}

void Session::relayState()
{
    connect(m_database.get(), &DatabaseService::stateChanged, this, &Session::databaseStateChanged);
}

models::ConnectionState Session::databaseState() const
{
    return m_database ? m_database->state() : models::ConnectionState::Disconnected;
}

QString Session::roleLabel(const QString &groupRole)
{
    if (groupRole == QLatin1String("okla_finance"))
        return tr("Finance");
    if (groupRole == QLatin1String("okla_manager"))
        return tr("Manager");
    if (groupRole == QLatin1String("okla_support"))
        return tr("Support");
    if (groupRole == QLatin1String("okla_admin"))
        return tr("Administrator");
    return groupRole;
}

QString Session::rolesLabel(const QStringList &groupRoles)
{
    if (groupRoles.isEmpty())
        return tr("no staff role");
    QStringList labels;
    for (const QString &role : groupRoles)
        labels << roleLabel(role);
    return labels.join(QStringLiteral(", "));
}

Error Session::explainConnectError(const Error &error, const ConnectionProfile &profile, const QString &user)
{
    const QString server = error.detail;
    const QString where = profile.pgHost + u':' + QString::number(profile.pgPort);
    QString message;
    if (server.contains(QLatin1String("password authentication failed")))
        message = tr("Wrong password for user \"%1\".").arg(user);
    else if (server.contains(QLatin1String("no password supplied")) || server.contains(QLatin1String("fe_sendauth")))
        message = tr("The server asks for a password for user \"%1\".").arg(user);
    else if (server.contains(QLatin1String("role \"")) && server.contains(QLatin1String("does not exist")))
        message = tr("There is no database user named \"%1\".").arg(user);
    else if (server.contains(QLatin1String("database \"")) && server.contains(QLatin1String("does not exist")))
        message = tr("The database \"%1\" does not exist on %2.").arg(profile.pgDatabase, where);
    else if (server.contains(QLatin1String("no pg_hba.conf entry")) || server.contains(QLatin1String("not permitted to log in")))
        message = tr("The server does not allow user \"%1\" to sign in from here.").arg(user);
    else if (server.contains(QLatin1String("timeout expired")))
        message = tr("The database server at %1 did not answer in time.").arg(where);
    else if (server.contains(QLatin1String("Connection refused")) || server.contains(QLatin1String("No such file or directory")))
        message = tr("The database server at %1 is not running or cannot be reached.").arg(where);
    else if (server.contains(QLatin1String("certificate")) || server.contains(QLatin1String("SSL")))
        message = tr("The database server's certificate could not be verified.");
    else if (server.contains(QLatin1String("too many connections")))
        message = tr("The database server has no free connections; try again in a moment.");
    else
        message = tr("Could not connect to the database server at %1.").arg(where);
    return makeError(error.code, message, server);
}

} // namespace okla::services
