// The console window offscreen, signed in on the fixture's profile: every page reachable from the
// navigation and with Ctrl+1..9, Ctrl+F focuses the dealer search, Spanish text shown, the status
// bar reports the connection, and --screenshots saves one PNG per page (in-process and through
// the real okla-admin executable).
#include <memory>

#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QLineEdit>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "harness/testenv.h"
#include "services/database/databaseservice.h"
#include "services/session/consoleservices.h"
#include "services/session/session.h"
#include "ui/shell/connectionstatuswidget.h"
#include "ui/dealertestdata.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"
#include "ui/dealers/dealerspage.h"
#include "ui/shell/screenshotrunner.h"
#include "ui/shell/signindialog.h"
#include "services/session/passwordvault.h"
#include <QCheckBox>

using namespace okla;

namespace {
const QStringList Slugs = {QStringLiteral("panel"),   QStringLiteral("dealers"),        QStringLiteral("payments"),
                           QStringLiteral("refunds"), QStringLiteral("subscriptions"),  QStringLiteral("storage"),
                           QStringLiteral("infrastructure"), QStringLiteral("audit"), QStringLiteral("settings")};
}

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyPageIsReachableFromTheNavigation();
    void shortcutsSwitchPages();
    void ctrlFFocusesTheDealerSearch();
    void spanishTextIsShown();
    void statusBarShowsWhoIsConnected();
    void addStatusWidgetPutsIndicatorsInTheStatusBar();
    void signInDialogSkipsThePasswordForASandboxProfile();
    void signInDialogWithoutKeyringSaysSoAndHidesRemember();
    void failedSignInGivesTheServersReasonInSpanish();
    void screenshotsCoverEveryPage();
    void executableTakesScreenshotsAndExits();
    void closingDuringALongQueryTakesUnder100Ms(); // last: it closes the shared window

private:
    services::ConnectionProfile m_profile;
    std::unique_ptr<services::Session> m_session;
    std::unique_ptr<services::ConsoleServices> m_services;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // No session bus for this test: the sign-in dialog must find no keyring.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/okla-test-bus");
    QCoreApplication::setOrganizationName(QStringLiteral("okla"));
    QCoreApplication::setApplicationName(QStringLiteral("okla-admin"));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::Language::install(QStringLiteral("es")));
    auto profile = testdata::testProfile();
    QVERIFY2(profile.ok(), qPrintable(profile.ok() ? QString() : profile.error().toString()));
    m_profile = profile.value();
    m_session = std::make_unique<services::Session>();
    auto signedIn = m_session->signIn(m_profile, testdata::staffUser(m_profile), QString());
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.isFinished(), 20000);
    QVERIFY2(signedIn.result().ok(), qPrintable(signedIn.result().ok() ? QString() : signedIn.result().error().toString()));
    m_services = services::ConsoleServices::forSession(*m_session);
    m_window = std::make_unique<ui::MainWindow>(ui::PageContext::of(m_session.get(), *m_services), ui::PageRegistry::standard());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_services.reset();
    m_session.reset();
}

void TestMainWindow::everyPageIsReachableFromTheNavigation()
{
    QCOMPARE(m_window->pageCount(), Slugs.size());
    auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), Slugs.size());
    for (int i = 0; i < Slugs.size(); ++i) {
        QCOMPARE(m_window->page(i)->slug(), Slugs.at(i));
        QVERIFY(!navigation->item(i)->icon().isNull());
        navigation->setCurrentRow(i);
        QCOMPARE(m_window->currentIndex(), i);
        QVERIFY(m_window->currentPage()->isVisible());
    }
}

void TestMainWindow::shortcutsSwitchPages()
{
    for (int i = Slugs.size() - 1; i >= 0; --i) {
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(m_window->currentPage()->slug(), Slugs.at(i));
    }
}

void TestMainWindow::ctrlFFocusesTheDealerSearch()
{
    // given a page without its own search box
    m_window->showPage(m_window->indexOf(QStringLiteral("settings")));
    // when Ctrl+F is pressed
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    // then the Dealers page opens with its search box focused
    QCOMPARE(m_window->currentPage()->slug(), QStringLiteral("dealers"));
    auto *dealers = qobject_cast<ui::DealersPage *>(m_window->currentPage());
    QVERIFY(dealers);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dealers->searchBox()));
}

