// The Subscriptions page against the fixture's real database: filters agree with the tables, the
// billing-run button asks the worker once however often it is clicked, actions follow the role,
// and a reconciliation finding appears live through NOTIFY. A QAbstractItemModelTester watches the
// table's model for the whole test.
#include <memory>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QUuid>
#include <QtTest>

#include "harness/testenv.h"
#include "services/session/consoleservices.h"
#include "services/session/session.h"
#include "ui/dealertestdata.h"
#include "ui/shell/language.h"
#include "ui/subscriptions/subscriptionspage.h"
#include "ui/subscriptions/subscriptiontablemodel.h"

using namespace okla;

namespace {

// One signed-in console showing the Subscriptions page.
struct Console
{
    std::unique_ptr<services::Session> session;
    std::unique_ptr<services::ConsoleServices> services;
    std::unique_ptr<ui::SubscriptionsPage> page;
};

} // namespace

class TestSubscriptionsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsEverySubscription();
    void statusFilterAgreesWithTheTable();
    void aNumberFindsTheDealersSubscriptions();
    void runBillingAsksOnceHoweverOftenClicked();
    void supportSeesNoActionsAndNoFindings();
    void aNewFindingAppearsLive();

private:
    static std::unique_ptr<Console> open(const QString &user);
    static void waitIdle(ui::SubscriptionsPage *page);
    qint64 scalar(const QString &sql, const QVariantList &params = {});

    services::PgConnection m_su;
    std::unique_ptr<Console> m_finance;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_findingRef;
};

std::unique_ptr<Console> TestSubscriptionsPage::open(const QString &user)
{
    auto console = std::make_unique<Console>();
    console->session = std::make_unique<services::Session>();
    auto profile = testdata::testProfile();
    if (!profile.ok())
        return nullptr;
    auto signedIn = console->session->signIn(profile.value(), user, QString());
    QDeadlineTimer deadline(20000);
    while (!signedIn.isFinished() && !deadline.hasExpired())
        QTest::qWait(20);
    if (!signedIn.isFinished() || !signedIn.result().ok())
        return nullptr;
    console->services = services::ConsoleServices::forSession(*console->session);
    console->page = std::make_unique<ui::SubscriptionsPage>(ui::PageContext::of(console->session.get(), *console->services));
    console->page->resize(1280, 800);
    console->page->show();
    console->page->activate();
    waitIdle(console->page.get());
    return console;
}

void TestSubscriptionsPage::waitIdle(ui::SubscriptionsPage *page)
{
    QTest::qWait(50);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 20000);
}

qint64 TestSubscriptionsPage::scalar(const QString &sql, const QVariantList &params)
{
    auto rows = m_su.exec(sql, params);
    if (!rows.ok()) {
        qWarning("%s", qPrintable(rows.error().toString()));
        return -1;
    }
    return rows->toInt64(0, 0);
}

void TestSubscriptionsPage::initTestCase()
{
    ui::Language::install(QStringLiteral("es"));
    auto su = tests::connectAs(QStringLiteral("postgres"));
    QVERIFY(su.ok());
    m_su = std::move(su).value();
    QVERIFY2(scalar(QStringLiteral("SELECT count(*) FROM subscriptions")) > 0, "the fixture's seed has subscriptions");
    m_finance = open(QStringLiteral("ana"));
    QVERIFY(m_finance);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_finance->page->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSubscriptionsPage::cleanupTestCase()
{
    if (!m_findingRef.isEmpty())
        QVERIFY(m_su.exec(QStringLiteral("DELETE FROM reconciliation_discrepancies WHERE provider_ref = $1"), {m_findingRef})
                    .ok());
    m_tester.reset();
    m_finance.reset();
}

void TestSubscriptionsPage::listsEverySubscription()
{
    ui::SubscriptionTableModel *model = m_finance->page->model();
    QCOMPARE(model->totalCount(), scalar(QStringLiteral("SELECT count(*) FROM subscriptions")));
    QVERIFY(model->rowCount() > 0);
    // Newest first, keyset by id.
    QVERIFY(model->subscription(0).id > model->subscription(model->rowCount() - 1).id);
}

void TestSubscriptionsPage::statusFilterAgreesWithTheTable()
{
    auto *status = m_finance->page->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    QVERIFY(status);
    status->setCurrentIndex(status->findData(QStringLiteral("active")));
    waitIdle(m_finance->page.get());
    ui::SubscriptionTableModel *model = m_finance->page->model();
    QCOMPARE(model->totalCount(), scalar(QStringLiteral("SELECT count(*) FROM subscriptions WHERE status = 'active'")));
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->subscription(row).status, QStringLiteral("active"));
    status->setCurrentIndex(0);
    waitIdle(m_finance->page.get());
}

