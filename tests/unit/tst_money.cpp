#include <limits>

#include <QLocale>
#include <QTest>

#include "models/money.h"

using okla::models::Currency;
using okla::models::ExchangeRate;
using okla::models::Money;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void parseHonoursOptions();
    void parseWithLocale_data();
    void parseWithLocale();
    void parseInt64Limits();
    void qtLocaleSeparatorsAreWhatTheParserAssumes();
    void format_data();
    void format();
    void toDecimalString_data();
    void toDecimalString();
    void addAndSubtract();
    void arithmeticOverflow_data();
    void arithmeticOverflow();
    void currencyMismatch();
    void percentageRoundsHalfAwayFromZero_data();
    void percentageRoundsHalfAwayFromZero();
    void comparison();
    void convert_data();
    void convert();
    void exchangeRateRejects_data();
    void exchangeRateRejects();
    void convertWithRational();
};

void TestMoney::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("currency");
    QTest::addColumn<qint64>("minor");

    const int dop = int(Currency::DOP);
    const int usd = int(Currency::USD);
    QTest::newRow("grouped") << "1,234.50" << dop << qint64(123450);
    QTest::newRow("one decimal") << "1234.5" << dop << qint64(123450);
    QTest::newRow("integer") << "1234" << dop << qint64(123400);
    QTest::newRow("trimmed") << " 1,234.50 " << dop << qint64(123450);
    QTest::newRow("RD$ prefix") << "RD$1,234.50" << dop << qint64(123450);
    QTest::newRow("RD$ prefix + space") << "RD$ 1,234.50" << dop << qint64(123450);
    QTest::newRow("US$ prefix") << "US$99" << usd << qint64(9900);
    QTest::newRow("bare $ takes the field's currency") << "$5.05" << usd << qint64(505);
    QTest::newRow("ISO code prefix") << "DOP 20,242" << dop << qint64(2024200);
    QTest::newRow("zero") << "0" << dop << qint64(0);
    QTest::newRow("cents only") << "0.01" << usd << qint64(1);
    QTest::newRow("millions") << "1,234,567.89" << dop << qint64(123456789);
    QTest::newRow("leading zeros") << "007.10" << dop << qint64(710);
}

void TestMoney::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(int, currency);
    QFETCH(qint64, minor);

    // when
    const auto result = Money::parse(text, Currency(currency));

    // then
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->minorUnits(), minor);
    QCOMPARE(result->currency(), Currency(currency));
}

void TestMoney::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << "" << "money.parse.empty";
    QTest::newRow("blank") << "   " << "money.parse.empty";
    QTest::newRow("letters") << "abc" << "money.parse.invalid_character";
    QTest::newRow("exponent") << "1e3" << "money.parse.exponent";
    QTest::newRow("exponent upper") << "1.5E2" << "money.parse.exponent";
    QTest::newRow("too many decimals") << "12.345" << "money.parse.too_many_decimals";
    QTest::newRow("negative") << "-5" << "money.parse.negative";
    QTest::newRow("negative after symbol") << "RD$-5" << "money.parse.negative";
    QTest::newRow("misplaced groups") << "1,23,4.00" << "money.parse.group_separator";
    QTest::newRow("group of two at end") << "1,23" << "money.parse.group_separator";
    QTest::newRow("leading group") << ",123" << "money.parse.group_separator";
    QTest::newRow("double group") << "1,,234" << "money.parse.group_separator";
    QTest::newRow("group in fraction") << "1.23,4" << "money.parse.group_separator";
    QTest::newRow("first group of four") << "1234,567" << "money.parse.group_separator";
    QTest::newRow("two points") << "1.2.3" << "money.parse.multiple_decimal_points";
    QTest::newRow("overflow") << "92,233,720,368,547,758.08" << "money.parse.overflow";
    QTest::newRow("huge") << QString(400, u'9') << "money.parse.overflow";
    QTest::newRow("other currency") << "US$5" << "money.parse.currency_mismatch";
    QTest::newRow("other ISO code") << "usd 5" << "money.parse.currency_mismatch";
    QTest::newRow("symbol only") << "RD$" << "money.parse.no_digits";
    QTest::newRow("trailing point") << "5." << "money.parse.malformed";
    QTest::newRow("leading point") << ".5" << "money.parse.malformed";
    QTest::newRow("inner space") << "1 234" << "money.parse.invalid_character";
    QTest::newRow("plus sign") << "+5" << "money.parse.invalid_character";
    QTest::newRow("arabic-indic digit") << QStringLiteral("\u0661") << "money.parse.invalid_character";
    QTest::newRow("nan") << "nan" << "money.parse.invalid_character";
}

void TestMoney::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, code);

    // when
    const auto result = Money::parse(text, Currency::DOP);

    // then
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? result->toDecimalString() : QString()));
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(result.error().detail, text);
}

