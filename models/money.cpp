#include "money.h"

#include <limits>
#include <numeric>

namespace okla::models {

namespace {

using Int128 = __int128;

constexpr Int128 kInt64Min = std::numeric_limits<qint64>::min();
constexpr Int128 kInt64Max = std::numeric_limits<qint64>::max();
constexpr Int128 kInt128Max = static_cast<Int128>((static_cast<unsigned __int128>(1) << 127) - 1);

Error overflowError(const char *operation)
{
    return makeError(QStringLiteral("money.overflow"),
                     QCoreApplication::translate("okla", "The amount is too large to be represented."),
                     QString::fromLatin1(operation));
}

Error currencyMismatchError(Currency a, Currency b)
{
    return makeError(QStringLiteral("money.currency_mismatch"),
                     QCoreApplication::translate("okla", "Amounts in %1 and %2 cannot be combined.")
                         .arg(isoCode(a), isoCode(b)));
}

Int128 abs128(Int128 v)
{
    return v < 0 ? -v : v;
}

/// numerator / denominator rounded half away from zero; denominator > 0.
/// Why this rule: it is what people expect on receipts (2.5 -> 3, -2.5 -> -3) and it is
/// symmetric, so a refund of a discount rounds like the discount itself.
Int128 divideRounded(Int128 numerator, Int128 denominator)
{
    Q_ASSERT(denominator > 0);
    Int128 quotient = numerator / denominator;
    const Int128 remainder = abs128(numerator % denominator);
    if (remainder >= denominator - remainder) // 2*r >= d without overflowing
        quotient += numerator < 0 ? -1 : 1;
    return quotient;
}

Result<Money> fromWide(Int128 minor, Currency currency, const char *operation)
{
    if (minor < kInt64Min || minor > kInt64Max)
        return overflowError(operation);
    return Money::fromMinor(static_cast<qint64>(minor), currency);
}

Int128 pow10(int exponent)
{
    Int128 value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

/// The magnitude as plain digits with the currency's decimals: 123456 -> "1234.56".
/// Works on the unsigned magnitude so that INT64_MIN formats correctly.
void splitDigits(qint64 minor, int decimals, QString &integerPart, QString &fractionPart)
{
    const quint64 magnitude = minor < 0 ? quint64(0) - static_cast<quint64>(minor) : static_cast<quint64>(minor);
    QString digits = QString::number(magnitude);
    if (digits.size() <= decimals)
        digits = QString(decimals + 1 - digits.size(), u'0') + digits;
    integerPart = digits.left(digits.size() - decimals);
    fractionPart = digits.right(decimals);
}

} // namespace

Result<ExchangeRate> ExchangeRate::fromRational(qint64 numerator, qint64 denominator)
{
    if (numerator <= 0 || denominator <= 0) {
        return makeError(QStringLiteral("money.rate.not_positive"),
                         QCoreApplication::translate("okla", "An exchange rate must be greater than zero."),
                         QStringLiteral("%1/%2").arg(numerator).arg(denominator));
    }
    const qint64 divisor = std::gcd(numerator, denominator);
    return ExchangeRate(numerator / divisor, denominator / divisor);
}

Result<Money> Money::fromMajor(qint64 units, Currency currency)
{
    return fromWide(static_cast<Int128>(units) * minorPerUnit(currency), currency, "fromMajor");
}

QString Money::format(const QLocale &locale) const
{
    QString integerPart;
    QString fractionPart;
    splitDigits(m_minor, minorDigits(m_currency), integerPart, fractionPart);

    // Groups of three: what es_DO and en_US use. Qt 6.4 has no public API for other grouping
    // sizes; add it here if OKLA ever bills in a currency whose locale groups differently.
    const QString group = locale.groupSeparator();
    QString grouped;
    grouped.reserve(integerPart.size() * 2);
    for (qsizetype i = 0; i < integerPart.size(); ++i) {
        if (i > 0 && (integerPart.size() - i) % 3 == 0)
            grouped += group;
        grouped += integerPart.at(i);
    }

    QString text = m_minor < 0 ? locale.negativeSign() : QString();
    text += currencySymbol(m_currency) + grouped;
    if (!fractionPart.isEmpty())
        text += locale.decimalPoint() + fractionPart;
    return text;
}

QString Money::toDecimalString() const
{
    QString integerPart;
    QString fractionPart;
    splitDigits(m_minor, minorDigits(m_currency), integerPart, fractionPart);
    QString text = m_minor < 0 ? QStringLiteral("-") : QString();
    text += integerPart;
    if (!fractionPart.isEmpty())
        text += QLatin1Char('.') + fractionPart;
    return text;
}

Result<Money> Money::add(const Money &other) const
{
    if (other.m_currency != m_currency)
        return currencyMismatchError(m_currency, other.m_currency);
    return fromWide(static_cast<Int128>(m_minor) + other.m_minor, m_currency, "add");
}

Result<Money> Money::subtract(const Money &other) const
{
    if (other.m_currency != m_currency)
        return currencyMismatchError(m_currency, other.m_currency);
    return fromWide(static_cast<Int128>(m_minor) - other.m_minor, m_currency, "subtract");
}

Result<Money> Money::multiply(qint64 factor) const
{
    return fromWide(static_cast<Int128>(m_minor) * factor, m_currency, "multiply");
}

Result<Money> Money::negated() const
{
    return fromWide(-static_cast<Int128>(m_minor), m_currency, "negate");
}

Result<Money> Money::percentage(qint64 basisPoints) const
{
    return multiplyRational(basisPoints, 10000);
}

Result<Money> Money::multiplyRational(qint64 numerator, qint64 denominator) const
{
    if (denominator <= 0) {
        return makeError(QStringLiteral("money.invalid_denominator"),
                         QCoreApplication::translate("okla", "A ratio needs a denominator greater than zero."),
                         QString::number(denominator));
    }
    // |minor × numerator| < 2^126: always fits in 128 bits.
    return fromWide(divideRounded(static_cast<Int128>(m_minor) * numerator, denominator), m_currency,
                    "multiplyRational");
}

Result<Money> Money::convert(Currency target, const ExchangeRate &rate) const
{
    // target minor = minor × rate × 10^targetDigits / 10^sourceDigits, divided once at the end.
    const int shift = minorDigits(target) - minorDigits(m_currency);
    Int128 numerator = static_cast<Int128>(m_minor) * rate.numerator(); // < 2^126
    Int128 denominator = rate.denominator();                             // < 2^63
    if (shift > 0) {
        const Int128 scale = pow10(shift);
        if (abs128(numerator) > kInt128Max / scale)
            return overflowError("convert");
        numerator *= scale;
    } else if (shift < 0) {
        denominator *= pow10(-shift); // < 2^63 × 10^4: fits
    }
    return fromWide(divideRounded(numerator, denominator), target, "convert");
}

Result<int> Money::compare(const Money &other) const
{
    if (other.m_currency != m_currency)
        return currencyMismatchError(m_currency, other.m_currency);
    return m_minor < other.m_minor ? -1 : (m_minor > other.m_minor ? 1 : 0);
}

Result<Money> convert(const Money &amount, Currency target, const ExchangeRate &rate)
{
    return amount.convert(target, rate);
}

Result<Money> convert(const Money &amount, Currency target, QStringView decimalRate)
{
    const Result<ExchangeRate> rate = ExchangeRate::fromDecimalString(decimalRate);
    if (!rate)
        return rate.error();
    return amount.convert(target, *rate);
}

Result<Money> convert(const Money &amount, Currency target, qint64 rateNumerator, qint64 rateDenominator)
{
    const Result<ExchangeRate> rate = ExchangeRate::fromRational(rateNumerator, rateDenominator);
    if (!rate)
        return rate.error();
    return amount.convert(target, *rate);
}

} // namespace okla::models