void TestMainWindow::spanishTextIsShown()
{
    auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QStringList texts;
    for (int i = 0; i < navigation->count(); ++i)
        texts << navigation->item(i)->text();
    QCOMPARE(texts, QStringList({QStringLiteral("Panel"), QStringLiteral("Dealers"), QStringLiteral("Pagos"),
                                 QStringLiteral("Reembolsos"), QStringLiteral("Suscripciones"),
                                 QStringLiteral("Almacenamiento"), QStringLiteral("Infraestructura"),
                                 QStringLiteral("Auditoría"), QStringLiteral("Configuración")}));
    auto *dealers = qobject_cast<ui::DealersPage *>(m_window->page(m_window->indexOf(QStringLiteral("dealers"))));
    QCOMPARE(dealers->searchBox()->placeholderText(), QStringLiteral("Buscar por nombre, RNC/cédula, ciudad o correo"));
    // a page built later says so, in Spanish
    QList<QLabel *> labels = m_window->page(m_window->indexOf(QStringLiteral("payments")))->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](QLabel *l) { return l->text() == QStringLiteral("Todavía no está construida"); }));
}

void TestMainWindow::statusBarShowsWhoIsConnected()
{
    const QString expected = QStringLiteral("Conectado como %1@%2").arg(m_session->info().user, m_profile.name);
    QTRY_VERIFY2(m_window->connectionStatus()->text().startsWith(expected), qPrintable(m_window->connectionStatus()->text()));
}

void TestMainWindow::addStatusWidgetPutsIndicatorsInTheStatusBar()
{
    auto *indicator = new QLabel(QStringLiteral("AZUL"));
    m_window->addStatusWidget(indicator);
    QCOMPARE(indicator->parentWidget() != nullptr, true);
    QVERIFY(m_window->statusBar()->isAncestorOf(indicator));
}

void TestMainWindow::signInDialogSkipsThePasswordForASandboxProfile()
{
    services::ConnectionProfile sandbox = m_profile;
    sandbox.passwordless = true;
    sandbox.defaultUser = QStringLiteral("ana");
    services::Session session;
    services::PasswordVault vault(QStringLiteral("okla-admin-test"));
    ui::SignInDialog dialog(sandbox, &session, &vault);
    dialog.show();
    QCOMPARE(dialog.userField()->text(), QStringLiteral("ana"));
    QVERIFY(!dialog.passwordField()->isVisible());
    QVERIFY(!dialog.rememberBox()->isVisible());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Iniciar sesión en OKLA Admin"));
}

void TestMainWindow::signInDialogWithoutKeyringSaysSoAndHidesRemember()
{
    // given a profile that needs a password, and no keyring on this machine
    services::ConnectionProfile remote = m_profile;
    remote.passwordless = false;
    services::Session session;
    services::PasswordVault vault(QStringLiteral("okla-admin-test"));
    ui::SignInDialog dialog(remote, &session, &vault);
    QSignalSpy answered(&dialog, &ui::SignInDialog::keyringAnswered);
    dialog.show();
    // when the keyring probe answers
    QVERIFY(answered.wait(20000));
    // then the password is asked for, "remember" is not offered, and the dialog says why
    QCOMPARE(answered.first().at(0).toBool(), false);
    QVERIFY(dialog.passwordField()->isVisible());
    QVERIFY(!dialog.rememberBox()->isVisible());
    QVERIFY(dialog.keyringNote()->isVisible());
    QVERIFY2(dialog.keyringNote()->text().startsWith(QStringLiteral("No hay un llavero disponible")),
             qPrintable(dialog.keyringNote()->text()));
    if (!qEnvironmentVariableIsEmpty("OKLA_UI_SHOTS"))
        dialog.grab().save(qEnvironmentVariable("OKLA_UI_SHOTS") + QStringLiteral("/signin-no-keyring.png"));
}

