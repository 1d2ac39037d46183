// The Dealers page against the fixture's real database, signed in as the demo staff user: first
// page, fetchMore (keyset), debounced search, live refresh on NOTIFY dealers_changed. A
// QAbstractItemModelTester watches the model for the whole test.
#include <memory>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

#include "services/database/pgconnection.h"
#include "services/session/consoleservices.h"
#include "services/session/session.h"
#include "ui/dealers/dealertablemodel.h"
#include "ui/dealertestdata.h"
#include "ui/shell/language.h"
#include "ui/dealers/dealerspage.h"

using namespace okla;
using ui::DealerTableModel;

class TestDealersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstPageLoadsOffTheGuiThread();
    void fetchMorePagesInMoreRows();
    void searchNarrowsResults();
    void searchWithoutMatchesSaysSo();
    void notifyRefreshesTheCount();
    void showsTranslatedLabelsAndDisplayFormats();

private:
    void waitIdle();

    services::ConnectionProfile m_profile;
    services::PgConnection m_owner;
    std::unique_ptr<services::Session> m_session;
    std::unique_ptr<services::ConsoleServices> m_services;
    std::unique_ptr<ui::DealersPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_inserted;
};

void TestDealersPage::initTestCase()
{
    ui::Language::install(QStringLiteral("es"));
    auto profile = testdata::testProfile();
    QVERIFY2(profile.ok(), qPrintable(profile.ok() ? QString() : profile.error().toString()));
    m_profile = profile.value();
    auto owner = testdata::ownerConnection(m_profile);
    QVERIFY2(owner.ok(), qPrintable(owner.ok() ? QString() : owner.error().toString()));
    m_owner = std::move(owner).value();
    QVERIFY(testdata::removeTestDealers(m_owner).ok());
    QVERIFY(testdata::insertTestDealers(m_owner, 450).ok());

    m_session = std::make_unique<services::Session>();
    auto signedIn = m_session->signIn(m_profile, testdata::staffUser(m_profile), QString());
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.isFinished(), 20000);
    QVERIFY2(signedIn.result().ok(), qPrintable(signedIn.result().ok() ? QString() : signedIn.result().error().toString()));

    m_services = services::ConsoleServices::forSession(*m_session);
    m_page = std::make_unique<ui::DealersPage>(ui::PageContext::of(m_session.get(), *m_services));
    m_page->resize(1100, 700);
    m_page->show();
    // Work on the test dealers only (450 rows: keyset pages of 200, 200 and 50).
    m_page->searchBox()->setText(testdata::Marker);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_page->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestDealersPage::cleanupTestCase()
{
    m_inserted.reset();
    m_tester.reset();
    m_page.reset();
    m_services.reset();
    m_session.reset();
    if (m_owner.isOpen())
        QVERIFY(testdata::removeTestDealers(m_owner).ok());
}

void TestDealersPage::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading(), 20000);
}

void TestDealersPage::firstPageLoadsOffTheGuiThread()
{
    // given a page that has not been shown yet
    DealerTableModel *model = m_page->model();
    QCOMPARE(model->rowCount(), 0);
    m_inserted = std::make_unique<QSignalSpy>(model, &QAbstractItemModel::rowsInserted);
    // when it is activated
    QElapsedTimer blocked;
    blocked.start();
    m_page->activate();
    // then activate() returned at once (the query runs on the database thread) and a first page of
    // 200 rows arrives
    QVERIFY2(blocked.elapsed() < 100, "activate() must not wait for PostgreSQL");
    QVERIFY(m_page->isLoading());
    QVERIFY(m_inserted->wait(20000));
    QCOMPARE(m_inserted->first().at(1).toInt(), 0);
    QCOMPARE(m_inserted->first().at(2).toInt(), 199);
}