void TestSubscriptionsPage::aNumberFindsTheDealersSubscriptions()
{
    const qint64 dealerId = scalar(QStringLiteral("SELECT dealer_id FROM subscriptions ORDER BY id LIMIT 1"));
    QVERIFY(dealerId > 0);
    auto *search = m_finance->page->findChild<QLineEdit *>(QStringLiteral("subscriptionSearch"));
    search->setText(QString::number(dealerId));
    QTest::qWait(400); // the search is debounced
    waitIdle(m_finance->page.get());
    ui::SubscriptionTableModel *model = m_finance->page->model();
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto &s = model->subscription(row);
        QVERIFY(s.dealerId == dealerId || s.id == dealerId);
    }
    search->clear();
    QTest::qWait(400);
    waitIdle(m_finance->page.get());
}

void TestSubscriptionsPage::runBillingAsksOnceHoweverOftenClicked()
{
    const qint64 before = scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM worker_requests"));
    auto *run = m_finance->page->findChild<QPushButton *>(QStringLiteral("runBilling"));
    QVERIFY(run && run->isVisible());
    run->click();
    run->click();
    run->click();
    auto *last = m_finance->page->findChild<QLabel *>(QStringLiteral("lastRequest"));
    QTRY_VERIFY_WITH_TIMEOUT(!last->text().isEmpty(), 10000);
    QTest::qWait(500);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM worker_requests r JOIN staff s ON s.id = r.requested_by "
                                   "WHERE r.id > $1 AND r.kind = 'billing_run' AND s.role_name = 'ana'"),
                    {before}),
             1);
    // Finance sees its actions; nothing is selected yet, so they wait for a row.
    auto *retry = m_finance->page->findChild<QPushButton *>(QStringLiteral("retryCharge"));
    QVERIFY(retry->isVisible());
    QVERIFY(!retry->isEnabled());
}

void TestSubscriptionsPage::supportSeesNoActionsAndNoFindings()
{
    auto support = open(QStringLiteral("sofia"));
    QVERIFY(support);
    for (const char *name : {"retryCharge", "cancelAtPeriodEnd", "changePlan", "runBilling", "reconcileToday"}) {
        auto *button = support->page->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button && !button->isVisible(), name);
    }
    QVERIFY(support->page->model()->totalCount() > 0);
    auto *findings = support->page->findChild<QLabel *>(QStringLiteral("discrepancySummary"));
    QVERIFY(findings->text().contains(QStringLiteral("rol")));
    QVERIFY(!support->page->findChild<QTableView *>(QStringLiteral("discrepancyTable"))->isVisibleTo(support->page.get()));
}

void TestSubscriptionsPage::aNewFindingAppearsLive()
{
    auto *table = m_finance->page->findChild<QTableView *>(QStringLiteral("discrepancyTable"));
    QVERIFY(table);
    const int before = table->model()->rowCount();
    m_findingRef = QStringLiteral("pi_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    QVERIFY(m_su.exec(QStringLiteral("INSERT INTO reconciliation_discrepancies (provider, kind, provider_ref, currency, "
                                     "expected_minor, actual_minor) VALUES ('stripe', 'amount_mismatch', $1, 'USD', 5900, 5000)"),
                      {m_findingRef})
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), before + 1, 10000);
    QCOMPARE(table->model()->index(0, 3).data().toString(), m_findingRef);
    QCOMPARE(table->model()->index(0, 5).data().toString(), QStringLiteral("US$59.00"));
}

QTEST_MAIN(TestSubscriptionsPage)
#include "tst_subscriptionspage.moc"
