// Provider payments and refunds against OKLA's rows, both ways (docs/worker.md §14).
#include "services/reconciliation/transactionmatcher.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "services/billing/sqlvalues.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using models::DiscrepancyType;
using models::Result;

namespace {

/// What a payment's status says about its money: captured, failed or pending (as a provider says it).
QString paymentOutcome(const QString &status)
{
    if (status == QLatin1String("failed"))
        return QStringLiteral("failed");
    if (status == QLatin1String("pending") || status == QLatin1String("processing"))
        return QStringLiteral("pending");
    return QStringLiteral("succeeded"); // succeeded, refunded, partially_refunded, disputed: the money was captured
}

/// A settled refund's outcome; empty while it is still on its way (the executors settle those).
QString refundOutcome(const QString &state, const QString &resolution)
{
    if (state == QLatin1String("reconciled"))
        return resolution;
    if (state == QLatin1String("succeeded") || state == QLatin1String("failed"))
        return state;
    if (state == QLatin1String("rejected"))
        return QStringLiteral("failed"); // never sent
    return {};
}

std::optional<qint64> optionalId(const PgResult &rows, int row, int column)
{
    return rows.isNull(row, column) ? std::nullopt : std::optional<qint64>(rows.toInt64(row, column));
}

QString providersJson(const QStringList &providers)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(providers)).toJson(QJsonDocument::Compact));
}

} // namespace

