// InlineErrorWidget: the in-page way errors reach people (docs/architecture.md §4). The message is
// masked, the server's text waits behind "Details", "Try again" asks the page to retry.
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include "ui/errors/errorpresenter.h"
#include "ui/errors/inlineerrorwidget.h"
#include "ui/shell/language.h"

using okla::models::makeError;
using okla::ui::InlineErrorWidget;

class TestInlineErrorWidget : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(okla::ui::Language::install(QStringLiteral("es"))); }

    void showsTheMessageAndKeepsDetailBehindDetails()
    {
        // given an error whose server text quotes a card number
        QWidget page;
        auto *layout = new QVBoxLayout(&page);
        auto *error = new InlineErrorWidget(&page);
        layout->addWidget(error);
        page.resize(900, 160);
        page.show();
        const auto dbError = makeError(QStringLiteral("db.query.23505"), QStringLiteral("The database refused the request."),
                                       QStringLiteral("Key (note)=(card 4111 1111 1111 1111) already exists."));
        // when the page shows it
        error->showError(QStringLiteral("No se pudieron cargar los dealers"), dbError);
        // then the message is on screen, the detail is not until asked for, and no card number is anywhere
        QVERIFY(error->isVisible());
        QVERIFY(error->text().startsWith(QStringLiteral("No se pudieron cargar los dealers: ")));
        auto *detail = error->findChild<QLabel *>(QStringLiteral("inlineErrorDetail"));
        auto *details = error->findChild<QPushButton *>(QStringLiteral("inlineErrorDetails"));
        QVERIFY(detail && details);
        QVERIFY(!detail->isVisible());
        QVERIFY(details->isVisible());
        QVERIFY(!error->detailText().contains(QStringLiteral("4111 1111 1111 1111")));
        // the value PostgreSQL quoted is hidden whole (models::maskSecrets), the column stays
        QVERIFY2(error->detailText().contains(QStringLiteral("Key (note)=(****)")), qPrintable(error->detailText()));
        QTest::mouseClick(details, Qt::LeftButton);
        QVERIFY(detail->isVisible());
        const QString dir = qEnvironmentVariable("OKLA_BINARY_DIR", QDir::tempPath()) + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(page.grab().save(dir + QStringLiteral("/inline-error.png")));
    }

    void tryAgainAsksForARetryAndHides()
    {
        InlineErrorWidget error;
        error.show();
        error.showError({}, makeError(QStringLiteral("db.connect"), QStringLiteral("Could not connect.")));
        QSignalSpy retry(&error, &InlineErrorWidget::retryRequested);
        auto *button = error.findChild<QPushButton *>(QStringLiteral("inlineErrorRetry"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(retry.count(), 1);
        QVERIFY(!error.isVisible());
        // an error without detail offers no empty "Details"
        error.showError({}, makeError(QStringLiteral("x"), QStringLiteral("Plain.")));
        QVERIFY(!error.findChild<QPushButton *>(QStringLiteral("inlineErrorDetails"))->isVisible());
    }
};

QTEST_MAIN(TestInlineErrorWidget)
#include "tst_inlineerrorwidget.moc"
