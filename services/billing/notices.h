#pragma once

#include <QJsonObject>
#include <QString>

#include "models/result.h"

namespace okla::services {

class PgConnection;

/// One dealer notice of docs/domain.md §15, written to the notifications outbox (§23).
struct Notice
{
    qint64 dealerId = 0;
    QString kind;     ///< pre_charge, payment_failed, card_update_needed, suspended, cancelled, …
    QString eventKey; ///< names the event: one row per key, whatever runs twice
    QJsonObject data; ///< what the template shows
};

/// Event keys of the notices the renewal scheduler, dunning and the worker's action requests write
/// (docs/domain.md §23, §26, docs/worker.md §15).
namespace noticekeys {
QString preCharge(qint64 subscriptionId, QDate chargeOn);
/// `chargeId` when the charger reported one, else the invoice and attempt that name the charge.
QString paymentFailed(qint64 chargeId, qint64 invoiceId, int attemptNo);
QString cardUpdateNeeded(qint64 chargeId, qint64 invoiceId, int attemptNo);
QString suspended(qint64 subscriptionId, QDate on);
QString cancelled(qint64 subscriptionId, QDate on);
/// A receipt sent again because a person asked (request `requestId`): one per request.
QString receiptResent(qint64 invoiceId, qint64 requestId);
/// A card-update link a person asked to send (request `requestId`): one per request.
QString portalLink(qint64 dealerId, qint64 requestId);
} // namespace noticekeys

/// Writes `notice` in the caller's transaction: in the dealer's language, by e-mail to the
/// dealer's address or by push when it has none the outbox accepts; nothing when a row with its
/// event key exists.
/// Returns whether a row was written.
models::Result<bool> writeNotice(PgConnection &connection, const Notice &notice);

} // namespace okla::services