QString TransactionMatcher::transactionsJson(const QString &kind, bool dayOnly) const
{
    QJsonArray array;
    for (const ProviderTransaction &t : m_transactions) {
        if (t.kind == kind && (!dayOnly || inDay(t)))
            array.append(t.toJson());
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

const ProviderTransaction *TransactionMatcher::find(const QString &provider, const QString &id) const
{
    for (const ProviderTransaction &t : m_transactions) {
        if (t.provider == provider && t.id == id)
            return &t;
    }
    return nullptr;
}

Result<Discrepancies> TransactionMatcher::payments()
{
    auto rows = m_db.exec(
        QStringLiteral("SELECT t.provider, t.id, p.id, p.status, p.amount_minor, p.currency, i.subscription_id"
                       "  FROM jsonb_to_recordset($1::jsonb) AS t(provider text, id text)"
                       "  LEFT JOIN payments p ON p.provider = t.provider"
                       "   AND CASE t.provider WHEN 'azul' THEN p.azul_order_id = t.id ELSE p.stripe_charge_id = t.id END"
                       "  LEFT JOIN invoices i ON i.id = p.invoice_id"
                       " ORDER BY t.provider, t.id"),
        {transactionsJson(QStringLiteral("payment"), true)});
    if (!rows)
        return rows.error();
    Discrepancies found;
    for (int row = 0; row < rows->rows(); ++row) {
        const ProviderTransaction *t = find(rows->text(row, 0), rows->text(row, 1));
        if (!t)
            continue;
        Discrepancy d;
        d.provider = t->provider;
        d.providerRef = t->id;
        d.actualMinor = t->amountMinor;
        d.detail = {{QStringLiteral("object"), QStringLiteral("payment")}, {QStringLiteral("provider_status"), t->providerStatus}};
        if (rows->isNull(row, 2)) {
            if (t->status != QLatin1String("succeeded"))
                continue; // a decline leaves no payment row: nothing to match
            d.type = DiscrepancyType::PaymentWithoutRecord;
            d.currency = t->currency;
            found.append(d);
            continue;
        }
        d.paymentId = rows->toInt64(row, 2);
        d.subscriptionId = optionalId(*rows, row, 6);
        d.expectedMinor = rows->toInt64(row, 4);
        d.currency = rows->text(row, 5);
        if (d.expectedMinor != d.actualMinor || d.currency != t->currency) {
            Discrepancy amount = d;
            amount.type = DiscrepancyType::AmountMismatch;
            amount.detail.insert(QStringLiteral("provider_currency"), t->currency);
            found.append(amount);
        }
        const QString oklaStatus = rows->text(row, 3);
        if (paymentOutcome(oklaStatus) != t->status) {
            d.type = DiscrepancyType::PaymentStatusMismatch;
            d.detail.insert(QStringLiteral("okla_status"), oklaStatus);
            found.append(d);
        }
    }
    return found;
}

Result<Discrepancies> TransactionMatcher::refunds()
{
    auto rows = m_db.exec(
        QStringLiteral("SELECT t.provider, t.id, r.id::text, r.state, r.resolution, r.amount_minor, r.currency, r.payment_id,"
                       "       i.subscription_id"
                       "  FROM jsonb_to_recordset($1::jsonb) AS t(provider text, id text, okla_id text)"
                       "  LEFT JOIN LATERAL (SELECT * FROM refunds r WHERE r.provider = t.provider"
                       "                        AND (r.provider_refund_id = t.id OR r.id::text = t.okla_id)"
                       "                      ORDER BY r.provider_refund_id = t.id DESC NULLS LAST LIMIT 1) r ON true"
                       "  LEFT JOIN payments p ON p.id = r.payment_id"
                       "  LEFT JOIN invoices i ON i.id = p.invoice_id"
                       " ORDER BY t.provider, t.id"),
        {transactionsJson(QStringLiteral("refund"), true)});
    if (!rows)
        return rows.error();
    Discrepancies found;
    for (int row = 0; row < rows->rows(); ++row) {
        const ProviderTransaction *t = find(rows->text(row, 0), rows->text(row, 1));
        if (!t)
            continue;
        Discrepancy d;
        d.provider = t->provider;
        d.providerRef = t->id;
        d.actualMinor = t->amountMinor;
        d.detail = {{QStringLiteral("object"), QStringLiteral("refund")}, {QStringLiteral("provider_status"), t->providerStatus}};
        if (rows->isNull(row, 2)) {
            if (t->status != QLatin1String("succeeded"))
                continue;
            d.type = DiscrepancyType::PaymentWithoutRecord; // money returned that OKLA never recorded
            d.currency = t->currency;
            found.append(d);
            continue;
        }
        const QString outcome = refundOutcome(rows->text(row, 3), rows->text(row, 4));
        if (outcome.isEmpty() || t->status == QLatin1String("pending"))
            continue; // still on its way: the refund executor settles it (docs/idempotency.md §14)
        d.paymentId = optionalId(*rows, row, 7);
        d.subscriptionId = optionalId(*rows, row, 8);
        d.expectedMinor = rows->toInt64(row, 5);
        d.currency = rows->text(row, 6);
        d.detail.insert(QStringLiteral("refund_id"), rows->text(row, 2));
        if (d.expectedMinor != d.actualMinor || d.currency != t->currency) {
            Discrepancy amount = d;
            amount.type = DiscrepancyType::AmountMismatch;
            amount.detail.insert(QStringLiteral("provider_currency"), t->currency);
            found.append(amount);
        }
        if (outcome != t->status) {
            d.type = DiscrepancyType::PaymentStatusMismatch;
            d.detail.insert(QStringLiteral("okla_status"), rows->text(row, 3));
            found.append(d);
        }
    }
    return found;
}

Result<Discrepancies> TransactionMatcher::recordsWithoutTransaction()
{
    // Payments captured and refunds made that day, whose provider id no transaction of the wider
    // window carries: OKLA says the money moved, the provider shows nothing.
    auto rows = m_db.exec(
        QStringLiteral("SELECT 'payment', p.provider, coalesce(CASE p.provider WHEN 'azul' THEN p.azul_order_id"
                       "                                  ELSE p.stripe_charge_id END, 'okla-payment-' || p.id),"
                       "       p.id, i.subscription_id, p.status, p.amount_minor, p.currency, NULL"
                       "  FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id"
                       " WHERE p.created_at >= $1::timestamptz AND p.created_at < $2::timestamptz"
                       "   AND p.status IN ('succeeded', 'refunded', 'partially_refunded', 'disputed')"
                       "   AND p.provider IN (SELECT jsonb_array_elements_text($5::jsonb))"
                       "   AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($3::jsonb) AS t(provider text, id text)"
                       "                    WHERE t.provider = p.provider"
                       "                      AND t.id = CASE p.provider WHEN 'azul' THEN p.azul_order_id ELSE p.stripe_charge_id END)"
                       " UNION ALL "
                       "SELECT 'refund', r.provider, coalesce(r.provider_refund_id, 'okla-refund-' || r.id), r.payment_id,"
                       "       i.subscription_id, r.state, r.amount_minor, r.currency, r.id::text"
                       "  FROM refunds r JOIN payments p ON p.id = r.payment_id LEFT JOIN invoices i ON i.id = p.invoice_id"
                       " WHERE coalesce(r.settled_at, r.created_at) >= $1::timestamptz"
                       "   AND coalesce(r.settled_at, r.created_at) < $2::timestamptz"
                       "   AND (r.state = 'succeeded' OR (r.state = 'reconciled' AND r.resolution = 'succeeded'))"
                       "   AND r.provider IN (SELECT jsonb_array_elements_text($5::jsonb))"
                       "   AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS t(provider text, id text, okla_id text)"
                       "                    WHERE t.provider = r.provider AND (t.id = r.provider_refund_id OR t.okla_id = r.id::text))"
                       " ORDER BY 1, 2, 3"),
        {m_from.toString(Qt::ISODateWithMs), m_to.toString(Qt::ISODateWithMs), transactionsJson(QStringLiteral("payment"), false),
         transactionsJson(QStringLiteral("refund"), false), providersJson(m_providers)});
    if (!rows)
        return rows.error();
    Discrepancies found;
    for (int row = 0; row < rows->rows(); ++row) {
        Discrepancy d;
        d.type = DiscrepancyType::PaymentStatusMismatch;
        d.provider = rows->text(row, 1);
        d.providerRef = rows->text(row, 2);
        d.paymentId = optionalId(*rows, row, 3);
        d.subscriptionId = optionalId(*rows, row, 4);
        d.expectedMinor = rows->toInt64(row, 6);
        d.currency = rows->text(row, 7);
        d.detail = {{QStringLiteral("object"), rows->text(row, 0)},
                    {QStringLiteral("okla_status"), rows->text(row, 5)},
                    {QStringLiteral("provider_status"), QStringLiteral("missing")}};
        if (!rows->isNull(row, 8))
            d.detail.insert(QStringLiteral("refund_id"), rows->text(row, 8));
        found.append(d);
    }
    return found;
}

} // namespace okla::services
