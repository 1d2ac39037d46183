#pragma once

#include <QStringList>
#include <QTextStream>

#include "services/worker/workerstartup.h"

namespace okla::worker {

/// `okla-worker [--profile P] [--credentials-dir D] [--concurrency N] [--http-port P] [--once]`
/// (docs/worker.md §4). Each value is checked before anything connects; a refusal is one
/// sentence on `err`, and the caller exits with 2.
struct ParsedOptions
{
    bool ok = false;
    bool help = false;
    services::WorkerOptions options;
};

ParsedOptions parseOptions(const QStringList &args, QTextStream &err);
QString usage();

} // namespace okla::worker
