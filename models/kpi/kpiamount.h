#pragma once

#include <optional>

#include <QString>
#include <QStringView>

#include "models/currency.h"
#include "models/result.h"

namespace okla::models::kpi {

/// A USD->DOP rate with 6 decimals (BCRD publishes 4): DOP per USD x 10^6.
struct FxRate
{
    qint64 micros = 0;
    bool stale = false; ///< the latest rate on or before the day is more than 5 days old
    static std::optional<FxRate> parse(QStringView text);
    bool isValid() const { return micros > 0; }
    QString toString() const; ///< "58.123400"
};

/// An exact KPI amount: int64 ten-thousandths of a minor unit in one currency, never a double.
///
/// Why not Money: KPI figures are sums of monthly recurring values, and a quarterly or yearly
/// price divided by 3 or 12 is not a whole number of cents (RD$16,753.00 a year is
/// RD$1,396.0833… a month). Rounding every subscription to Money's whole cents would drift by up
/// to half a cent per row, so KPI amounts keep 4 more decimals (the scale the snapshot SQL rounds
/// to) and are rounded once, for display. Everything else follows Money's rules: a currency on
/// every amount and every operation checked. Overflow and mixing currencies are errors with
/// Money's codes ("money.overflow", "money.currency_mismatch"), never a wrapped or mixed number.
///
/// Checked in two ways. add() and subtract() return a Result, like Money's. The operators (sums
/// over many rows) make the same checks and, on failure, give an *invalid* amount: it stays
/// invalid through any further arithmetic, formats as "—", and error() / checked() say why.
///
/// KpiAmount() is a zero without a currency yet: the start of a sum, which takes the currency
/// of the first amount added to it.
class KpiAmount
{
public:
    static constexpr qint64 kScale = 10000;

    constexpr KpiAmount() = default;
    static KpiAmount zero(Currency currency) { return fromScaled(0, currency); }
    static KpiAmount fromScaled(qint64 scaled, Currency currency);
    /// Whole minor units; invalid (overflow) beyond ±9.2 × 10^14 minor units.
    static KpiAmount fromMinor(qint64 minor, Currency currency);
    /// Parses PostgreSQL numeric text in minor units ("1680083.333333333333", "-5", "0.5"); extra
    /// decimals are rounded half away from zero. nullopt for anything else.
    static std::optional<KpiAmount> parse(QStringView text, Currency currency);
    /// The same without a currency, for a figure whose currency is only known where it is shown
    /// (a kpi_targets value, formatted with its unit). Such an amount only combines with other
    /// amounts without a currency; prefer the overload with a currency.
    static std::optional<KpiAmount> parse(QStringView text);
    /// An amount whose source text could not be read: invalid, never a silent zero.
    static KpiAmount unreadable(Currency currency);

    bool isValid() const { return m_fault == Fault::None; }
    /// Why the amount is invalid; a default Error while it is valid.
    Error error() const;
    /// The amount, or error() when it is invalid.
    Result<KpiAmount> checked() const;
    /// nullopt only for a KpiAmount() zero or a parse() without currency.
    std::optional<Currency> currency() const { return m_currency; }

    qint64 scaled() const { return m_scaled; }
    /// Rounded to whole minor units (half away from zero): what a person sees.
    qint64 roundedMinor() const;
    bool isZero() const { return isValid() && m_scaled == 0; }
    /// "1680083.3333" (minor units): for JSON and CSV; empty when invalid.
    QString toMinorString() const;
    /// "RD$16,800.83": rounded, currency symbol, locale separators. "—" when the amount is
    /// invalid or in another currency than @p currency (a bug, not a figure to show).
    QString format(Currency currency, bool withSign = false) const;

    Result<KpiAmount> add(const KpiAmount &other) const { return combine(other, false).checked(); }
    Result<KpiAmount> subtract(const KpiAmount &other) const { return combine(other, true).checked(); }

    KpiAmount operator+(const KpiAmount &o) const { return combine(o, false); }
    KpiAmount operator-(const KpiAmount &o) const { return combine(o, true); }
    KpiAmount operator-() const;
    KpiAmount &operator+=(const KpiAmount &o) { return *this = combine(o, false); }
    KpiAmount &operator-=(const KpiAmount &o) { return *this = combine(o, true); }
    bool operator==(const KpiAmount &) const = default;
    KpiAmount abs() const { return m_scaled < 0 ? -*this : *this; }
    /// Divides by a dealer count (ARPA), rounded half away from zero; nullopt for 0.
    std::optional<KpiAmount> dividedBy(qint64 count) const;

private:
    enum class Fault : quint8 { None, Overflow, CurrencyMismatch, Unreadable };
    friend KpiAmount convert(const KpiAmount &amount, Currency to, FxRate rate);
    friend KpiAmount convert(const KpiAmount &amount, Currency from, Currency to, FxRate rate);

    KpiAmount combine(const KpiAmount &other, bool subtract) const;
    static KpiAmount failed(Fault fault, std::optional<Currency> a, std::optional<Currency> b = std::nullopt);

    qint64 m_scaled = 0;
    std::optional<Currency> m_currency;
    Fault m_fault = Fault::None;
    std::optional<Currency> m_otherCurrency; ///< the second currency of a CurrencyMismatch
};

/// Amounts per native currency: minor units of two currencies are never added (docs/kpi.md §5).
struct NativeAmounts
{
    KpiAmount dop = KpiAmount::zero(Currency::DOP);
    KpiAmount usd = KpiAmount::zero(Currency::USD);
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
/// One amount into `to`, from its own currency. Without a valid rate only a same-currency
/// amount survives: another currency gives zero (the snapshot data always carries a rate).
KpiAmount convert(const KpiAmount &amount, Currency to, FxRate rate);
/// The same, stating the currency the amount is in: an amount in another one is a currency
/// mismatch (invalid result).
KpiAmount convert(const KpiAmount &amount, Currency from, Currency to, FxRate rate);

/// numerator / denominator for display; nullopt when the denominator is 0 (shown as "—"), when
/// either is invalid, or when they are in different currencies.
std::optional<double> ratio(const KpiAmount &numerator, const KpiAmount &denominator);
std::optional<double> ratio(qint64 numerator, qint64 denominator);

} // namespace okla::models::kpi
