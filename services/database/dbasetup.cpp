#include "services/database/dbasetup.h"

#include <QCoreApplication>
#include <QFile>

#include "services/database/pgconnection.h"

namespace okla::services {

using models::makeError;
using models::Status;

QByteArray DbaSetup::script()
{
    QFile file(QStringLiteral(":/okla/dba/okla_dba.sql"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Status DbaSetup::apply(PgConnection &superuser)
{
    const QByteArray sql = script();
    if (sql.isEmpty())
        return makeError(QStringLiteral("dba.missing"),
            QCoreApplication::translate("okla", "The DBA script is missing from this build."));
    auto who = superuser.exec(QStringLiteral("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user"));
    if (!who)
        return who.error();
    if (who->rows() != 1 || who->text(0, 0) != QLatin1String("t"))
        return makeError(QStringLiteral("dba.not_superuser"),
            QCoreApplication::translate(
                "okla", "The DBA step must run as a PostgreSQL superuser (for example --user postgres)."));
    if (auto ok
        = superuser.execScript(QStringLiteral("BEGIN;\n") + QString::fromUtf8(sql) + QStringLiteral("\nCOMMIT;"));
        !ok) {
        superuser.rollbackAfterError();
        return ok;
    }
    return {};
}

Status DbaSetup::ensureServiceLogin(PgConnection &superuser, const QString &login, ServiceGroup group,
                                   QByteArray password)
{
    QVariant verifier; // null: no password
    if (!password.isEmpty()) {
        auto made = superuser.scramVerifier(login, password);
        if (!made)
            return made.error();
        verifier = made.value();
    }
    const QString groupName = group == ServiceGroup::Worker ? QStringLiteral("okla_worker") : QStringLiteral("pg_monitor");
    auto done = superuser.exec(QStringLiteral("SELECT okla_dba.service_login($1, $2, $3)"), {login, groupName, verifier});
    if (!done)
        return makeError(QStringLiteral("dba.service_login"),
            QCoreApplication::translate("okla", "The service login %1 was not made: %2.")
                .arg(login, serverSentence(done.error().detail)));
    return {};
}

} // namespace okla::services
