#pragma once

#include "models/result.h"
#include "sandbox/seed/seedtypes.h"

namespace okla::services {
class PgConnection;
}

namespace okla::sandbox {

/// Reads what the generator needs from the configuration tables (current plan versions and
/// prices, billing policies, Early Bird terms, staff who request and approve refunds). Creates
/// the demo finance/manager staff with okla_create_staff() when there is none, as the owner.
models::Result<SeedContext> loadSeedContext(services::PgConnection &owner);

} // namespace okla::sandbox
