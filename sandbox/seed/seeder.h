#pragma once

#include <functional>

#include <QDate>
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

/// Writes deterministic, realistic Dominican data through COPY as the owner role.
/// Replaces any earlier seed. `progress` receives one line per phase.
models::Status seedDatabase(services::PgConnection &owner, const SeedOptions &options,
                            const std::function<void(const QString &)> &progress = {});

} // namespace okla::sandbox
