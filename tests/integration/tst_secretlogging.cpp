// Secrets in logs, attacked (docs/security.md §6, §7): a duplicate card token leaves no token in
// the server's log nor in the error a program prints, and the server logs every connection and
// every refused sign-in (the only place a failed sign-in is seen).
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QUuid>

#include "harness/testenv.h"
#include "sandbox/launcher/sandboxlayout.h"

using okla::tests::connectAs;
using okla::tests::runProgram;

class TestSecretLogging : public QObject
{
    Q_OBJECT

    QString m_logFile;
    QStringList m_roles; ///< cluster-wide logins this test made

    QString freshName(const QString &prefix)
    {
        m_roles << prefix + QUuid::createUuid().toString(QUuid::Id128).left(10);
        return m_roles.last();
    }

    qint64 logSize() const { return QFileInfo(m_logFile).size(); }

    /// What the server wrote since @p offset, once it contains @p expected (or after 5 s).
    QByteArray logSince(qint64 offset, const QByteArray &expected) const
    {
        QElapsedTimer clock;
        clock.start();
        QByteArray text;
        do {
            QFile log(m_logFile);
            if (log.open(QIODevice::ReadOnly) && log.seek(offset))
                text = log.readAll();
            if (text.contains(expected))
                break;
            QTest::qWait(100);
        } while (clock.elapsed() < 5000);
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_logFile = okla::sandbox::SandboxLayout(qEnvironmentVariable("OKLA_TEST_ROOT")).pgLogFile();
        QVERIFY2(QFile::exists(m_logFile), qPrintable(m_logFile));
    }

    void cleanupTestCase()
    {
        auto su = connectAs(QStringLiteral("postgres"));
        QVERIFY(su.ok());
        for (const QString &role : std::as_const(m_roles))
            QVERIFY(su->execScript(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)).ok());
    }

    void aDuplicateCardTokenLeavesNoTokenInAnyLog()
    {
        // given the worker's login (the role that stores card tokens) and a token already stored
        const QString worker = freshName(QStringLiteral("tst_worker_"));
        auto su = connectAs(QStringLiteral("postgres"));
        QVERIFY(su.ok());
        QVERIFY(su->execScript(QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE okla_worker").arg(worker)).ok());
        auto db = connectAs(worker);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        auto dealer = db->exec(QStringLiteral("SELECT min(id) FROM dealers"));
        QVERIFY(dealer.ok() && !dealer->isNull(0, 0));
        const QString token = QStringLiteral("pm_canary") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        const QString insert = QStringLiteral(
            "INSERT INTO payment_methods (dealer_id, provider, token, card_brand, card_last4, exp_month, exp_year) "
            "VALUES ($1, 'stripe', $2, 'visa', '4242', 12, 2030)");
        const qint64 offset = logSize();
        QVERIFY(db->execScript(QStringLiteral("BEGIN")).ok());
        QVERIFY(db->exec(insert, {dealer->text(0, 0), token}).ok());
        // when the same token is inserted again (nothing is kept: the transaction is rolled back)
        const auto duplicate = db->exec(insert, {dealer->text(0, 0), token});
        QVERIFY(db->execScript(QStringLiteral("ROLLBACK")).ok());
        // then the insert is refused
        QVERIFY(!duplicate.ok());
        QVERIFY2(duplicate.error().code.endsWith(QStringLiteral("23505")), qPrintable(duplicate.error().code));
        // and neither the error a program prints nor the server's log holds the token
        QVERIFY2(!duplicate.error().toString().contains(token), qPrintable(duplicate.error().toString()));
        QVERIFY2(!duplicate.error().toString().contains(token.right(12)), qPrintable(duplicate.error().toString()));
        const QByteArray log = logSince(offset, "duplicate key value");
        QVERIFY2(log.contains("duplicate key value"), log.right(2000).constData()); // the error was logged…
        QVERIFY2(!log.contains(token.toUtf8()), log.right(2000).constData());       // …without the token
        QVERIFY2(!log.contains(token.right(12).toUtf8()), log.right(2000).constData());
        QVERIFY2(!log.contains("DETAIL:") && !log.contains("STATEMENT:"), log.right(2000).constData());
    }

    void aFailedSignInIsLoggedByTheServer()
    {
        // given a login that does not exist and a staff login that was deactivated
        const QString nobody = freshName(QStringLiteral("nobody_"));
        const QString former = freshName(QStringLiteral("former_"));
        auto su = connectAs(QStringLiteral("postgres"));
        QVERIFY(su.ok());
        QVERIFY(su->execScript(QStringLiteral("CREATE ROLE %1 NOLOGIN IN ROLE okla_support").arg(former)).ok());
        const qint64 offset = logSize();
        // when both try to sign in through the CLI
        const auto unknown = runProgram(QStringLiteral("okla"), {QStringLiteral("audit"), QStringLiteral("verify"),
                                                                  QStringLiteral("--user"), nobody});
        const auto deactivated = runProgram(QStringLiteral("okla"), {QStringLiteral("audit"), QStringLiteral("verify"),
                                                                      QStringLiteral("--user"), former});
        // then both are refused
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(deactivated.exitCode, 1);
        // and the server's log says who tried and why, with the connection itself
        const QByteArray log = logSince(offset, QByteArray(former.toUtf8() + "\" is not permitted to log in"));
        QVERIFY2(log.contains("connection received"), log.right(2000).constData());
        QVERIFY2(log.contains(QByteArray("role \"" + nobody.toUtf8() + "\" does not exist")), log.right(2000).constData());
        QVERIFY2(log.contains(QByteArray("role \"" + former.toUtf8() + "\" is not permitted to log in")), log.right(2000).constData());
    }

    void aSignInIsLoggedWithItsLogin()
    {
        const qint64 offset = logSize();
        auto db = connectAs(QStringLiteral("ana"));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        const QByteArray log = logSince(offset, "connection authorized: user=ana");
        QVERIFY2(log.contains("connection authorized: user=ana"), log.right(2000).constData());
    }
};

QTEST_GUILESS_MAIN(TestSecretLogging)
#include "tst_secretlogging.moc"
