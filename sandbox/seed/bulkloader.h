#pragma once

#include <functional>

#include <QString>
#include <QStringList>

#include "models/result.h"

namespace okla::services {
class PgConnection;
}

namespace okla::sandbox {

/// Loads a set of tables fast inside ONE transaction, the way pg_restore does: TRUNCATE, drop
/// the tables' keys, foreign keys and secondary indexes, COPY ... FREEZE the rows (no WAL with
/// wal_level=minimal, no per-row index or foreign-key work), then rebuild indexes and keys in
/// bulk (a sort per index, one join per foreign key) and commit. A failure rolls everything
/// back: the database is left as it was.
class BulkLoader
{
public:
    explicit BulkLoader(services::PgConnection &connection) : m_connection(connection) {}

    /// BEGIN, remember and drop keys/indexes of `tables` (schema-qualified) and of foreign keys
    /// pointing at them, TRUNCATE them (with `alsoTruncate`, tables that only reference them) and
    /// disable their user triggers.
    models::Status begin(const QStringList &tables, const QStringList &alsoTruncate = {});
    /// One COPY ... FROM STDIN (FREEZE) of already escaped text rows, streamed in pieces.
    models::Status copy(const char *table, const char *columns, const QByteArray &rows);
    /// Rebuilds the dropped indexes and constraints (still inside the transaction); `progress`
    /// hears how long it took and the slowest steps.
    models::Status rebuild(const std::function<void(const QString &)> &progress = {});
    /// rebuild() if not done yet, re-enables triggers, runs `extraSql`, and commits.
    models::Status commit(const QString &extraSql = {}, const std::function<void(const QString &)> &progress = {});
    /// Rolls back (safe to call after a failure or twice).
    void rollback();

private:
    services::PgConnection &m_connection;
    QStringList m_tables;
    QStringList m_recreate; ///< statements that restore what begin() dropped, in order
    bool m_open = false;
    bool m_rebuilt = false;
};

} // namespace okla::sandbox