void TestMoney::parseHonoursOptions()
{
    // given
    const Money::ParseOptions refund{.allowNegative = false, .allowZero = false};
    const Money::ParseOptions adjustment{.allowNegative = true, .allowZero = true};

    // when / then
    QCOMPARE(Money::parse(u"0.00", Currency::DOP, refund).error().code, QStringLiteral("money.parse.zero"));
    QCOMPARE(Money::parse(u"-5", Currency::DOP, adjustment)->minorUnits(), -500);
    QCOMPARE(Money::parse(u"-RD$1,234.50", Currency::DOP, adjustment)->minorUnits(), -123450);
    QCOMPARE(Money::parse(u"RD$-1,234.50", Currency::DOP, adjustment)->minorUnits(), -123450);
    QCOMPARE(Money::parse(u"- RD$ 7", Currency::DOP, adjustment)->minorUnits(), -700);
    QCOMPARE(Money::parse(u"--5", Currency::DOP, adjustment).error().code,
             QStringLiteral("money.parse.invalid_character"));
    QVERIFY(Money::parse(u"0", Currency::DOP, adjustment).ok());
}

void TestMoney::parseWithLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor"); // -1: rejected

    QTest::newRow("es_DO grouped") << "es_DO" << "RD$1,234.50" << qint64(123450);
    QTest::newRow("es_DO plain") << "es_DO" << "1234.5" << qint64(123450);
    QTest::newRow("es_DO european style rejected") << "es_DO" << "1.234,50" << qint64(-1);
    QTest::newRow("en_US grouped") << "en_US" << "1,234.50" << qint64(123450);
    QTest::newRow("es_ES comma decimal") << "es_ES" << "1.234,50" << qint64(123450);
    QTest::newRow("es_ES dot decimal rejected") << "es_ES" << "1,234.50" << qint64(-1);
    QTest::newRow("fr_FR typed space") << "fr_FR" << "1 234,50" << qint64(123450);
}

void TestMoney::parseWithLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(qint64, minor);

    // when
    const auto result = Money::parse(text, Currency::DOP, {}, QLocale(locale));

    // then
    if (minor < 0) {
        QVERIFY(!result.ok());
    } else {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->minorUnits(), minor);
    }
}

void TestMoney::parseInt64Limits()
{
    // given
    const Money::ParseOptions signedOptions{.allowNegative = true};

    // when
    const auto max = Money::parse(u"92,233,720,368,547,758.07", Currency::USD, signedOptions);
    const auto min = Money::parse(u"-92233720368547758.08", Currency::USD, signedOptions);
    const auto belowMin = Money::parse(u"-92233720368547758.09", Currency::USD, signedOptions);

    // then
    QCOMPARE(max->minorUnits(), std::numeric_limits<qint64>::max());
    QCOMPARE(min->minorUnits(), std::numeric_limits<qint64>::min());
    QCOMPARE(belowMin.error().code, QStringLiteral("money.parse.overflow"));
}

void TestMoney::qtLocaleSeparatorsAreWhatTheParserAssumes()
{
    // Qt 6.4's CLDR data gives es_DO '.' decimal and ',' grouping. If an update changes that,
    // the formatted strings below (and what staff type) change; this test says so loudly.
    const QLocale esDo(QStringLiteral("es_DO"));
    QCOMPARE(esDo.decimalPoint(), QStringLiteral("."));
    QCOMPARE(esDo.groupSeparator(), QStringLiteral(","));
}

void TestMoney::format_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<int>("currency");
    QTest::addColumn<QString>("expected");

    const int dop = int(Currency::DOP);
    const int usd = int(Currency::USD);
    QTest::newRow("es_DO DOP") << "es_DO" << qint64(123450) << dop << "RD$1,234.50";
    QTest::newRow("es_DO USD") << "es_DO" << qint64(123450) << usd << "US$1,234.50";
    QTest::newRow("en_US DOP") << "en_US" << qint64(123450) << dop << "RD$1,234.50";
    QTest::newRow("en_US USD") << "en_US" << qint64(123450) << usd << "US$1,234.50";
    QTest::newRow("es_ES swaps separators") << "es_ES" << qint64(123456789) << dop << "RD$1.234.567,89";
    QTest::newRow("zero") << "es_DO" << qint64(0) << dop << "RD$0.00";
    QTest::newRow("one cent") << "es_DO" << qint64(1) << dop << "RD$0.01";
    QTest::newRow("no grouping below 1000") << "es_DO" << qint64(99999) << dop << "RD$999.99";
    QTest::newRow("negative") << "es_DO" << qint64(-500) << dop << "-RD$5.00";
    QTest::newRow("int64 max") << "en_US" << std::numeric_limits<qint64>::max() << usd
                               << "US$92,233,720,368,547,758.07";
    QTest::newRow("int64 min") << "en_US" << std::numeric_limits<qint64>::min() << usd
                               << "-US$92,233,720,368,547,758.08";
}

