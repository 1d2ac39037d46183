#pragma once

#include <compare>

#include <QLocale>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include "models/currency.h"
#include "models/result.h"

namespace okla::models {

/// An exact rate "1 unit of the source currency = numerator/denominator units of the target".
/// Built from a decimal string ("58.25") or a rational; always positive and reduced.
class ExchangeRate
{
public:
    static Result<ExchangeRate> fromRational(qint64 numerator, qint64 denominator);
    /// Plain decimal digits with an optional '.' fraction (C locale, no grouping, no sign).
    static Result<ExchangeRate> fromDecimalString(QStringView text);

    qint64 numerator() const { return m_numerator; }
    qint64 denominator() const { return m_denominator; }

private:
    ExchangeRate(qint64 numerator, qint64 denominator) : m_numerator(numerator), m_denominator(denominator) {}
    qint64 m_numerator;
    qint64 m_denominator;
};

/// What Money::parse accepts besides a plain positive amount. (A namespace-level struct, not a
/// nested one, because GCC cannot use a nested struct's member initialisers in a default argument
/// of its enclosing class.)
struct MoneyParseOptions
{
    bool allowNegative = false; ///< a refund or price is never negative; adjustments may be
    bool allowZero = true;      ///< a refund of zero is meaningless: such callers pass false
};

/// An amount of money: int64 minor units (cents) + currency. Never a double (docs/money.md §1).
///
/// Every operation that can overflow or mix currencies returns a Result.
/// Comparison: operator== / != are defined for any pair (different currencies are simply not
/// equal). The ordering operators (<, <=, >, >=) are only meaningful for the SAME currency:
/// comparing different currencies asserts in debug builds; release builds order by currency
/// first so that sorting stays a strict weak order. Use compare() to get a checked answer.
class Money
{
public:
    using ParseOptions = MoneyParseOptions;

    /// Zero DOP: exists for containers and QVariant; prefer Money::zero(currency).
    Money() = default;
    static Money fromMinor(qint64 minorUnits, Currency currency) { return Money(minorUnits, currency); }
    static Money zero(Currency currency) { return Money(0, currency); }
    /// Whole currency units (e.g. 1682 pesos); fails on overflow.
    static Result<Money> fromMajor(qint64 units, Currency currency);

    /// Strict parsing of what a person types or a file holds: "1,234.50", "1234.5", " RD$1,234 ".
    /// Uses '.' as decimal point and ',' as group separator.
    static Result<Money> parse(QStringView text, Currency currency, ParseOptions options = {});
    /// Same, with the decimal point, group separator and minus sign of @p locale.
    static Result<Money> parse(QStringView text, Currency currency, ParseOptions options, const QLocale &locale);

    qint64 minorUnits() const { return m_minor; }
    Currency currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    /// "RD$1,234.50", "-US$0.05": the currency's own symbol and the locale's separators.
    QString format(const QLocale &locale) const;
    /// "1234.50", "-0.05": for CSV, JSON and SQL numeric. Parses back with parse().
    QString toDecimalString() const;

    Result<Money> add(const Money &other) const;
    Result<Money> subtract(const Money &other) const;
    Result<Money> multiply(qint64 factor) const;
    Result<Money> negated() const;
    /// amount × basisPoints / 10000, rounded half away from zero (1 bp = 0.01 %).
    Result<Money> percentage(qint64 basisPoints) const;
    /// amount × numerator / denominator, rounded half away from zero (denominator > 0).
    Result<Money> multiplyRational(qint64 numerator, qint64 denominator) const;
    /// Converts to @p target at @p rate, rounded half away from zero to the target's minor unit.
    Result<Money> convert(Currency target, const ExchangeRate &rate) const;
    /// -1, 0 or 1; an error when the currencies differ.
    Result<int> compare(const Money &other) const;

    friend bool operator==(const Money &a, const Money &b)
    {
        return a.m_currency == b.m_currency && a.m_minor == b.m_minor;
    }
    friend std::strong_ordering operator<=>(const Money &a, const Money &b)
    {
        Q_ASSERT_X(a.m_currency == b.m_currency, "Money::operator<=>", "ordering needs one currency");
        if (a.m_currency != b.m_currency)
            return a.m_currency <=> b.m_currency;
        return a.m_minor <=> b.m_minor;
    }

private:
    Money(qint64 minor, Currency currency) : m_minor(minor), m_currency(currency) {}

    qint64 m_minor = 0;
    Currency m_currency = Currency::DOP;
};

/// Free-function form of Money::convert, for call sites that read better that way.
Result<Money> convert(const Money &amount, Currency target, const ExchangeRate &rate);
Result<Money> convert(const Money &amount, Currency target, QStringView decimalRate);
Result<Money> convert(const Money &amount, Currency target, qint64 rateNumerator, qint64 rateDenominator);

} // namespace okla::models

Q_DECLARE_METATYPE(okla::models::Money)
