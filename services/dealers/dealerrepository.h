#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "models/dealers/dealersummary.h"
#include "models/result.h"

namespace okla::services {

class PgConnection;

using models::DealerCursor;
using models::DealerSummary;

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
