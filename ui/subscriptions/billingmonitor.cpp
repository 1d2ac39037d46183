#include "ui/subscriptions/billingmonitor.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

#include "services/subscriptions/subscriptionservice.h"
#include "ui/errors/errorpresenter.h"

namespace okla::ui {

namespace {

// A worker request's state in words (docs/domain.md §22).
QString requestStateText(const QString &state)
{
    if (state == QLatin1String("pending"))
        return BillingMonitor::tr("waiting for a worker");
    if (state == QLatin1String("running"))
        return BillingMonitor::tr("running");
    if (state == QLatin1String("succeeded"))
        return BillingMonitor::tr("done");
    if (state == QLatin1String("failed"))
        return BillingMonitor::tr("failed");
    return state;
}

qint64 sum(const QMap<QString, qint64> &counts, const QStringList &keys)
{
    qint64 total = 0;
    for (const QString &key : keys)
        total += counts.value(key);
    return total;
}

} // namespace

BillingMonitor::BillingMonitor(services::SubscriptionService *subscriptions, bool mayRunBilling, QWidget *parent)
    : QFrame(parent), m_subscriptions(subscriptions)
{
    setObjectName(QStringLiteral("billingMonitor"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QGridLayout(this);
    m_figures = new QLabel(tr("Loading billing figures…"), this);
    m_figures->setObjectName(QStringLiteral("billingFigures"));
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_health = new QLabel(this);
    m_health->setObjectName(QStringLiteral("workerHealth"));
    m_health->setWordWrap(true);
    layout->addWidget(m_figures, 0, 0);
    layout->addWidget(m_health, 1, 0);
    layout->setColumnStretch(0, 1);

    m_runBilling = new QPushButton(tr("Run today's billing"), this);
    m_runBilling->setObjectName(QStringLiteral("runBilling"));
    m_runBilling->setToolTip(tr("Asks okla-worker to charge every subscription due today; charging the same day twice "
                                "charges nothing twice"));
    m_reconcile = new QPushButton(tr("Reconcile today"), this);
    m_reconcile->setObjectName(QStringLiteral("reconcileToday"));
    m_reconcile->setToolTip(tr("Asks okla-worker to compare AZUL and Stripe with OKLA's records for today"));
    layout->addWidget(m_runBilling, 0, 1);
    layout->addWidget(m_reconcile, 1, 1);
    m_runBilling->setVisible(mayRunBilling);
    m_reconcile->setVisible(mayRunBilling);
    connect(m_runBilling, &QPushButton::clicked, this, [this]() { ask(QStringLiteral("billing_run"), m_billingKey); });
    connect(m_reconcile, &QPushButton::clicked, this, [this]() { ask(QStringLiteral("reconcile"), m_reconcileKey); });

    m_coalescer = new QTimer(this);
    m_coalescer->setSingleShot(true);
    m_coalescer->setInterval(500);
    connect(m_coalescer, &QTimer::timeout, this, &BillingMonitor::reload);
    connect(subscriptions, &services::SubscriptionService::billingChanged, m_coalescer, qOverload<>(&QTimer::start));
    m_poll = new QTimer(this);
    m_poll->setInterval(15000);
    connect(m_poll, &QTimer::timeout, this, &BillingMonitor::reload);
}

void BillingMonitor::start()
{
    reload();
    m_poll->start();
}

QString BillingMonitor::figuresText() const { return m_figures->text(); }

void BillingMonitor::reload()
{
    if (m_loading)
        return;
    m_loading = true;
    emit loadingChanged(true);
    m_subscriptions->billingStatus().then(this, [this](const models::Result<services::BillingStatus> &status) {
        m_loading = false;
        if (status.ok())
            show(status.value());
        else
            emit failed(status.error());
        emit loadingChanged(false);
    });
}

void BillingMonitor::show(const services::BillingStatus &s)
{
    const QLocale locale;
    const qint64 succeeded = sum(s.chargesToday, {QStringLiteral("succeeded"), QStringLiteral("reconciled")});
    const qint64 failedToday = s.chargesToday.value(QStringLiteral("failed"));
    const qint64 queued = sum(s.openRequests, s.openRequests.keys());
    m_figures->setText(tr("Today (%1): %2 subscriptions due · %3 in dunning · charges %4 succeeded, %5 failed · "
                          "%6 not yet settled · %7 worker requests open")
                           .arg(locale.toString(s.businessDate, QStringLiteral("dd/MM/yyyy")), locale.toString(s.dueSubscriptions),
                                locale.toString(s.inDunning), locale.toString(succeeded), locale.toString(failedToday),
                                locale.toString(s.chargesInFlight), locale.toString(queued)));
    QString health = s.workersAlive > 0 ? tr("%n worker(s) running", nullptr, int(s.workersAlive))
                                        : tr("No okla-worker is running: requests wait until one starts.");
    if (s.lastRunId > 0)
        health += QStringLiteral(" · ")
                  + tr("last billing run #%1: %2").arg(s.lastRunId).arg(requestStateText(s.lastRunState));
    m_health->setText(health);
    m_health->setProperty("warning", s.workersAlive == 0);
    // A settled request frees the button for the next run; one still open keeps its key.
    if (s.lastRunState != QLatin1String("pending") && s.lastRunState != QLatin1String("running"))
        m_billingKey = QUuid();
}

void BillingMonitor::ask(const QString &kind, QUuid &key)
{
    // The key is made when the person first asks and kept until the request settles, so a double
    // click or an impatient second click asks once (docs/domain.md §22).
    if (key.isNull())
        key = QUuid::createUuid();
    m_subscriptions->request(kind, {}, key).then(this, [this](const models::Result<services::WorkRequest> &request) {
        if (!request.ok()) {
            ErrorPresenter::show(this, tr("Could not ask the worker"), request.error());
            return;
        }
        emit requested(request->id);
        reload();
    });
}

} // namespace okla::ui
