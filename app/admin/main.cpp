// okla-admin: the console's composition root. Wires services into the ui; no logic of its own
// beyond the start-up sequence (settings check, language, profile, sign-in, window, screenshots).
#include <algorithm>
#include <chrono>
#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>

#include "services/session/connectionprofile.h"
#include "services/session/consoleservices.h"
#include "services/redis/redisclient.h"
#include "services/resilience/providerhealth.h"
#include "ui/shell/providerstatuswidget.h"
#include "services/session/passwordvault.h"
#include "services/session/session.h"
#include "ui/errors/errorpresenter.h"
#include "ui/shell/idlelock.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"
#include "ui/shell/pageregistry.h"
#include "ui/shell/screenshotrunner.h"
#include "ui/shell/signindialog.h"
#include "ui/shell/theme.h"

Q_LOGGING_CATEGORY(lcAdmin, "okla.app.admin")

namespace {

struct Options
{
    QString profile;
    QString user;
    QString screenshots;
    QString language;
    bool measure = false;
};

void say(const QString &line) { std::fprintf(stderr, "%s\n", qPrintable(line)); }

// Start-up failures, before the event loop runs. In screenshot mode nobody can click a message
// box away: errors go to stderr instead.
void report(bool interactive, const QString &title, const okla::models::Error &error)
{
    if (interactive)
        okla::ui::ErrorPresenter::showAndWait(nullptr, title, error);
    else
        say(QStringLiteral("okla-admin: ") + error.toString());
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    // QSettings lands in ~/.config/okla/okla-admin.conf.
    QApplication::setOrganizationName(QStringLiteral("okla"));
    QApplication::setApplicationName(QStringLiteral("okla-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("OKLA Admin"));
    QApplication::setApplicationVersion(QStringLiteral(OKLA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OKLA Admin console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"), QStringLiteral("Connection profile to use."), QStringLiteral("NAME"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Database user to sign in as."), QStringLiteral("NAME"));
    const QCommandLineOption shotsOption(QStringLiteral("screenshots"), QStringLiteral("Save one PNG per page into DIR and exit."), QStringLiteral("DIR"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: es or en."), QStringLiteral("es|en"));
    const QCommandLineOption measureOption(QStringLiteral("measure-startup"), QStringLiteral("Print the time from start to the first page painted and its data shown, then exit."));
    parser.addOptions({profileOption, userOption, shotsOption, langOption, measureOption});
    if (!parser.parse(QApplication::arguments())) {
        say(QStringLiteral("okla-admin: %1; run okla-admin --help.").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    Options options{parser.value(profileOption), parser.value(userOption), parser.value(shotsOption),
                    parser.value(langOption), parser.isSet(measureOption)};
    if (!options.language.isEmpty() && options.language != QLatin1String("es") && options.language != QLatin1String("en")) {
        say(QStringLiteral("okla-admin: --lang takes es or en, not \"%1\".").arg(options.language));
        return 2;
    }
    const bool interactive = options.screenshots.isEmpty();

    okla::ui::Language::install(okla::ui::Language::choose(options.language));
    okla::ui::Theme::initialise();
    okla::ui::Theme::apply(okla::ui::Theme::saved());

    // What an insecure keychain fallback would have left behind stops the console (docs/security.md §6).
    if (auto clean = okla::services::PasswordVault::checkNoInsecureLeftovers(QSettings()); !clean.ok()) {
        report(interactive, QCoreApplication::translate("okla", "OKLA Admin cannot start"), clean.error());
        return 1;
    }

    auto profile = okla::services::ConnectionProfile::load(
        options.profile.isEmpty() ? okla::services::ConnectionProfile::activeName() : options.profile);
    if (!profile.ok()) {
        report(interactive, QCoreApplication::translate("okla", "OKLA Admin cannot start"), profile.error());
        return 1;
    }

    okla::services::Session session;
    okla::services::PasswordVault vault;
    // The feature services pages use, built once the person is signed in (docs/howto.md §1).
    std::unique_ptr<okla::services::ConsoleServices> services;
    std::unique_ptr<okla::ui::MainWindow> window;
    std::unique_ptr<okla::ui::ScreenshotRunner> screenshots;

    auto openConsole = [&]() {
        services = okla::services::ConsoleServices::forSession(session);
        window = std::make_unique<okla::ui::MainWindow>(okla::ui::PageContext::of(&session, *services),
                                                        okla::ui::PageRegistry::standard());
        // AZUL / Stripe health as every process reports it through Redis (docs/resilience.md §1, §8).
        auto redis = std::make_shared<okla::services::RedisClient>(okla::services::RedisConfig::fromProfile(profile.value()));
        window->addStatusWidget(new okla::ui::ProviderStatusWidget(okla::services::HealthReader(redis)));
        // PCI DSS idle lock (docs/security.md §10); minutes configurable, never off.
        const int idleMinutes = std::max(1, QSettings().value(QStringLiteral("security/idle_lock_minutes"), 15).toInt());
        new okla::ui::IdleLock(window.get(), &session, std::chrono::minutes(idleMinutes));
        QObject::connect(window.get(), &okla::ui::MainWindow::firstPagePainted, &app, [&]() {
            const qint64 painted = sinceStart.elapsed();
            qCInfo(lcAdmin) << "first page painted after" << painted << "ms";
            if (options.measure)
                say(QStringLiteral("startup: first page painted after %1 ms").arg(painted));
            okla::ui::Page *page = window->currentPage();
            if (options.measure && interactive && !(page && page->isLoading()))
                app.exit(0);
            if (page && page->isLoading()) {
                auto connection = std::make_shared<QMetaObject::Connection>();
                *connection = QObject::connect(page, &okla::ui::Page::loadingChanged, &app, [&, connection, page](bool loading) {
                    if (loading)
                        return;
                    QObject::disconnect(*connection);
                    const qint64 loaded = sinceStart.elapsed();
                    qCInfo(lcAdmin) << page->slug() << "data shown after" << loaded << "ms";
                    if (options.measure)
                        say(QStringLiteral("startup: %1 page data shown after %2 ms").arg(page->slug()).arg(loaded));
                    if (options.measure && interactive)
                        app.exit(0);
                });
            }
        });
        window->show();
        if (!interactive) {
            screenshots = std::make_unique<okla::ui::ScreenshotRunner>(window.get(), options.screenshots);
            QObject::connect(screenshots.get(), &okla::ui::ScreenshotRunner::finished, &app,
                             [&](bool ok, const QString &message) {
                                 if (!ok)
                                     say(QStringLiteral("okla-admin: ") + message);
                                 else
                                     say(QStringLiteral("okla-admin: %1 screenshots in %2")
                                             .arg(screenshots->savedFiles().size())
                                             .arg(options.screenshots));
                                 app.exit(ok ? 0 : 1);
                             });
            screenshots->start();
        }
    };

    const QString directUser = !options.user.isEmpty() ? options.user : (interactive ? QString() : profile->defaultUser);
    if (profile->passwordless && !directUser.isEmpty()) {
        // The sandbox needs no password: sign in straight away (the README's first command).
        session.signIn(profile.value(), directUser, {}).then(&app, [&](const okla::models::Status &status) {
            if (!status.ok()) {
                const QString title = QCoreApplication::translate("okla", "Could not sign in");
                if (!interactive) {
                    report(false, title, status.error());
                    app.exit(1);
                    return;
                }
                // A continuation: no nested event loop; the console ends when the box is closed.
                QObject::connect(okla::ui::ErrorPresenter::show(nullptr, title, status.error()), &QDialog::finished,
                                 &app, [&app] { app.exit(1); });
                return;
            }
            openConsole();
        });
    } else if (!interactive) {
        say(QStringLiteral("okla-admin: --screenshots needs a passwordless profile and a user (--user NAME)."));
        return 2;
    } else {
        okla::ui::SignInDialog dialog(profile.value(), &session, &vault);
        if (!options.user.isEmpty())
            dialog.setUser(options.user);
        if (dialog.exec() != QDialog::Accepted)
            return 1;
        openConsole();
    }
    const int code = app.exec();
    window.reset(); // pages go before the services they use; no service waits for its thread
    services.reset();
    return code;
}
