#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include "models/result.h"

namespace okla::services::stripe {

/// `{error:{type, code, decline_code, param, message, …}}` with the HTTP status (docs/providers.md §12).
struct StripeApiError
{
    int httpStatus = 0;
    QString type;        ///< api_error, card_error, idempotency_error, invalid_request_error
    QString code;        ///< resource_missing, charge_already_refunded, lock_timeout…
    QString declineCode;
    QString param;
    QString message;     ///< Stripe's text (English); shown as detail, never branched on
    QString docUrl;
    QString charge;
    QString paymentIntent;
};

/// One parsed answer body. Pure QtCore; total over any input.
struct StripeResponse
{
    enum class Kind {
        Ok,        ///< 2xx with a JSON object of the expected `object` type
        ApiError,  ///< a Stripe error object (any non-2xx status)
        Malformed, ///< not JSON, not an object, wrong `object`, HTML from a proxy, 2xx without a body…
    };
    Kind kind = Kind::Malformed;
    int httpStatus = 0;
    QJsonObject object;
    StripeApiError error;
    QString detail; ///< why Malformed

    bool ok() const { return kind == Kind::Ok; }
};

/// A refund (docs/providers.md §14), validated field by field.
struct StripeRefund
{
    QString id;
    qint64 amount = 0;
    QString currency;
    QString charge;
    QString paymentIntent;
    QString status; ///< pending, requires_action, succeeded, failed, canceled
    QString reason;
    QString failureReason;
    qint64 created = 0;
    QMap<QString, QString> metadata;
};

/// A list or search page (docs/providers.md §13).
struct StripePage
{
    QJsonArray data;
    bool hasMore = false;
    QString nextPage; ///< search only
};

class StripeResponseParser
{
public:
    /// @p expectedObject: the `object` a 2xx must carry ("refund", "list", "search_result"…);
    /// empty = any JSON object (e.g. a deleted marker).
    static StripeResponse parse(int httpStatus, const QByteArray &body, const QString &expectedObject = {});

    static models::Result<StripeRefund> refund(const QJsonObject &object);
    static models::Result<StripePage> page(const QJsonObject &object);
};

} // namespace okla::services::stripe
