#include "services/subscriptions/subscriptionrepository.h"

#include "models/currency.h"
#include "services/database/pgconnection.h"
#include "services/dealers/dealerrepository.h"

namespace okla::services {

using models::Discrepancy;
using models::Result;
using models::SubscriptionFilter;
using models::SubscriptionSummary;

namespace {

constexpr int kMaxLimit = 1000;

QDate dateOrInvalid(const PgResult &rows, int row, int column)
{
    return rows.isNull(row, column) ? QDate() : QDate::fromString(rows.text(row, column), Qt::ISODate);
}

models::Money money(qint64 minor, const QString &currency)
{
    return models::Money::fromMinor(minor, models::currencyFromIsoCode(currency).value_or(models::Currency::DOP));
}

} // namespace

QString SubscriptionRepository::whereClause(const SubscriptionFilter &filter, QVariantList &params) const
{
    QStringList conditions;
    auto equals = [&](const QString &column, const QString &value) {
        if (value.isEmpty())
            return;
        params << value;
        conditions << QStringLiteral("%1 = $%2").arg(column).arg(params.size());
    };
    equals(QStringLiteral("s.status"), filter.status);
    equals(QStringLiteral("v.plan_key"), filter.planKey);
    equals(QStringLiteral("s.provider"), filter.provider);
    if (filter.dunningStage == QLatin1String("none"))
        conditions << QStringLiteral("s.dunning_started_on IS NULL");
    else if (filter.dunningStage == QLatin1String("retrying"))
        conditions << QStringLiteral("s.dunning_started_on IS NOT NULL AND s.next_charge_on IS NOT NULL");
    else if (filter.dunningStage == QLatin1String("retries_used_up"))
        conditions << QStringLiteral("s.dunning_started_on IS NOT NULL AND s.next_charge_on IS NULL");
    bool isNumber = false;
    const qint64 number = filter.search.trimmed().toLongLong(&isNumber);
    if (isNumber && number > 0) {
        // A number typed alone is a subscription or dealer id (what support reads off a receipt).
        params << number;
        conditions << QStringLiteral("(s.id = $%1 OR s.dealer_id = $%1)").arg(params.size());
    } else {
        // Every word must appear in the dealer's search text (name, RNC/cédula, city, e-mail).
        for (const QString &term : DealerRepository::searchTerms(filter.search)) {
            params << QString(u'%' + term + u'%');
            conditions << QStringLiteral("d.search_text LIKE $%1").arg(params.size());
        }
    }
    return conditions.isEmpty() ? QStringLiteral("true") : conditions.join(QStringLiteral(" AND "));
}

Result<QList<SubscriptionSummary>> SubscriptionRepository::page(const SubscriptionFilter &filter, qint64 beforeId,
                                                                int limit)
{
    QVariantList params;
    QString where = whereClause(filter, params);
    if (beforeId > 0) {
        params << beforeId;
        where += QStringLiteral(" AND s.id < $%1").arg(params.size());
    }
    params << std::clamp(limit, 1, kMaxLimit);
    auto rows = m_connection.exec(
        QStringLiteral("SELECT s.id, s.dealer_id, coalesce(nullif(d.trade_name, ''), d.legal_name), v.plan_key, p.name, "
                       "s.billing_cycle, s.provider, s.status, v.monthly_price_minor, s.currency, "
                       "s.current_period_end, s.next_charge_on, s.dunning_started_on, s.dunning_attempts, "
                       "s.cancel_at_period_end "
                       "FROM subscriptions s JOIN dealers d ON d.id = s.dealer_id "
                       "JOIN plan_versions v ON v.id = s.plan_version_id JOIN plans p ON p.key = v.plan_key "
                       "WHERE %1 ORDER BY s.id DESC LIMIT $%2")
            .arg(where)
            .arg(params.size()),
        params);
    if (!rows)
        return rows.error();
    QList<SubscriptionSummary> result;
    result.reserve(rows->rows());
    for (int i = 0; i < rows->rows(); ++i) {
        SubscriptionSummary s;
        s.id = rows->toInt64(i, 0);
        s.dealerId = rows->toInt64(i, 1);
        s.dealerName = rows->text(i, 2);
        s.planKey = rows->text(i, 3);
        s.planName = rows->text(i, 4);
        s.billingCycle = rows->text(i, 5);
        s.provider = rows->text(i, 6);
        s.status = rows->text(i, 7);
        s.monthlyPrice = money(rows->toInt64(i, 8), rows->text(i, 9));
        s.currentPeriodEnd = dateOrInvalid(rows.value(), i, 10);
        s.nextChargeOn = dateOrInvalid(rows.value(), i, 11);
        s.dunningStartedOn = dateOrInvalid(rows.value(), i, 12);
        s.dunningAttempts = int(rows->toInt64(i, 13));
        s.cancelAtPeriodEnd = rows->text(i, 14) == QLatin1String("t");
        result.append(s);
    }
    return result;
}

Result<qint64> SubscriptionRepository::count(const SubscriptionFilter &filter)
{
    QVariantList params;
    const QString where = whereClause(filter, params);
    auto rows = m_connection.exec(QStringLiteral("SELECT count(*) FROM subscriptions s JOIN dealers d ON d.id = s.dealer_id "
                                                 "JOIN plan_versions v ON v.id = s.plan_version_id WHERE %1")
                                      .arg(where),
                                  params);
    if (!rows)
        return rows.error();
    return rows->toInt64(0, 0);
}

Result<QList<Discrepancy>> SubscriptionRepository::openDiscrepancies(int limit)
{
    auto rows = m_connection.exec(
        QStringLiteral("SELECT id, provider, kind, provider_ref, coalesce(payment_id, 0), coalesce(subscription_id, 0), "
                       "coalesce(currency, ''), expected_minor, actual_minor, "
                       "to_char(found_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                       "FROM reconciliation_discrepancies WHERE resolved_at IS NULL "
                       "ORDER BY found_at DESC, id DESC LIMIT $1"),
        {std::clamp(limit, 1, kMaxLimit)});
    if (!rows)
        return rows.error();
    QList<Discrepancy> result;
    for (int i = 0; i < rows->rows(); ++i) {
        Discrepancy d;
        d.id = rows->toInt64(i, 0);
        d.provider = rows->text(i, 1);
        d.kind = rows->text(i, 2);
        d.providerRef = rows->text(i, 3);
        d.paymentId = rows->toInt64(i, 4);
        d.subscriptionId = rows->toInt64(i, 5);
        d.currency = rows->text(i, 6);
        d.hasAmounts = !rows->isNull(i, 7) || !rows->isNull(i, 8);
        d.expectedMinor = rows->isNull(i, 7) ? 0 : rows->toInt64(i, 7);
        d.actualMinor = rows->isNull(i, 8) ? 0 : rows->toInt64(i, 8);
        d.foundAt = QDateTime::fromString(rows->text(i, 9), Qt::ISODate);
        result.append(d);
    }
    return result;
}

Result<QList<QPair<QString, QString>>> SubscriptionRepository::plans()
{
    auto rows = m_connection.exec(QStringLiteral("SELECT key, name FROM plans ORDER BY sort_order"));
    if (!rows)
        return rows.error();
    QList<QPair<QString, QString>> result;
    for (int i = 0; i < rows->rows(); ++i)
        result.append({rows->text(i, 0), rows->text(i, 1)});
    return result;
}

} // namespace okla::services
