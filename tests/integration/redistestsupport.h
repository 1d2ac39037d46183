#pragma once

// Reaching the fixture's real Redis from a test: the test profile (OKLA_PROFILE=test in
// OKLA_PROFILE_DIR, set by ctest) names host/port; `redis-password` in OKLA_CREDENTIALS_DIR.

#include <QCoreApplication>
#include <QTcpServer>
#include <QUuid>

#include "services/session/connectionprofile.h"
#include "services/redis/redisclient.h"

namespace okla::tests {

inline models::Result<services::RedisConfig> fixtureRedisConfig()
{
    auto profile = services::ConnectionProfile::load();
    if (!profile)
        return profile.error();
    return services::RedisConfig::fromProfile(*profile);
}

/// Keys of one test run never collide with other tests sharing the fixture's Redis.
inline QString uniquePrefix(const char *what)
{
    return QStringLiteral("okla:test:%1:%2:").arg(QLatin1String(what), QUuid::createUuid().toString(QUuid::Id128).left(12));
}

/// A local port nobody listens on (bound, then released): "Redis is down" without touching the
/// shared server.
inline int closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const int port = server.serverPort();
    server.close();
    return port;
}

} // namespace okla::tests
