#pragma once

#include <QString>

namespace okla::models {

/// Masks what must never reach a log, an error detail or the screen (docs/security.md §7):
/// card numbers (maskCardNumbers), Stripe secret and publishable keys, webhook secrets and
/// payment-method tokens (prefix and last four kept: `sk_live_****abcd`), `Bearer` credentials,
/// `name=value` / `name: value` / JSON `"name": "value"` pairs whose name says password, secret,
/// token, key, Auth1/Auth2, CVC…, and the values PostgreSQL quotes in its error details
/// (`Key (token)=(…)`, `Failing row contains (…)`). Idempotent: masking twice changes nothing.
QString maskSecrets(const QString &text);

} // namespace okla::models
