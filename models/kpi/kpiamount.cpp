#include "models/kpi/kpiamount.h"

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

std::optional<KpiAmount> KpiAmount::parse(QStringView text)
{
    const auto v = parseFixed(text, 4);
    if (!v)
        return std::nullopt;
    return fromScaled(*v);
}

qint64 KpiAmount::roundedMinor() const
{
    return qint64(divRound(m_scaled, kScale));
}

QString KpiAmount::toMinorString() const
{
    const qint64 magnitude = m_scaled < 0 ? -m_scaled : m_scaled;
    return (m_scaled < 0 ? QStringLiteral("-") : QString()) + QString::number(magnitude / kScale) + u'.'
           + QStringLiteral("%1").arg(magnitude % kScale, 4, 10, QLatin1Char('0'));
}

QString KpiAmount::format(Currency currency, bool withSign) const
{
    const QString text = Money::fromMinor(roundedMinor(), currency).format(QLocale());
    return withSign && m_scaled > 0 ? u'+' + text : text;
}

std::optional<KpiAmount> KpiAmount::dividedBy(qint64 count) const
{
    if (count == 0)
        return std::nullopt;
    return fromScaled(qint64(divRound(m_scaled, count)));
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

KpiAmount convert(KpiAmount amount, Currency from, Currency to, FxRate rate)
{
    if (from == to || !rate.isValid())
        return from == to ? amount : KpiAmount();
    if (from == Currency::USD) // USD -> DOP: x rate
        return KpiAmount::fromScaled(qint64(divRound(__int128(amount.scaled()) * rate.micros, 1000000)));
    return KpiAmount::fromScaled(qint64(divRound(__int128(amount.scaled()) * 1000000, rate.micros)));
}

KpiAmount toReporting(const NativeAmounts &amounts, Currency reporting, FxRate rate)
{
    return convert(amounts.dop, Currency::DOP, reporting, rate) + convert(amounts.usd, Currency::USD, reporting, rate);
}

std::optional<double> ratio(KpiAmount numerator, KpiAmount denominator)
{
    if (denominator.isZero())
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
