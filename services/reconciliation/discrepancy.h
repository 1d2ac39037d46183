#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/statuses.h"

namespace okla::services {

/// One finding of reconciliation: a row of reconciliation_discrepancies (docs/domain.md §22,
/// docs/worker.md §14). Amounts in minor units of `currency`.
struct Discrepancy
{
    models::DiscrepancyType type = models::DiscrepancyType::PaymentWithoutRecord;
    QString provider;             ///< azul | stripe
    QString providerRef;          ///< the provider's id (or `okla-invoice-<id>` for an invoice)
    std::optional<qint64> paymentId;
    std::optional<qint64> subscriptionId;
    std::optional<qint64> expectedMinor; ///< what OKLA's records say
    std::optional<qint64> actualMinor;   ///< what the provider says
    QString currency;             ///< empty when no amount is involved
    QJsonObject detail;           ///< the facts compared (statuses, object kinds); never a card number
};

using Discrepancies = QList<Discrepancy>;

} // namespace okla::services
