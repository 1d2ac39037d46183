#include "currency.h"

#include <array>

namespace okla::models {

namespace {
// Order must follow the enum: currencyInfo() indexes by value.
constexpr std::array<CurrencyInfo, 2> kCurrencies{{
    {Currency::DOP, "DOP", "RD$", 2},
    {Currency::USD, "USD", "US$", 2},
}};
} // namespace

std::span<const CurrencyInfo> allCurrencies()
{
    return kCurrencies;
}

const CurrencyInfo &currencyInfo(Currency currency)
{
    const auto index = static_cast<std::size_t>(currency);
    Q_ASSERT(index < kCurrencies.size() && kCurrencies[index].currency == currency);
    return kCurrencies[index];
}

QString isoCode(Currency currency)
{
    return QString::fromLatin1(currencyInfo(currency).isoCode);
}

QString currencySymbol(Currency currency)
{
    return QString::fromLatin1(currencyInfo(currency).symbol);
}

int minorDigits(Currency currency)
{
    return currencyInfo(currency).minorDigits;
}

qint64 minorPerUnit(Currency currency)
{
    qint64 factor = 1;
    for (int i = 0; i < minorDigits(currency); ++i)
        factor *= 10;
    return factor;
}

std::optional<Currency> currencyFromIsoCode(QStringView code)
{
    for (const CurrencyInfo &info : kCurrencies) {
        if (code.compare(QLatin1StringView(info.isoCode), Qt::CaseInsensitive) == 0)
            return info.currency;
    }
    return std::nullopt;
}

} // namespace okla::models
