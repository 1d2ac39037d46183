#include "services/database/migrator.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>

#include "services/database/pgconnection.h"
#include "models/oklatr.h"

Q_LOGGING_CATEGORY(lcMigrator, "okla.services.migrator", QtWarningMsg)

namespace okla::services {

using models::Error;
using models::makeError;
using models::Result;
using models::Status;

namespace {

// Any fixed 64-bit key works; it only has to be the same in every migrator.
constexpr const char *kLockKey = "7309201158327461";

const QString kCreateTable = QStringLiteral(
    "CREATE TABLE IF NOT EXISTS public.schema_migrations ("
    " version int PRIMARY KEY,"
    " name text NOT NULL,"
    " checksum text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now(),"
    " applied_by text NOT NULL DEFAULT session_user);"
    // Every staff role checks the version at start, so everyone may read it (nothing secret).
    "GRANT SELECT ON public.schema_migrations TO PUBLIC;");

struct Recorded
{
    int version;
    QString name;
    QString checksum;
};

// Reads public.schema_migrations; an absent table means "no migration applied yet".
Result<QList<Recorded>> readRecorded(PgConnection &connection)
{
    auto exists = connection.exec(QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL"));
    if (!exists)
        return exists.error();
    QList<Recorded> recorded;
    if (exists->text(0, 0) != QLatin1String("t"))
        return recorded;
    auto rows = connection.exec(QStringLiteral("SELECT version, name, checksum FROM public.schema_migrations ORDER BY version"));
    if (!rows)
        return rows.error();
    for (int row = 0; row < rows->rows(); ++row)
        recorded.append({int(rows->toInt64(row, 0)), rows->text(row, 1), rows->text(row, 2)});
    return recorded;
}

SchemaState compare(const QList<Recorded> &recorded, const QList<Migration> &migrations)
{
    SchemaState state;
    QHash<int, const Migration *> byVersion;
    for (const Migration &m : migrations) {
        byVersion.insert(m.version, &m);
        state.expected = std::max(state.expected, m.version);
    }
    QSet<int> applied;
    for (const Recorded &r : recorded) {
        applied.insert(r.version);
        state.applied = std::max(state.applied, r.version);
        const Migration *m = byVersion.value(r.version);
        if (!m) {
            state.problems << Tr::tr("This program is older than the database (it has migration %1 \"%2\", unknown here); "
                                 "install the newer OKLA Admin.")
                                  .arg(r.version).arg(r.name);
        } else if (m->checksum != r.checksum) {
            state.problems << Tr::tr("Migration %1 was changed after it was applied (checksum differs); restore "
                                 "resources/migrations/%2 to the version that was applied, then rebuild.")
                                  .arg(r.version).arg(m->fileName);
        }
    }
    for (const Migration &m : migrations) {
        if (!applied.contains(m.version))
            state.pending.append(m.version);
    }
    return state;
}

// A tampered migration is reported first: its fix (restore the file) is needed whatever else is wrong.
Error problemError(const QList<Recorded> &recorded, const QList<Migration> &migrations, const SchemaState &state)
{
    bool tampered = false;
    for (const Recorded &r : recorded) {
        for (const Migration &m : migrations)
            tampered = tampered || (m.version == r.version && m.checksum != r.checksum);
    }
    const QString code = tampered ? QStringLiteral("schema.tampered") : QStringLiteral("schema.newer");
    QString first = state.problems.first();
    for (const QString &p : state.problems) {
        if (tampered && p.contains(QStringLiteral("checksum"))) {
            first = p;
            break;
        }
    }
    return makeError(code, first, state.problems.join(u' '));
}

} // namespace

Result<Migration> Migrator::fromFile(const QString &fileName, const QByteArray &sql)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"));
    const auto match = pattern.match(fileName);
    if (!match.hasMatch())
        return makeError(QStringLiteral("schema.filename"),
                         Tr::tr("Migration file \"%1\" is not named NNNN_<name>.sql; rename it.").arg(fileName));
    Migration m;
    m.version = match.captured(1).toInt();
    m.name = match.captured(2);
    m.fileName = fileName;
    m.sql = sql;
    m.checksum = QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex());
    if (m.version <= 0)
        return makeError(QStringLiteral("schema.filename"),
                         Tr::tr("Migration file \"%1\" must have a version above 0000.").arg(fileName));
    return m;
}

Result<QList<Migration>> Migrator::fromDirectory(const QString &path)
{
    QDir dir(path);
    if (!dir.exists())
        return makeError(QStringLiteral("schema.folder"), Tr::tr("The migrations folder %1 does not exist.").arg(path));
    QList<Migration> migrations;
    QSet<int> seen;
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("schema.read"), Tr::tr("Cannot read migration %1.").arg(file.fileName()));
        auto migration = fromFile(fileName, file.readAll());
        if (!migration)
            return migration.error();
        if (seen.contains(migration->version))
            return makeError(QStringLiteral("schema.duplicate"),
                             Tr::tr("Two migrations have version %1; give one of them the next free number.")
                                 .arg(migration->version));
        seen.insert(migration->version);
        migrations.append(migration.value());
    }
    std::sort(migrations.begin(), migrations.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return migrations;
}

