// Fuzzes the Stripe-Signature header parser and verifier. Input: header line, '\n', raw body.
// Invariants: a verified header carries a v1 equal to the HMAC of t.body under the secret; any
// parsed v1 is a 32-byte digest; a header we sign ourselves for the body always verifies.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "services/providers/stripe/stripewebhookverifier.h"

using namespace okla::services::stripe;

namespace {
[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
}
const QByteArray kSecret = "whsec_test_secret";
constexpr qint64 kNow = 1700000100;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nl = input.indexOf('\n');
    const QByteArray header = nl < 0 ? input : input.left(nl);
    const QByteArray body = nl < 0 ? QByteArray() : input.mid(nl + 1);

    StripeWebhookVerifier verifier({kSecret}, [] { return kNow; });
    auto parsed = StripeWebhookVerifier::parseHeader(header);
    if (parsed.ok()) {
        if (parsed->timestamp < 0 || parsed->v1.isEmpty())
            fail("parsed header without timestamp or v1");
        for (const QByteArray &v : parsed->v1) {
            if (v.size() != 32)
                fail("v1 that is not a SHA-256 digest");
        }
    }
    if (verifier.verify(header, body).ok()) {
        if (!parsed.ok())
            fail("verified an unparsable header");
        const QByteArray expected = QByteArray::fromHex(StripeWebhookVerifier::sign(kSecret, parsed->timestamp, body));
        if (!parsed->v1.contains(expected))
            fail("verified without a matching v1");
        if (kNow - parsed->timestamp > StripeWebhookVerifier::DefaultToleranceSeconds)
            fail("verified a stale signature");
    }
    const QByteArray own = "t=" + QByteArray::number(kNow) + ",v1=" + StripeWebhookVerifier::sign(kSecret, kNow, body);
    if (!verifier.verify(own, body).ok())
        fail("our own signature does not verify");
    return 0;
}
