#include "app/cli/schemaguard.h"

#include "models/secretmask.h"
#include "services/database/migrator.h"

namespace okla::cli {

SchemaGuard SchemaGuard::open(CliContext &context, const QString &profileName, const QString &user, bool checkSchema)
{
    SchemaGuard guard;
    auto profile = services::ConnectionProfile::load(profileName.isEmpty() ? services::ConnectionProfile::activeName() : profileName);
    if (!profile) {
        context.err << "okla: " << profile.error().message << '\n';
        guard.exitCode = 1;
        return guard;
    }
    guard.profile = profile.value();
    const QString role = !user.isEmpty() ? user : guard.profile.defaultUser;
    // Without a password in the profile, libpq takes it from PGPASSWORD or ~/.pgpass (real servers).
    auto connection = services::PgConnection::openQuiet(guard.profile.conninfo(role, QStringLiteral("okla")));
    if (!connection) {
        context.err << "okla: " << connection.error().message << '\n';
        if (!connection.error().detail.isEmpty())
            context.err << "  " << models::maskSecrets(connection.error().detail) << '\n';
        guard.exitCode = 1;
        return guard;
    }
    guard.connection = std::move(connection.value());
    if (checkSchema) {
        if (auto ok = services::Migrator::checkCompatible(guard.connection); !ok) {
            context.err << "okla: " << ok.error().message << '\n';
            guard.exitCode = 1;
        }
    }
    return guard;
}

} // namespace okla::cli
