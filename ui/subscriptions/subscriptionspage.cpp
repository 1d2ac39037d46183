#include "ui/subscriptions/subscriptionspage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

#include "models/statuses.h"
#include "services/session/session.h"
#include "services/subscriptions/subscriptionservice.h"
#include "ui/errors/errorpresenter.h"
#include "ui/errors/inlineerrorwidget.h"
#include "ui/subscriptions/billingmonitor.h"
#include "ui/subscriptions/changeplandialog.h"
#include "ui/subscriptions/discrepancytablemodel.h"
#include "ui/subscriptions/subscriptiontablemodel.h"

namespace okla::ui {

namespace {

template<typename E>
QList<QPair<QString, QString>> statusItems()
{
    QList<QPair<QString, QString>> items;
    for (E value : models::allValues<E>())
        items.append({models::toDb(value), models::label(value)});
    return items;
}

QTableView *createTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return table;
}

} // namespace

SubscriptionsPage::SubscriptionsPage(const PageContext &context, QWidget *parent) : Page(parent), m_context(context)
{
    m_model = new SubscriptionTableModel(context.subscriptions, this);
    m_discrepancies = new DiscrepancyTableModel(this);
    m_mayReadDiscrepancies = hasRole("okla_finance") || hasRole("okla_manager") || hasRole("okla_admin");

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(createHeading());
    m_monitor = new BillingMonitor(context.subscriptions, m_mayReadDiscrepancies, this);
    layout->addWidget(m_monitor);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createSubscriptionsTab(), tr("Subscriptions"));
    m_tabs->addTab(createReconciliationTab(), tr("Reconciliation"));
    layout->addWidget(m_tabs, 1);
    m_lastRequest = new QLabel(this);
    m_lastRequest->setObjectName(QStringLiteral("lastRequest"));
    layout->addWidget(m_lastRequest);
    m_error = new InlineErrorWidget(this);
    m_error->setObjectName(QStringLiteral("subscriptionError"));
    layout->addWidget(m_error);

    connect(m_error, &InlineErrorWidget::retryRequested, this, &SubscriptionsPage::applyFilter);
    connect(m_monitor, &BillingMonitor::loadingChanged, this, [this]() { emit loadingChanged(isLoading()); });
    connect(m_monitor, &BillingMonitor::failed, this,
            [this](const models::Error &error) { m_error->showError(tr("Could not load the billing figures"), error); });
    connect(m_monitor, &BillingMonitor::requested, this, [this](qint64 id) {
        m_lastRequest->setText(tr("Asked okla-worker: request #%1; the figures above follow it.").arg(id));
    });
    connect(m_model, &SubscriptionTableModel::loadingChanged, this, [this]() {
        updateSummary();
        emit loadingChanged(isLoading());
    });
    connect(m_model, &SubscriptionTableModel::totalCountChanged, this, &SubscriptionsPage::updateSummary);
    connect(m_model, &SubscriptionTableModel::pageLoaded, this, [this]() {
        m_error->clear();
        updateSummary();
        updateActions();
    });
    connect(m_model, &SubscriptionTableModel::loadFailed, this, [this](const models::Error &error) {
        m_error->showError(tr("Could not load subscriptions"), error);
        updateSummary();
    });

    // Live: subscription, request and discrepancy notices refresh what is shown, coalesced.
    m_coalescer = new QTimer(this);
    m_coalescer->setSingleShot(true);
    m_coalescer->setInterval(500);
    connect(m_coalescer, &QTimer::timeout, this, [this]() {
        if (!m_started)
            return;
        m_model->refresh();
        loadDiscrepancies();
    });
    connect(context.subscriptions, &services::SubscriptionService::billingChanged, m_coalescer,
            qOverload<>(&QTimer::start));
    updateSummary();
    updateActions();
}

bool SubscriptionsPage::hasRole(const char *groupRole) const
{
    return m_context.session && m_context.session->info().groupRoles.contains(QLatin1String(groupRole));
}

QComboBox *SubscriptionsPage::addFilter(const QString &objectName, const QString &anyText,
                                        const QList<QPair<QString, QString>> &items)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->addItem(anyText, QString());
    for (const auto &[value, text] : items)
        combo->addItem(text, value);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(combo, &QComboBox::currentIndexChanged, this, &SubscriptionsPage::applyFilter);
    m_filters->addWidget(combo);
    return combo;
}

