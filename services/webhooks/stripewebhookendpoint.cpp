#include "services/webhooks/stripewebhookendpoint.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

#include "services/database/pgconnection.h"
#include "services/webhooks/stripeeventapplier.h"
#include "services/webhooks/stripeobjectsource.h"

Q_LOGGING_CATEGORY(lcStripeWebhook, "okla.worker.webhooks.stripe")

namespace okla::services {

using models::Result;

struct StripeWebhookEndpoint::Fetched
{
    enum class Kind { Ignored, PaymentIntent, Refunds, Dispute, Subscription } kind = Kind::Ignored;
    QJsonObject object;       ///< the re-fetched PaymentIntent, dispute or subscription
    QList<QJsonObject> refunds;
};

namespace {

HttpResponse answer(int status, const QString &result)
{
    return HttpResponse::json(status, QJsonDocument(QJsonObject{{QStringLiteral("result"), result}}).toJson(QJsonDocument::Compact));
}

bool startsWithAny(const QString &type, std::initializer_list<const char *> prefixes)
{
    for (const char *prefix : prefixes)
        if (type.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

} // namespace

StripeWebhookEndpoint::StripeWebhookEndpoint(stripe::StripeWebhookVerifier verifier, StripeObjectSource &source,
                                             PgConnection &connection, StripeEventHandoff handoff)
    : m_verifier(std::move(verifier)), m_source(source), m_connection(connection), m_handoff(std::move(handoff))
{
}

HttpResponse StripeWebhookEndpoint::handle(const models::HttpRequest &request)
{
    // 1. Nothing is read before the signature over the raw bytes checks out (docs/providers.md §16).
    if (auto verified = m_verifier.verify(request.header("stripe-signature"), request.body); !verified) {
        qCInfo(lcStripeWebhook) << "refused:" << verified.error().code;
        return answer(400, verified.error().code);
    }
    QJsonParseError parseError{};
    const QJsonObject event = QJsonDocument::fromJson(request.body, &parseError).object();
    static const QRegularExpression eventIdShape(QStringLiteral("^evt_[A-Za-z0-9_]{1,250}$"));
    const QString eventId = event.value(QStringLiteral("id")).toString();
    const QString type = event.value(QStringLiteral("type")).toString();
    const QJsonObject object = event.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject();
    if (parseError.error != QJsonParseError::NoError || !eventIdShape.match(eventId).hasMatch() || type.isEmpty()
        || type.size() > 200)
        return answer(400, QStringLiteral("stripe.webhook.event"));

    // 2. A repeated delivery changes nothing.
    auto processed = alreadyProcessed(eventId);
    if (!processed)
        return answer(503, processed.error().code);
    if (processed.value())
        return answer(200, QStringLiteral("duplicate"));

    // 3. The object as it is now, fetched outside any transaction.
    auto fetched = fetch(type, object);
    if (!fetched) {
        qCWarning(lcStripeWebhook) << "event" << eventId << type << "not applied yet:" << fetched.error().code;
        return answer(503, fetched.error().code);
    }
    auto applied = applyAndRecord(eventId, type, object.value(QStringLiteral("id")).toString(), request.body, fetched.value());
    if (!applied)
        return answer(503, applied.error().code);

    // 4. After the commit, executors take over what is theirs.
    if (fetched->kind == Fetched::Kind::PaymentIntent && m_handoff.paymentIntentChanged)
        m_handoff.paymentIntentChanged(fetched->object);
    qCInfo(lcStripeWebhook) << "event" << eventId << type << "->" << applied.value();
    return answer(200, applied.value());
}

Result<bool> StripeWebhookEndpoint::alreadyProcessed(const QString &eventId)
{
    auto rows = m_connection.exec(QStringLiteral("SELECT processed_at IS NOT NULL FROM stripe_webhook_events WHERE event_id = $1"),
                                  {eventId});
    if (!rows)
        return rows.error();
    return rows->rows() > 0 && rows->text(0, 0) == QLatin1String("t");
}

Result<StripeWebhookEndpoint::Fetched> StripeWebhookEndpoint::fetch(const QString &type, const QJsonObject &object)
{
    Fetched fetched;
    const QString id = object.value(QStringLiteral("id")).toString();
    auto take = [&](Fetched::Kind kind, const QString &collection, const QString &name,
                    const QString &objectId) -> Result<Fetched> {
        auto current = m_source.retrieve(collection, name, objectId);
        if (!current)
            return current.error();
        fetched.kind = kind;
        fetched.object = current.value();
        return fetched;
    };
    if (type.startsWith(QLatin1String("payment_intent.")))
        return take(Fetched::Kind::PaymentIntent, QStringLiteral("payment_intents"), QStringLiteral("payment_intent"), id);
    if (type.startsWith(QLatin1String("charge.dispute.")))
        return take(Fetched::Kind::Dispute, QStringLiteral("disputes"), QStringLiteral("dispute"), id);
    if (type.startsWith(QLatin1String("customer.subscription.")))
        return take(Fetched::Kind::Subscription, QStringLiteral("subscriptions"), QStringLiteral("subscription"), id);
    if (type.startsWith(QLatin1String("invoice."))) {
        const QString subscription = object.value(QStringLiteral("subscription")).toString();
        if (subscription.isEmpty())
            return fetched; // a one-off invoice: nothing to compare
        return take(Fetched::Kind::Subscription, QStringLiteral("subscriptions"), QStringLiteral("subscription"), subscription);
    }
    if (type == QLatin1String("charge.refunded") || startsWithAny(type, {"refund.", "charge.refund."})) {
        const QString charge = type == QLatin1String("charge.refunded") ? id : object.value(QStringLiteral("charge")).toString();
        auto refunds = m_source.refundsOfCharge(charge);
        if (!refunds)
            return refunds.error();
        fetched.kind = Fetched::Kind::Refunds;
        fetched.refunds = refunds.value();
        return fetched;
    }
    return fetched; // recorded, nothing to do (customer.*, charge.succeeded…)
}

Result<QString> StripeWebhookEndpoint::applyAndRecord(const QString &eventId, const QString &type, const QString &objectId,
                                                      const QByteArray &body, const Fetched &fetched)
{
    if (auto begun = m_connection.execScript(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    auto fail = [this](const models::Error &error) -> Result<QString> {
        m_connection.rollbackAfterError();
        return error;
    };
    auto recorded = m_connection.exec(
        QStringLiteral("INSERT INTO stripe_webhook_events (event_id, type, object_id, payload_sha256) VALUES ($1, $2, $3, $4) "
                       "ON CONFLICT (event_id) DO NOTHING"),
        {eventId, type, objectId.left(255), QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex())});
    if (!recorded)
        return fail(recorded.error());
    // Two deliveries of one event at once: the row lock lets one apply it, the other sees it done.
    auto locked = m_connection.exec(QStringLiteral("SELECT processed_at IS NOT NULL FROM stripe_webhook_events "
                                                   "WHERE event_id = $1 FOR UPDATE"),
                                    {eventId});
    if (!locked)
        return fail(locked.error());
    if (locked->text(0, 0) == QLatin1String("t")) {
        m_connection.rollbackAfterError();
        return QStringLiteral("duplicate");
    }
    StripeEventApplier applier(m_connection);
    Result<QString> effect = QStringLiteral("recorded");
    QList<QUuid> refunds;
    switch (fetched.kind) {
    case Fetched::Kind::Dispute: effect = applier.applyDispute(fetched.object); break;
    case Fetched::Kind::Subscription: effect = applier.syncSubscription(fetched.object, type); break;
    case Fetched::Kind::Refunds: {
        auto waiting = applier.refundsAwaitingOutcome(fetched.refunds);
        if (!waiting)
            return fail(waiting.error());
        refunds = waiting.value();
        effect = QStringLiteral("OKLA refunds handed to the refund executor: %1").arg(refunds.size());
        break;
    }
    case Fetched::Kind::PaymentIntent: effect = QStringLiteral("handed to the charge executor"); break;
    case Fetched::Kind::Ignored: break;
    }
    if (!effect)
        return fail(effect.error());
    auto marked = m_connection.exec(QStringLiteral("UPDATE stripe_webhook_events SET processed_at = now() WHERE event_id = $1"),
                                    {eventId});
    if (!marked)
        return fail(marked.error());
    if (auto committed = m_connection.execScript(QStringLiteral("COMMIT")); !committed)
        return committed.error();
    if (m_handoff.refundChanged)
        for (const QUuid &refund : refunds)
            m_handoff.refundChanged(refund);
    return effect;
}

} // namespace okla::services
