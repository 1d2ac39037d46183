#include "models/kpi/kpiamount.h"

#include <limits>

#include <QCoreApplication>
#include <QLocale>

#include "models/money.h"

namespace okla::models::kpi {

namespace {

/// Rounds n / d half away from zero (d > 0).
__int128 divRound(__int128 n, __int128 d)
{
    const __int128 q = n / d;
    const __int128 r = n % d;
    if (r * 2 >= d)
        return q + 1;
    if (r * 2 <= -d)
        return q - 1;
    return q;
}

/// Parses "[-]digits[.digits]" into value x 10^scaleDigits, rounding extra decimals.
std::optional<qint64> parseFixed(QStringView text, int scaleDigits)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == u'-') {
        negative = true;
        text = text.mid(1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QStringView intPart = dot < 0 ? text : text.left(dot);
    const QStringView fracPart = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (intPart.isEmpty() && fracPart.isEmpty())
        return std::nullopt;
    __int128 value = 0;
    for (QChar c : intPart) {
        if (!c.isDigit())
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
        if (value > (__int128(1) << 100))
            return std::nullopt;
    }
    for (int i = 0; i < scaleDigits; ++i) {
        const int digit = i < fracPart.size() ? fracPart[i].unicode() - u'0' : 0;
        if (digit < 0 || digit > 9)
            return std::nullopt;
        value = value * 10 + digit;
    }
    if (fracPart.size() > scaleDigits) {
        for (QChar c : fracPart.mid(scaleDigits)) {
            if (!c.isDigit())
                return std::nullopt;
        }
        if (fracPart[scaleDigits].unicode() - u'0' >= 5)
            value += 1;
    }
    if (value > std::numeric_limits<qint64>::max())
        return std::nullopt;
    return negative ? -qint64(value) : qint64(value);
}

} // namespace

KpiAmount KpiAmount::fromScaled(qint64 scaled, Currency currency)
{
    KpiAmount a;
    a.m_scaled = scaled;
    a.m_currency = currency;
    return a;
}

KpiAmount KpiAmount::fromMinor(qint64 minor, Currency currency)
{
    qint64 scaled = 0;
    if (__builtin_mul_overflow(minor, kScale, &scaled))
        return failed(Fault::Overflow, currency);
    return fromScaled(scaled, currency);
}

std::optional<KpiAmount> KpiAmount::parse(QStringView text, Currency currency)
{
    const auto v = parseFixed(text, 4);
    if (!v)
        return std::nullopt;
    return fromScaled(*v, currency);
}

std::optional<KpiAmount> KpiAmount::parse(QStringView text)
{
    const auto v = parseFixed(text, 4);
    if (!v)
        return std::nullopt;
    KpiAmount a;
    a.m_scaled = *v;
    return a;
}

KpiAmount KpiAmount::unreadable(Currency currency)
{
    return failed(Fault::Unreadable, currency);
}

KpiAmount KpiAmount::failed(Fault fault, std::optional<Currency> a, std::optional<Currency> b)
{
    KpiAmount out;
    out.m_fault = fault;
    out.m_currency = a;
    out.m_otherCurrency = b;
    return out;
}

Error KpiAmount::error() const
{
    const auto name = [](std::optional<Currency> c) { return c ? isoCode(*c) : QStringLiteral("—"); };
    switch (m_fault) {
    case Fault::None:
        return {};
    case Fault::Overflow:
        return makeError(QStringLiteral("money.overflow"),
                         QCoreApplication::translate("okla", "The amount is too large to be represented."),
                         QStringLiteral("KpiAmount"));
    case Fault::CurrencyMismatch:
        return makeError(QStringLiteral("money.currency_mismatch"),
                         QCoreApplication::translate("okla", "Amounts in %1 and %2 cannot be combined.")
                             .arg(name(m_currency), name(m_otherCurrency)),
                         QStringLiteral("KpiAmount"));
    case Fault::Unreadable:
        return makeError(QStringLiteral("kpi.amount_unreadable"),
                         QCoreApplication::translate("okla", "A KPI amount from the database could not be read."),
                         name(m_currency));
    }
    return {};
}

Result<KpiAmount> KpiAmount::checked() const
{
    if (!isValid())
        return error();
    return *this;
}

KpiAmount KpiAmount::combine(const KpiAmount &other, bool subtract) const
{
    if (!isValid())
        return *this;
    if (!other.isValid())
        return other;
    // A zero without a currency (the start of a sum) takes the other's; otherwise both must agree.
    std::optional<Currency> currency = m_currency;
    if (m_currency != other.m_currency) {
        if (!m_currency && m_scaled == 0)
            currency = other.m_currency;
        else if (!(other.m_currency == std::nullopt && other.m_scaled == 0))
            return failed(Fault::CurrencyMismatch, m_currency, other.m_currency);
    }
    qint64 result = 0;
    const bool overflow = subtract ? __builtin_sub_overflow(m_scaled, other.m_scaled, &result)
                                   : __builtin_add_overflow(m_scaled, other.m_scaled, &result);
    if (overflow)
        return failed(Fault::Overflow, currency);
    KpiAmount out;
    out.m_scaled = result;
    out.m_currency = currency;
    return out;
}

KpiAmount KpiAmount::operator-() const
{
    if (!isValid())
        return *this;
    if (m_scaled == std::numeric_limits<qint64>::min())
        return failed(Fault::Overflow, m_currency);
    KpiAmount out = *this;
    out.m_scaled = -m_scaled;
    return out;
}

qint64 KpiAmount::roundedMinor() const
{
    return qint64(divRound(m_scaled, kScale));
}

QString KpiAmount::toMinorString() const
{
    if (!isValid())
        return {};
    // The magnitude as unsigned: -INT64_MIN does not fit in qint64.
    const quint64 magnitude = m_scaled < 0 ? quint64(0) - quint64(m_scaled) : quint64(m_scaled);
    return (m_scaled < 0 ? QStringLiteral("-") : QString()) + QString::number(magnitude / kScale) + u'.'
           + QStringLiteral("%1").arg(magnitude % kScale, 4, 10, QLatin1Char('0'));
}

QString KpiAmount::format(Currency currency, bool withSign) const
{
    if (!isValid() || (m_currency && *m_currency != currency))
        return QStringLiteral("—");
    const QString text = Money::fromMinor(roundedMinor(), currency).format(QLocale());
    return withSign && m_scaled > 0 ? u'+' + text : text;
}

std::optional<KpiAmount> KpiAmount::dividedBy(qint64 count) const
{
    if (count == 0)
        return std::nullopt;
    if (!isValid())
        return *this;
    if (count == -1 && m_scaled == std::numeric_limits<qint64>::min())
        return failed(Fault::Overflow, m_currency);
    KpiAmount out = *this;
    out.m_scaled = qint64(divRound(m_scaled, count));
    return out;
}

std::optional<FxRate> FxRate::parse(QStringView text)
{
    const auto v = parseFixed(text, 6);
    if (!v || *v <= 0)
        return std::nullopt;
    return FxRate{*v, false};
}

QString FxRate::toString() const
{
    return QString::number(micros / 1000000) + u'.' + QStringLiteral("%1").arg(micros % 1000000, 6, 10, QLatin1Char('0'));
}

KpiAmount convert(const KpiAmount &amount, Currency to, FxRate rate)
{
    if (!amount.isValid())
        return amount;
    if (!amount.m_currency) { // a zero without a currency converts to any; anything else has no known source
        if (amount.m_scaled == 0)
            return KpiAmount::zero(to);
        return KpiAmount::failed(KpiAmount::Fault::CurrencyMismatch, std::nullopt, to);
    }
    const Currency from = *amount.m_currency;
    if (from == to)
        return amount;
    if (!rate.isValid())
        return KpiAmount::zero(to);
    // __int128: |scaled| < 2^63 and micros < 2^40, so neither product overflows; the quotient may.
    const __int128 converted = from == Currency::USD ? divRound(__int128(amount.m_scaled) * rate.micros, 1000000)
                                                     : divRound(__int128(amount.m_scaled) * 1000000, rate.micros);
    if (converted > std::numeric_limits<qint64>::max() || converted < std::numeric_limits<qint64>::min())
        return KpiAmount::failed(KpiAmount::Fault::Overflow, to);
    return KpiAmount::fromScaled(qint64(converted), to);
}

KpiAmount convert(const KpiAmount &amount, Currency from, Currency to, FxRate rate)
{
    if (!amount.isValid())
        return amount;
    if (!amount.m_currency) // the caller knows the currency (a figure parsed without one)
        return convert(KpiAmount::fromScaled(amount.m_scaled, from), to, rate);
    if (*amount.m_currency != from)
        return KpiAmount::failed(KpiAmount::Fault::CurrencyMismatch, amount.m_currency, from);
    return convert(amount, to, rate);
}

KpiAmount toReporting(const NativeAmounts &amounts, Currency reporting, FxRate rate)
{
    return convert(amounts.dop, Currency::DOP, reporting, rate) + convert(amounts.usd, Currency::USD, reporting, rate);
}

std::optional<double> ratio(const KpiAmount &numerator, const KpiAmount &denominator)
{
    if (!numerator.isValid() || !denominator.isValid() || denominator.isZero())
        return std::nullopt;
    if (numerator.currency() && denominator.currency() && *numerator.currency() != *denominator.currency())
        return std::nullopt;
    return double(numerator.scaled()) / double(denominator.scaled());
}

std::optional<double> ratio(qint64 numerator, qint64 denominator)
{
    if (denominator == 0)
        return std::nullopt;
    return double(numerator) / double(denominator);
}

} // namespace okla::models::kpi
