#include "services/webhooks/stripeobjectsource.h"

#include <QJsonArray>

#include "services/providers/stripe/stripeclient.h"

namespace okla::services {

using models::Result;

Result<QJsonObject> StripeObjectSource::retrieve(const QString &collection, const QString &object, const QString &id)
{
    QFuture<stripe::StripeOutcome> sent = m_client.send(stripe::StripeClient::retrieve(collection, id, object));
    sent.waitForFinished();
    const stripe::StripeOutcome outcome = sent.result();
    if (!outcome.ok())
        return outcome.toError();
    return outcome.object();
}

Result<QList<QJsonObject>> StripeObjectSource::refundsOfCharge(const QString &chargeId)
{
    stripe::StripeListParams params;
    params.limit = 100;
    params.filters = {{QStringLiteral("charge"), chargeId}};
    QFuture<stripe::StripeOutcome> sent = m_client.listRefunds(params);
    sent.waitForFinished();
    const stripe::StripeOutcome outcome = sent.result();
    if (!outcome.ok())
        return outcome.toError();
    QList<QJsonObject> refunds;
    for (const QJsonValue &refund : outcome.object().value(QStringLiteral("data")).toArray())
        refunds.append(refund.toObject());
    return refunds;
}

} // namespace okla::services
