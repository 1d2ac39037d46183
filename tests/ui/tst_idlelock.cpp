// The console hides its figures after a period without input and shows them again only after the
// server accepts the person again (docs/security.md §10).
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "harness/testenv.h"
#include "services/session/session.h"
#include "ui/shell/idlelock.h"
#include "ui/shell/language.h"

using okla::services::Session;
using okla::ui::IdleLock;

class TestIdleLock : public QObject
{
    Q_OBJECT

private:
    Session m_session;
    QWidget m_window;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(okla::ui::Language::install(QStringLiteral("es")));
        // given ana signed in on the fixture's passwordless profile and a window on screen
        auto signedIn = m_session.signIn(okla::tests::testProfile(), QStringLiteral("ana"), {});
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.isFinished(), 15000);
        QVERIFY2(signedIn.result().ok(), qPrintable(signedIn.result().ok() ? QString() : signedIn.result().error().toString()));
        m_window.resize(800, 600);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
    }

    void locksAfterInactivityAndCoversTheWindow()
    {
        IdleLock lock(&m_window, &m_session, std::chrono::milliseconds(300));
        QSignalSpy changed(&lock, &IdleLock::lockedChanged);
        // when nobody touches anything
        QVERIFY(changed.wait(3000));
        // then the overlay covers the whole window
        QVERIFY(lock.isLocked());
        QVERIFY(lock.isVisible());
        QCOMPARE(lock.geometry(), m_window.rect());
        QVERIFY(m_window.grab().save(qEnvironmentVariable("OKLA_TEST_ROOT") + QStringLiteral("/idle-lock.png")));
        // and it follows the window's size
        m_window.resize(900, 650);
        QTRY_COMPARE(lock.geometry(), m_window.rect());
    }

    void inputKeepsTheConsoleOpen()
    {
        IdleLock lock(&m_window, &m_session, std::chrono::milliseconds(400));
        // when someone keeps typing for over twice the timeout
        for (int i = 0; i < 10; ++i) {
            QTest::keyClick(&m_window, Qt::Key_Shift);
            QTest::qWait(100);
        }
        // then it never locked
        QVERIFY(!lock.isLocked());
        QVERIFY(!lock.isVisible());
    }

    void unlockAsksTheServer()
    {
        IdleLock lock(&m_window, &m_session, std::chrono::hours(1));
        lock.lock();
        QVERIFY(lock.isLocked());
        // a passwordless sandbox profile asks for no password, but the server still says yes
        auto *password = lock.findChild<QLineEdit *>();
        QVERIFY(password && password->isHidden());
        auto *unlock = lock.findChild<QPushButton *>();
        QVERIFY(unlock);
        QSignalSpy changed(&lock, &IdleLock::lockedChanged);
        QTest::mouseClick(unlock, Qt::LeftButton);
        QVERIFY(changed.wait(10000));
        QVERIFY(!lock.isLocked());
        QVERIFY(!lock.isVisible());
    }

    void wrongUserIsRefused()
    {
        // given a session whose server no longer accepts its user (the role was renamed away)
        auto su = okla::tests::connectAs(QStringLiteral("postgres"), QStringLiteral("postgres"));
        QVERIFY(su);
        QVERIFY(su->execScript(QStringLiteral("DROP ROLE IF EXISTS okla_idle_probe; CREATE ROLE okla_idle_probe LOGIN;"
                                              "GRANT okla_finance TO okla_idle_probe;")).ok());
        Session session;
        auto signedIn = session.signIn(okla::tests::testProfile(), QStringLiteral("okla_idle_probe"), {});
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.isFinished(), 15000);
        QVERIFY(signedIn.result().ok());
        QVERIFY(su->execScript(QStringLiteral("ALTER ROLE okla_idle_probe NOLOGIN")).ok());
        IdleLock lock(&m_window, &session, std::chrono::hours(1));
        lock.lock();
        // when they try to unlock
        QTest::mouseClick(lock.findChild<QPushButton *>(), Qt::LeftButton);
        // then the server's refusal keeps it locked, with a reason on screen
        auto *problem = lock.findChild<QLabel *>(QStringLiteral("idleLockProblem"));
        QVERIFY(problem);
        QTRY_VERIFY_WITH_TIMEOUT(!problem->text().isEmpty(), 10000);
        QVERIFY(lock.isLocked());
        QVERIFY(lock.isVisible());
        QVERIFY(su->execScript(QStringLiteral("DROP OWNED BY okla_idle_probe; DROP ROLE okla_idle_probe;")).ok());
    }
};

QTEST_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
