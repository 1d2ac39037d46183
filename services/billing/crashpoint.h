#pragma once

namespace okla::services {

/// Ends the process at once (`_exit`, no cleanup, like a `kill -9`) when the environment variable
/// `OKLA_CRASH_AT` names @p name: how the phases' recovery is proven (docs/idempotency.md §12).
/// Unarmed, it costs one comparison.
void crashPoint(const char *name);

} // namespace okla::services

#define OKLA_CRASH_POINT(name) ::okla::services::crashPoint(name)
