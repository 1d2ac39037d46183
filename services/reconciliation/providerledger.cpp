// What AZUL and Stripe report for reconciliation, through their APIs (docs/worker.md §14).
#include "services/reconciliation/providerledger.h"

#include <QCoreApplication>
#include <QTimeZone>

#include "services/billing/futurewait.h"
#include "services/providers/azul/azuloperations.h"
#include "services/providers/stripe/stripeoperations.h"
#include "services/resilience/resiliencemanager.h"

namespace okla::services {

using models::Result;

namespace {

constexpr int kSantoDomingoOffsetSecs = -4 * 3600; // no daylight saving time (docs/domain.md §20)

/// A provider call that ended without an answer reconciliation can use.
models::Error unreadable(const QString &provider, const models::Error &cause)
{
    return models::makeError(QStringLiteral("reconcile.provider"),
                             QCoreApplication::translate("okla.worker", "%1 could not be read for reconciliation: %2")
                                 .arg(provider, cause.message),
                             cause.code);
}

template<typename Outcome>
std::optional<models::Error> callError(const QString &provider, const CallResult<Outcome> &call)
{
    if (!call.outcome)
        return unreadable(provider, models::makeError(QStringLiteral("reconcile.provider.not_sent"),
                                                      QCoreApplication::translate("okla.worker", "nothing was sent (%1)")
                                                          .arg(call.summary.detail)));
    return std::nullopt;
}

QString azulKind(const QString &transactionType)
{
    if (transactionType.compare(QLatin1String("Sale"), Qt::CaseInsensitive) == 0
        || transactionType.compare(QLatin1String("Post"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("payment");
    if (transactionType.compare(QLatin1String("Void"), Qt::CaseInsensitive) == 0
        || transactionType.compare(QLatin1String("Refund"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("refund");
    return {}; // a Hold moves no money until its Post
}

QString stripeStatus(const QString &kind, const QString &status)
{
    if (status == QLatin1String("succeeded") || (kind == QLatin1String("refund") && status == QLatin1String("pending")))
        return QStringLiteral("succeeded"); // a pending refund counts as made (docs/idempotency.md §7)
    if (status == QLatin1String("failed") || status == QLatin1String("canceled"))
        return QStringLiteral("failed");
    return QStringLiteral("pending");
}

} // namespace

QJsonObject ProviderTransaction::toJson() const
{
    return {{QStringLiteral("provider"), provider}, {QStringLiteral("kind"), kind},
            {QStringLiteral("id"), id},             {QStringLiteral("okla_id"), oklaId},
            {QStringLiteral("status"), status},     {QStringLiteral("amount"), amountMinor},
            {QStringLiteral("currency"), currency}};
}

Result<QList<ProviderTransaction>> ProviderLedger::azulTransactions(const QDateTime &from, const QDateTime &to)
{
    QList<ProviderTransaction> list;
    if (!m_providers.azul)
        return list;
    // Whether AZUL reads the days in Santo Domingo or in UTC, these days cover the window; the
    // transactions' own times then decide.
    const QDate first = from.toOffsetFromUtc(kSantoDomingoOffsetSecs).date();
    const QDate last = to.addSecs(-1).toOffsetFromUtc(kSantoDomingoOffsetSecs).date().addDays(1);
    azul::AzulOperations operations(*m_providers.azul, m_resilience);
    const auto call = waitForFuture(operations.searchPayments(first, last));
    if (auto e = callError(QStringLiteral("AZUL"), call))
        return *e;
    if (!call.outcome->result.approved())
        return unreadable(QStringLiteral("AZUL"), call.outcome->toError());
    for (const azul::AzulSearchedTransaction &t : call.outcome->result.transactions) {
        ProviderTransaction p;
        p.kind = azulKind(t.transactionType);
        QDateTime when = QDateTime::fromString(t.dateTime, QStringLiteral("yyyyMMddHHmmss"));
        when.setTimeZone(QTimeZone(kSantoDomingoOffsetSecs));
        p.created = when.toUTC();
        if (p.kind.isEmpty() || !p.created.isValid() || p.created < from || p.created >= to)
            continue;
        p.provider = QStringLiteral("azul");
        p.id = t.azulOrderId;
        p.providerStatus = t.isoCode;
        p.status = t.approved() ? QStringLiteral("succeeded") : QStringLiteral("failed");
        p.amountMinor = t.amount;
        p.currency = QStringLiteral("DOP"); // AZUL's only currency
        list.append(p);
    }
    return list;
}

Result<QList<ProviderTransaction>> ProviderLedger::stripeTransactions(const QDateTime &from, const QDateTime &to)
{
    QList<ProviderTransaction> list;
    if (!m_providers.stripe)
        return list;
    for (const QString &collection : {QStringLiteral("charges"), QStringLiteral("refunds")}) {
        stripe::StripeListParams params;
        params.createdFrom = from.toSecsSinceEpoch();
        params.createdBefore = to.toSecsSinceEpoch();
        auto objects = stripeList(collection, params);
        if (!objects)
            return objects.error();
        const QString kind = collection == QLatin1String("charges") ? QStringLiteral("payment") : QStringLiteral("refund");
        for (const QJsonValue &value : std::as_const(objects.value())) {
            const QJsonObject o = value.toObject();
            ProviderTransaction p;
            p.provider = QStringLiteral("stripe");
            p.kind = kind;
            p.id = o.value(QStringLiteral("id")).toString();
            p.oklaId = o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("okla_id")).toString();
            p.providerStatus = o.value(QStringLiteral("status")).toString();
            p.status = stripeStatus(kind, p.providerStatus);
            p.amountMinor = o.value(QStringLiteral("amount")).toInteger();
            p.currency = o.value(QStringLiteral("currency")).toString().toUpper();
            p.created = QDateTime::fromSecsSinceEpoch(o.value(QStringLiteral("created")).toInteger(), Qt::UTC);
            list.append(p);
        }
    }
    return list;
}

Result<QList<StripeSubscriptionState>> ProviderLedger::stripeSubscriptions()
{
    QList<StripeSubscriptionState> list;
    if (!m_providers.stripe)
        return list;
    stripe::StripeListParams params;
    params.filters = {{QStringLiteral("status"), QStringLiteral("all")}}; // canceled ones too
    auto objects = stripeList(QStringLiteral("subscriptions"), params);
    if (!objects)
        return objects.error();
    for (const QJsonValue &value : std::as_const(objects.value())) {
        const QJsonObject o = value.toObject();
        StripeSubscriptionState s;
        s.id = o.value(QStringLiteral("id")).toString();
        s.status = o.value(QStringLiteral("status")).toString();
        s.customer = o.value(QStringLiteral("customer")).toString();
        s.currency = o.value(QStringLiteral("currency")).toString().toUpper();
        for (const QJsonValue &item : o.value(QStringLiteral("items")).toObject().value(QStringLiteral("data")).toArray()) {
            const QJsonObject i = item.toObject();
            s.amountMinor += i.value(QStringLiteral("price")).toObject().value(QStringLiteral("unit_amount")).toInteger()
                * i.value(QStringLiteral("quantity")).toInteger(1);
        }
        list.append(s);
    }
    return list;
}

Result<QStringList> ProviderLedger::stripeCustomers()
{
    QStringList ids;
    if (!m_providers.stripe)
        return ids;
    auto objects = stripeList(QStringLiteral("customers"), {});
    if (!objects)
        return objects.error();
    for (const QJsonValue &value : std::as_const(objects.value()))
        ids.append(value.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

Result<QJsonArray> ProviderLedger::stripeList(const QString &collection, stripe::StripeListParams params)
{
    params.limit = 100;
    stripe::StripeOperations operations(*m_providers.stripe, m_resilience);
    QJsonArray all;
    for (std::optional<stripe::StripeListParams> page = params; page;) {
        const auto call = waitForFuture(operations.call(stripe::StripeClient::list(collection, *page)));
        if (auto e = callError(QStringLiteral("Stripe"), call))
            return *e;
        auto parsed = call.outcome->page();
        if (!parsed)
            return unreadable(QStringLiteral("Stripe"), parsed.error());
        for (const QJsonValue &value : std::as_const(parsed->data))
            all.append(value);
        page = page->next(parsed.value());
    }
    return all;
}

} // namespace okla::services
