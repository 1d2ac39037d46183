// PasswordVault through a REAL Secret Service (ctest runs this under dbus-run-session with an
// unlocked gnome-keyring-daemon, see tests/OklaTests.cmake), and without any session bus, where
// the vault must say "no keyring" and write nothing anywhere.
#include <QDirIterator>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "services/session/passwordvault.h"

using okla::services::PasswordVault;

namespace {
constexpr auto ChildEnv = "OKLA_VAULT_NO_BUS_CHILD";
const QString Secret = QStringLiteral("s3creto-ñ-okla-vault-test");

template<typename T>
T await(QFuture<T> future)
{
    QDeadlineTimer deadline(20000);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!future.isFinished())
        qFatal("keyring call did not answer within 20 s");
    return future.result();
}

// Returns the files under `dir` that contain `needle` (a secret written somewhere it must not be).
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << file.fileName();
    }
    return hits;
}
} // namespace

class TestPasswordVault : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void storesAndReadsThroughSecretService();
    void reportsNoKeyringWithoutSessionBus();
    void insecureLeftoverInSettingsStopsStartup();
};

void TestPasswordVault::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("okla"));
    QCoreApplication::setApplicationName(QStringLiteral("okla-admin-test"));
    QStandardPaths::setTestModeEnabled(true); // settings go to ~/.qttest, never the real ones
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through ctest: it starts a private D-Bus session with gnome-keyring-daemon");
}

void TestPasswordVault::storesAndReadsThroughSecretService()
{
    // given a Secret Service on the session bus
    PasswordVault vault(QStringLiteral("okla-admin-test"));
    const QString account = PasswordVault::accountFor(QStringLiteral("test"), QStringLiteral("ana"));
    const auto probe = await(vault.probe());
    QVERIFY2(probe.ok(), qPrintable(probe.ok() ? QString() : probe.error().toString()));

    // when a password is written and read back
    const auto written = await(vault.write(account, Secret));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    const auto read = await(vault.read(account));

    // then it is the same password, and the app's settings hold no trace of it
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    QCOMPARE(read.value(), Secret);
    QSettings settings;
    QVERIFY(PasswordVault::checkNoInsecureLeftovers(settings).ok());
    const QString configDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QCOMPARE(filesContaining(configDir, Secret.toUtf8()), QStringList());

    // and after removal it is gone ("not found" is not "no keyring")
    QVERIFY(await(vault.remove(account)).ok());
    const auto gone = await(vault.read(account));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, QStringLiteral("keyring.notfound"));
}

void TestPasswordVault::reportsNoKeyringWithoutSessionBus()
{
    // given this test re-run as a child with no reachable session bus and its own config folder
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildEnv), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + home.path() + QStringLiteral("/no-bus"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path() + QStringLiteral("/run"));
    env.remove(QStringLiteral("DISPLAY"));
    QDir(home.path()).mkpath(QStringLiteral("run"));
    QFile::setPermissions(home.path() + QStringLiteral("/run"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcess child;
    child.setProcessEnvironment(env);
    // when it probes, writes and reads
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
    // then it reported "no keyring" each time (exit 0) and no file anywhere holds the secret
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, out.constData());
    QVERIFY2(out.contains("no-keyring-reported"), out.constData());
    QCOMPARE(filesContaining(home.path(), Secret.toUtf8()), QStringList());
    QDirIterator settingsFiles(home.path(), {QStringLiteral("*.conf"), QStringLiteral("*.ini")}, QDir::Files,
                               QDirIterator::Subdirectories);
    while (settingsFiles.hasNext()) {
        QSettings written(settingsFiles.next(), QSettings::IniFormat);
        QVERIFY2(PasswordVault::checkNoInsecureLeftovers(written).ok(), qPrintable(written.fileName()));
    }
}

void TestPasswordVault::insecureLeftoverInSettingsStopsStartup()
{
    // given settings holding what QtKeychain's insecure fallback writes
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("okla-admin.conf")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("ui/language"), QStringLiteral("es"));
    QVERIFY(PasswordVault::checkNoInsecureLeftovers(settings).ok());
    settings.setValue(QStringLiteral("test/ana/data"), QByteArray("c2VjcmV0"));
    // when checked / then refused, naming the entry
    const auto status = PasswordVault::checkNoInsecureLeftovers(settings);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("keyring.insecure_leftover"));
    QVERIFY(status.error().message.contains(QStringLiteral("test/ana/data")));
}

// The child of reportsNoKeyringWithoutSessionBus: every vault call must answer "no keyring".
static int runNoBusChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("okla"));
    QCoreApplication::setApplicationName(QStringLiteral("okla-admin-test"));
    PasswordVault vault(QStringLiteral("okla-admin-test"));
    int failures = 0;
    auto expectNoKeyring = [&](const char *what, const okla::models::Error *error) {
        if (!error || error->code != QLatin1String("keyring.unavailable")) {
            std::fprintf(stderr, "%s: expected keyring.unavailable, got %s\n", what,
                         error ? qPrintable(error->code) : "success");
            ++failures;
        }
    };
    auto wait = [](auto future) { return await(future); };
    const auto probe = wait(vault.probe());
    expectNoKeyring("probe", probe.ok() ? nullptr : &probe.error());
    const auto write = wait(vault.write(QStringLiteral("test/ana"), Secret));
    expectNoKeyring("write", write.ok() ? nullptr : &write.error());
    const auto read = wait(vault.read(QStringLiteral("test/ana")));
    expectNoKeyring("read", read.ok() ? nullptr : &read.error());
    if (failures == 0)
        std::printf("no-keyring-reported\n");
    return failures == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(ChildEnv))
        return runNoBusChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestPasswordVault test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_passwordvault.moc"
