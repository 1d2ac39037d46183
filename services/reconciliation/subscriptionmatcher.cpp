// Subscriptions, invoices and Stripe customers against OKLA's records (docs/worker.md §14).
#include "services/reconciliation/subscriptionmatcher.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include "services/database/pgconnection.h"

namespace okla::services {

using models::DiscrepancyType;
using models::Result;

QString SubscriptionMatcher::oklaStanding(const QString &status)
{
    if (status == QLatin1String("trial") || status == QLatin1String("active"))
        return QStringLiteral("good");
    if (status == QLatin1String("past_due") || status == QLatin1String("suspended"))
        return QStringLiteral("overdue");
    return QStringLiteral("ended");
}

QString SubscriptionMatcher::stripeStanding(const QString &status)
{
    if (status == QLatin1String("trialing") || status == QLatin1String("active"))
        return QStringLiteral("good");
    if (status == QLatin1String("canceled") || status == QLatin1String("incomplete_expired"))
        return QStringLiteral("ended");
    return QStringLiteral("overdue"); // past_due, unpaid, paused, incomplete
}

Result<Discrepancies> SubscriptionMatcher::paidWithoutPayment(const QDateTime &from, const QDateTime &to)
{
    auto rows = m_db.exec(
        QStringLiteral("SELECT i.id, i.subscription_id, s.provider, i.total_minor, i.currency, i.period_start::text"
                       "  FROM invoices i JOIN subscriptions s ON s.id = i.subscription_id"
                       " WHERE i.status = 'paid' AND i.paid_at >= $1::timestamptz AND i.paid_at < $2::timestamptz"
                       "   AND i.total_minor > 0"
                       "   AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id"
                       "                      AND p.status IN ('succeeded', 'refunded', 'partially_refunded', 'disputed'))"
                       " ORDER BY i.id"),
        {from.toString(Qt::ISODateWithMs), to.toString(Qt::ISODateWithMs)});
    if (!rows)
        return rows.error();
    Discrepancies found;
    for (int row = 0; row < rows->rows(); ++row) {
        Discrepancy d;
        d.type = DiscrepancyType::SubscriptionWithoutPayment;
        d.provider = rows->text(row, 2);
        d.providerRef = QStringLiteral("okla-invoice-") + rows->text(row, 0);
        d.subscriptionId = rows->toInt64(row, 1);
        d.expectedMinor = rows->toInt64(row, 3);
        d.actualMinor = 0;
        d.currency = rows->text(row, 4);
        d.detail = {{QStringLiteral("invoice_id"), rows->toInt64(row, 0)}, {QStringLiteral("period_start"), rows->text(row, 5)}};
        found.append(d);
    }
    return found;
}

Result<Discrepancies> SubscriptionMatcher::stripeSubscriptions(const QList<StripeSubscriptionState> &subscriptions)
{
    QJsonArray listed;
    for (const StripeSubscriptionState &s : subscriptions)
        listed.append(QJsonObject{{QStringLiteral("id"), s.id}});
    // Both sides: each listed subscription with its OKLA row, and each OKLA row naming one not listed.
    auto rows = m_db.exec(
        QStringLiteral("SELECT t.id, s.id, s.status FROM jsonb_to_recordset($1::jsonb) AS t(id text)"
                       "  LEFT JOIN subscriptions s ON s.stripe_subscription_id = t.id"
                       " UNION ALL "
                       "SELECT s.stripe_subscription_id, s.id, s.status FROM subscriptions s"
                       " WHERE s.stripe_subscription_id IS NOT NULL AND s.status NOT IN ('cancelled', 'expired')"
                       "   AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS t(id text)"
                       "                    WHERE t.id = s.stripe_subscription_id)"
                       " ORDER BY 1"),
        {QString::fromUtf8(QJsonDocument(listed).toJson(QJsonDocument::Compact))});
    if (!rows)
        return rows.error();
    QHash<QString, const StripeSubscriptionState *> byId;
    for (const StripeSubscriptionState &s : subscriptions)
        byId.insert(s.id, &s);
    Discrepancies found;
    for (int row = 0; row < rows->rows(); ++row) {
        const StripeSubscriptionState *stripe = byId.value(rows->text(row, 0));
        Discrepancy d;
        d.provider = QStringLiteral("stripe");
        d.providerRef = rows->text(row, 0);
        const QString stripeStatus = stripe ? stripe->status : QStringLiteral("missing");
        d.detail = {{QStringLiteral("stripe_status"), stripeStatus}};
        if (stripe) {
            d.detail.insert(QStringLiteral("customer"), stripe->customer);
            if (stripe->amountMinor > 0 && !stripe->currency.isEmpty()) {
                d.actualMinor = stripe->amountMinor;
                d.currency = stripe->currency;
            }
        }
        if (rows->isNull(row, 1)) {
            // OKLA bills every subscription itself (docs/worker.md §12): Stripe should bill none.
            d.type = DiscrepancyType::StripeSubscriptionWithoutRecord;
            found.append(d);
            continue;
        }
        const QString oklaStatus = rows->text(row, 2);
        if (stripe && oklaStanding(oklaStatus) == stripeStanding(stripeStatus))
            continue;
        d.type = DiscrepancyType::StatusMismatch;
        d.subscriptionId = rows->toInt64(row, 1);
        d.detail.insert(QStringLiteral("okla_status"), oklaStatus);
        found.append(d);
    }
    return found;
}

Result<Discrepancies> SubscriptionMatcher::stripeCustomers(const QStringList &customerIds)
{
    auto rows = m_db.exec(
        QStringLiteral("SELECT t.id FROM jsonb_array_elements_text($1::jsonb) AS t(id)"
                       " WHERE NOT EXISTS (SELECT 1 FROM dealers d WHERE d.stripe_customer_id = t.id) ORDER BY 1"),
        {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(customerIds)).toJson(QJsonDocument::Compact))});
    if (!rows)
        return rows.error();
    Discrepancies found;
    for (int row = 0; row < rows->rows(); ++row) {
        Discrepancy d;
        d.type = DiscrepancyType::OrphanedStripeCustomer;
        d.provider = QStringLiteral("stripe");
        d.providerRef = rows->text(row, 0);
        found.append(d);
    }
    return found;
}

} // namespace okla::services
