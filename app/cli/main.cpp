#include <QCoreApplication>
#include <QTextStream>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"

using okla::cli::CliContext;
using okla::cli::CliRegistry;

namespace {
int printHelp(QTextStream &out)
{
    out << "okla: OKLA Admin command line (add --json for machine-readable output)\n\nCommands:\n";
    for (const auto &command : CliRegistry::instance().commands())
        out << "  okla " << command.words.leftJustified(24) << command.summary << '\n';
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("okla"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))
        return printHelp(out);
    int words = 0;
    const auto *command = CliRegistry::instance().match(args, &words);
    if (!command) {
        // What was typed is shown cut short: an argument may be 100 kB (docs/security.md §15).
        err << "okla: "
            << QCoreApplication::translate("okla", "unknown command %1; run \"okla --help\" for the list.")
                   .arg(okla::cli::CliOptions::echo(args.join(u' ')))
            << '\n';
        return 2;
    }
    CliContext context{args.mid(words), out, err};
    return command->run(context);
}