QWidget *SubscriptionsPage::createSubscriptionsTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_filters = new QHBoxLayout;
    m_search = new QLineEdit(tab);
    m_search->setObjectName(QStringLiteral("subscriptionSearch"));
    m_search->setPlaceholderText(tr("Dealer name, RNC/cédula, or a subscription or dealer number"));
    m_search->setClearButtonEnabled(true);
    m_filters->addWidget(m_search, 1);
    m_status = addFilter(QStringLiteral("statusFilter"), tr("Any status"), statusItems<models::SubscriptionStatus>());
    m_plan = addFilter(QStringLiteral("planFilter"), tr("Any plan"), {});
    m_provider = addFilter(QStringLiteral("providerFilter"), tr("Any provider"), statusItems<models::PaymentProvider>());
    m_dunning = addFilter(QStringLiteral("dunningFilter"), tr("Any dunning stage"),
                          {{QStringLiteral("none"), tr("Not in dunning")},
                           {QStringLiteral("retrying"), tr("Retrying")},
                           {QStringLiteral("retries_used_up"), tr("Retries used up")}});
    layout->addLayout(m_filters);

    m_table = createTable(m_model, QStringLiteral("subscriptionTable"), tab);
    m_table->horizontalHeader()->setSectionResizeMode(SubscriptionTableModel::Dealer, QHeaderView::Stretch);
    const QFontMetrics metrics = m_table->fontMetrics();
    auto widthFor = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    m_table->setColumnWidth(SubscriptionTableModel::Plan, widthFor(QStringLiteral("Enterprise")));
    m_table->setColumnWidth(SubscriptionTableModel::Cycle, widthFor(QStringLiteral("Trimestral")));
    m_table->setColumnWidth(SubscriptionTableModel::Provider, widthFor(QStringLiteral("Proveedor")));
    m_table->setColumnWidth(SubscriptionTableModel::Status, widthFor(QStringLiteral("Activa, termina 00/00/0000")));
    m_table->setColumnWidth(SubscriptionTableModel::Price, widthFor(QStringLiteral("RD$000,000.00")));
    m_table->setColumnWidth(SubscriptionTableModel::NextCharge, widthFor(QStringLiteral("Próximo cobro")));
    m_table->setColumnWidth(SubscriptionTableModel::Dunning, widthFor(QStringLiteral("Reintentando (0 fallidos)")));
    layout->addWidget(m_table, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SubscriptionsPage::updateActions);

    auto *footer = new QHBoxLayout;
    m_summary = new QLabel(tab);
    m_summary->setObjectName(QStringLiteral("subscriptionSummary"));
    footer->addWidget(m_summary, 1);
    m_retry = new QPushButton(tr("&Retry charge now"), tab);
    m_retry->setObjectName(QStringLiteral("retryCharge"));
    m_retry->setToolTip(tr("Finance: charge the overdue invoice now, outside the dunning days"));
    m_cancel = new QPushButton(tr("Cancel at &period end"), tab);
    m_cancel->setObjectName(QStringLiteral("cancelAtPeriodEnd"));
    m_cancel->setToolTip(tr("Finance and managers: the subscription ends when its paid period ends"));
    m_changePlan = new QPushButton(tr("C&hange plan…"), tab);
    m_changePlan->setObjectName(QStringLiteral("changePlan"));
    m_changePlan->setToolTip(tr("Finance and managers: another plan or billing cycle from the next period"));
    // Only what the person's role may ask for is shown; the database refuses the rest anyway.
    m_retry->setVisible(hasRole("okla_finance"));
    m_cancel->setVisible(hasRole("okla_finance") || hasRole("okla_manager"));
    m_changePlan->setVisible(hasRole("okla_finance") || hasRole("okla_manager"));
    footer->addWidget(m_retry);
    footer->addWidget(m_cancel);
    footer->addWidget(m_changePlan);
    layout->addLayout(footer);
    connect(m_retry, &QPushButton::clicked, this, &SubscriptionsPage::retryCharge);
    connect(m_cancel, &QPushButton::clicked, this, &SubscriptionsPage::cancelAtPeriodEnd);
    connect(m_changePlan, &QPushButton::clicked, this, &SubscriptionsPage::changePlan);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SubscriptionsPage::applyFilter);
    return tab;
}

QWidget *SubscriptionsPage::createReconciliationTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_discrepancySummary = new QLabel(tab);
    m_discrepancySummary->setObjectName(QStringLiteral("discrepancySummary"));
    m_discrepancySummary->setWordWrap(true);
    layout->addWidget(m_discrepancySummary);
    m_discrepancyTable = createTable(m_discrepancies, QStringLiteral("discrepancyTable"), tab);
    m_discrepancyTable->horizontalHeader()->setSectionResizeMode(DiscrepancyTableModel::Reference, QHeaderView::Stretch);
    m_discrepancyTable->setColumnWidth(DiscrepancyTableModel::Kind,
                                       m_discrepancyTable->fontMetrics().horizontalAdvance(
                                           QStringLiteral("Suscripción de Stripe sin registro")) + 24);
    layout->addWidget(m_discrepancyTable, 1);
    if (!m_mayReadDiscrepancies) {
        m_discrepancyTable->hide();
        m_discrepancySummary->setText(tr("Reconciliation findings are for finance, managers and admins; your role "
                                         "does not see them. Ask finance about a payment that does not match."));
    }
    return tab;
}

void SubscriptionsPage::activate()
{
    if (m_started)
        return;
    m_started = true;
    m_monitor->start();
    loadPlans();
    applyFilter();
    loadDiscrepancies();
}

bool SubscriptionsPage::isLoading() const
{
    return !m_started || m_model->isLoading() || m_monitor->isLoading() || m_discrepanciesLoading;
}

