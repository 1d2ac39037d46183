#pragma once

#include <optional>
#include <span>

#include <QString>
#include <QStringView>

namespace okla::models {

/// The currencies OKLA bills in. To add one: a new enumerator plus one row in currency.cpp.
enum class Currency {
    DOP,
    USD,
};

/// Static facts about a currency; one row per enumerator.
struct CurrencyInfo
{
    Currency currency;
    const char *isoCode;  ///< ISO 4217, e.g. "DOP"
    const char *symbol;   ///< unambiguous display prefix, e.g. "RD$", "US$" (never a bare "$")
    int minorDigits;      ///< decimals of the minor unit (2 for cents); at most 4
};

std::span<const CurrencyInfo> allCurrencies();
const CurrencyInfo &currencyInfo(Currency currency);
QString isoCode(Currency currency);
QString currencySymbol(Currency currency);
int minorDigits(Currency currency);
/// 10^minorDigits: how many minor units make one whole unit.
qint64 minorPerUnit(Currency currency);
/// Case-insensitive ISO code look-up ("dop", "USD").
std::optional<Currency> currencyFromIsoCode(QStringView code);

} // namespace okla::models
