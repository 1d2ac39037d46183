#pragma once

#include <QDateTime>
#include <QStringList>

#include "models/result.h"
#include "services/reconciliation/discrepancy.h"
#include "services/reconciliation/providerledger.h"

namespace okla::services {

class PgConnection;

/// Matches the providers' payments and refunds with the `payments` and `refunds` rows, both ways
/// (docs/worker.md §14): every provider transaction of the day with the row that records it, and
/// every payment or refund OKLA recorded that day with the provider's transaction.
class TransactionMatcher
{
public:
    /// @p from, @p to: the business day in UTC. @p transactions: what the providers report for a
    /// wider window (a day either side), so a row recorded just across midnight still finds its
    /// transaction; only the day's transactions are reported from the providers' side.
    /// @p providers: the providers that were read ("azul", "stripe"); rows of another are not judged.
    TransactionMatcher(PgConnection &db, QDateTime from, QDateTime to, QList<ProviderTransaction> transactions,
                       QStringList providers)
        : m_db(db), m_from(std::move(from)), m_to(std::move(to)), m_transactions(std::move(transactions)),
          m_providers(std::move(providers)) {}

    models::Result<Discrepancies> payments();
    models::Result<Discrepancies> refunds();
    /// OKLA's captured payments and succeeded refunds of the day that no provider transaction shows.
    models::Result<Discrepancies> recordsWithoutTransaction();

private:
    bool inDay(const ProviderTransaction &t) const { return t.created >= m_from && t.created < m_to; }
    /// The day's transactions of one kind, as the JSON array the SQL joins against.
    QString transactionsJson(const QString &kind, bool dayOnly) const;
    const ProviderTransaction *find(const QString &provider, const QString &id) const;

    PgConnection &m_db;
    QDateTime m_from, m_to;
    QList<ProviderTransaction> m_transactions;
    QStringList m_providers;
};

} // namespace okla::services