bool SubscriptionsPage::focusSearch()
{
    m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
    return true;
}

void SubscriptionsPage::applyFilter()
{
    if (!m_started)
        return;
    models::SubscriptionFilter filter;
    filter.search = m_search->text().trimmed();
    filter.status = m_status->currentData().toString();
    filter.planKey = m_plan->currentData().toString();
    filter.provider = m_provider->currentData().toString();
    filter.dunningStage = m_dunning->currentData().toString();
    m_model->setFilter(filter);
}

void SubscriptionsPage::loadPlans()
{
    m_context.subscriptions->plans().then(this, [this](const models::Result<QList<QPair<QString, QString>>> &plans) {
        if (!plans.ok())
            return; // the plan filter stays at "any plan"; the table's own error says what is wrong
        m_plans = plans.value();
        const QSignalBlocker blocker(m_plan);
        for (const auto &[key, name] : m_plans)
            m_plan->addItem(name, key);
    });
}

void SubscriptionsPage::loadDiscrepancies()
{
    if (!m_mayReadDiscrepancies || m_discrepanciesLoading)
        return;
    m_discrepanciesLoading = true;
    m_context.subscriptions->openDiscrepancies().then(
        this, [this](const models::Result<QList<models::Discrepancy>> &rows) {
            m_discrepanciesLoading = false;
            if (!rows.ok()) {
                m_discrepancySummary->setText(ErrorPresenter::message(rows.error()));
            } else {
                m_discrepancies->setRows(rows.value());
                m_discrepancySummary->setText(
                    rows->isEmpty() ? tr("No open discrepancy: AZUL, Stripe and OKLA agree as of the last reconciliation.")
                                    : tr("%n open discrepancy(ies), newest first. Each stays open until someone "
                                         "resolves it with a note.", nullptr, int(rows->size())));
            }
            emit loadingChanged(isLoading());
        });
}

void SubscriptionsPage::updateSummary()
{
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    QString text;
    if (m_model->isLoading() && shown == 0)
        text = tr("Loading subscriptions…");
    else if (total == 0)
        text = tr("No subscription matches these filters.");
    else if (total < 0)
        text = tr("%n subscription(s) shown", nullptr, shown);
    else
        text = tr("Showing %1 of %2 subscriptions").arg(locale.toString(shown), locale.toString(total));
    m_summary->setText(text);
}

void SubscriptionsPage::updateActions()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const bool selected = rows.size() == 1;
    const models::SubscriptionSummary *s = selected ? &m_model->subscription(rows.first().row()) : nullptr;
    const bool live = s && s->status != QLatin1String("cancelled") && s->status != QLatin1String("expired");
    m_retry->setEnabled(s && s->dunningStartedOn.isValid() && live);
    m_cancel->setEnabled(live && !s->cancelAtPeriodEnd);
    m_changePlan->setEnabled(live && !m_plans.isEmpty());
}

void SubscriptionsPage::askWorker(const QString &kind, const QJsonObject &params, const QString &what)
{
    // The key is made when the person confirms, once: the request is inserted once however often
    // the answer is slow (docs/domain.md §22).
    m_context.subscriptions->request(kind, params, QUuid::createUuid())
        .then(this, [this, what](const models::Result<services::WorkRequest> &request) {
            if (!request.ok()) {
                ErrorPresenter::show(this, tr("Could not ask the worker"), request.error());
                return;
            }
            m_lastRequest->setText(tr("%1: request #%2 asked; okla-worker carries it out and the table follows.")
                                       .arg(what).arg(request->id));
        });
}

void SubscriptionsPage::retryCharge()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const models::SubscriptionSummary s = m_model->subscription(rows.first().row());
    if (QMessageBox::question(this, tr("Retry charge now"),
                              tr("Charge the overdue invoice of %1 now, outside the dunning days?").arg(s.dealerName))
        != QMessageBox::Yes)
        return;
    askWorker(QStringLiteral("retry_charge"), {{QStringLiteral("subscription_id"), s.id}}, tr("Retry charge"));
}

void SubscriptionsPage::cancelAtPeriodEnd()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const models::SubscriptionSummary s = m_model->subscription(rows.first().row());
    if (QMessageBox::question(this, tr("Cancel at period end"),
                              tr("%1 keeps its plan until its paid period ends, then the subscription is cancelled. "
                                 "Continue?").arg(s.dealerName))
        != QMessageBox::Yes)
        return;
    askWorker(QStringLiteral("cancel_at_period_end"), {{QStringLiteral("subscription_id"), s.id}},
              tr("Cancel at period end"));
}

void SubscriptionsPage::changePlan()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const models::SubscriptionSummary s = m_model->subscription(rows.first().row());
    ChangePlanDialog dialog(m_plans, s.planKey, s.billingCycle, s.dealerName, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    askWorker(QStringLiteral("change_plan"),
              {{QStringLiteral("subscription_id"), s.id},
               {QStringLiteral("plan_key"), dialog.planKey()},
               {QStringLiteral("billing_cycle"), dialog.billingCycle()}},
              tr("Change plan"));
}

} // namespace okla::ui
