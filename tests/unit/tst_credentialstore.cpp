// The worker's secrets folder: one 0600 file per secret in a closed directory, else a refusal.
#include <sys/stat.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "services/credentials/credentialstore.h"

using okla::services::CredentialStore;

class TestCredentialStore : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &value, int mode)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(value);
        f.close();
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
    }

    QTemporaryDir m_root;
    QString m_dir;

private slots:
    void init()
    {
        QVERIFY(m_root.isValid());
        m_dir = m_root.path() + QStringLiteral("/creds");
        QDir().mkpath(m_dir);
        QCOMPARE(::chmod(QFile::encodeName(m_dir).constData(), 0700), 0);
        const auto entries = QDir(m_dir).entryList(QDir::Files | QDir::System | QDir::Hidden);
        for (const QString &e : entries)
            QFile::remove(m_dir + u'/' + e);
    }

    void readsA0600FileAndTrimsOneNewline()
    {
        // given
        write(m_dir + "/azul-auth1", "user-1\n", 0600);
        // when
        auto value = CredentialStore(m_dir).read(CredentialStore::AzulAuth1);
        // then
        QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
        QCOMPARE(value.value(), QByteArray("user-1"));
    }

    void stricterModesAreAccepted()
    {
        write(m_dir + "/stripe-secret-key", "sk_test_1", 0400);
        QVERIFY(CredentialStore(m_dir).read(CredentialStore::StripeSecretKey).ok());
    }

    void keepsBinaryContent()
    {
        write(m_dir + "/azul-client.key", "-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n\n", 0600);
        auto value = CredentialStore(m_dir).read(CredentialStore::AzulClientKey);
        QVERIFY(value.ok());
        QVERIFY(value->endsWith("-----\n")); // only one newline removed
    }

    void refusesAFileOpenToOthers_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0620") << 0620;
        QTest::newRow("0602") << 0602;
    }
    void refusesAFileOpenToOthers()
    {
        QFETCH(int, mode);
        write(m_dir + "/azul-auth2", "secret-value", mode);
        auto value = CredentialStore(m_dir).read(CredentialStore::AzulAuth2);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code, QStringLiteral("credentials.file_open"));
        QVERIFY(!value.error().toString().contains(QStringLiteral("secret-value")));
    }

    void refusesAnOpenDirectory()
    {
        write(m_dir + "/azul-auth1", "x", 0600);
        QCOMPARE(::chmod(QFile::encodeName(m_dir).constData(), 0755), 0);
        auto value = CredentialStore(m_dir).read(CredentialStore::AzulAuth1);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code, QStringLiteral("credentials.directory_open"));
        QCOMPARE(::chmod(QFile::encodeName(m_dir).constData(), 0700), 0);
    }

    void refusesSymlinksAndDirectories()
    {
        write(m_root.path() + "/elsewhere", "x", 0600);
        QVERIFY(QFile::link(m_root.path() + "/elsewhere", m_dir + "/azul-auth1"));
        QCOMPARE(CredentialStore(m_dir).read(CredentialStore::AzulAuth1).error().code, QStringLiteral("credentials.not_regular"));
        QDir(m_dir).mkdir(QStringLiteral("azul-auth2"));
        QCOMPARE(CredentialStore(m_dir).read(CredentialStore::AzulAuth2).error().code, QStringLiteral("credentials.not_regular"));
        QDir(m_dir).rmdir(QStringLiteral("azul-auth2"));
    }

    void missingAndUnknownAndEmpty()
    {
        QCOMPARE(CredentialStore(m_dir).read(CredentialStore::SmtpPassword).error().code, QStringLiteral("credentials.missing"));
        QCOMPARE(CredentialStore(m_dir).read(QStringLiteral("../etc/passwd")).error().code, QStringLiteral("credentials.unknown_name"));
        QCOMPARE(CredentialStore(m_dir).read(QStringLiteral("whatever")).error().code, QStringLiteral("credentials.unknown_name"));
        write(m_dir + "/redis-password", "\n", 0600);
        QCOMPARE(CredentialStore(m_dir).read(CredentialStore::RedisPassword).error().code, QStringLiteral("credentials.empty"));
        QCOMPARE(CredentialStore(m_root.path() + "/nope").read(CredentialStore::RedisPassword).error().code,
                 QStringLiteral("credentials.directory_missing"));
        QCOMPARE(CredentialStore(QString()).read(CredentialStore::RedisPassword).error().code, QStringLiteral("credentials.no_directory"));
    }

    void environmentPrecedence()
    {
        const QByteArray savedOkla = qgetenv("OKLA_CREDENTIALS_DIR");
        const QByteArray savedSystemd = qgetenv("CREDENTIALS_DIRECTORY");
        qputenv("OKLA_CREDENTIALS_DIR", "/a");
        qputenv("CREDENTIALS_DIRECTORY", "/b");
        QCOMPARE(CredentialStore::fromEnvironment("/c").directory(), QStringLiteral("/a"));
        qunsetenv("OKLA_CREDENTIALS_DIR");
        QCOMPARE(CredentialStore::fromEnvironment("/c").directory(), QStringLiteral("/b"));
        qunsetenv("CREDENTIALS_DIRECTORY");
        QCOMPARE(CredentialStore::fromEnvironment("/c").directory(), QStringLiteral("/c"));
        if (!savedOkla.isNull())
            qputenv("OKLA_CREDENTIALS_DIR", savedOkla);
        if (!savedSystemd.isNull())
            qputenv("CREDENTIALS_DIRECTORY", savedSystemd);
    }

    void namesMatchTheDesign()
    {
        QCOMPARE(CredentialStore::knownNames().size(), 14);
        QVERIFY(CredentialStore::knownNames().contains(QStringLiteral("fcm-service-account.json")));
        QVERIFY(CredentialStore::knownNames().contains(QStringLiteral("audit-signing.key")));
        QVERIFY(CredentialStore::knownNames().contains(QStringLiteral("pg-password")));
        QVERIFY(CredentialStore::knownNames().contains(QStringLiteral("pg-monitor-password")));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
