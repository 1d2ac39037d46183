#include "services/billing/notices.h"

#include <QDate>
#include <QJsonDocument>

#include "services/database/pgconnection.h"

namespace okla::services {

namespace noticekeys {

namespace {

QString chargeKey(const char *kind, qint64 chargeId, qint64 invoiceId, int attemptNo)
{
    if (chargeId > 0)
        return QStringLiteral("%1:charge:%2").arg(QLatin1StringView(kind)).arg(chargeId);
    return QStringLiteral("%1:invoice:%2:attempt:%3").arg(QLatin1StringView(kind)).arg(invoiceId).arg(attemptNo);
}

QString subscriptionDayKey(const char *kind, qint64 subscriptionId, QDate on)
{
    return QStringLiteral("%1:subscription:%2:%3")
        .arg(QLatin1StringView(kind))
        .arg(subscriptionId)
        .arg(on.toString(Qt::ISODate));
}

} // namespace

QString preCharge(qint64 subscriptionId, QDate chargeOn)
{
    return subscriptionDayKey("pre_charge", subscriptionId, chargeOn);
}

QString paymentFailed(qint64 chargeId, qint64 invoiceId, int attemptNo)
{
    return chargeKey("payment_failed", chargeId, invoiceId, attemptNo);
}

QString cardUpdateNeeded(qint64 chargeId, qint64 invoiceId, int attemptNo)
{
    return chargeKey("card_update_needed", chargeId, invoiceId, attemptNo);
}

QString suspended(qint64 subscriptionId, QDate on)
{
    return subscriptionDayKey("suspended", subscriptionId, on);
}

QString cancelled(qint64 subscriptionId, QDate on)
{
    return subscriptionDayKey("cancelled", subscriptionId, on);
}

QString receiptResent(qint64 invoiceId, qint64 requestId)
{
    return QStringLiteral("receipt:invoice:%1:request:%2").arg(invoiceId).arg(requestId);
}

QString portalLink(qint64 dealerId, qint64 requestId)
{
    return QStringLiteral("card_update_needed:dealer:%1:request:%2").arg(dealerId).arg(requestId);
}

} // namespace noticekeys

models::Result<bool> writeNotice(PgConnection &connection, const Notice &notice)
{
    auto inserted = connection.exec(
        // An address the outbox would refuse (migration 14's check) sends the notice by push
        // instead of failing the billing step it belongs to.
        QStringLiteral("INSERT INTO notifications (dealer_id, kind, language, channel, recipient, data, event_key)"
                       " SELECT d.id, $2, d.language, CASE WHEN a.ok THEN 'email' ELSE 'push' END,"
                       "        CASE WHEN a.ok THEN d.email END, $3::jsonb, $4"
                       "   FROM dealers d"
                       "  CROSS JOIN LATERAL (SELECT coalesce(length(d.email) <= 254"
                       "        AND d.email ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$', false) AS ok) a"
                       "  WHERE d.id = $1"
                       " ON CONFLICT (event_key) DO NOTHING"),
        {notice.dealerId, notice.kind, QString::fromUtf8(QJsonDocument(notice.data).toJson(QJsonDocument::Compact)),
         notice.eventKey});
    if (!inserted)
        return inserted.error();
    return inserted->affectedRows() == 1;
}

} // namespace okla::services
