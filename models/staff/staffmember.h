#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include "models/result.h"

namespace okla::models {

/// The four staff groups a person can be in (docs/security.md §2); exactly one at a time.
enum class StaffRole { Finance, Manager, Support, Admin };

/// "finance" | "manager" | "support" | "admin", as the staff table and the CLI spell it.
QString staffRoleKey(StaffRole role);
std::optional<StaffRole> staffRoleFromKey(const QString &key);
/// Translated for people: "Finance", "Manager", "Support", "Admin".
QString staffRoleLabel(StaffRole role);

/// One row of the staff table: a person and their own PostgreSQL login.
struct StaffMember
{
    qint64 id = 0;
    QString login;
    QString fullName;
    QString email; ///< empty when none
    std::optional<StaffRole> role; ///< empty only for a value this build does not know
    QString roleKey; ///< as stored
    bool active = true;
    QDateTime createdAt;
};

/// What an admin asks for when creating (or re-creating) a staff member.
struct StaffDraft
{
    QString login;
    QString fullName;
    StaffRole role = StaffRole::Support;
    QString email; ///< empty: none
};

/// The rules the database enforces too (migration 11), checked first so that a person gets one
/// translated sentence instead of the server's. Each returns the first problem found.
namespace staffrules {
constexpr int MaxNameLength = 200;
/// 2 to 63 characters: a lower-case letter, then lower-case letters, digits or _; not pg_/okla_.
Status checkLogin(const QString &login);
Status checkFullName(const QString &fullName);
/// Empty is fine; otherwise name@domain.tld, at most 254 characters, no spaces.
Status checkEmail(const QString &email);
Result<StaffRole> parseRole(const QString &key);
Status checkDraft(const StaffDraft &draft);
} // namespace staffrules

} // namespace okla::models

Q_DECLARE_METATYPE(okla::models::StaffMember)
