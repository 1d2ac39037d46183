#pragma once

#include <QString>

#include "models/result.h"
#include "services/session/connectionprofile.h"

namespace okla::sandbox {

/// A throwaway database in the sandbox cluster, owned by okla_owner and (optionally) migrated:
/// the seed's integration test and benchmark seed into one of these so that they never replace
/// the shared fixture database other tests read. Dropped by drop() or the destructor.
class ScratchDatabase
{
public:
    ScratchDatabase() = default;
    ~ScratchDatabase();
    ScratchDatabase(ScratchDatabase &&other) noexcept;
    ScratchDatabase &operator=(ScratchDatabase &&other) noexcept;
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    /// Creates `name` (as okla_owner when it may create databases, else as the cluster's
    /// superuser `postgres`, which the sandbox's initdb makes); with `migrate`, runs the DBA step,
    /// applies the embedded migrations and creates the seed's demo staff (ensureDemoStaff).
    static models::Result<ScratchDatabase> create(const services::ConnectionProfile &profile, const QString &name,
                                                  bool migrate = true);

    QString name() const { return m_name; }
    /// libpq conninfo for `user` (default the owner) in this database.
    QString conninfo(const QString &user = QStringLiteral("okla_owner")) const;
    models::Status drop();
    /// Leaves the database in place (for a look at the data afterwards); drop() does nothing then.
    void keep() { m_name.clear(); }

private:
    services::ConnectionProfile m_profile;
    QString m_name;
    QString m_admin; ///< the role that created it (drops it too)
};

} // namespace okla::sandbox
