#pragma once
// Test dealers for the Dealers page and DealerRepository tests: written as the owner role into the
// fixture's database and removed again, so the tests do not depend on what the seed produced.

#include <QString>

#include "services/session/connectionprofile.h"
#include "services/database/pgconnection.h"

namespace okla::testdata {

/// Every test dealer's legal name starts with this word (no seeded dealer has it).
inline const QString Marker = QStringLiteral("Zqxprueba");

inline models::Result<services::ConnectionProfile> testProfile()
{
    return services::ConnectionProfile::load(services::ConnectionProfile::activeName());
}

/// The staff user the tests sign in as: the profile's default user (the sandbox's demo finance user).
inline QString staffUser(const services::ConnectionProfile &profile)
{
    return profile.defaultUser.isEmpty() ? QStringLiteral("ana") : profile.defaultUser;
}

inline models::Result<services::PgConnection> ownerConnection(const services::ConnectionProfile &profile)
{
    return services::PgConnection::open(profile.conninfo(QStringLiteral("okla_owner"), QStringLiteral("okla-tests")));
}

inline models::Status removeTestDealers(services::PgConnection &owner)
{
    const QString like = Marker + QStringLiteral("%");
    if (auto s = owner.exec(QStringLiteral("DELETE FROM subscriptions WHERE dealer_id IN "
                                           "(SELECT id FROM dealers WHERE legal_name LIKE $1)"), {like}); !s.ok())
        return s.error();
    if (auto d = owner.exec(QStringLiteral("DELETE FROM dealers WHERE legal_name LIKE $1"), {like}); !d.ok())
        return d.error();
    return {};
}

/// `count` dealers named "<Marker> <word> <i> SRL"; every 3rd is "Peña" (accent-folding check), groups
/// of 10 share one created_at (keyset ties), all older than any real dealer. Tax ids 99xxxxxxx (RNC).
inline models::Status insertTestDealers(services::PgConnection &owner, int count, int firstNumber = 0)
{
    return owner.execScript(QStringLiteral(
        "INSERT INTO dealers (legal_name, trade_name, tax_id, tax_id_kind, dealer_type, verification_status, "
        "city, province, email, created_at) "
        "SELECT '%1 ' || CASE WHEN g %% 3 = 0 THEN 'Peña' ELSE 'Motores' END || ' ' || g || ' SRL', NULL, "
        "       (990000000 + g)::text, 'rnc', 'independent', 'verified', 'Baní', 'Peravia', "
        "       'zqx' || g || '@prueba.do', timestamptz '2001-01-01 00:00+00' + ((g / 10) || ' minutes')::interval "
        "FROM generate_series(%2, %3) g")
                                .arg(Marker)
                                .arg(firstNumber)
                                .arg(firstNumber + count - 1)
                                .replace(QStringLiteral("%%"), QStringLiteral("%")));
}

} // namespace okla::testdata
