#pragma once

#include "app/cli/clicommand.h"
#include "services/session/connectionprofile.h"
#include "services/database/pgconnection.h"

namespace okla::cli {

/// What every database command of `okla` does first: load the profile, connect as `user`
/// (empty: the profile's default user, else $USER via libpq) and refuse to run on a schema this
/// program does not match (one sentence naming the fix, e.g. "run `okla migrate`").
/// On failure it has already printed the sentence; `exitCode` is then 1.
struct SchemaGuard
{
    services::ConnectionProfile profile;
    services::PgConnection connection;
    int exitCode = 0;

    static SchemaGuard open(CliContext &context, const QString &profileName, const QString &user,
                            bool checkSchema = true);
};

} // namespace okla::cli
