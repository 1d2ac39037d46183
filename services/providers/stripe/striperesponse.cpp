#include "services/providers/stripe/striperesponse.h"

#include <QJsonDocument>

#include "services/providers/stripe/stripeclient.h"

namespace okla::services::stripe {

namespace {

StripeResponse malformed(int status, QString why)
{
    StripeResponse r;
    r.kind = StripeResponse::Kind::Malformed;
    r.httpStatus = status;
    r.detail = std::move(why);
    return r;
}

QString stringOrEmpty(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

/// An integer that a double represents exactly; Stripe amounts are < 2^53.
std::optional<qint64> integerField(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= -9007199254740992.0 && d <= 9007199254740992.0) || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

models::Error bad(const QString &what)
{
    return models::makeError(QStringLiteral("stripe.response.malformed"),
                             okla::services::stripe::StripeOutcome::tr("Stripe's answer could not be understood."), what);
}

} // namespace

StripeResponse StripeResponseParser::parse(int httpStatus, const QByteArray &body, const QString &expectedObject)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(httpStatus, QStringLiteral("HTTP %1 with a body that is not a JSON object (%2 bytes)")
                                         .arg(httpStatus).arg(body.size()));
    const QJsonObject root = doc.object();
    const bool success = httpStatus >= 200 && httpStatus < 300;
    if (!success) {
        const QJsonValue errorValue = root.value(QLatin1String("error"));
        if (!errorValue.isObject())
            return malformed(httpStatus, QStringLiteral("HTTP %1 without a Stripe error object").arg(httpStatus));
        const QJsonObject e = errorValue.toObject();
        StripeResponse r;
        r.kind = StripeResponse::Kind::ApiError;
        r.httpStatus = httpStatus;
        r.error.httpStatus = httpStatus;
        r.error.type = stringOrEmpty(e, "type");
        r.error.code = stringOrEmpty(e, "code");
        r.error.declineCode = stringOrEmpty(e, "decline_code");
        r.error.param = stringOrEmpty(e, "param");
        r.error.message = stringOrEmpty(e, "message");
        r.error.docUrl = stringOrEmpty(e, "doc_url");
        r.error.charge = stringOrEmpty(e, "charge");
        r.error.paymentIntent = stringOrEmpty(e, "payment_intent");
        if (r.error.type.isEmpty())
            return malformed(httpStatus, QStringLiteral("HTTP %1: Stripe error without a type").arg(httpStatus));
        return r;
    }
    if (root.contains(QLatin1String("error")))
        return malformed(httpStatus, QStringLiteral("HTTP %1 with an error object").arg(httpStatus));
    if (!expectedObject.isEmpty() && stringOrEmpty(root, "object") != expectedObject)
        return malformed(httpStatus, QStringLiteral("expected a '%1' object, got '%2'")
                                         .arg(expectedObject, stringOrEmpty(root, "object").left(40)));
    StripeResponse r;
    r.kind = StripeResponse::Kind::Ok;
    r.httpStatus = httpStatus;
    r.object = root;
    return r;
}

models::Result<StripeRefund> StripeResponseParser::refund(const QJsonObject &o)
{
    StripeRefund r;
    r.id = stringOrEmpty(o, "id");
    if (!r.id.startsWith(QLatin1String("re_")) && !r.id.startsWith(QLatin1String("pyr_")))
        return bad(QStringLiteral("refund without a re_ id"));
    const auto amount = integerField(o, "amount");
    if (!amount || *amount < 0)
        return bad(QStringLiteral("refund %1 without an integer amount").arg(r.id));
    r.amount = *amount;
    r.currency = stringOrEmpty(o, "currency");
    if (r.currency.size() != 3)
        return bad(QStringLiteral("refund %1 without a currency").arg(r.id));
    r.status = stringOrEmpty(o, "status");
    static const QStringList statuses{QStringLiteral("pending"), QStringLiteral("requires_action"), QStringLiteral("succeeded"),
                                      QStringLiteral("failed"), QStringLiteral("canceled")};
    if (!statuses.contains(r.status))
        return bad(QStringLiteral("refund %1 with an unknown status").arg(r.id));
    // charge/payment_intent may be expanded objects.
    auto idOf = [&](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isObject() ? v.toObject().value(QLatin1String("id")).toString() : v.toString();
    };
    r.charge = idOf("charge");
    r.paymentIntent = idOf("payment_intent");
    r.reason = stringOrEmpty(o, "reason");
    r.failureReason = stringOrEmpty(o, "failure_reason");
    r.created = integerField(o, "created").value_or(0);
    const QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
        r.metadata.insert(it.key(), it.value().toString());
    return r;
}

models::Result<StripePage> StripeResponseParser::page(const QJsonObject &o)
{
    const QString object = stringOrEmpty(o, "object");
    if (object != QLatin1String("list") && object != QLatin1String("search_result"))
        return bad(QStringLiteral("not a list"));
    if (!o.value(QLatin1String("data")).isArray() || !o.value(QLatin1String("has_more")).isBool())
        return bad(QStringLiteral("list without data or has_more"));
    StripePage page;
    page.data = o.value(QLatin1String("data")).toArray();
    page.hasMore = o.value(QLatin1String("has_more")).toBool();
    page.nextPage = stringOrEmpty(o, "next_page");
    return page;
}

} // namespace okla::services::stripe
