// Fuzzes the parsers of amounts, exchange rates and tax ids people type or files carry.
// Beyond "does not crash" (ASan/UBSan abort on memory errors and undefined behaviour), every
// accepted input must satisfy the round-trip invariants; a violation aborts, which libFuzzer
// reports like a crash, with the input saved under build/fuzz/artifacts/.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QLocale>
#include <QString>

#include "models/money.h"
#include "models/taxid.h"

using namespace okla::models;

namespace {

[[noreturn]] void fail(const char *what, const QString &input)
{
    std::fprintf(stderr, "invariant violated: %s for input \"%s\"\n", what, input.toUtf8().constData());
    std::abort();
}

void checkMoney(const QString &text, Currency currency, Money::ParseOptions options, const QLocale &locale)
{
    const Result<Money> parsed = Money::parse(text, currency, options, locale);
    if (!parsed.ok()) {
        if (parsed.error().code.isEmpty() || parsed.error().message.isEmpty())
            fail("error without code or message", text);
        return;
    }
    const Money &money = *parsed;
    if (money.currency() != currency)
        fail("currency changed", text);
    if (money.isNegative() && !options.allowNegative)
        fail("negative accepted", text);
    if (money.isZero() && !options.allowZero)
        fail("zero accepted", text);
    const Money::ParseOptions any{.allowNegative = true, .allowZero = true};
    const Result<Money> again = Money::parse(money.format(locale), currency, any, locale);
    if (!again.ok() || *again != money)
        fail("format/parse round trip", text);
    const Result<Money> decimal = Money::parse(money.toDecimalString(), currency, any);
    if (!decimal.ok() || *decimal != money)
        fail("toDecimalString/parse round trip", text);
}

void checkTaxId(const QString &text)
{
    const Result<TaxId> parsed = TaxId::parse(text);
    if (!parsed.ok())
        return;
    const qsizetype expected = parsed->kind() == TaxId::Kind::Rnc ? 9 : 11;
    if (parsed->digits().size() != expected)
        fail("tax id length", text);
    const Result<TaxId> again = TaxId::parse(parsed->display());
    if (!again.ok() || *again != *parsed)
        fail("tax id display round trip", text);
    const Result<TaxId> remade = TaxId::makeValid(parsed->kind(), parsed->digits().chopped(1));
    if (!remade.ok() || *remade != *parsed)
        fail("makeValid disagrees with parse", text);
}

void checkRate(const QString &text)
{
    const Result<ExchangeRate> rate = ExchangeRate::fromDecimalString(text);
    if (rate.ok() && (rate->numerator() <= 0 || rate->denominator() <= 0))
        fail("non-positive rate accepted", text);
    if (rate.ok())
        (void)Money::fromMinor(-12345, Currency::USD).convert(Currency::DOP, *rate);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return -1; // longer inputs teach nothing new and slow the run down
    static const std::array<QLocale, 4> locales{QLocale::c(), QLocale(QStringLiteral("es_DO")),
                                                QLocale(QStringLiteral("es_ES")), QLocale(QStringLiteral("fr_FR"))};
    // The first byte picks the variant, so the fuzzer can steer towards each combination.
    const uint8_t selector = size > 0 ? data[0] : 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data) + (size > 0 ? 1 : 0),
                                           static_cast<qsizetype>(size > 0 ? size - 1 : 0));
    const Currency currency = (selector & 1) ? Currency::USD : Currency::DOP;
    const Money::ParseOptions options{.allowNegative = (selector & 2) != 0, .allowZero = (selector & 4) != 0};
    const QLocale &locale = locales[(selector >> 3) % locales.size()];

    checkMoney(text, currency, options, locale);
    checkTaxId(text);
    checkRate(text);
    return 0;
}
