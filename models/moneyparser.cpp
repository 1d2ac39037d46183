// Money::parse and ExchangeRate::fromDecimalString: strict text -> exact integer conversion.
// Kept apart from money.cpp because it is the part exposed to untrusted input (fuzzed).
#include "money.h"

#include <limits>

#include <QStringList>

namespace okla::models {

namespace {

using UInt128 = unsigned __int128;

constexpr UInt128 kMaxMagnitude = static_cast<UInt128>(std::numeric_limits<qint64>::max()) + 1; // |INT64_MIN|

Error parseError(const char *code, QString message, QStringView text)
{
    return makeError(QString::fromLatin1(code), std::move(message), text.toString());
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/// What the amount may contain, taken from the locale so that "handle whatever Qt says" holds:
/// Qt 6.4 gives es_DO '.' decimal and ',' group (same as en_US), es_ES ',' and '.', fr_FR a
/// narrow no-break space as group (people type a plain space, so accept that too).
struct Separators
{
    QString decimal;
    QStringList groups;
    QStringList minusSigns;
};

Separators separatorsFor(const QLocale &locale)
{
    Separators s;
    s.decimal = locale.decimalPoint();
    s.groups << locale.groupSeparator();
    if (locale.groupSeparator() == QStringView(u"\u00a0") || locale.groupSeparator() == QStringView(u"\u202f"))
        s.groups << QStringLiteral(" ");
    s.minusSigns << QStringLiteral("-") << QStringLiteral("\u2212");
    if (!s.minusSigns.contains(locale.negativeSign()))
        s.minusSigns << locale.negativeSign();
    return s;
}

qsizetype matchAny(QStringView text, qsizetype at, const QStringList &candidates)
{
    for (const QString &candidate : candidates) {
        if (!candidate.isEmpty() && text.mid(at).startsWith(candidate))
            return candidate.size();
    }
    return 0;
}

bool takeSign(QStringView &text, const Separators &separators)
{
    const qsizetype length = matchAny(text, 0, separators.minusSigns);
    if (length == 0)
        return false;
    text = text.mid(length).trimmed();
    return true;
}

/// Strips "RD$", "US$", "DOP", "USD" or a bare "$". A prefix of another currency is an error
/// rather than ignored: "US$100" typed into a peso field must not become RD$100.
std::optional<Error> takeCurrencyPrefix(QStringView &text, Currency currency, QStringView original)
{
    for (const CurrencyInfo &info : allCurrencies()) {
        for (const char *prefix : {info.symbol, info.isoCode}) {
            const QLatin1StringView p(prefix);
            if (!text.startsWith(p, Qt::CaseInsensitive))
                continue;
            if (info.currency != currency) {
                return parseError("money.parse.currency_mismatch",
                                  QCoreApplication::translate("okla", "The amount is in %1 but %2 is expected.")
                                      .arg(QLatin1StringView(info.isoCode), isoCode(currency)),
                                  original);
            }
            text = text.mid(p.size()).trimmed();
            return std::nullopt;
        }
    }
    if (text.startsWith(u'$'))
        text = text.mid(1).trimmed();
    return std::nullopt;
}

} // namespace

Result<Money> Money::parse(QStringView text, Currency currency, ParseOptions options)
{
    return parse(text, currency, options, QLocale::c());
}

Result<Money> Money::parse(QStringView original, Currency currency, ParseOptions options, const QLocale &locale)
{
    const Separators separators = separatorsFor(locale);
    QStringView s = original.trimmed();
    if (s.isEmpty())
        return parseError("money.parse.empty", QCoreApplication::translate("okla", "Enter an amount."), original);

    bool negative = takeSign(s, separators);
    if (auto error = takeCurrencyPrefix(s, currency, original))
        return *error;
    if (!negative)
        negative = takeSign(s, separators); // "RD$-5.00" as well as "-RD$5.00"
    if (s.isEmpty())
        return parseError("money.parse.no_digits", QCoreApplication::translate("okla", "The amount has no digits."), original);

    QString integerDigits;
    QString fractionDigits;
    bool seenPoint = false;
    QList<qsizetype> groupSizes; // digits between group separators, when any are used
    qsizetype currentGroup = 0;

    for (qsizetype i = 0; i < s.size();) {
        const QChar c = s.at(i);
        if (isAsciiDigit(c)) {
            (seenPoint ? fractionDigits : integerDigits) += c;
            ++currentGroup;
            ++i;
        } else if (!separators.decimal.isEmpty() && s.mid(i).startsWith(separators.decimal)) {
            if (seenPoint) {
                return parseError("money.parse.multiple_decimal_points",
                                  QCoreApplication::translate("okla", "The amount has more than one decimal point."), original);
            }
            seenPoint = true;
            if (!groupSizes.isEmpty())
                groupSizes << currentGroup; // close the last integer group
            i += separators.decimal.size();
        } else if (const qsizetype length = matchAny(s, i, separators.groups)) {
            if (seenPoint || currentGroup == 0) {
                return parseError("money.parse.group_separator",
                                  QCoreApplication::translate("okla", "A thousands separator is misplaced; write e.g. 1,234.50 or 1234.50."), original);
            }
            groupSizes << currentGroup;
            currentGroup = 0;
            i += length;
        } else if ((c == u'e' || c == u'E') && i > 0 && isAsciiDigit(s.at(i - 1))) {
            return parseError("money.parse.exponent",
                              QCoreApplication::translate("okla", "Scientific notation is not accepted; write the amount in full."), original);
        } else {
            return parseError("money.parse.invalid_character",
                              QCoreApplication::translate("okla", "The amount contains an invalid character: \"%1\".").arg(c), original);
        }
    }

    if (!groupSizes.isEmpty()) {
        if (!seenPoint)
            groupSizes << currentGroup;
        bool valid = groupSizes.first() >= 1 && groupSizes.first() <= 3;
        for (qsizetype i = 1; i < groupSizes.size(); ++i)
            valid = valid && groupSizes.at(i) == 3;
        if (!valid) {
            return parseError("money.parse.group_separator",
                              QCoreApplication::translate("okla", "A thousands separator is misplaced; write e.g. 1,234.50 or 1234.50."), original);
        }
    }
    if (integerDigits.isEmpty() || (seenPoint && fractionDigits.isEmpty())) {
        return parseError("money.parse.malformed",
                          QCoreApplication::translate("okla", "Write digits on both sides of the decimal point, e.g. 0.50."), original);
    }
    const int decimals = minorDigits(currency);
    if (fractionDigits.size() > decimals) {
        return parseError("money.parse.too_many_decimals",
                          QCoreApplication::translate("okla", "The amount has too many decimals: %1 allows at most %2.")
                              .arg(isoCode(currency))
                              .arg(decimals),
                          original);
    }
    if (negative && !options.allowNegative)
        return parseError("money.parse.negative", QCoreApplication::translate("okla", "The amount cannot be negative."), original);

    // Exact accumulation in 128 bits; stop as soon as the magnitude leaves int64's range so
    // that a thousand-digit input costs nothing.
    const qsizetype padding = decimals - fractionDigits.size();
    const QString allDigits = integerDigits + fractionDigits + QString(padding, u'0');
    const UInt128 limit = negative ? kMaxMagnitude : kMaxMagnitude - 1;
    UInt128 magnitude = 0;
    for (QChar digit : allDigits) {
        magnitude = magnitude * 10 + static_cast<unsigned>(digit.unicode() - u'0');
        if (magnitude > limit)
            return parseError("money.parse.overflow", QCoreApplication::translate("okla", "The amount is too large."), original);
    }
    if (magnitude == 0 && !options.allowZero)
        return parseError("money.parse.zero", QCoreApplication::translate("okla", "The amount must be greater than zero."), original);

    const qint64 minor = negative ? static_cast<qint64>(UInt128(0) - magnitude) : static_cast<qint64>(magnitude);
    return Money::fromMinor(minor, currency);
}

Result<ExchangeRate> ExchangeRate::fromDecimalString(QStringView original)
{
    const QStringView s = original.trimmed();
    const auto invalid = [&] {
        return makeError(QStringLiteral("money.rate.invalid"),
                         QCoreApplication::translate("okla", "An exchange rate is written with digits and an optional decimal point, e.g. 58.25."),
                         original.toString());
    };
    qint64 numerator = 0;
    qint64 denominator = 1;
    bool seenPoint = false;
    int significant = 0;
    for (QChar c : s) {
        if (c == u'.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (!isAsciiDigit(c))
            return invalid();
        // 18 digits keep both numerator and denominator (10^18) inside int64.
        if (numerator > 0 || c != u'0')
            ++significant;
        if (significant > 18 || (seenPoint && denominator >= 1000000000000000000LL)) {
            return makeError(QStringLiteral("money.rate.too_precise"),
                             QCoreApplication::translate("okla", "An exchange rate may have at most 18 significant digits."), original.toString());
        }
        numerator = numerator * 10 + (c.unicode() - u'0');
        if (seenPoint)
            denominator *= 10;
    }
    if (s.isEmpty() || s.startsWith(u'.') || s.endsWith(u'.'))
        return invalid();
    return fromRational(numerator, denominator);
}

} // namespace okla::models
