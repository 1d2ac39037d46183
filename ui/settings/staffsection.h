#pragma once

#include <QGroupBox>
#include <QList>

#include "models/staff/staffmember.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace okla::services {
class StaffService;
}

namespace okla::ui {

class InlineErrorWidget;

/// Settings → Staff: who may sign in and in which group; admins create, move and deactivate staff
/// logins (docs/security.md §13). For anyone else it only says that admins manage staff. The
/// database decides in the end: a refusal is shown inline.
class StaffSection : public QGroupBox
{
    Q_OBJECT
public:
    StaffSection(services::StaffService *staff, bool isAdmin, const QString &signedInLogin, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    InlineErrorWidget *errorWidget() const { return m_error; }
    /// Reads the staff table again (after a change, or "Try again").
    void reload();

private:
    void fill(const QList<models::StaffMember> &staff);
    const models::StaffMember *selected() const;
    void updateButtons();
    void createStaff();
    void changeRole();
    void deactivate();
    void finishChange(const models::Status &status, const QString &context);

    services::StaffService *m_staff = nullptr;
    QString m_self;
    QList<models::StaffMember> m_rows;
    QTableWidget *m_table = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_changeRole = nullptr;
    QPushButton *m_deactivate = nullptr;
    QLabel *m_status = nullptr;
    InlineErrorWidget *m_error = nullptr;
};

} // namespace okla::ui
