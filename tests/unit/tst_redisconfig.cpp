// Where the Redis password comes from: the credentials folder, under the same rules as every
// other secret (docs/security.md §6). No server is needed: a refused password fails before connecting.
#include <sys/stat.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "services/session/connectionprofile.h"
#include "services/redis/redisclient.h"

using okla::services::ConnectionProfile;
using okla::services::RedisClient;
using okla::services::RedisConfig;

class TestRedisConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_dir;

    void writePassword(int mode)
    {
        QFile f(m_dir + QStringLiteral("/redis-password"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("s3cret-redis\n");
        f.close();
        QCOMPARE(::chmod(QFile::encodeName(f.fileName()).constData(), mode), 0);
    }

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.redisHost = QStringLiteral("127.0.0.1");
        p.redisPort = 1; // never reached in these tests
        p.credentialsDir = m_dir;
        return p;
    }

private slots:
    void initTestCase()
    {
        // The profile's folder is the one read: no credentials folder from the environment.
        qunsetenv("OKLA_CREDENTIALS_DIR");
        qunsetenv("CREDENTIALS_DIRECTORY");
        QVERIFY(m_root.isValid());
        m_dir = m_root.path() + QStringLiteral("/creds");
        QVERIFY(QDir().mkpath(m_dir));
        QCOMPARE(::chmod(QFile::encodeName(m_dir).constData(), 0700), 0);
    }

    void readsAClosedPasswordFile()
    {
        // given a 0600 redis-password
        writePassword(0600);
        // when
        const RedisConfig config = RedisConfig::fromProfile(profile());
        // then it is the AUTH password, without its newline
        QCOMPARE(config.password, QByteArray("s3cret-redis"));
        QVERIFY(!config.passwordError);
    }

    void noFileMeansNoAuth()
    {
        // given no redis-password at all
        QFile::remove(m_dir + QStringLiteral("/redis-password"));
        // when
        const RedisConfig config = RedisConfig::fromProfile(profile());
        // then no AUTH and no error
        QVERIFY(config.password.isEmpty());
        QVERIFY(!config.passwordError);
    }

    void passwordOthersCanReadIsRefusedNotUsed()
    {
        // given a redis-password readable by everyone
        writePassword(0644);
        // when the config is built and a command is sent
        const RedisConfig config = RedisConfig::fromProfile(profile());
        RedisClient client(config);
        const auto reply = client.commandSync({QByteArrayLiteral("PING")});
        // then the password is not used, and the command fails with the credential's reason
        QVERIFY(config.password.isEmpty());
        QVERIFY(config.passwordError);
        QCOMPARE(config.passwordError->code, QStringLiteral("credentials.file_open"));
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, QStringLiteral("credentials.file_open"));
        QVERIFY(!reply.error().toString().contains(QLatin1String("s3cret-redis")));
    }
};

QTEST_GUILESS_MAIN(TestRedisConfig)
#include "tst_redisconfig.moc"
