// Property tests for Money (RapidCheck), driven from Qt Test slots: rc::check returns false on
// a counterexample (after shrinking it and printing it with the seed to reproduce it), and
// QVERIFY turns that into a failed test. Reproduce with RC_PARAMS="seed=<seed>".
#include <limits>

#include <rapidcheck.h>

#include <QLocale>
#include <QTest>

#include "models/money.h"

using okla::models::Currency;
using okla::models::Money;

namespace {

rc::Gen<Currency> genCurrency()
{
    return rc::gen::element(Currency::DOP, Currency::USD);
}

/// Mostly ordinary amounts, but with int64's edges and zero well represented.
rc::Gen<qint64> genMinor()
{
    return rc::gen::weightedOneOf<qint64>({
        {4, rc::gen::inRange<qint64>(-100000000, 100000000)},
        {4, rc::gen::arbitrary<qint64>()},
        {1, rc::gen::element(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min() + 1, qint64(-1),
                             qint64(0), qint64(1), std::numeric_limits<qint64>::max() - 1,
                             std::numeric_limits<qint64>::max())},
    });
}

rc::Gen<Money> genMoney()
{
    return rc::gen::apply([](qint64 minor, Currency currency) { return Money::fromMinor(minor, currency); },
                          genMinor(), genCurrency());
}

} // namespace

namespace rc {
template<>
struct Arbitrary<Currency>
{
    static Gen<Currency> arbitrary() { return genCurrency(); }
};

template<>
struct Arbitrary<Money>
{
    static Gen<Money> arbitrary() { return genMoney(); }
};
} // namespace rc

class TestMoneyProperties : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void formatThenParseRoundTrips_data();
    void formatThenParseRoundTrips();
    void decimalStringRoundTrips();
    void addThenSubtractIsIdentity();
    void addIsCommutativeAndOverflowIsSymmetric();
    void percentageIsBoundedByExactValue();
};

void TestMoneyProperties::initTestCase()
{
    // 100 cases per property is RapidCheck's default; the properties are cheap, so run more.
    // RC_PARAMS set by a person (e.g. to replay a seed) wins.
    if (!qEnvironmentVariableIsSet("RC_PARAMS"))
        qputenv("RC_PARAMS", "max_success=2000");
}

void TestMoneyProperties::formatThenParseRoundTrips_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("es_DO") << "es_DO";
    QTest::newRow("en_US") << "en_US";
    QTest::newRow("es_ES") << "es_ES";
}

void TestMoneyProperties::formatThenParseRoundTrips()
{
    QFETCH(QString, locale);
    const QLocale qlocale(locale);
    QVERIFY(rc::check("parse(format(m, locale), locale) == m", [&qlocale](const Money &money) {
        const QString text = money.format(qlocale);
        const auto parsed = Money::parse(text, money.currency(), {.allowNegative = true}, qlocale);
        RC_ASSERT(parsed.ok());
        RC_ASSERT(*parsed == money);
    }));
}

void TestMoneyProperties::decimalStringRoundTrips()
{
    QVERIFY(rc::check("parse(toDecimalString(m)) == m", [](const Money &money) {
        const auto parsed = Money::parse(money.toDecimalString(), money.currency(), {.allowNegative = true});
        RC_ASSERT(parsed.ok());
        RC_ASSERT(*parsed == money);
    }));
}

void TestMoneyProperties::addThenSubtractIsIdentity()
{
    QVERIFY(rc::check("(a + b) - b == a whenever a + b fits", [](qint64 a, qint64 b, Currency currency) {
        const Money x = Money::fromMinor(a, currency);
        const Money y = Money::fromMinor(b, currency);
        const auto sum = x.add(y);
        const bool fits = static_cast<__int128>(a) + b >= std::numeric_limits<qint64>::min()
                          && static_cast<__int128>(a) + b <= std::numeric_limits<qint64>::max();
        RC_ASSERT(sum.ok() == fits); // overflow is reported exactly when it happens
        if (fits) {
            const auto back = sum->subtract(y);
            RC_ASSERT(back.ok());
            RC_ASSERT(*back == x);
        }
    }));
}

void TestMoneyProperties::addIsCommutativeAndOverflowIsSymmetric()
{
    QVERIFY(rc::check("a + b == b + a", [](qint64 a, qint64 b) {
        const auto ab = Money::fromMinor(a, Currency::DOP).add(Money::fromMinor(b, Currency::DOP));
        const auto ba = Money::fromMinor(b, Currency::DOP).add(Money::fromMinor(a, Currency::DOP));
        RC_ASSERT(ab.ok() == ba.ok());
        if (ab.ok())
            RC_ASSERT(*ab == *ba);
    }));
}

void TestMoneyProperties::percentageIsBoundedByExactValue()
{
    QVERIFY(rc::check("|round(m × bp / 10000) − m × bp / 10000| ≤ 1/2", [](qint64 minor) {
        const qint64 bp = *rc::gen::inRange<qint64>(-20000, 20001);
        const auto result = Money::fromMinor(minor, Currency::USD).percentage(bp);
        const __int128 exact = static_cast<__int128>(minor) * bp; // value × 10000
        if (!result.ok())
            return; // overflow, covered by the unit tests
        const __int128 error = static_cast<__int128>(result->minorUnits()) * 10000 - exact;
        RC_ASSERT(error <= 5000 && error >= -5000);
    }));
}

QTEST_GUILESS_MAIN(TestMoneyProperties)
#include "tst_money_properties.moc"
