// ConnectionProfile: names stay inside the profile folder, and TCP connections verify the server
// unless the profile says otherwise (docs/security.md §8).
#include <QTemporaryDir>
#include <QTest>

#include "services/session/connectionprofile.h"

using okla::services::ConnectionProfile;

class TestConnectionProfile : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        qputenv("OKLA_PROFILE_DIR", m_dir.path().toUtf8());
    }

    void tcpHostVerifiesTheServerByDefault()
    {
        ConnectionProfile profile;
        profile.pgHost = QStringLiteral("db.okla.do");
        QVERIFY(profile.conninfo(QStringLiteral("ana"), QStringLiteral("okla-test")).contains(QStringLiteral(" sslmode=verify-full")));
        profile.pgHost = QStringLiteral("127.0.0.1");
        QVERIFY(profile.conninfo(QStringLiteral("ana"), QStringLiteral("okla-test")).contains(QStringLiteral(" sslmode=verify-full")));
    }

    void explicitSslModeAndUnixSocketsAreKept()
    {
        ConnectionProfile profile;
        profile.pgHost = QStringLiteral("db.okla.do");
        profile.pgSslMode = QStringLiteral("require");
        const QString tcp = profile.conninfo(QStringLiteral("ana"), QStringLiteral("okla-test"));
        QVERIFY(tcp.contains(QStringLiteral(" sslmode='require'")) || tcp.contains(QStringLiteral(" sslmode=require")));
        QVERIFY(!tcp.contains(QStringLiteral("verify-full")));
        profile.pgSslMode.clear();
        profile.pgHost = QStringLiteral("/var/tmp/okla-sandbox/socket");
        QVERIFY(!profile.conninfo(QStringLiteral("ana"), QStringLiteral("okla-test")).contains(QStringLiteral("sslmode")));
    }

    void namesThatLeaveTheFolderAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << QStringLiteral("../secret");
        QTest::newRow("slash") << QStringLiteral("a/b");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("hidden") << QStringLiteral(".hidden");
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << QStringLiteral("my profile");
        QTest::newRow("too long") << QString(65, u'a');
    }

    void namesThatLeaveTheFolderAreRefused()
    {
        QFETCH(QString, name);
        // when it is loaded or saved by that name
        auto loaded = ConnectionProfile::load(name);
        ConnectionProfile profile;
        profile.name = name;
        auto saved = profile.save();
        // then both refuse with one clear code, and nothing is written
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QStringLiteral("profile.name"));
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, QStringLiteral("profile.name"));
        QVERIFY(loaded.error().message.size() < 200); // a 100 kB name is not echoed back whole
        QVERIFY(QDir(m_dir.path()).entryList(QDir::Files).isEmpty());
    }

    void ordinaryNamesRoundTrip()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("prod-2026.dr_1");
        profile.pgHost = QStringLiteral("db.okla.do");
        QVERIFY(profile.save().ok());
        auto loaded = ConnectionProfile::load(profile.name);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->pgHost, QStringLiteral("db.okla.do"));
        QVERIFY(!loaded->providersSimulator); // a real profile never allows plain HTTP
    }

    void theSimulatorFlagRoundTrips()
    {
        // the sandbox's profile says its providers are loopback simulators (docs/security.md §8)
        ConnectionProfile profile;
        profile.name = QStringLiteral("sim");
        profile.pgHost = QStringLiteral("/tmp");
        profile.providersSimulator = true;
        QVERIFY(profile.save().ok());
        auto loaded = ConnectionProfile::load(profile.name);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->providersSimulator);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
