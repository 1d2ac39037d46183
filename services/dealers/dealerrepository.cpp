#include "services/dealers/dealerrepository.h"

#include <QRegularExpression>

#include "services/database/pgconnection.h"

namespace okla::services {

using models::Result;

QStringList DealerRepository::searchTerms(const QString &search)
{
    QStringList terms;
    static const QRegularExpression taxIdLike(QStringLiteral("^[0-9][0-9-]*[0-9]$"));
    const QStringList words = search.simplified().split(u' ', Qt::SkipEmptyParts);
    for (QString word : words) {
        if (taxIdLike.match(word).hasMatch())
            word.remove(u'-'); // "1-01-12345-1" is stored as digits
        // Drop accents the way search_text does, so "pena" finds "Peña" and "cedula" finds "cédula".
        QString plain;
        for (QChar c : word.normalized(QString::NormalizationForm_D)) {
            if (c.category() != QChar::Mark_NonSpacing)
                plain += c;
        }
        plain = plain.toLower();
        // LIKE wildcards typed by a person are literal characters.
        plain.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
        if (!plain.isEmpty())
            terms << plain;
    }
    return terms;
}

QString DealerRepository::whereClause(const QStringList &terms, QVariantList &params) const
{
    // Every word must appear; '%word%' on search_text is served by its pg_trgm GIN index.
    QStringList conditions;
    for (const QString &term : terms) {
        params << QVariant(QString(u'%' + term + u'%'));
        conditions << QStringLiteral("search_text LIKE $%1").arg(params.size());
    }
    return conditions.join(QStringLiteral(" AND "));
}

Result<QList<DealerSummary>> DealerRepository::page(const QString &search, const std::optional<DealerCursor> &after,
                                                     int limit)
{
    QVariantList params;
    QStringList conditions;
    // dealer_overview does not expose search_text: filter through dealers (its trigram index).
    if (const QString text = whereClause(searchTerms(search), params); !text.isEmpty())
        conditions << QStringLiteral("id IN (SELECT id FROM dealers WHERE ") + text + u')';
    if (after) {
        params << after->createdAtKey << after->id;
        conditions << QStringLiteral("(created_at, id) < ($%1::timestamptz, $%2::bigint)")
                          .arg(params.size() - 1)
                          .arg(params.size());
    }
    params << std::clamp(limit, 1, 1000);
    const QString sql =
        QStringLiteral("SELECT id, legal_name, coalesce(trade_name, ''), tax_id, tax_id_kind, coalesce(city, ''), "
                       "coalesce(province, ''), verification_status, dealer_type, coalesce(plan_key, ''), "
                       "coalesce(subscription_status, ''), coalesce(currency, ''), mrr_minor, created_at::text, "
                       "(extract(epoch FROM created_at) * 1000)::bigint FROM dealer_overview ")
        + (conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")))
        + QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT $%1").arg(params.size());
    auto result = m_connection.exec(sql, params);
    if (!result.ok())
        return result.error();
    QList<DealerSummary> rows;
    rows.reserve(result->rows());
    for (int r = 0; r < result->rows(); ++r) {
        DealerSummary d;
        d.id = result->toInt64(r, 0);
        d.legalName = result->text(r, 1);
        d.tradeName = result->text(r, 2);
        d.taxId = result->text(r, 3);
        d.taxIdKind = result->text(r, 4);
        d.city = result->text(r, 5);
        d.province = result->text(r, 6);
        d.verificationDb = result->text(r, 7);
        d.verification = models::fromDb<models::DealerVerificationStatus>(d.verificationDb);
        d.dealerType = result->text(r, 8);
        d.planKey = result->text(r, 9);
        d.subscriptionStatusDb = result->text(r, 10);
        d.subscriptionStatus = models::fromDb<models::SubscriptionStatus>(d.subscriptionStatusDb);
        const auto currency = models::currencyFromIsoCode(result->text(r, 11));
        if (!result->isNull(r, 12) && currency)
            d.mrr = models::Money::fromMinor(result->toInt64(r, 12), *currency);
        d.createdAtKey = result->text(r, 13);
        d.createdAt = QDateTime::fromMSecsSinceEpoch(result->toInt64(r, 14), Qt::UTC);
        rows << d;
    }
    return rows;
}

Result<qint64> DealerRepository::count(const QString &search)
{
    QVariantList params;
    const QString where = whereClause(searchTerms(search), params);
    auto result = m_connection.exec(QStringLiteral("SELECT count(*) FROM dealers")
                                        + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
                                    params);
    if (!result.ok())
        return result.error();
    return result->toInt64(0, 0);
}

} // namespace okla::services
