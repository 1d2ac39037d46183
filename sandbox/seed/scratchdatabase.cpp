#include "sandbox/seed/scratchdatabase.h"

#include "sandbox/seed/seedcontextloader.h"
#include "services/database/dbasetup.h"
#include "services/database/migrator.h"
#include "services/database/pgconnection.h"

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

QString quoteIdent(const QString &name) { return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"'; }

} // namespace

namespace {
// Where a failure cannot be returned (destructor, move): said on stderr, never ignored.
void dropOrWarn(ScratchDatabase &db)
{
    if (Status dropped = db.drop(); !dropped)
        qWarning("scratch database not dropped: %s", qPrintable(dropped.error().toString()));
}
} // namespace

ScratchDatabase::~ScratchDatabase() { dropOrWarn(*this); }

ScratchDatabase::ScratchDatabase(ScratchDatabase &&other) noexcept
    : m_profile(std::move(other.m_profile)), m_name(std::move(other.m_name)), m_admin(std::move(other.m_admin))
{
    other.m_name.clear();
}

ScratchDatabase &ScratchDatabase::operator=(ScratchDatabase &&other) noexcept
{
    if (this != &other) {
        dropOrWarn(*this);
        m_profile = std::move(other.m_profile);
        m_name = std::move(other.m_name);
        m_admin = std::move(other.m_admin);
        other.m_name.clear();
    }
    return *this;
}

Result<ScratchDatabase> ScratchDatabase::create(const services::ConnectionProfile &profile, const QString &name,
                                                bool migrate)
{
    services::ConnectionProfile maintenance = profile;
    maintenance.pgDatabase = QStringLiteral("postgres");
    ScratchDatabase db;
    db.m_profile = profile;
    db.m_profile.pgDatabase = name;
    QString lastError;
    for (const QString &admin : {QStringLiteral("okla_owner"), QStringLiteral("postgres")}) {
        auto conn = services::PgConnection::open(maintenance.conninfo(admin, QStringLiteral("okla-seed-scratch")));
        if (!conn) {
            lastError = conn.error().toString();
            continue;
        }
        if (auto dropped = conn->execScript(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdent(name)));
            !dropped) {
            lastError = dropped.error().toString();
            continue;
        }
        auto made = conn->execScript(QStringLiteral("CREATE DATABASE %1 OWNER okla_owner").arg(quoteIdent(name)));
        if (!made) {
            lastError = made.error().toString();
            continue;
        }
        db.m_name = name;
        db.m_admin = admin;
        break;
    }
    if (db.m_name.isEmpty())
        return makeError(QStringLiteral("seed.scratch"),
                         QCoreApplication::translate("okla", "Could not create the scratch database %1.").arg(name), lastError);
    if (migrate) {
        // The DBA step and the demo staff as the superuser, the migrations as the owner
        // (docs/security.md §13).
        auto superuser = services::PgConnection::openQuiet(db.conninfo(QStringLiteral("postgres")));
        if (!superuser)
            return superuser.error();
        if (auto ok = services::DbaSetup::apply(superuser.value()); !ok)
            return ok.error();
        auto owner = services::PgConnection::open(db.conninfo());
        if (!owner)
            return owner.error();
        auto applied = services::Migrator::migrate(owner.value());
        if (!applied)
            return applied.error();
        if (auto ok = ensureDemoStaff(superuser.value()); !ok)
            return ok.error();
    }
    return db;
}

QString ScratchDatabase::conninfo(const QString &user) const
{
    return m_profile.conninfo(user, QStringLiteral("okla-seed-scratch"));
}

Status ScratchDatabase::drop()
{
    if (m_name.isEmpty())
        return {};
    services::ConnectionProfile maintenance = m_profile;
    maintenance.pgDatabase = QStringLiteral("postgres");
    auto conn = services::PgConnection::open(maintenance.conninfo(m_admin, QStringLiteral("okla-seed-scratch")));
    if (!conn)
        return conn.error();
    const QString name = std::exchange(m_name, QString());
    return conn->execScript(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdent(name)));
}

} // namespace okla::sandbox
