#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// One row of the Dealers page (view dealer_overview). Statuses stay in their database form.
struct DealerSummary
{
    qint64 id = 0;
    QString legalName;
    QString tradeName;
    QString taxId;       ///< digits only
    QString taxIdKind;   ///< "rnc" | "cedula"
    QString city;
    QString province;
    QString verificationStatus;
    QString dealerType;
    QString planKey;           ///< empty when the dealer has no current subscription
    QString subscriptionStatus;
    QString currency;
    std::optional<qint64> mrrMinor;
    QDateTime createdAt;
    QString createdAtKey; ///< the server's exact text, so keyset paging never loses microseconds
};

/// Where the next page starts: the last row seen (keyset paging, never OFFSET).
struct DealerCursor
{
    QString createdAtKey;
    qint64 id = 0;
};

/// Dealer search and keyset paging. Plain blocking libpq: call it on a service thread only.
class DealerRepository
{
public:
    static constexpr int PageSize = 200;

    explicit DealerRepository(PgConnection &connection) : m_connection(connection) {}

    /// Newest first; `search` matches name, RNC/cédula (dashes ignored), city and e-mail.
    models::Result<QList<DealerSummary>> page(const QString &search, const std::optional<DealerCursor> &after,
                                               int limit = PageSize);
    /// How many dealers match `search`.
    models::Result<qint64> count(const QString &search);

    /// The words of a search as search_text holds them: lower case, accents removed, RNC dashes dropped.
    static QStringList searchTerms(const QString &search);

private:
    QString whereClause(const QStringList &terms, QVariantList &params) const;

    PgConnection &m_connection;
};

} // namespace okla::services
