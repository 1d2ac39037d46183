#include "services/billing/renewalpolicy.h"

#include <optional>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QJsonValue>

#include "models/oklatr.h"
#include "services/database/pgconnection.h"

namespace okla::services {

namespace {

/// A whole, non-negative policy number (basis points, days); nullopt for anything else.
std::optional<int> wholeDays(const QJsonValue &value, int max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > max || number != static_cast<int>(number))
        return std::nullopt;
    return static_cast<int>(number);
}

models::Error badPolicy(const QString &key)
{
    return models::makeError(QStringLiteral("billing.renewal.bad_policy"),
                             Tr::tr("The billing policy %1 has a value the renewal run cannot use.").arg(key), key);
}

} // namespace

models::Result<RenewalPolicy> RenewalPolicy::load(PgConnection &connection)
{
    auto rows = connection.exec(QStringLiteral(
        "SELECT key, value::text FROM billing_policies WHERE key IN ('dunning_retry_days', 'dunning_suspend_day',"
        " 'dunning_cancel_day', 'itbis_rate_bp', 'renewal_notice_days')"));
    if (!rows)
        return rows.error();
    QHash<QString, QJsonValue> values;
    for (int row = 0; row < rows->rows(); ++row) {
        // a bare scalar is not a JSON document: wrap it in an array to parse it
        const QByteArray wrapped = '[' + rows->bytes(row, 1) + ']';
        values.insert(rows->text(row, 0), QJsonDocument::fromJson(wrapped).array().at(0));
    }
    RenewalPolicy policy;
    const QStringList dunningKeys{QStringLiteral("dunning_retry_days"), QStringLiteral("dunning_suspend_day"),
                                  QStringLiteral("dunning_cancel_day")};
    if (values.contains(dunningKeys[0]) || values.contains(dunningKeys[1]) || values.contains(dunningKeys[2])) {
        const models::DunningPolicy defaults = models::DunningPolicy::defaults();
        QJsonArray defaultRetries;
        for (int day : defaults.retryDays())
            defaultRetries.append(day);
        auto dunning = models::DunningPolicy::fromPolicyValues(
            values.value(dunningKeys[0], defaultRetries), values.value(dunningKeys[1], defaults.suspendDay()),
            values.value(dunningKeys[2], defaults.cancelDay()));
        if (!dunning)
            return dunning.error();
        policy.dunning = *dunning;
    }
    if (values.contains(QStringLiteral("itbis_rate_bp"))) {
        const auto itbis = wholeDays(values.value(QStringLiteral("itbis_rate_bp")), 10000);
        if (!itbis)
            return badPolicy(QStringLiteral("itbis_rate_bp"));
        policy.itbisBp = *itbis;
    }
    if (values.contains(QStringLiteral("renewal_notice_days"))) {
        const auto days = wholeDays(values.value(QStringLiteral("renewal_notice_days")), 366);
        if (!days)
            return badPolicy(QStringLiteral("renewal_notice_days"));
        policy.renewalNoticeDays = *days;
    }
    return policy;
}

} // namespace okla::services
