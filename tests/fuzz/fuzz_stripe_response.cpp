// Fuzzes Stripe's response parsing (error objects, refunds, list pages) with arbitrary bodies.
// Invariants: Ok only on 2xx with the expected `object`; ApiError only on non-2xx with a type;
// a parsed refund has an re_/pyr_ id, a non-negative amount and a known status.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "services/providers/stripe/striperesponse.h"

using namespace okla::services::stripe;

namespace {
[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int status = 100 + data[0] * 2;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    for (const char *expected : {"refund", "list", ""}) {
        const StripeResponse r = StripeResponseParser::parse(status, body, QString::fromLatin1(expected));
        const bool success = status >= 200 && status < 300;
        switch (r.kind) {
        case StripeResponse::Kind::Ok:
            if (!success)
                fail("Ok on a non-2xx status");
            if (*expected && r.object.value(QLatin1String("object")).toString() != QLatin1String(expected))
                fail("Ok with another object type");
            break;
        case StripeResponse::Kind::ApiError:
            if (success || r.error.type.isEmpty())
                fail("ApiError on 2xx or without a type");
            break;
        case StripeResponse::Kind::Malformed:
            if (r.detail.isEmpty())
                fail("Malformed without a reason");
            break;
        }
        if (!r.ok())
            continue;
        if (auto refund = StripeResponseParser::refund(r.object); refund.ok()) {
            if (refund->amount < 0 || !(refund->id.startsWith(QLatin1String("re_")) || refund->id.startsWith(QLatin1String("pyr_"))))
                fail("refund accepted with a bad id or amount");
            if (refund->currency.size() != 3)
                fail("refund accepted without a currency");
        }
        if (auto page = StripeResponseParser::page(r.object); page.ok()) {
            const QString object = r.object.value(QLatin1String("object")).toString();
            if (object != QLatin1String("list") && object != QLatin1String("search_result"))
                fail("page accepted from a non-list");
        }
    }
    return 0;
}
