#include "ui/subscriptions/changeplandialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

#include "models/statuses.h"

namespace okla::ui {

ChangePlanDialog::ChangePlanDialog(const QList<QPair<QString, QString>> &plans, const QString &currentPlan,
                                   const QString &currentCycle, const QString &dealerName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Change plan"));
    auto *layout = new QFormLayout(this);
    auto *intro = new QLabel(tr("%1 moves to the plan and cycle below from its next period. okla-worker carries "
                                "the change out and records it in the subscription's history.")
                                 .arg(dealerName),
                             this);
    intro->setWordWrap(true);
    layout->addRow(intro);
    m_plan = new QComboBox(this);
    m_plan->setObjectName(QStringLiteral("changePlanPlan"));
    for (const auto &[key, name] : plans)
        m_plan->addItem(name, key);
    m_plan->setCurrentIndex(std::max(0, m_plan->findData(currentPlan)));
    m_cycle = new QComboBox(this);
    m_cycle->setObjectName(QStringLiteral("changePlanCycle"));
    for (models::BillingCycle cycle : models::allValues<models::BillingCycle>())
        m_cycle->addItem(models::label(cycle), models::toDb(cycle));
    m_cycle->setCurrentIndex(std::max(0, m_cycle->findData(currentCycle)));
    layout->addRow(tr("&Plan"), m_plan);
    layout->addRow(tr("&Cycle"), m_cycle);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Ask the worker"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addRow(buttons);
    auto updateOk = [=, this]() {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(planKey() != currentPlan || billingCycle() != currentCycle);
    };
    connect(m_plan, &QComboBox::currentIndexChanged, this, updateOk);
    connect(m_cycle, &QComboBox::currentIndexChanged, this, updateOk);
    updateOk();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ChangePlanDialog::planKey() const { return m_plan->currentData().toString(); }
QString ChangePlanDialog::billingCycle() const { return m_cycle->currentData().toString(); }

} // namespace okla::ui
