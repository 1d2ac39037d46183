#pragma once

#include <optional>

#include <QString>
#include <QStringView>

#include "models/currency.h"

namespace okla::models::kpi {

/// An exact KPI amount in minor units with 4 extra decimals (MRR of a yearly plan is a third of a
/// cent): int64 ten-thousandths of a minor unit, never a double. SQL numeric text in, text out.
class KpiAmount
{
public:
    static constexpr qint64 kScale = 10000;

    constexpr KpiAmount() = default;
    static constexpr KpiAmount fromScaled(qint64 scaled) { KpiAmount a; a.m_scaled = scaled; return a; }
    static constexpr KpiAmount fromMinor(qint64 minor) { return fromScaled(minor * kScale); }
    /// Parses PostgreSQL numeric text ("1680083.333333333333", "-5", "0.5"); extra decimals are
    /// rounded half away from zero. nullopt for anything else.
    static std::optional<KpiAmount> parse(QStringView text);

    qint64 scaled() const { return m_scaled; }
    /// Rounded to whole minor units (half away from zero): what a person sees.
    qint64 roundedMinor() const;
    bool isZero() const { return m_scaled == 0; }
    /// "1680083.3333" (minor units): for JSON and CSV.
    QString toMinorString() const;
    /// "RD$16,800.83": rounded, currency symbol, locale separators.
    QString format(Currency currency, bool withSign = false) const;

    KpiAmount operator+(KpiAmount o) const { return fromScaled(m_scaled + o.m_scaled); }
    KpiAmount operator-(KpiAmount o) const { return fromScaled(m_scaled - o.m_scaled); }
    KpiAmount operator-() const { return fromScaled(-m_scaled); }
    KpiAmount &operator+=(KpiAmount o) { m_scaled += o.m_scaled; return *this; }
    KpiAmount &operator-=(KpiAmount o) { m_scaled -= o.m_scaled; return *this; }
    bool operator==(const KpiAmount &) const = default;
    auto operator<=>(const KpiAmount &) const = default;
    KpiAmount abs() const { return fromScaled(m_scaled < 0 ? -m_scaled : m_scaled); }
    /// Divides by a dealer count (ARPA), rounded half away from zero; nullopt for 0.
    std::optional<KpiAmount> dividedBy(qint64 count) const;

private:
    qint64 m_scaled = 0;
};

/// A USD->DOP rate with 6 decimals (BCRD publishes 4): DOP per USD x 10^6.
struct FxRate
{
    qint64 micros = 0;
    bool stale = false; ///< the latest rate on or before the day is more than 5 days old
    static std::optional<FxRate> parse(QStringView text);
    bool isValid() const { return micros > 0; }
    QString toString() const; ///< "58.123400"
};

/// Amounts per native currency: minor units of two currencies are never added (docs/kpi.md §5).
struct NativeAmounts
{
    KpiAmount dop;
    KpiAmount usd;
    NativeAmounts operator+(const NativeAmounts &o) const { return {dop + o.dop, usd + o.usd}; }
    NativeAmounts operator-(const NativeAmounts &o) const { return {dop - o.dop, usd - o.usd}; }
    NativeAmounts &operator+=(const NativeAmounts &o) { dop += o.dop; usd += o.usd; return *this; }
    bool isZero() const { return dop.isZero() && usd.isZero(); }
    KpiAmount &in(Currency c) { return c == Currency::DOP ? dop : usd; }
    KpiAmount in(Currency c) const { return c == Currency::DOP ? dop : usd; }
};

/// Both native amounts in the reporting currency at one rate (USD figures = DOP / rate), exact to
/// the 4th decimal of a minor unit with __int128 intermediates.
KpiAmount toReporting(const NativeAmounts &amounts, Currency reporting, FxRate rate);
/// One amount from `from` into `to`.
KpiAmount convert(KpiAmount amount, Currency from, Currency to, FxRate rate);

/// numerator / denominator for display; nullopt when the denominator is 0 (shown as "—").
std::optional<double> ratio(KpiAmount numerator, KpiAmount denominator);
std::optional<double> ratio(qint64 numerator, qint64 denominator);

} // namespace okla::models::kpi
