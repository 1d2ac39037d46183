#include "services/staff/staffrepository.h"

#include <libpq-fe.h>

#include "models/secretmask.h"
#include "services/database/pgconnection.h"

namespace okla::services {

using models::Error;
using models::makeError;
using models::Result;
using models::StaffMember;
using models::Status;

namespace {

Error refusal(const Error &error)
{
    const QString state = error.code.section(u'.', -1);
    if (state == QLatin1String("42501"))
        return makeError(QStringLiteral("staff.forbidden"),
            QCoreApplication::translate("okla", "Only an admin may manage staff."), serverSentence(error.detail));
    if (state == QLatin1String("22023"))
        return makeError(QStringLiteral("staff.refused"),
            QCoreApplication::translate("okla", "The database refused the change: %1.")
                .arg(serverSentence(error.detail)));
    // Only the server's sentence: its context lines may quote the statements of the DBA functions.
    return makeError(error.code, error.message, serverSentence(error.detail));
}

} // namespace

Result<QList<StaffMember>> StaffRepository::list()
{
    auto rows = m_connection.exec(
        QStringLiteral("SELECT id, role_name, full_name, coalesce(email, ''), staff_role, active,"
                       "       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                       " FROM staff ORDER BY active DESC, role_name"));
    if (!rows)
        return rows.error();
    QList<StaffMember> staff;
    for (int r = 0; r < rows->rows(); ++r) {
        StaffMember m;
        m.id = rows->toInt64(r, 0);
        m.login = rows->text(r, 1);
        m.fullName = rows->text(r, 2);
        m.email = rows->text(r, 3);
        m.roleKey = rows->text(r, 4);
        m.role = models::staffRoleFromKey(m.roleKey);
        m.active = rows->text(r, 5) == QLatin1String("t");
        m.createdAt = QDateTime::fromString(rows->text(r, 6), Qt::ISODate);
        staff.append(m);
    }
    return staff;
}

Result<qint64> StaffRepository::create(const models::StaffDraft &draft, QByteArray password)
{
    if (auto ok = models::staffrules::checkDraft(draft); !ok)
        return ok.error();
    QVariant verifier; // null: no password change
    if (!password.isEmpty()) {
        auto made = m_connection.scramVerifier(draft.login, password);
        if (!made)
            return made.error();
        verifier = made.value();
    }
    auto id = m_connection.exec(QStringLiteral("SELECT okla_staff_create($1, $2, $3, $4, $5)"),
        { draft.login, draft.fullName.trimmed(), models::staffRoleKey(draft.role),
            draft.email.isEmpty() ? QVariant() : QVariant(draft.email), verifier });
    if (!id)
        return refusal(id.error());
    return id->toInt64(0, 0);
}

Status StaffRepository::setRole(const QString &login, models::StaffRole role)
{
    if (auto ok = models::staffrules::checkLogin(login); !ok)
        return ok;
    auto done = m_connection.exec(
        QStringLiteral("SELECT okla_staff_set_role($1, $2)"), { login, models::staffRoleKey(role) });
    if (!done)
        return refusal(done.error());
    return {};
}

Status StaffRepository::deactivate(const QString &login)
{
    if (auto ok = models::staffrules::checkLogin(login); !ok)
        return ok;
    auto done = m_connection.exec(QStringLiteral("SELECT okla_staff_deactivate($1)"), { login });
    if (!done)
        return refusal(done.error());
    return {};
}

} // namespace okla::services
