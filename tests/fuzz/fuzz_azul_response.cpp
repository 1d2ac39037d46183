// Fuzzes the AZUL response classifier with arbitrary bodies and statuses. Beyond "no crash":
// an "approved" must be backed by a JSON object that says ISO8583 / IsoCode 00 with a numeric
// AzulOrderId (or a DataVault token), and an incomplete answer is always ambiguous.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QJsonDocument>
#include <QJsonObject>

#include "services/providers/azul/azulresponse.h"

using namespace okla::services::azul;

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
}

QString field(const QJsonObject &o, const char *key)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().compare(QLatin1String(key), Qt::CaseInsensitive) == 0)
            return it.value().toString();
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int status = 100 + data[0] * 2; // 100..610
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const AzulOperation ops[] = {AzulOperation::Sale, AzulOperation::Refund, AzulOperation::VerifyPayment,
                                 AzulOperation::DataVaultCreate, AzulOperation::Void};
    for (AzulOperation op : ops) {
        const AzulResult r = AzulResponseParser::classify(op, true, status, body);
        if (r.outcome == AzulResult::Outcome::Approved) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (!doc.isObject())
                fail("approved without a JSON object");
            const QJsonObject o = doc.object();
            if (field(o, "IsoCode") != QLatin1String("00"))
                fail("approved without IsoCode 00");
            if (op == AzulOperation::DataVaultCreate) {
                if (r.dataVaultToken.isEmpty())
                    fail("DataVault approval without a token");
            } else {
                if (field(o, "ResponseCode").compare(QLatin1String("ISO8583"), Qt::CaseInsensitive) != 0)
                    fail("approved without ResponseCode ISO8583");
                if (r.azulOrderId.isEmpty())
                    fail("approved without AzulOrderId");
                for (QChar c : r.azulOrderId) {
                    if (c < u'0' || c > u'9')
                        fail("approved with a non-numeric AzulOrderId");
                }
            }
            if (!r.toError().code.isEmpty())
                fail("approved with an error code");
        } else if (r.outcome != AzulResult::Outcome::NotFound && r.toError().code.isEmpty()) {
            fail("a non-approval without an error code");
        }
        if (r.outcome == AzulResult::Outcome::NotFound && op != AzulOperation::VerifyPayment)
            fail("NotFound outside VerifyPayment");
        if (AzulResponseParser::classify(op, false, status, body).outcome != AzulResult::Outcome::Ambiguous)
            fail("an incomplete answer that is not ambiguous");
    }
    return 0;
}