void TestMoney::format()
{
    QFETCH(QString, locale);
    QFETCH(qint64, minor);
    QFETCH(int, currency);
    QFETCH(QString, expected);

    QCOMPARE(Money::fromMinor(minor, Currency(currency)).format(QLocale(locale)), expected);
}

void TestMoney::toDecimalString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << qint64(123450) << "1234.50";
    QTest::newRow("zero") << qint64(0) << "0.00";
    QTest::newRow("cents") << qint64(5) << "0.05";
    QTest::newRow("negative cents") << qint64(-5) << "-0.05";
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << "92233720368547758.07";
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-92233720368547758.08";
}

void TestMoney::toDecimalString()
{
    QFETCH(qint64, minor);
    QFETCH(QString, expected);

    // when
    const Money money = Money::fromMinor(minor, Currency::DOP);

    // then: it is what PostgreSQL numeric and CSV get, and it parses back to the same value
    QCOMPARE(money.toDecimalString(), expected);
    QCOMPARE(*Money::parse(expected, Currency::DOP, {.allowNegative = true}), money);
}

void TestMoney::addAndSubtract()
{
    // given
    const Money a = Money::fromMinor(123450, Currency::DOP);
    const Money b = Money::fromMinor(-50, Currency::DOP);

    // when / then
    QCOMPARE(a.add(b)->minorUnits(), 123400);
    QCOMPARE(a.subtract(b)->minorUnits(), 123500);
    QCOMPARE(a.multiply(3)->minorUnits(), 370350);
    QCOMPARE(a.multiply(-1)->minorUnits(), -123450);
    QCOMPARE(b.negated()->minorUnits(), 50);
    QCOMPARE(*Money::fromMajor(1682, Currency::DOP), Money::fromMinor(168200, Currency::DOP));
}

void TestMoney::arithmeticOverflow_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");

    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    QTest::newRow("max + 1") << "add" << max << qint64(1);
    QTest::newRow("min + -1") << "add" << min << qint64(-1);
    QTest::newRow("min - 1") << "subtract" << min << qint64(1);
    QTest::newRow("0 - min") << "subtract" << qint64(0) << min;
    QTest::newRow("max * 2") << "multiply" << max << qint64(2);
    QTest::newRow("min * -1") << "multiply" << min << qint64(-1);
    QTest::newRow("max * min") << "multiply" << max << min;
    QTest::newRow("-min") << "negate" << min << qint64(0);
    QTest::newRow("max at 100.01%") << "percentage" << max << qint64(10001);
    QTest::newRow("major units") << "fromMajor" << max / 10 << qint64(0);
}

void TestMoney::arithmeticOverflow()
{
    QFETCH(QString, operation);
    QFETCH(qint64, a);
    QFETCH(qint64, b);

    // given
    const Money x = Money::fromMinor(a, Currency::USD);
    const Money y = Money::fromMinor(b, Currency::USD);

    // when
    const okla::models::Result<Money> result = operation == u"add"        ? x.add(y)
                                               : operation == u"subtract" ? x.subtract(y)
                                               : operation == u"multiply" ? x.multiply(b)
                                               : operation == u"negate"   ? x.negated()
                                               : operation == u"percentage"
                                                   ? x.percentage(b)
                                                   : Money::fromMajor(a, Currency::USD);

    // then
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("money.overflow"));
}

void TestMoney::currencyMismatch()
{
    // given
    const Money pesos = Money::fromMinor(100, Currency::DOP);
    const Money dollars = Money::fromMinor(100, Currency::USD);

    // when / then
    QCOMPARE(pesos.add(dollars).error().code, QStringLiteral("money.currency_mismatch"));
    QCOMPARE(pesos.subtract(dollars).error().code, QStringLiteral("money.currency_mismatch"));
    QCOMPARE(pesos.compare(dollars).error().code, QStringLiteral("money.currency_mismatch"));
    QVERIFY(pesos != dollars);
}

void TestMoney::percentageRoundsHalfAwayFromZero_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("basisPoints");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("ITBIS 18% exact") << qint64(100000) << qint64(1800) << qint64(18000);
    QTest::newRow("2.5% of 0.50 = 1.25c -> 1") << qint64(50) << qint64(250) << qint64(1);
    QTest::newRow("half up: 5% of 0.50 = 2.5c -> 3") << qint64(50) << qint64(500) << qint64(3);
    QTest::newRow("half away: -2.5c -> -3") << qint64(-50) << qint64(500) << qint64(-3);
    QTest::newRow("below half: 2.49c -> 2") << qint64(249) << qint64(100) << qint64(2);
    QTest::newRow("25% early bird discount") << qint64(342200) << qint64(2500) << qint64(85550);
    QTest::newRow("negative rate") << qint64(1000) << qint64(-150) << qint64(-15);
    QTest::newRow("max at 100%") << std::numeric_limits<qint64>::max() << qint64(10000)
                                 << std::numeric_limits<qint64>::max();
    QTest::newRow("min at 50%") << std::numeric_limits<qint64>::min() << qint64(5000)
                                << std::numeric_limits<qint64>::min() / 2;
}

