#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace okla::ui {

class BillingMonitor;
class DiscrepancyTableModel;
class InlineErrorWidget;
class SubscriptionTableModel;

/// Subscriptions: the billing-run monitor, every subscription filtered by status, plan, provider
/// and dunning stage with its next charge date, the actions people take on one (each an intent
/// okla-worker carries out; the database decides who may ask, docs/domain.md §22), and the open
/// findings of reconciliation. Live through NOTIFY.
class SubscriptionsPage : public Page
{
    Q_OBJECT
public:
    explicit SubscriptionsPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Subscriptions"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/subscriptions.svg"); }
    QString slug() const override { return QStringLiteral("subscriptions"); }
    void activate() override;
    bool isLoading() const override;
    bool focusSearch() override;

    SubscriptionTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

private:
    QWidget *createSubscriptionsTab();
    QWidget *createReconciliationTab();
    QComboBox *addFilter(const QString &objectName, const QString &anyText, const QList<QPair<QString, QString>> &items);
    void applyFilter();
    void updateSummary();
    void updateActions();
    void loadDiscrepancies();
    void loadPlans();
    void askWorker(const QString &kind, const QJsonObject &params, const QString &what);
    void retryCharge();
    void cancelAtPeriodEnd();
    void changePlan();
    bool hasRole(const char *groupRole) const;

    PageContext m_context;
    SubscriptionTableModel *m_model = nullptr;
    DiscrepancyTableModel *m_discrepancies = nullptr;
    BillingMonitor *m_monitor = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_plan = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_dunning = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_discrepancyTable = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_discrepancySummary = nullptr;
    QLabel *m_lastRequest = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_changePlan = nullptr;
    QHBoxLayout *m_filters = nullptr;
    InlineErrorWidget *m_error = nullptr;
    QTimer *m_debounce = nullptr;
    QTimer *m_coalescer = nullptr;
    QList<QPair<QString, QString>> m_plans;
    bool m_started = false;
    bool m_mayReadDiscrepancies = false;
    bool m_discrepanciesLoading = false;
};

} // namespace okla::ui
