// okla-sandbox: the embedded default environment (docs/architecture.md §10).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTextStream>

#include "sandbox/launcher/sandboxlauncher.h"
#include "sandbox/seed/seeder.h"
#include "services/kpi/kpisnapshotbuilder.h"
#include "services/database/pgconnection.h"
#include "models/oklatr.h"

using okla::models::Error;
using okla::sandbox::SandboxLauncher;
using okla::sandbox::SandboxLayout;
using okla::Tr;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}


const char *kUsage = "Usage: okla-sandbox <command> [options]\n\n"
                     "Commands:\n"
                     "  up      start PostgreSQL, Redis, the S3 store and the simulators; apply migrations; write\n"
                     "          the profile; then start okla-worker (not with --no-worker)\n"
                     "          [--dir D] [--profile NAME] [--credentials-dir D] [--port KEY=N]... [--with-rabbitmq]\n"
                     "          [--no-worker]\n"
                     "  down    stop exactly what `up` started [--dir D]\n"
                     "  status  show what runs [--dir D] [--json]\n"
                     "  seed    write deterministic demo data [--dir D] --dealers N --months M --seed S [--if-available]\n\n"
                     "The folder defaults to $XDG_DATA_HOME/okla/sandbox (~/.local/share/okla/sandbox).\n";

int fail(const Error &error)
{
    err() << "okla-sandbox: " << error.message << '\n';
    // The sentence is what to do; the detail (server output) helps only when something broke.
    static const QStringList quiet = {QStringLiteral("schema."), QStringLiteral("profile."), QStringLiteral("sandbox.port"),
                                      QStringLiteral("sandbox.usage"), QStringLiteral("sandbox.postgres.missing"),
                                      QStringLiteral("sandbox.state"), QStringLiteral("sandbox.busy"), QStringLiteral("seed.unavailable")};
    const bool isQuiet = std::any_of(quiet.begin(), quiet.end(), [&](const QString &p) { return error.code.startsWith(p); });
    if (!error.detail.isEmpty() && !isQuiet)
        err() << "  detail: " << error.detail.trimmed() << '\n';
    err().flush();
    return 1;
}

// What was typed, cut short before it is written back: an argument may be 100 kB
// (docs/security.md §15).
QString bounded(const QString &typed, int limit = 40)
{
    return typed.size() <= limit ? typed : typed.left(limit) + QStringLiteral("…");
}

int usageError(const QString &message)
{
    err() << "okla-sandbox: " << message << '\n';
    return 2;
}

// Parses one subcommand's options; returns false (after printing one sentence) on bad input.
bool parse(QCommandLineParser &parser, const QStringList &args, const QString &command)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(args)) {
        QString text = bounded(parser.errorText(), 120);
        if (text.endsWith(u'.'))
            text.chop(1);
        usageError(text + Tr::tr("; run `okla-sandbox %1 --help`.").arg(command));
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        usageError(Tr::tr("Unexpected argument \"%1\"; run `okla-sandbox %2 --help`.").arg(bounded(parser.positionalArguments().first()), command));
        return false;
    }
    return true;
}

QString dirOf(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : SandboxLayout::defaultDir();
}

SandboxLauncher::Progress printer()
{
    return [](const QString &line) {
        out() << line << '\n';
        out().flush();
    };
}

int runUp(const QStringList &args, const QCommandLineOption &dir, const QCommandLineOption &help)
{
    QCommandLineParser parser;
    const QCommandLineOption profile(QStringLiteral("profile"), Tr::tr("Profile name to write."), QStringLiteral("NAME"));
    const QCommandLineOption credentials(QStringLiteral("credentials-dir"), Tr::tr("Credentials folder."), QStringLiteral("D"));
    const QCommandLineOption port(QStringLiteral("port"), Tr::tr("Fixed port for a service (KEY=N)."), QStringLiteral("KEY=N"));
    const QCommandLineOption rabbit(QStringLiteral("with-rabbitmq"), Tr::tr("Also start a private RabbitMQ."));
    const QCommandLineOption noWorker(QStringLiteral("no-worker"), Tr::tr("Do not start okla-worker."));
    parser.addOptions({dir, help, profile, credentials, port, rabbit, noWorker});
    if (!parse(parser, args, QStringLiteral("up")))
        return 2;
    if (parser.isSet(help))
        return out() << kUsage, 0;
    okla::sandbox::UpOptions options;
    options.profileName = parser.value(profile);
    options.credentialsDir = parser.value(credentials);
    options.withRabbitMq = parser.isSet(rabbit);
    options.withWorker = !parser.isSet(noWorker);
    for (const QString &pair : parser.values(port)) {
        const QStringList parts = pair.split(u'=');
        bool ok = false;
        const int number = parts.size() == 2 ? parts[1].toInt(&ok) : 0;
        if (!ok || number <= 0 || number > 65535)
            return usageError(Tr::tr("--port wants KEY=N with N between 1 and 65535, e.g. --port redis=6390."));
        options.fixedPorts.insert(parts[0], number);
    }
    SandboxLauncher launcher(dirOf(parser), printer());
    auto ok = launcher.up(options);
    return ok ? 0 : fail(ok.error());
}

int runDown(const QStringList &args, const QCommandLineOption &dir, const QCommandLineOption &help)
{
    QCommandLineParser parser;
    parser.addOptions({dir, help});
    if (!parse(parser, args, QStringLiteral("down")))
        return 2;
    if (parser.isSet(help))
        return out() << kUsage, 0;
    SandboxLauncher launcher(dirOf(parser), printer());
    auto ok = launcher.down();
    return ok ? 0 : fail(ok.error());
}

