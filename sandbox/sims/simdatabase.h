#pragma once

#include <QString>

#include "models/result.h"
#include "services/pgconnection.h"

namespace okla::sandbox {

/// Opens the simulators' database; creates it (through the `postgres` database of the same
/// server) when it does not exist yet, then applies sql/sim_schema.sql (idempotent).
models::Result<services::PgConnection> openSimDatabase(const QString &conninfo);

/// Reads and writes one JSON value of a `<schema>.settings` table.
QString simSetting(services::PgConnection &db, const QString &schema, const QString &key);
void setSimSetting(services::PgConnection &db, const QString &schema, const QString &key, const QString &jsonValue);

} // namespace okla::sandbox
