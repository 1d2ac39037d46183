#pragma once

#include <QFrame>
#include <QUuid>

#include "models/result.h"

class QLabel;
class QPushButton;
class QTimer;

namespace okla::services {
class SubscriptionService;
struct BillingStatus;
}

namespace okla::ui {

/// The billing-run monitor at the top of the Subscriptions page: due today, in dunning, today's
/// charges, charges not yet settled, open worker requests and the workers' health, live through
/// NOTIFY with a slow poll (heartbeats age without a notice). People who may ask for a billing run
/// or a reconciliation get the buttons (docs/worker.md §11).
class BillingMonitor : public QFrame
{
    Q_OBJECT
public:
    BillingMonitor(services::SubscriptionService *subscriptions, bool mayRunBilling, QWidget *parent = nullptr);

    void start();
    bool isLoading() const { return m_loading; }
    QString figuresText() const;

signals:
    void loadingChanged(bool loading);
    void failed(const okla::models::Error &error);
    /// A billing run or reconciliation was asked for (its request id).
    void requested(qint64 requestId);

private:
    void reload();
    void show(const services::BillingStatus &status);
    void ask(const QString &kind, QUuid &key);

    services::SubscriptionService *m_subscriptions;
    QLabel *m_figures = nullptr;
    QLabel *m_health = nullptr;
    QPushButton *m_runBilling = nullptr;
    QPushButton *m_reconcile = nullptr;
    QTimer *m_coalescer = nullptr;
    QTimer *m_poll = nullptr;
    QUuid m_billingKey; ///< made when today's run is first asked for; a second click asks again only after it settled
    QUuid m_reconcileKey;
    bool m_loading = false;
};

} // namespace okla::ui
