// One cycle-price formula (models::cyclePrice) behind the seed and SQL's okla_cycle_price_minor
// (migration 0009): compared on a freshly migrated database of the fixture's PostgreSQL for every
// plan price, every billing cycle and several yearly discounts, including the configured one; the
// SQL and the seed follow billing_policies.yearly_discount_bp.
#include <QTest>

#include "harness/testenv.h"
#include "models/billingcycle.h"
#include "sandbox/seed/seedcatalog.h"
#include "sandbox/seed/seedcontextloader.h"
#include "services/database/migrator.h"

using okla::models::BillingCycle;
using okla::models::Currency;
using okla::models::Money;
using okla::services::Migrator;
using okla::services::PgConnection;
using okla::services::PgResult;
using okla::tests::ThrowawayDatabase;

namespace {

const BillingCycle kCycles[] = {BillingCycle::Monthly, BillingCycle::Quarterly, BillingCycle::Yearly};

QString cycleName(BillingCycle cycle)
{
    switch (cycle) {
    case BillingCycle::Monthly: return QStringLiteral("monthly");
    case BillingCycle::Quarterly: return QStringLiteral("quarterly");
    case BillingCycle::Yearly: return QStringLiteral("yearly");
    }
    return {};
}

template<typename T>
QString arrayLiteral(const QList<T> &values)
{
    QStringList items;
    for (const T &v : values)
        items << QString::number(v);
    return u'{' + items.join(u',') + u'}';
}

} // namespace

