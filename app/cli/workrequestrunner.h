#pragma once

#include <QJsonObject>
#include <QString>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"

namespace okla::cli {

/// The commands that ask okla-worker for something (`billing run`, `reconcile`) share this: they
/// insert a request through okla_request_work and, unless --no-wait, follow it until it settles,
/// printing its progress; they never call a provider themselves (docs/domain.md §22).
///
/// Options it declares and reads: --idempotency-key UUID (default: a new one per invocation, so a
/// retried script that passes the same key runs nothing twice), --no-wait, --timeout SECONDS,
/// --profile, --user, --json.
/// Exit codes: 0 succeeded (or queued with --no-wait), 1 failed or still running at the timeout,
/// 2 bad input or a key reused for another request, 3 refused by permission.
class WorkRequestRunner
{
public:
    static void declareOptions(CliOptions &options);
    static int run(CliContext &context, const CliOptions &options, const QString &kind, const QJsonObject &params);
};

} // namespace okla::cli
