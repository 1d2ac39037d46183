#pragma once

#include <memory>

#include <QString>
#include <QTemporaryDir>

#include "models/result.h"
#include "sandbox/sims/simoptions.h"

namespace okla::sandbox {

/// What a simulator test needs: a temporary folder with test credentials and certificates and a
/// throwaway `okla_sim_<random>` database in the test cluster, dropped again at the end.
/// The cluster comes from `$OKLA_SIM_TEST_CONNINFO` (an admin conninfo without dbname) or from the
/// active connection profile (OKLA_PROFILE=test in ctest), with the first role that may create
/// databases among the profile's default user, okla_owner, postgres and the OS user.
class SimTestEnvironment
{
public:
    SimTestEnvironment();
    ~SimTestEnvironment();

    models::Status prepare();
    const SimOptions &options() const { return m_options; }
    QString dir() const { return m_dir.path(); }
    QString databaseName() const { return m_database; }
    /// Admin conninfo of the cluster (database `postgres`).
    QString adminConninfo() const { return m_admin; }

    static constexpr const char *kAuth1 = "sim-auth1-7f3c";
    static constexpr const char *kAuth2 = "sim-auth2-91ab";
    static constexpr const char *kStripeKey = "sk_test_okla_sim_51HxYz";
    static constexpr const char *kWebhookSecret = "whsec_test_secret";

private:
    QTemporaryDir m_dir;
    SimOptions m_options;
    QString m_admin;
    QString m_database;
};

} // namespace okla::sandbox
