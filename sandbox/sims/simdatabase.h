#pragma once

#include <QElapsedTimer>
#include <QString>

#include "models/result.h"
#include "services/database/pgconnection.h"

namespace okla::sandbox {

/// Opens the simulators' database; creates it (through the `postgres` database of the same
/// server) when it does not exist yet, then applies sql/sim_schema.sql (idempotent).
models::Result<services::PgConnection> openSimDatabase(const QString &conninfo);

/// Reopens `db` when its connection broke (PostgreSQL restarted, backend terminated), so that a
/// simulator recovers by itself; true when the connection is usable.
/// `lastUse` skips the check while the connection was used less than a second ago (a failure
/// then shows as an error answer and the next request reconnects).
bool ensureSimConnection(services::PgConnection &db, const QString &conninfo, QElapsedTimer &lastUse);

/// Reads and writes one JSON value of a `<schema>.settings` table.
QString simSetting(services::PgConnection &db, const QString &schema, const QString &key);
void setSimSetting(services::PgConnection &db, const QString &schema, const QString &key, const QString &jsonValue);

} // namespace okla::sandbox
