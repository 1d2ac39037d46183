// The staff input rules the CLI and Settings → Staff check before the database does
// (docs/security.md §13): the same shapes migration 11 and the DBA step refuse.
#include <QTest>

#include "models/staff/staffmember.h"

using namespace okla::models;

class TestStaffRules : public QObject
{
    Q_OBJECT

private slots:
    void logins_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<bool>("ok");
        QTest::newRow("demo") << "ana" << true;
        QTest::newRow("digits and _") << "maria_2" << true;
        QTest::newRow("63 characters") << QString(u'a') + QString(62, u'b') << true;
        QTest::newRow("one character") << "a" << false;
        QTest::newRow("64 characters") << QString(64, u'a') << false;
        QTest::newRow("upper case") << "Ana" << false;
        QTest::newRow("starts with a digit") << "1ana" << false;
        QTest::newRow("SQL") << "x; DROP ROLE y" << false;
        QTest::newRow("quote") << "ana\"" << false;
        QTest::newRow("system role") << "pg_monitor" << false;
        QTest::newRow("owner") << "okla_owner" << false;
        QTest::newRow("accent") << "sofía" << false;
        QTest::newRow("empty") << "" << false;
    }
    void logins()
    {
        QFETCH(QString, login);
        QFETCH(bool, ok);
        QCOMPARE(staffrules::checkLogin(login).ok(), ok);
    }

    void namesEmailsAndRoles()
    {
        QVERIFY(staffrules::checkFullName(QStringLiteral("Sofía Martínez")).ok());
        QVERIFY(!staffrules::checkFullName(QStringLiteral("   ")).ok());
        QVERIFY(staffrules::checkFullName(QString(200, u'a')).ok());
        QVERIFY(!staffrules::checkFullName(QString(201, u'a')).ok());
        const auto cardInName = staffrules::checkFullName(QStringLiteral("Ana 4111 1111 1111 1111"));
        QCOMPARE(cardInName.error().code, QStringLiteral("text.card_number"));
        QVERIFY(staffrules::checkEmail(QString()).ok());
        QVERIFY(staffrules::checkEmail(QStringLiteral("ana@okla.com.do")).ok());
        QVERIFY(!staffrules::checkEmail(QStringLiteral("ana@okla")).ok());
        QVERIFY(!staffrules::checkEmail(QStringLiteral("ana perez@okla.com.do")).ok());
        QCOMPARE(staffrules::parseRole(QStringLiteral("finance")).value(), StaffRole::Finance);
        QCOMPARE(staffrules::parseRole(QStringLiteral("admin")).value(), StaffRole::Admin);
        QVERIFY(!staffrules::parseRole(QStringLiteral("superuser")).ok());
        QVERIFY(!staffrules::parseRole(QStringLiteral("Finance")).ok());
        for (StaffRole role : {StaffRole::Finance, StaffRole::Manager, StaffRole::Support, StaffRole::Admin})
            QCOMPARE(staffRoleFromKey(staffRoleKey(role)), role);
    }
};

QTEST_GUILESS_MAIN(TestStaffRules)
#include "tst_staffrules.moc"
