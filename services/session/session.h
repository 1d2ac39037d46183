#pragma once

#include <memory>

#include <QFuture>
#include <QObject>
#include <QStringList>

#include "models/connectionstate.h"
#include "models/result.h"
#include "services/session/connectionprofile.h"

namespace okla::services {

class DatabaseService;
class NotificationListener;

/// Who is signed in: the database role and the group roles it is a member of.
struct SessionInfo
{
    QString profileName;
    QString user;
    QStringList groupRoles; ///< okla_finance, okla_manager, okla_support, okla_admin (those held)
    QString serverVersion;
};

/// Signs a staff member in with their own database role (docs/security.md §1) and owns the console's
/// database service and LISTEN connection for as long as they are signed in.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    /// Connects as `user` (with `password` unless the profile is passwordless), reads the group
    /// roles and checks the schema version. On failure nothing stays open.
    QFuture<models::Status> signIn(const ConnectionProfile &profile, const QString &user, const QString &password);

    /// Asks the server to check the signed-in person's password again (idle unlock) without
    /// touching the session's own connection. A passwordless sandbox profile needs none.
    QFuture<models::Status> verifyPassword(const QString &password);
    bool isSignedIn() const { return m_database != nullptr && !m_info.user.isEmpty(); }
    const SessionInfo &info() const { return m_info; }
    const ConnectionProfile &profile() const { return m_profile; }
    /// For the feature services app/ builds on this session; pages use those services instead.
    DatabaseService *database() const { return m_database.get(); }
    NotificationListener *listener() const { return m_listener.get(); }
    models::ConnectionState databaseState() const;


    /// "Finance", "Manager"... translated; empty list gives "no group role".
    static QString roleLabel(const QString &groupRole);
    static QString rolesLabel(const QStringList &groupRoles);
    /// Turns libpq's connect failure into a sentence a person can act on (server text kept as detail).
    static models::Error explainConnectError(const models::Error &error, const ConnectionProfile &profile,
                                             const QString &user);

signals:
    /// The console's database connection changed state (status bar).
    void databaseStateChanged(okla::models::ConnectionState state, const QString &detail);
    /// The LISTEN connection that carries live updates is up, or lost (status bar).
    void liveUpdatesUp();
    void liveUpdatesDown(const QString &detail);

private:
    void relayState();

    ConnectionProfile m_profile;
    SessionInfo m_info;
    std::unique_ptr<DatabaseService> m_database;
    std::unique_ptr<NotificationListener> m_listener;
};

} // namespace okla::services
