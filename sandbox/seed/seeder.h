#pragma once

#include <functional>

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

#include "models/result.h"

namespace okla::services {
class PgConnection;
}

namespace okla::sandbox {

/// What `okla-sandbox seed` generates. Same options and seed => same rows, byte for byte.
struct SeedOptions
{
    int dealers = 250;
    int months = 24;
    quint64 seed = 20260101;
    QDate lastMonth = QDate(2026, 11, 1); ///< the newest month of history (first day)
    QString simConninfo; ///< the simulators' database (okla_sim); empty = skip mirroring provider ids
};

/// What a seed run wrote and how long it took.
struct SeedReport
{
    QList<QPair<QString, qint64>> rows; ///< (table, rows), in load order
    qint64 totalRows = 0;
    qint64 simRows = 0;   ///< rows mirrored into okla_sim (included in totalRows)
    qint64 elapsedMs = 0; ///< wall time of the whole run
    qint64 rowsOf(const QString &table) const;
};

/// Writes deterministic, realistic Dominican data through COPY as the owner role.
/// Replaces any earlier seed. `progress` receives one line per phase.
models::Status seedDatabase(services::PgConnection &owner, const SeedOptions &options,
                            const std::function<void(const QString &)> &progress = {});

/// The same, returning the row counts and timing (benchmarks, `okla-sandbox seed` summaries).
models::Result<SeedReport> seedDatabaseWithReport(services::PgConnection &owner, const SeedOptions &options,
                                                  const std::function<void(const QString &)> &progress = {});

} // namespace okla::sandbox