QList<Migration> Migrator::embedded()
{
    // The resource is generated from resources/migrations/*.sql; a broken name there is a build bug,
    // so it is logged loudly and the file is skipped (the schema check then reports it as pending/unknown).
    const QString root = QStringLiteral(":/okla/migrations");
    if (!QDir(root).exists())
        return {};
    auto migrations = fromDirectory(root);
    if (!migrations) {
        qCCritical(lcMigrator) << "embedded migrations are broken:" << migrations.error().toString();
        return {};
    }
    return migrations.value();
}

Result<SchemaState> Migrator::inspect(PgConnection &connection, const QList<Migration> &migrations)
{
    auto recorded = readRecorded(connection);
    if (!recorded)
        return makeError(QStringLiteral("schema.inspect"),
                         Tr::tr("Cannot read the schema version of the database."), recorded.error().toString());
    return compare(recorded.value(), migrations);
}

namespace {
Status refusal(PgConnection &connection, const QList<Migration> &migrations, const SchemaState &state)
{
    auto recorded = readRecorded(connection);
    return problemError(recorded ? recorded.value() : QList<Recorded>{}, migrations, state);
}
} // namespace

Status Migrator::checkCompatible(PgConnection &connection, const QList<Migration> &migrations)
{
    auto state = inspect(connection, migrations);
    if (!state)
        return state.error();
    if (!state->problems.isEmpty())
        return refusal(connection, migrations, state.value());
    if (!state->pending.isEmpty()) {
        if (state->applied == 0)
            return makeError(QStringLiteral("schema.missing"),
                             Tr::tr("The database has no OKLA schema yet; run `okla migrate` (or `okla-sandbox up`)."));
        return makeError(QStringLiteral("schema.older"),
                         Tr::tr("The database schema is older than this program (version %1, needs %2); run `okla migrate`.")
                             .arg(state->applied).arg(state->expected));
    }
    return {};
}

Result<int> Migrator::migrate(PgConnection &owner, const std::function<void(const QString &)> &progress,
                              const QList<Migration> &migrations)
{
    auto say = [&](const QString &line) {
        qCInfo(lcMigrator).noquote() << line;
        if (progress)
            progress(line);
    };
    auto fail = [&](const Error &error) -> Result<int> {
        owner.rollbackAfterError();
        return error;
    };
    if (auto begin = owner.execScript(QStringLiteral("BEGIN")); !begin)
        return begin.error();
    if (auto quiet = owner.execScript(QStringLiteral("SET LOCAL client_min_messages = warning")); !quiet)
        return fail(quiet.error());
    // Held until COMMIT/ROLLBACK; a second migrator waits here and then sees nothing pending.
    if (auto lock = owner.exec(QStringLiteral("SELECT pg_advisory_xact_lock($1::bigint)"), {QString::fromLatin1(kLockKey)}); !lock)
        return fail(lock.error());
    if (auto table = owner.execScript(kCreateTable); !table)
        return fail(makeError(QStringLiteral("schema.permission"),
                              Tr::tr("Cannot create the schema_migrations table; run `okla migrate` as the owner role okla_owner."),
                              table.error().toString()));
    auto state = inspect(owner, migrations);
    if (!state)
        return fail(state.error());
    if (!state->problems.isEmpty())
        return fail(refusal(owner, migrations, state.value()).error());
    int applied = 0;
    for (const Migration &m : migrations) {
        if (!state->pending.contains(m.version))
            continue;
        say(Tr::tr("Applying migration %1 (%2)…").arg(m.version).arg(m.name));
        if (auto run = owner.execScript(QString::fromUtf8(m.sql)); !run)
            return fail(makeError(QStringLiteral("schema.apply"),
                                  Tr::tr("Migration %1 (%2) failed, so no migration was applied; fix %3 and run `okla migrate` again.")
                                      .arg(m.version).arg(m.name, m.fileName),
                                  run.error().detail));
        auto record = owner.exec(QStringLiteral("INSERT INTO public.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)"),
                                 {m.version, m.name, m.checksum});
        if (!record)
            return fail(record.error());
        ++applied;
    }
    if (auto commit = owner.execScript(QStringLiteral("COMMIT")); !commit)
        return fail(commit.error());
    say(applied == 0 ? Tr::tr("The schema is up to date (version %1).").arg(state->expected)
                     : QCoreApplication::translate("okla", "Applied %n migration(s); the schema is at version %1.", nullptr, applied).arg(state->expected));
    return applied;
}

} // namespace okla::services
