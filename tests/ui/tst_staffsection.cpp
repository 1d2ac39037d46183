// Settings → Staff (docs/security.md §13), offscreen and in Spanish, signed in on the fixture's
// profile: an admin sees every staff login and the buttons; support sees only a sentence.
#include <memory>

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

#include "services/session/consoleservices.h"
#include "services/session/session.h"
#include "ui/dealertestdata.h"
#include "ui/settings/settingspage.h"
#include "ui/settings/staffsection.h"
#include "ui/shell/language.h"

using namespace okla;

class TestStaffSection : public QObject
{
    Q_OBJECT

private:
    struct Console
    {
        std::unique_ptr<services::Session> session;
        std::unique_ptr<services::ConsoleServices> services;
        std::unique_ptr<ui::SettingsPage> page;
    };

    static std::unique_ptr<Console> signIn(const QString &user)
    {
        auto console = std::make_unique<Console>();
        auto profile = testdata::testProfile();
        if (!profile.ok())
            return nullptr;
        console->session = std::make_unique<services::Session>();
        auto signedIn = console->session->signIn(profile.value(), user, QString());
        QElapsedTimer timer;
        timer.start();
        while (!signedIn.isFinished() && timer.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!signedIn.isFinished() || !signedIn.result().ok())
            return nullptr;
        console->services = services::ConsoleServices::forSession(*console->session);
        console->page = std::make_unique<ui::SettingsPage>(ui::PageContext::of(console->session.get(), *console->services));
        console->page->resize(900, 1000);
        return console;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(ui::Language::install(QStringLiteral("es")));
    }

    void anAdminSeesEveryStaffLogin()
    {
        // given the console signed in as the sandbox's admin
        auto console = signIn(QStringLiteral("admin"));
        QVERIFY(console);
        ui::StaffSection *section = console->page->staffSection();
        QVERIFY(section);
        console->page->show();
        // when the staff are loaded
        QTRY_VERIFY_WITH_TIMEOUT(section->table() && section->table()->rowCount() >= 5, 10000);
        // then every demo login is listed with its role in Spanish, and only changes of others are offered
        QStringList logins;
        for (int r = 0; r < section->table()->rowCount(); ++r)
            logins << section->table()->item(r, 0)->text();
        for (const char *login : {"ana", "luis", "marco", "sofia", "admin"})
            QVERIFY2(logins.contains(QLatin1String(login)), qPrintable(logins.join(u',')));
        const int anaRow = int(logins.indexOf(QStringLiteral("ana")));
        QCOMPARE(section->table()->item(anaRow, 2)->text(), QStringLiteral("Finanzas"));
        auto *deactivate = section->findChild<QPushButton *>(QStringLiteral("staffDeactivate"));
        QVERIFY(deactivate && !deactivate->isEnabled());
        section->table()->selectRow(anaRow);
        QVERIFY(deactivate->isEnabled());
        section->table()->selectRow(int(logins.indexOf(QStringLiteral("admin"))));
        QVERIFY(!deactivate->isEnabled()); // never one's own login
        QCOMPARE(section->findChild<QPushButton *>(QStringLiteral("staffCreate"))->text(), QStringLiteral("Crear…"));
        const QString shots = qEnvironmentVariable("OKLA_STAFF_SHOT");
        if (!shots.isEmpty())
            QVERIFY(console->page->grab().save(shots));
    }

    void theCreateDialogExplainsABadLoginInSpanish()
    {
        // given an admin's Staff section
        auto console = signIn(QStringLiteral("admin"));
        QVERIFY(console);
        ui::StaffSection *section = console->page->staffSection();
        console->page->show();
        // when the admin types a login with a space and presses Create in the dialog
        QString problem;
        QTimer::singleShot(0, this, [&]() {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            const auto edits = dialog->findChildren<QLineEdit *>();
            edits.value(0)->setText(QStringLiteral("x; DROP ROLE y"));
            edits.value(1)->setText(QStringLiteral("Equis"));
            auto *box = dialog->findChild<QDialogButtonBox *>();
            box->button(QDialogButtonBox::Ok)->click();
            for (QLabel *label : dialog->findChildren<QLabel *>())
                if (label->isVisible() && label->text().startsWith(QLatin1String("Un usuario")))
                    problem = label->text();
            QCoreApplication::processEvents();
            const QString shot = qEnvironmentVariable("OKLA_STAFF_DIALOG_SHOT");
            if (!shot.isEmpty())
                dialog->grab().save(shot);
            dialog->reject();
        });
        section->findChild<QPushButton *>(QStringLiteral("staffCreate"))->click();
        // then the dialog stays open with one Spanish sentence, and nothing was sent
        QVERIFY2(problem.contains(QStringLiteral("minúsculas")), qPrintable(problem));
    }

    void supportSeesOnlyASentence()
    {
        // given the console signed in as support
        auto console = signIn(QStringLiteral("sofia"));
        QVERIFY(console);
        ui::StaffSection *section = console->page->staffSection();
        // then there is no table and no button, only why
        QVERIFY(!section->table());
        QVERIFY(!section->findChild<QPushButton *>(QStringLiteral("staffCreate")));
        auto *note = section->findChild<QLabel *>(QStringLiteral("staffAdminOnly"));
        QVERIFY(note);
        QCOMPARE(note->text(), QStringLiteral("Solo un administrador puede ver y gestionar los usuarios del personal."));
    }
};

QTEST_MAIN(TestStaffSection)
#include "tst_staffsection.moc"