int runStatus(const QStringList &args, const QCommandLineOption &dir, const QCommandLineOption &help)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Machine-readable output."));
    parser.addOptions({dir, help, json});
    if (!parse(parser, args, QStringLiteral("status")))
        return 2;
    if (parser.isSet(help))
        return out() << kUsage, 0;
    SandboxLauncher launcher(dirOf(parser));
    if (parser.isSet(json)) {
        auto object = launcher.statusJson();
        if (!object)
            return fail(object.error());
        out() << QJsonDocument(object.value()).toJson(QJsonDocument::Indented);
        return 0;
    }
    auto list = launcher.status();
    if (!list)
        return fail(list.error());
    out() << Tr::tr("Sandbox %1").arg(launcher.layout().dir()) << '\n';
    bool any = false;
    for (const auto &s : list.value()) {
        QStringList ports;
        for (auto it = s.ports.cbegin(); it != s.ports.cend(); ++it)
            ports << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        out() << "  " << s.name.leftJustified(10)
              << (s.running ? Tr::tr("running (pid %1)").arg(s.pid) : Tr::tr("stopped")).leftJustified(20) << ports.join(u' ') << '\n';
        any = any || s.running;
    }
    return any ? 0 : 3; // 3: nothing runs (scripts can test it)
}

int runSeed(const QStringList &args, const QCommandLineOption &dir, const QCommandLineOption &help)
{
    QCommandLineParser parser;
    const QCommandLineOption dealers(QStringLiteral("dealers"), Tr::tr("Number of dealers."), QStringLiteral("N"), QStringLiteral("250"));
    const QCommandLineOption months(QStringLiteral("months"), Tr::tr("Months of history."), QStringLiteral("M"), QStringLiteral("24"));
    const QCommandLineOption seed(QStringLiteral("seed"), Tr::tr("Random seed."), QStringLiteral("S"), QStringLiteral("20260101"));
    const QCommandLineOption ifAvailable(QStringLiteral("if-available"), Tr::tr("Succeed when the seed generator is not built yet."));
    parser.addOptions({dir, help, dealers, months, seed, ifAvailable});
    if (!parse(parser, args, QStringLiteral("seed")))
        return 2;
    if (parser.isSet(help))
        return out() << kUsage, 0;
    okla::sandbox::SeedOptions options;
    bool okD = false, okM = false, okS = false;
    options.dealers = parser.value(dealers).toInt(&okD);
    options.months = parser.value(months).toInt(&okM);
    options.seed = parser.value(seed).toULongLong(&okS);
    if (!okD || !okM || !okS || options.dealers < 1 || options.months < 1 || options.months > 240)
        return usageError(Tr::tr("--dealers and --months want positive whole numbers (months up to 240) and --seed a number."));
    SandboxLauncher launcher(dirOf(parser));
    auto conninfo = launcher.ownerConninfo();
    if (!conninfo)
        return fail(conninfo.error());
    auto owner = okla::services::PgConnection::openQuiet(conninfo.value());
    if (!owner)
        return fail(okla::models::makeError(QStringLiteral("sandbox.down"),
                                            Tr::tr("The sandbox database in %1 does not answer; run `okla-sandbox up` first.")
                                                .arg(launcher.layout().dir()),
                                            owner.error().detail));
    // The simulators' own database (okla-sim creates it): the seed mirrors provider ids into it so
    // that the simulators know the seeded customers and transactions.
    if (auto sim = owner->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = 'okla_sim'")); sim && sim->rows() == 1)
        options.simConninfo = launcher.conninfo(QStringLiteral("postgres"), QStringLiteral("okla_sim")).value()
                              + QStringLiteral(" options='-c client_min_messages=warning'");
    QElapsedTimer clock;
    clock.start();
    auto ok = okla::sandbox::seedDatabase(owner.value(), options, printer());
    if (!ok) {
        if (parser.isSet(ifAvailable) && ok.error().code == QLatin1String("seed.unavailable")) {
            out() << ok.error().message << Tr::tr(" Nothing was seeded.") << '\n';
            return 0;
        }
        return fail(ok.error());
    }
    out() << Tr::tr("Seeded %1 dealers × %2 months in %3 s.").arg(options.dealers).arg(options.months)
                 .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1)
          << '\n';
    // The Panel reads KPI snapshots; rebuild them so the console opens on figures, not on a hint.
    auto kpi = okla::services::KpiSnapshotBuilder::rebuild(owner.value(), std::nullopt, printer());
    if (!kpi)
        return fail(kpi.error());
    out() << Tr::tr("KPI snapshots rebuilt in %1 s.").arg(double(kpi->elapsedMs) / 1000.0, 0, 'f', 1) << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("okla-sandbox"));
    // Progress already goes to stdout; the info log would repeat every line on stderr.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("okla.*.info=false"));
    const QStringList args = app.arguments();
    const QString command = args.value(1);
    const QCommandLineOption dir(QStringLiteral("dir"), Tr::tr("Sandbox folder."), QStringLiteral("D"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show help."));
    const QStringList rest = QStringList{args.value(0)} + args.mid(2);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help"))
        return out() << kUsage, command.isEmpty() ? 2 : 0;
    if (command == QLatin1String("up"))
        return runUp(rest, dir, help);
    if (command == QLatin1String("down"))
        return runDown(rest, dir, help);
    if (command == QLatin1String("status"))
        return runStatus(rest, dir, help);
    if (command == QLatin1String("seed"))
        return runSeed(rest, dir, help);
    return usageError(Tr::tr("Unknown command \"%1\"; run `okla-sandbox --help` for the list.").arg(bounded(command)));
}
