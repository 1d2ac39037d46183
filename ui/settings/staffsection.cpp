#include "ui/settings/staffsection.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "services/staff/staffservice.h"
#include "ui/errors/inlineerrorwidget.h"

namespace okla::ui {

using models::StaffMember;
using models::StaffRole;
namespace staffrules = models::staffrules;

namespace {

constexpr StaffRole kRoles[] = { StaffRole::Finance, StaffRole::Manager, StaffRole::Support, StaffRole::Admin };

void addRoles(QComboBox *box)
{
    for (StaffRole role : kRoles)
        box->addItem(models::staffRoleLabel(role), models::staffRoleKey(role));
}

} // namespace

StaffSection::StaffSection(services::StaffService *staff, bool isAdmin, const QString &signedInLogin, QWidget *parent)
    : QGroupBox(tr("Staff"), parent), m_staff(staff), m_self(signedInLogin)
{
    setObjectName(QStringLiteral("staffSection"));
    auto *layout = new QVBoxLayout(this);
    if (!isAdmin || !m_staff) {
        auto *note = new QLabel(tr("Only an admin can see and manage staff logins."), this);
        note->setObjectName(QStringLiteral("staffAdminOnly"));
        note->setWordWrap(true);
        layout->addWidget(note);
        return;
    }
    auto *intro = new QLabel(tr("Each person signs in with their own login, in exactly one group. Changes take effect "
                                "at once and are recorded in the audit log."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("staffTable"));
    m_table->setHorizontalHeaderLabels({ tr("Login"), tr("Name"), tr("Role"), tr("Active") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setMinimumHeight(180);
    layout->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    m_create = new QPushButton(tr("Create…"), this);
    m_changeRole = new QPushButton(tr("Change role…"), this);
    m_deactivate = new QPushButton(tr("Deactivate…"), this);
    m_create->setObjectName(QStringLiteral("staffCreate"));
    m_changeRole->setObjectName(QStringLiteral("staffChangeRole"));
    m_deactivate->setObjectName(QStringLiteral("staffDeactivate"));
    buttons->addWidget(m_create);
    buttons->addWidget(m_changeRole);
    buttons->addWidget(m_deactivate);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_error = new InlineErrorWidget(this);
    m_error->hide();
    layout->addWidget(m_error);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaffSection::updateButtons);
    connect(m_create, &QPushButton::clicked, this, &StaffSection::createStaff);
    connect(m_changeRole, &QPushButton::clicked, this, &StaffSection::changeRole);
    connect(m_deactivate, &QPushButton::clicked, this, &StaffSection::deactivate);
    connect(m_error, &InlineErrorWidget::retryRequested, this, &StaffSection::reload);
    updateButtons();
    reload();
}

void StaffSection::reload()
{
    m_staff->list().then(this, [this](const models::Result<QList<StaffMember>> &result) {
        if (!result.ok()) {
            m_error->showError(tr("Could not load the staff"), result.error());
            return;
        }
        fill(result.value());
    });
}

void StaffSection::fill(const QList<StaffMember> &staff)
{
    m_rows = staff;
    m_table->setRowCount(int(staff.size()));
    for (int r = 0; r < staff.size(); ++r) {
        const StaffMember &m = staff[r];
        const QString role = m.role ? models::staffRoleLabel(*m.role) : m.roleKey;
        const QStringList cells { m.login, m.fullName, role, m.active ? tr("Yes") : tr("No") };
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(2);
    updateButtons();
}

const StaffMember *StaffSection::selected() const
{
    const int row = m_table->currentRow();
    return m_table->selectionModel()->hasSelection() && row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

void StaffSection::updateButtons()
{
    const StaffMember *m = selected();
    m_changeRole->setEnabled(m && m->active);
    // Nobody deactivates their own login (the database refuses it too).
    m_deactivate->setEnabled(m && m->active && m->login != m_self);
}

void StaffSection::createStaff()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Create a staff login"));
    auto *form = new QFormLayout(&dialog);
    auto *login = new QLineEdit(&dialog);
    auto *name = new QLineEdit(&dialog);
    auto *email = new QLineEdit(&dialog);
    auto *role = new QComboBox(&dialog);
    auto *problem = new QLabel(&dialog);
    login->setMaxLength(63);
    name->setMaxLength(staffrules::MaxNameLength);
    email->setMaxLength(254);
    addRoles(role);
    problem->setWordWrap(true);
    problem->hide();
    form->addRow(tr("Login"), login);
    form->addRow(tr("Full name"), name);
    form->addRow(tr("E-mail"), email);
    form->addRow(tr("Role"), role);
    form->addRow(problem);
    form->addRow(new QLabel(tr("The person sets their password with the database administrator."), &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    form->addRow(buttons);
    models::StaffDraft draft;
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&]() {
        draft = { login->text().trimmed(), name->text().trimmed(),
            *models::staffRoleFromKey(role->currentData().toString()), email->text().trimmed() };
        if (auto ok = staffrules::checkDraft(draft); !ok) {
            problem->setText(ok.error().message);
            problem->show();
            dialog.adjustSize();
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_staff->create(draft).then(this, [this, draft](const models::Result<qint64> &result) {
        finishChange(result.ok() ? models::Status() : models::Status(result.error()),
            tr("Could not create %1").arg(draft.login));
        if (result.ok())
            m_status->setText(tr("%1 can now sign in as %2.").arg(draft.fullName, draft.login));
    });
}

void StaffSection::changeRole()
{
    const StaffMember *m = selected();
    if (!m)
        return;
    QStringList labels;
    for (StaffRole role : kRoles)
        labels << models::staffRoleLabel(role);
    const int current = m->role ? labels.indexOf(models::staffRoleLabel(*m->role)) : 0;
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Change role"),
        tr("New group for %1 (the old one is removed):").arg(m->login), labels, std::max(current, 0), false, &ok);
    if (!ok)
        return;
    const StaffRole role = kRoles[labels.indexOf(choice)];
    const QString login = m->login;
    m_staff->setRole(login, role).then(this, [this, login](const models::Status &status) {
        finishChange(status, tr("Could not change the role of %1").arg(login));
    });
}

void StaffSection::deactivate()
{
    const StaffMember *m = selected();
    if (!m)
        return;
    const QString login = m->login;
    QMessageBox confirm(QMessageBox::Question, tr("Deactivate %1").arg(login),
        tr("%1 will no longer be able to sign in and their open sessions end now. Deactivate?").arg(m->fullName),
        QMessageBox::NoButton, this);
    QPushButton *yes = confirm.addButton(tr("Deactivate"), QMessageBox::AcceptRole);
    confirm.setDefaultButton(confirm.addButton(tr("Cancel"), QMessageBox::RejectRole));
    confirm.exec();
    if (confirm.clickedButton() != yes)
        return;
    m_staff->deactivate(login).then(this, [this, login](const models::Status &status) {
        finishChange(status, tr("Could not deactivate %1").arg(login));
    });
}

void StaffSection::finishChange(const models::Status &status, const QString &context)
{
    m_status->clear();
    if (!status.ok()) {
        m_error->showError(context, status.error());
        return;
    }
    m_error->clear();
    reload();
}

} // namespace okla::ui
