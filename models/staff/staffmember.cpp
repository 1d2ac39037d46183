#include "models/staff/staffmember.h"

#include "models/cardmask.h"

#include <QRegularExpression>

namespace okla::models {

QString staffRoleKey(StaffRole role)
{
    switch (role) {
    case StaffRole::Finance:
        return QStringLiteral("finance");
    case StaffRole::Manager:
        return QStringLiteral("manager");
    case StaffRole::Support:
        return QStringLiteral("support");
    case StaffRole::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<StaffRole> staffRoleFromKey(const QString &key)
{
    for (StaffRole role : { StaffRole::Finance, StaffRole::Manager, StaffRole::Support, StaffRole::Admin }) {
        if (staffRoleKey(role) == key)
            return role;
    }
    return std::nullopt;
}

QString staffRoleLabel(StaffRole role)
{
    switch (role) {
    case StaffRole::Finance:
        return QCoreApplication::translate("okla", "Finance");
    case StaffRole::Manager:
        return QCoreApplication::translate("okla", "Manager");
    case StaffRole::Support:
        return QCoreApplication::translate("okla", "Support");
    case StaffRole::Admin:
        return QCoreApplication::translate("okla", "Administrator");
    }
    return {};
}

namespace staffrules {

Status checkLogin(const QString &login)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z][a-z0-9_]{1,62}$"));
    if (!shape.match(login).hasMatch() || login.startsWith(QLatin1String("pg_"))
        || login.startsWith(QLatin1String("okla_")))
        return makeError(QStringLiteral("staff.login"),
            QCoreApplication::translate("okla",
                "A login is 2 to 63 lower-case letters, digits or _, starts with a letter and not with "
                "pg_ or okla_."));
    return {};
}

Status checkFullName(const QString &fullName)
{
    if (fullName.trimmed().isEmpty() || fullName.size() > MaxNameLength)
        return makeError(QStringLiteral("staff.name"),
            QCoreApplication::translate("okla", "A name is 1 to %1 characters.").arg(MaxNameLength));
    // The name is copied into the append-only audit log (docs/security.md §11).
    return checkNoCardNumber(fullName, QCoreApplication::translate("okla", "Name"));
}

Status checkEmail(const QString &email)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!email.isEmpty() && (email.size() > 254 || !shape.match(email).hasMatch()))
        return makeError(QStringLiteral("staff.email"),
            QCoreApplication::translate("okla", "An e-mail address looks like name@domain.tld."));
    return {};
}

Result<StaffRole> parseRole(const QString &key)
{
    if (auto role = staffRoleFromKey(key))
        return *role;
    return makeError(QStringLiteral("staff.role"),
        QCoreApplication::translate("okla", "A staff role is finance, manager, support or admin."));
}

Status checkDraft(const StaffDraft &draft)
{
    if (auto ok = checkLogin(draft.login); !ok)
        return ok;
    if (auto ok = checkFullName(draft.fullName); !ok)
        return ok;
    return checkEmail(draft.email);
}

} // namespace staffrules

} // namespace okla::models