void TestMoney::percentageRoundsHalfAwayFromZero()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, basisPoints);
    QFETCH(qint64, expected);

    const auto result = Money::fromMinor(minor, Currency::DOP).percentage(basisPoints);
    QVERIFY(result.ok());
    QCOMPARE(result->minorUnits(), expected);
}

void TestMoney::comparison()
{
    // given
    const Money small = Money::fromMinor(100, Currency::DOP);
    const Money large = Money::fromMinor(200, Currency::DOP);

    // then
    QVERIFY(small < large);
    QVERIFY(large >= small);
    QVERIFY(small == Money::fromMinor(100, Currency::DOP));
    QCOMPARE(*small.compare(large), -1);
    QCOMPARE(*large.compare(small), 1);
    QCOMPARE(*small.compare(small), 0);
}

void TestMoney::convert_data()
{
    QTest::addColumn<qint64>("usdMinor");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<qint64>("dopMinor");

    QTest::newRow("catalog 29 x 58") << qint64(2900) << "58" << qint64(168200);
    QTest::newRow("decimal rate") << qint64(10000) << "58.25" << qint64(582500);
    QTest::newRow("rounding half away: 0.01 x 58.5 = 0.585") << qint64(1) << "58.5" << qint64(59);
    QTest::newRow("rounding down: 0.01 x 58.49") << qint64(1) << "58.49" << qint64(58);
    QTest::newRow("negative rounds away") << qint64(-1) << "58.5" << qint64(-59);
    QTest::newRow("long fraction is exact") << qint64(100) << "60.1234567890123456" << qint64(6012);
}

void TestMoney::convert()
{
    QFETCH(qint64, usdMinor);
    QFETCH(QString, rate);
    QFETCH(qint64, dopMinor);

    // when
    const auto result = okla::models::convert(Money::fromMinor(usdMinor, Currency::USD), Currency::DOP, rate);

    // then
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->currency(), Currency::DOP);
    QCOMPARE(result->minorUnits(), dopMinor);
}

void TestMoney::exchangeRateRejects_data()
{
    QTest::addColumn<QString>("rate");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << "" << "money.rate.invalid";
    QTest::newRow("exponent") << "5.8e1" << "money.rate.invalid";
    QTest::newRow("negative") << "-58" << "money.rate.invalid";
    QTest::newRow("zero") << "0.000" << "money.rate.not_positive";
    QTest::newRow("two points") << "58.2.5" << "money.rate.invalid";
    QTest::newRow("trailing point") << "58." << "money.rate.invalid";
    QTest::newRow("too precise") << "1234567890.1234567890" << "money.rate.too_precise";
    QTest::newRow("too many fraction digits") << "0.0000000000000000001" << "money.rate.too_precise";
}

void TestMoney::exchangeRateRejects()
{
    QFETCH(QString, rate);
    QFETCH(QString, code);

    const auto result = ExchangeRate::fromDecimalString(rate);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
}

void TestMoney::convertWithRational()
{
    // given
    const Money pesos = Money::fromMinor(168200, Currency::DOP);
    const Money max = Money::fromMinor(std::numeric_limits<qint64>::max(), Currency::USD);

    // when / then: DOP -> USD at 1/58 is exact, reduced rates behave the same
    QCOMPARE(*okla::models::convert(pesos, Currency::USD, 1, 58), Money::fromMinor(2900, Currency::USD));
    QCOMPARE(*okla::models::convert(pesos, Currency::USD, 2, 116), Money::fromMinor(2900, Currency::USD));
    QCOMPARE(ExchangeRate::fromRational(2, 116)->denominator(), 58);
    QCOMPARE(okla::models::convert(pesos, Currency::USD, 1, 0).error().code, QStringLiteral("money.rate.not_positive"));
    QCOMPARE(okla::models::convert(pesos, Currency::USD, -1, 58).error().code,
             QStringLiteral("money.rate.not_positive"));
    QCOMPARE(okla::models::convert(max, Currency::DOP, 58, 1).error().code, QStringLiteral("money.overflow"));
    QCOMPARE(okla::models::convert(max, Currency::DOP, 1, 1)->minorUnits(), std::numeric_limits<qint64>::max());
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
