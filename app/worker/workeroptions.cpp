#include "app/worker/workeroptions.h"

#include <QCoreApplication>

#include "app/cli/clioptions.h"

namespace okla::worker {

using cli::CliOptions;

namespace {

constexpr int kMaxConcurrency = 64;

bool refuse(QTextStream &err, const QString &sentence)
{
    err << "okla-worker: " << sentence << '\n';
    return false;
}

/// One `--name value` option; false (already reported) when its value is missing or wrong.
bool take(const QStringList &args, qsizetype &i, QTextStream &err, services::WorkerOptions &options)
{
    const QString name = args.at(i);
    if (i + 1 >= args.size())
        return refuse(err, QCoreApplication::translate("okla.worker", "%1 needs a value; usage: %2").arg(name, usage()));
    const QString value = args.at(++i);
    if (value.size() > CliOptions::kMaxValueLength)
        return refuse(err, QCoreApplication::translate("okla.worker", "%1 is too long.").arg(name));
    QString problem;
    if (name == QLatin1String("--profile")) {
        problem = CliOptions::checkProfile(name, value);
        options.profileName = value;
    } else if (name == QLatin1String("--credentials-dir")) {
        options.credentialsDir = value;
    } else if (name == QLatin1String("--concurrency")) {
        problem = CliOptions::checkPositiveInt(name, value);
        if (problem.isEmpty() && value.toLongLong() > kMaxConcurrency)
            problem = QCoreApplication::translate("okla.worker", "--concurrency is at most %1.").arg(kMaxConcurrency);
        options.concurrency = int(value.toLongLong());
    } else { // --http-port
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            problem = QCoreApplication::translate("okla.worker", "--http-port takes a port from 0 to 65535 (0: any free "
                                                                 "port), not %1.").arg(CliOptions::echo(value));
        options.httpPort = port;
    }
    return problem.isEmpty() || refuse(err, problem);
}

} // namespace

QString usage()
{
    return QStringLiteral("okla-worker [--profile NAME] [--credentials-dir DIR] [--concurrency N] [--http-port PORT] [--once]");
}

ParsedOptions parseOptions(const QStringList &args, QTextStream &err)
{
    static const QStringList valued{QStringLiteral("--profile"), QStringLiteral("--credentials-dir"),
                                    QStringLiteral("--concurrency"), QStringLiteral("--http-port")};
    ParsedOptions parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            parsed.help = true;
        } else if (arg == QLatin1String("--once")) {
            parsed.options.once = true;
        } else if (valued.contains(arg)) {
            if (!take(args, i, err, parsed.options))
                return parsed;
        } else {
            refuse(err, QCoreApplication::translate("okla.worker", "unknown option %1; usage: %2").arg(CliOptions::echo(arg), usage()));
            return parsed;
        }
    }
    parsed.ok = true;
    return parsed;
}

} // namespace okla::worker