void TestDealersPage::fetchMorePagesInMoreRows()
{
    // given the first page of the 450 test dealers
    DealerTableModel *model = m_page->model();
    waitIdle();
    QCOMPARE(model->rowCount(), 200);
    QVERIFY(model->canFetchMore({}));
    // when more is asked for (what a view does when scrolled to its end)
    model->fetchMore({});
    waitIdle();
    // then the next keyset page is appended
    QCOMPARE(model->rowCount(), 400);
    // and scrolling the real table to the bottom fetches the last 50, after which there is no more
    m_page->table()->scrollToBottom();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 450, 20000);
    waitIdle();
    QVERIFY(!model->canFetchMore({}));
    QList<int> pages;
    for (const QList<QVariant> &insert : std::as_const(*m_inserted))
        pages << insert.at(2).toInt() - insert.at(1).toInt() + 1;
    QCOMPARE(pages, QList<int>({200, 200, 50}));
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->index(row, 0).data(DealerTableModel::IdRole).toLongLong());
    QCOMPARE(ids.size(), 450);
    QCOMPARE(model->totalCount(), qint64(450));
    // and fetchMore() at the end is a no-op
    model->fetchMore({});
    QVERIFY(!m_page->isLoading());
}

void TestDealersPage::searchNarrowsResults()
{
    DealerTableModel *model = m_page->model();
    const qint64 everyone = model->totalCount();
    // when a person types "pena" (without the tilde) after the marker in the search box
    m_page->searchBox()->setFocus();
    m_page->searchBox()->end(false);
    QTest::keyClicks(m_page->searchBox(), QStringLiteral(" pena"));
    // then after the debounce only the 150 "Peña" test dealers remain
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), qint64(150), 20000);
    waitIdle();
    QVERIFY(150 < everyone);
    QCOMPARE(m_page->searchBox()->text(), testdata::Marker + QStringLiteral(" pena"));
    QCOMPARE(model->rowCount(), 150);
    QVERIFY(!model->canFetchMore({}));
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->dealer(row).legalName.contains(QStringLiteral("Peña")));
    // and widening the search brings all marked dealers back, paged
    m_page->searchBox()->setText(testdata::Marker);
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), qint64(450), 20000);
    waitIdle();
    QCOMPARE(model->rowCount(), 200);
}

void TestDealersPage::searchWithoutMatchesSaysSo()
{
    DealerTableModel *model = m_page->model();
    m_page->searchBox()->setText(testdata::Marker + QStringLiteral(" nadiecoincide"));
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), qint64(0), 20000);
    waitIdle();
    QCOMPARE(model->rowCount(), 0);
    auto *summary = m_page->findChild<QLabel *>(QStringLiteral("dealerSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QStringLiteral("Ningún dealer coincide")), qPrintable(summary->text()));
    m_page->searchBox()->setText(testdata::Marker);
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), qint64(450), 20000);
    waitIdle();
}

void TestDealersPage::notifyRefreshesTheCount()
{
    // given the page showing the 450 marked dealers
    DealerTableModel *model = m_page->model();
    QCOMPARE(model->totalCount(), qint64(450));
    // when another session adds a dealer (the trigger sends NOTIFY dealers_changed)
    QVERIFY(testdata::insertTestDealers(m_owner, 1, 1000).ok());
    // then the page refreshes by itself, within a second or so
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), qint64(451), 5000);
    waitIdle();
}

void TestDealersPage::showsTranslatedLabelsAndDisplayFormats()
{
    DealerTableModel *model = m_page->model();
    QVERIFY(model->rowCount() > 0);
    QCOMPARE(model->headerData(DealerTableModel::City, Qt::Horizontal).toString(), QStringLiteral("Ciudad"));
    // 990000449 is shown as an RNC: 9-90-00044-9
    bool found = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(DealerTableModel::TaxIdDigitsRole).toString() == QLatin1String("990000449")) {
            QCOMPARE(model->index(row, DealerTableModel::TaxId).data().toString(), QStringLiteral("9-90-00044-9"));
            QCOMPARE(model->index(row, DealerTableModel::Status).data().toString(), QStringLiteral("Sin suscripción"));
            found = true;
        }
    }
    QVERIFY(found);
}

QTEST_MAIN(TestDealersPage)
#include "tst_dealerspage.moc"
