#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;

namespace okla::ui {

/// Asks for the plan and billing cycle a subscription moves to; the worker carries the change out
/// (docs/domain.md §22). OK stays disabled until something differs from the current plan and cycle.
class ChangePlanDialog : public QDialog
{
    Q_OBJECT
public:
    ChangePlanDialog(const QList<QPair<QString, QString>> &plans, const QString &currentPlan,
                     const QString &currentCycle, const QString &dealerName, QWidget *parent = nullptr);

    QString planKey() const;
    QString billingCycle() const;

private:
    QComboBox *m_plan = nullptr;
    QComboBox *m_cycle = nullptr;
};

} // namespace okla::ui
