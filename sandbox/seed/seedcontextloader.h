#pragma once

#include "models/result.h"
#include "sandbox/seed/seedtypes.h"

namespace okla::services {
class PgConnection;
}

namespace okla::sandbox {

/// Reads what the generator needs from the configuration tables (current plan versions and
/// prices, billing policies, Early Bird terms, staff who request and approve refunds). Refuses
/// with one sentence when the demo finance/manager staff are missing (the owner cannot create
/// logins: docs/security.md §13).
models::Result<SeedContext> loadSeedContext(services::PgConnection &owner);

/// Creates the demo finance/manager staff (ana and luis in finance, marco manager) when there is
/// none, through okla_staff_create: `superuser` is the cluster's superuser (or an admin).
models::Status ensureDemoStaff(services::PgConnection &superuser);

} // namespace okla::sandbox
