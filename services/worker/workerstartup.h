#pragma once

#include <QString>

#include "models/result.h"
#include "services/credentials/credentialstore.h"
#include "services/database/pgconnection.h"
#include "services/session/connectionprofile.h"

namespace okla::services {

/// What `okla-worker` was started with (docs/worker.md §4).
struct WorkerOptions
{
    QString profileName;    ///< empty: the active profile ($OKLA_PROFILE)
    QString credentialsDir; ///< empty: $OKLA_CREDENTIALS_DIR, $CREDENTIALS_DIRECTORY, the profile's folder
    int concurrency = 4;
    int httpPort = 9187;    ///< 0: any free port
    bool once = false;      ///< run what is pending, then exit
};

/// The start-up checks, in order (docs/worker.md §4): the profile loads, the credentials folder is
/// closed to others and holds every credential the registered handlers require, the profile names a worker login, the login connects (with `pg-password`
/// only when the server asks for a password), belongs to okla_worker, and the schema is the one
/// this program was built for. Each failure is one sentence; nothing is started before all pass.
struct WorkerStartup
{
    ConnectionProfile profile;
    CredentialStore credentials{QString()};
    QString conninfo; ///< may hold the password: never logged
    PgConnection connection;

    static models::Result<WorkerStartup> prepare(const WorkerOptions &options, const QStringList &requiredCredentials = {});

    /// The profile's file read again (SIGHUP); the login and credentials folder stay as started.
    static models::Result<ConnectionProfile> reloadProfile(const QString &name);

    /// The conninfo of the worker's login for `profile`, reading `pg-password` only when the
    /// server asked for a password; opens and returns the connection it checked.
    static models::Result<QString> loginConninfo(const ConnectionProfile &profile, const CredentialStore &credentials,
                                                 PgConnection *checked = nullptr);
};

} // namespace okla::services
