#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/result.h"
#include "services/database/migrator.h"

namespace okla::services {

class PgConnection;

/// What `okla schema check` compares besides the migration checksums (docs/security.md §5): the
/// body (pg_proc.prosrc) of every function in schema public against the body the migrations give
/// it. The owner can replace a function without touching schema_migrations (e.g. audit_verify()
/// with a stub); this finds it, and finds functions no migration defines.
class FunctionBodies
{
public:
    /// "name/number of input arguments" -> body, as the migrations leave them (CREATE [OR
    /// REPLACE] FUNCTION in schema public, DROP FUNCTION applied in order).
    static QHash<QString, QString> expected(const QList<Migration> &migrations = Migrator::embedded());

    /// One translated sentence per function that differs, is missing or is unknown.
    static models::Result<QStringList> compare(PgConnection &connection,
                                               const QList<Migration> &migrations = Migrator::embedded());
};

} // namespace okla::services