class TestCyclePrice : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ThrowawayDatabase> m_db;
    PgConnection m_owner;

    PgResult query(const QString &sql, const QVariantList &params = {})
    {
        auto result = m_owner.exec(sql, params);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return std::move(result).value();
    }

    int configuredDiscount() { return int(query(QStringLiteral("SELECT okla_yearly_discount_bp()")).toInt64(0, 0)); }

    void setPolicy(const QString &json)
    {
        query(QStringLiteral("UPDATE billing_policies SET value = $1::jsonb WHERE key = 'yearly_discount_bp'"), {json});
    }

    /// Every plan version's price with its currency, from the database's own catalog.
    QList<Money> planPrices()
    {
        const PgResult r = query(QStringLiteral("SELECT monthly_price_minor, currency FROM plan_versions ORDER BY id"));
        QList<Money> prices;
        for (int i = 0; i < r.rows(); ++i)
            prices << Money::fromMinor(r.toInt64(i, 0), r.text(i, 1) == QLatin1String("USD") ? Currency::USD : Currency::DOP);
        return prices;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given a migrated database with migration 0002's plans and 0001's policies
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_cycleprice"));
        auto owner = m_db->connectAs(QStringLiteral("okla_owner"));
        QVERIFY2(owner.ok(), qPrintable(owner ? QString() : owner.error().toString()));
        m_owner = std::move(owner).value();
        auto migrated = Migrator::migrate(m_owner);
        QVERIFY2(migrated.ok(), qPrintable(migrated ? QString() : migrated.error().toString()));
        QVERIFY(planPrices().size() >= 12);
        // and the seed's demo staff (loadSeedContext needs them; the superuser creates them)
        auto superuser = m_db->connectAs(QStringLiteral("postgres"));
        QVERIFY(superuser.ok());
        auto staff = okla::sandbox::ensureDemoStaff(superuser.value());
        QVERIFY2(staff.ok(), qPrintable(staff ? QString() : staff.error().toString()));
    }

    void cleanupTestCase()
    {
        m_owner = PgConnection();
        m_db.reset();
    }

    void sqlComputesWhatCppComputes()
    {
        // given every plan price, prices on either side of a rounding boundary, a deterministic
        // spread of others up to RD$10 million a month, and discounts including the configured one
        QList<Money> prices = planPrices();
        for (qint64 minor : {0LL, 1LL, 49LL, 50LL, 51LL, 1249LL, 1250LL, 1251LL, 4166LL, 99'999'999LL, 123'456'789'012LL})
            prices << Money::fromMinor(minor, Currency::DOP) << Money::fromMinor(minor, Currency::USD);
        quint64 lcg = 20260101;
        for (int i = 0; i < 300; ++i) {
            lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
            prices << Money::fromMinor(qint64((lcg >> 20) % 1'000'000'000ULL), i % 2 ? Currency::USD : Currency::DOP);
        }
        const int configured = configuredDiscount();
        QCOMPARE(configured, 1700); // migration 0001's policy (catalog v5: 12 x monthly x 0.83)
        const QList<int> discounts{configured, 0, 1, 833, 1667, 2000, 2500, 5000, 9999, 10000};
        QList<qint64> minors;
        for (const Money &m : prices)
            minors << m.minorUnits();

        // when SQL prices them all in one query
        const PgResult r = query(QStringLiteral(
            "SELECT p.i, c, d, okla_cycle_price_minor(p.m, c, d) "
            "FROM unnest($1::bigint[]) WITH ORDINALITY p(m, i) "
            "CROSS JOIN unnest(ARRAY['monthly', 'quarterly', 'yearly']) c CROSS JOIN unnest($2::int[]) d"),
            {arrayLiteral(minors), arrayLiteral(discounts)});

        // then every one equals models::cyclePrice, in either currency
        QCOMPARE(r.rows(), int(prices.size() * 3 * discounts.size()));
        for (int row = 0; row < r.rows(); ++row) {
            const Money &monthly = prices.at(r.toInt64(row, 0) - 1);
            const QString cycle = r.text(row, 1);
            const int discount = int(r.toInt64(row, 2));
            BillingCycle c = BillingCycle::Monthly;
            for (BillingCycle each : kCycles) {
                if (cycleName(each) == cycle)
                    c = each;
            }
            const auto expected = okla::models::cyclePrice(monthly, c, discount);
            QVERIFY2(expected.ok(), qPrintable(expected ? QString() : expected.error().toString()));
            QVERIFY2(!r.isNull(row, 3) && r.toInt64(row, 3) == expected->minorUnits(),
                     qPrintable(QStringLiteral("%1 %2 %3 bp: SQL %4, C++ %5")
                                    .arg(monthly.toDecimalString(), cycle).arg(discount)
                                    .arg(r.text(row, 3)).arg(expected->minorUnits())));
        }
    }

    void bothRefuseWhatIsNotAPrice()
    {
        // given a negative price, discounts outside 0..10000 and an unknown cycle
        const PgResult r = query(QStringLiteral(
            "SELECT okla_cycle_price_minor(-1, 'monthly', 1700) IS NULL, okla_cycle_price_minor(100, 'yearly', -1) IS NULL,"
            "       okla_cycle_price_minor(100, 'monthly', 10001) IS NULL, okla_cycle_price_minor(100, 'weekly', 1700) IS NULL"));
        const Money price = Money::fromMinor(100, Currency::DOP);

        // then SQL gives no price and C++ an error
        for (int column = 0; column < 4; ++column)
            QCOMPARE(r.text(0, column), QStringLiteral("t"));
        QVERIFY(!okla::models::cyclePrice(Money::fromMinor(-1, Currency::DOP), BillingCycle::Monthly, 1700));
        QVERIFY(!okla::models::cyclePrice(price, BillingCycle::Yearly, -1));
        QVERIFY(!okla::models::cyclePrice(price, BillingCycle::Monthly, 10001));
    }

    void sqlAndSeedFollowThePolicy()
    {
        for (const QString &policy : {QStringLiteral("1700"), QStringLiteral("2500"), QStringLiteral("0")}) {
            // given the policy
            setPolicy(policy);
            const int discount = policy.toInt();
            QCOMPARE(configuredDiscount(), discount);

            // when SQL prices every current plan without being told the discount, and the seed
            // reads its context
            const PgResult r = query(QStringLiteral(
                "SELECT pv.plan_key, pv.currency, pv.monthly_price_minor, c, okla_cycle_price_minor(pv.monthly_price_minor, c),"
                "       okla_mrr_minor(pv.monthly_price_minor, c, 1000) = okla_mrr_minor(pv.monthly_price_minor, c, 1000, $1)"
                " FROM plan_versions pv CROSS JOIN unnest(ARRAY['monthly', 'quarterly', 'yearly']) c"
                " WHERE pv.valid_to IS NULL ORDER BY pv.id, c"), {discount});
            const auto context = okla::sandbox::loadSeedContext(m_owner);
            QVERIFY2(context.ok(), qPrintable(context ? QString() : context.error().toString()));
            QCOMPARE(context->yearlyDiscountBp, discount);
            const auto seedPrices = context->cyclePrices();
            QVERIFY(seedPrices.ok());

            // then SQL, C++ and the seed give the same price for every plan and cycle
            QCOMPARE(r.rows(), 36);
            for (int row = 0; row < r.rows(); ++row) {
                const Currency currency = r.text(row, 1) == QLatin1String("USD") ? Currency::USD : Currency::DOP;
                const Money monthly = Money::fromMinor(r.toInt64(row, 2), currency);
                const int cycleIndex = r.text(row, 3) == QLatin1String("monthly") ? 0 : r.text(row, 3) == QLatin1String("quarterly") ? 1 : 2;
                const auto expected = okla::models::cyclePrice(monthly, kCycles[cycleIndex], discount);
                QVERIFY(expected.ok());
                QCOMPARE(r.toInt64(row, 4), expected->minorUnits());
                QCOMPARE(r.text(row, 5), QStringLiteral("t"));
                int plan = -1;
                for (int p = 0; p < int(okla::sandbox::catalog::kPlanKeys.size()); ++p) {
                    if (QLatin1String(okla::sandbox::catalog::kPlanKeys[size_t(p)].data(),
                                      qsizetype(okla::sandbox::catalog::kPlanKeys[size_t(p)].size())) == r.text(row, 0))
                        plan = p;
                }
                QVERIFY(plan >= 0);
                const int seedCurrency = currency == Currency::USD ? okla::sandbox::Usd : okla::sandbox::Dop;
                QCOMPARE((*seedPrices)[size_t(plan)][size_t(seedCurrency)][size_t(cycleIndex)], expected->minorUnits());
            }
        }
        // and the yearly Visible plan in pesos moved with it: RD$16,753 at 17 %, RD$20,184 at 0 %
        setPolicy(QStringLiteral("1700"));
        QCOMPARE(query(QStringLiteral("SELECT okla_cycle_price_minor(168200, 'yearly')")).toInt64(0, 0), 1675300);
        setPolicy(QStringLiteral("0"));
        QCOMPARE(query(QStringLiteral("SELECT okla_cycle_price_minor(168200, 'yearly')")).toInt64(0, 0), 2018400);
        setPolicy(QStringLiteral("1700"));
    }

    void onlyAValidPolicyPrices()
    {
        // when the policy is set to what is not a whole number of basis points in 0..10000
        for (const QString &bad : {QStringLiteral("10001"), QStringLiteral("-1"), QStringLiteral("1700.5"),
                                   QStringLiteral("\"17%\""), QStringLiteral("null")}) {
            auto refused = m_owner.exec(
                QStringLiteral("UPDATE billing_policies SET value = $1::jsonb WHERE key = 'yearly_discount_bp'"), {bad});
            // then the database refuses it
            QVERIFY2(!refused.ok(), qPrintable(bad));
            QCOMPARE(refused.error().code.section(u'.', -1), QStringLiteral("23514"));
        }
        QCOMPARE(configuredDiscount(), 1700);

        // when the policy row is gone, then nothing is priced with a silent default
        QVERIFY(m_owner.execScript(QStringLiteral("BEGIN; DELETE FROM billing_policies WHERE key = 'yearly_discount_bp'")).ok());
        auto missing = m_owner.exec(QStringLiteral("SELECT okla_cycle_price_minor(168200, 'yearly')"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code.section(u'.', -1), QStringLiteral("22023"));
        QVERIFY(m_owner.execScript(QStringLiteral("ROLLBACK")).ok());
        QCOMPARE(configuredDiscount(), 1700);
    }
};

QTEST_GUILESS_MAIN(TestCyclePrice)
#include "tst_cycleprice.moc"
