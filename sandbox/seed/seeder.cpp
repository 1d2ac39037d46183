#include "sandbox/seed/seeder.h"

#include "services/pgconnection.h"

namespace okla::sandbox {

// Replaced by the seed generator (issue 2 item 6); until then `okla-sandbox seed` says so plainly.
models::Status seedDatabase(services::PgConnection &, const SeedOptions &, const std::function<void(const QString &)> &)
{
    return models::makeError(QStringLiteral("seed.unavailable"),
                             QCoreApplication::translate("okla", "The seed generator is not built yet."));
}

} // namespace okla::sandbox
