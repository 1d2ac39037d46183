// DealerRepository against the fixture's real PostgreSQL: search (accents, RNC dashes, LIKE
// wildcards) and keyset paging with created_at ties.
#include <QSet>
#include <QtTest>

#include "services/dealers/dealerrepository.h"
#include "services/database/pgconnection.h"
#include "ui/dealertestdata.h"

using namespace okla;
using services::DealerCursor;
using services::DealerRepository;
using services::DealerSummary;

class TestDealerRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void searchTermsFoldAccentsAndDashes();
    void searchFindsOnlyMatchingDealers();
    void searchIgnoresAccentsAndTaxIdDashes();
    void likeWildcardsAreLiteral();
    void keysetPagingVisitsEveryRowOnceInOrder();
    void overviewCarriesPlanAndMrr();

private:
    services::ConnectionProfile m_profile;
    services::PgConnection m_owner;
    services::PgConnection m_staff;
};

void TestDealerRepository::initTestCase()
{
    auto profile = testdata::testProfile();
    QVERIFY2(profile.ok(), qPrintable(profile.ok() ? QString() : profile.error().toString()));
    m_profile = profile.value();
    auto owner = testdata::ownerConnection(m_profile);
    QVERIFY2(owner.ok(), qPrintable(owner.ok() ? QString() : owner.error().toString()));
    m_owner = std::move(owner).value();
    // Read as a staff member, like the console does: proves the grants, not just the query.
    auto staff = services::PgConnection::open(m_profile.conninfo(testdata::staffUser(m_profile)));
    QVERIFY2(staff.ok(), qPrintable(staff.ok() ? QString() : staff.error().toString()));
    m_staff = std::move(staff).value();
    QVERIFY(testdata::removeTestDealers(m_owner).ok()); // leftovers of an interrupted run
    auto inserted = testdata::insertTestDealers(m_owner, 450);
    QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().toString()));
}

void TestDealerRepository::cleanupTestCase()
{
    if (m_owner.isOpen())
        QVERIFY(testdata::removeTestDealers(m_owner).ok());
}

void TestDealerRepository::searchTermsFoldAccentsAndDashes()
{
    QCOMPARE(DealerRepository::searchTerms(QStringLiteral("  Peña   BANÍ ")),
             QStringList({QStringLiteral("pena"), QStringLiteral("bani")}));
    QCOMPARE(DealerRepository::searchTerms(QStringLiteral("1-01-12345-1")), QStringList{QStringLiteral("101123451")});
    QCOMPARE(DealerRepository::searchTerms(QStringLiteral("50%_x")), QStringList{QStringLiteral("50\\%\\_x")});
}

void TestDealerRepository::searchFindsOnlyMatchingDealers()
{
    // given 450 marked dealers among the fixture's own
    DealerRepository repository(m_staff);
    // when searching for the marker
    auto count = repository.count(testdata::Marker);
    auto page = repository.page(testdata::Marker, std::nullopt);
    // then exactly the marked dealers match, newest first
    QVERIFY2(count.ok(), qPrintable(count.ok() ? QString() : count.error().toString()));
    QCOMPARE(count.value(), 450);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), DealerRepository::PageSize);
    for (const DealerSummary &d : page.value())
        QVERIFY2(d.legalName.startsWith(testdata::Marker), qPrintable(d.legalName));
    auto all = repository.count(QString());
    QVERIFY(all.ok());
    QVERIFY(all.value() >= 450);
}

void TestDealerRepository::searchIgnoresAccentsAndTaxIdDashes()
{
    DealerRepository repository(m_staff);
    // "pena" finds "Peña" (every third marked dealer: 0, 3, ..., 447 = 150 of them)
    auto pena = repository.count(testdata::Marker + QStringLiteral(" pena"));
    QVERIFY(pena.ok());
    QCOMPARE(pena.value(), 150);
    // the RNC typed as shown (9-90-00012-3 is 990000123) finds that one dealer
    auto byTaxId = repository.page(testdata::Marker + QStringLiteral(" 9-90-00012-3"), std::nullopt);
    QVERIFY(byTaxId.ok());
    QCOMPARE(byTaxId->size(), 1);
    QCOMPARE(byTaxId->first().taxId, QStringLiteral("990000123"));
    // city with and without its accent
    auto city = repository.count(testdata::Marker + QStringLiteral(" Baní"));
    QVERIFY(city.ok());
    QCOMPARE(city.value(), 450);
}

