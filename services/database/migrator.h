#pragma once

#include <functional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// One versioned schema change: resources/migrations/NNNN_<name>.sql, embedded in the binaries.
/// A migration never contains BEGIN/COMMIT: the migrator wraps all pending ones in one transaction.
struct Migration
{
    int version = 0;   ///< NNNN from the file name
    QString name;      ///< <name> from the file name
    QString fileName;  ///< NNNN_<name>.sql
    QByteArray sql;    ///< the file's bytes
    QString checksum;  ///< sha256 hex of the file's bytes
};

/// Where a database stands compared to the migrations this program carries.
struct SchemaState
{
    int applied = 0;      ///< highest version recorded in public.schema_migrations (0: none)
    int expected = 0;     ///< highest version embedded in this program
    QList<int> pending;   ///< embedded versions not yet applied, ascending
    QStringList problems; ///< translated sentences: tampered checksums, versions unknown to this program
    bool upToDate() const { return problems.isEmpty() && pending.isEmpty(); }
};

/// Applies and checks the versioned SQL migrations recorded in public.schema_migrations
/// (version, name, checksum, applied_at, applied_by).
class Migrator
{
public:
    /// The migrations compiled into this program (Qt resource :/okla/migrations), ascending.
    static QList<Migration> embedded();
    /// Migrations read from a folder of NNNN_<name>.sql files (tests, tools), ascending.
    static models::Result<QList<Migration>> fromDirectory(const QString &path);
    /// Builds one migration from a file name and its bytes (computes the checksum).
    static models::Result<Migration> fromFile(const QString &fileName, const QByteArray &sql);

    /// Reads the recorded migrations and compares them with `migrations`. Changes nothing.
    /// Works for any role that may read public.schema_migrations (PUBLIC has SELECT).
    static models::Result<SchemaState> inspect(PgConnection &connection,
                                               const QList<Migration> &migrations = embedded());

    /// Called by the console, the worker and the CLI at start: ok only when the database is
    /// exactly at this program's version. Otherwise one sentence naming the fix, e.g.
    /// code "schema.older" (run `okla migrate`), "schema.newer" (install the newer OKLA Admin),
    /// "schema.tampered" (restore the migration file), "schema.missing" (no schema yet).
    static models::Status checkCompatible(PgConnection &connection,
                                          const QList<Migration> &migrations = embedded());

    /// Applies every pending migration as the connected role (the owner, `okla_owner`) in ONE
    /// transaction under an advisory lock (two migrators never race; the second waits and
    /// then finds nothing to do). Refuses, changing nothing, on tampered or newer databases.
    /// Returns how many migrations were applied; `progress` gets one line per migration.
    static models::Result<int> migrate(PgConnection &owner,
                                       const std::function<void(const QString &)> &progress = {},
                                       const QList<Migration> &migrations = embedded());
};

} // namespace okla::services
