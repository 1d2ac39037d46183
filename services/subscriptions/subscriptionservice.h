#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUuid>

#include "models/result.h"
#include "models/subscriptions/subscriptionsummary.h"
#include "services/requests/billingstatus.h"
#include "services/requests/workrequestclient.h"

namespace okla::services {

class Session;

/// The subscriptions facade: keyset pages of subscriptions, the billing-run monitor's figures, the
/// open reconciliation findings, and the actions people take on a subscription, each an intent the
/// worker carries out (docs/domain.md §22). `billingChanged()` is a hint (NOTIFY on subscriptions,
/// worker requests or discrepancies, or a LISTEN reconnect); it only ever leads to a re-query.
class SubscriptionService : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageSize = 200;

    explicit SubscriptionService(Session *session, QObject *parent = nullptr);

    QFuture<models::Result<models::SubscriptionPage>> page(const models::SubscriptionFilter &filter, qint64 beforeId,
                                                           int limit = PageSize);
    QFuture<models::Result<qint64>> count(const models::SubscriptionFilter &filter);
    QFuture<models::Result<BillingStatus>> billingStatus();
    QFuture<models::Result<QList<models::Discrepancy>>> openDiscrepancies();
    /// Plan keys and names in catalogue order.
    QFuture<models::Result<QList<QPair<QString, QString>>>> plans();
    /// Asks the worker for `kind` (retry_charge, cancel_at_period_end, change_plan, billing_run,
    /// reconcile) with `key` made when the person started the action, so a double click asks once.
    QFuture<models::Result<WorkRequest>> request(const QString &kind, const QJsonObject &params, const QUuid &key);

signals:
    void billingChanged();

private:
    Session *m_session;
};

} // namespace okla::services