void TestDealerRepository::likeWildcardsAreLiteral()
{
    DealerRepository repository(m_staff);
    auto percent = repository.count(testdata::Marker + QStringLiteral(" %"));
    QVERIFY(percent.ok());
    QCOMPARE(percent.value(), 0);
    auto underscore = repository.count(QStringLiteral("zqx_@prueba"));
    QVERIFY(underscore.ok());
    QCOMPARE(underscore.value(), 0);
}

void TestDealerRepository::keysetPagingVisitsEveryRowOnceInOrder()
{
    // given 450 marked dealers, ten per created_at (ties broken by id)
    DealerRepository repository(m_staff);
    QList<DealerSummary> seen;
    std::optional<DealerCursor> cursor;
    QList<int> pageSizes;
    // when paging until a short page
    for (int guard = 0; guard < 10; ++guard) {
        auto page = repository.page(testdata::Marker, cursor);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
        pageSizes << int(page->size());
        seen += page.value();
        if (page->size() < DealerRepository::PageSize)
            break;
        cursor = DealerCursor{page->constLast().createdAtKey, page->constLast().id};
    }
    // then 200 + 200 + 50, no row twice, strictly descending (created_at, id)
    QCOMPARE(pageSizes, QList<int>({200, 200, 50}));
    QSet<qint64> ids;
    for (int i = 0; i < seen.size(); ++i) {
        QVERIFY(!ids.contains(seen.at(i).id));
        ids.insert(seen.at(i).id);
        if (i > 0) {
            const auto &prev = seen.at(i - 1);
            const auto &cur = seen.at(i);
            QVERIFY(prev.createdAt > cur.createdAt || (prev.createdAt == cur.createdAt && prev.id > cur.id));
        }
    }
    QCOMPARE(ids.size(), 450);
}

void TestDealerRepository::overviewCarriesPlanAndMrr()
{
    // given one marked dealer with an active monthly Pro subscription in DOP
    auto sub = m_owner.exec(QStringLiteral(
        "INSERT INTO subscriptions (dealer_id, provider, currency, plan_version_id, billing_cycle, status, "
        "current_period_start, current_period_end, started_at) "
        "SELECT d.id, 'azul', 'DOP', pv.id, 'monthly', 'active', current_date, current_date + 30, now() "
        "FROM dealers d, plan_versions pv WHERE d.tax_id = '990000007' AND pv.plan_key = 'pro' AND pv.currency = 'DOP' "
        "ORDER BY pv.id DESC LIMIT 1 RETURNING (SELECT monthly_price_minor FROM plan_versions WHERE id = plan_version_id)"));
    QVERIFY2(sub.ok(), qPrintable(sub.ok() ? QString() : sub.error().toString()));
    QCOMPARE(sub->rows(), 1);
    const qint64 monthly = sub->toInt64(0, 0);
    // when it is read through the Dealers page query
    auto page = DealerRepository(m_staff).page(testdata::Marker + QStringLiteral(" 990000007"), std::nullopt);
    // then plan, status, currency and MRR (integer minor units) come with it
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 1);
    const DealerSummary &d = page->first();
    QCOMPARE(d.planKey, QStringLiteral("pro"));
    QVERIFY(d.subscriptionStatus == models::SubscriptionStatus::Active);
    QCOMPARE(d.subscriptionStatusDb, QStringLiteral("active"));
    QVERIFY(d.mrr.has_value());
    QVERIFY(d.mrr->currency() == models::Currency::DOP);
    QCOMPARE(d.mrr->minorUnits(), monthly);
    QCOMPARE(d.taxIdKind, QStringLiteral("rnc"));
    QCOMPARE(d.city, QStringLiteral("Baní"));
}

QTEST_GUILESS_MAIN(TestDealerRepository)
#include "tst_dealerrepository.moc"