void TestMainWindow::failedSignInGivesTheServersReasonInSpanish()
{
    // given a database role that does not exist
    services::Session session;
    // when signing in with it
    auto result = session.signIn(m_profile, QStringLiteral("nadie_existe_okla"), QString());
    QTRY_VERIFY_WITH_TIMEOUT(result.isFinished(), 20000);
    // then the message says so in Spanish, the server's own text is the detail, nothing stays open
    QVERIFY(!result.result().ok());
    const auto error = result.result().error();
    QCOMPARE(error.message, QStringLiteral("No existe un usuario de base de datos llamado «nadie_existe_okla»."));
    QVERIFY2(error.detail.contains(QStringLiteral("nadie_existe_okla")), qPrintable(error.detail));
    QVERIFY(!session.isSignedIn());
    QVERIFY(session.database() == nullptr);
    // and a wrong password is told apart from an unknown user
    const auto wrong = services::Session::explainConnectError(
        models::makeError(QStringLiteral("db.connect"), QString(),
                          QStringLiteral("FATAL:  password authentication failed for user \"ana\"")),
        m_profile, QStringLiteral("ana"));
    QCOMPARE(wrong.message, QStringLiteral("Contraseña incorrecta para el usuario «ana»."));
}

void TestMainWindow::screenshotsCoverEveryPage()
{
    QTemporaryDir dir;
    ui::ScreenshotRunner runner(m_window.get(), dir.path());
    QSignalSpy finished(&runner, &ui::ScreenshotRunner::finished);
    runner.start();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QStringList expected;
    for (int i = 0; i < Slugs.size(); ++i)
        expected << QStringLiteral("%1-%2.png").arg(i + 1, 2, 10, QLatin1Char('0')).arg(Slugs.at(i));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name), expected);
    QImage dealers(dir.filePath(expected.at(1)));
    QVERIFY(!dealers.isNull());
    QVERIFY(dealers.width() >= 1000);
}

void TestMainWindow::executableTakesScreenshotsAndExits()
{
    const QString binary = qEnvironmentVariable("OKLA_BINARY_DIR") + QStringLiteral("/app/admin/okla-admin");
    QVERIFY2(QFileInfo::exists(binary), qPrintable(binary + QStringLiteral(" is not built")));
    QTemporaryDir dir;
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path()); // never the person's own settings
    env.insert(QStringLiteral("LANG"), QStringLiteral("es_DO.UTF-8"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(binary, {QStringLiteral("--profile"), m_profile.name, QStringLiteral("--user"),
                           testdata::staffUser(m_profile), QStringLiteral("--screenshots"), dir.path()});
    QVERIFY(process.waitForFinished(90000));
    const QByteArray output = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.png")}, QDir::Files).size(), Slugs.size());
    // and an unknown flag is one clear sentence, exit code 2
    QProcess bad;
    bad.start(binary, {QStringLiteral("--no-such-flag")});
    QVERIFY(bad.waitForFinished(30000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("--help"));
}

void TestMainWindow::closingDuringALongQueryTakesUnder100Ms()
{
    // given the console with a 30 s query in flight on its database thread
    const auto running = [] {
        // the superuser: other roles see "<insufficient privilege>" in pg_stat_activity
        auto observer = okla::tests::connectAs(QStringLiteral("postgres"));
        if (!observer)
            return qint64(-1);
        auto rows = observer->exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'okla-admin' "
                                                  "AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"));
        return rows ? rows->toInt64(0, 0) : qint64(-1);
    };
    auto slow = m_session->database()->run<bool>([](services::PgConnection &c) -> models::Result<bool> {
        auto slept = c.exec(QStringLiteral("SELECT pg_sleep(30)"));
        if (!slept)
            return slept.error();
        return true;
    });
    QTRY_COMPARE_WITH_TIMEOUT(running(), qint64(1), 10000);
    // when the window closes and the console tears down as okla-admin's main does
    QElapsedTimer timer;
    timer.start();
    m_window->close();
    m_window.reset();
    m_services.reset();
    m_session.reset();
    const qint64 elapsed = timer.elapsed();
    // then it took under 100 ms, and the server stopped the query
    QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("closing took %1 ms").arg(elapsed)));
    QTRY_COMPARE_WITH_TIMEOUT(running(), qint64(0), 3000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
