#pragma once

#include <functional>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/result.h"
#include "sandbox/launcher/servicespec.h"

namespace okla::services {
struct ConnectionProfile;
}

namespace okla::sandbox {

/// One line of `okla-sandbox status`.
struct ServiceStatus
{
    QString name;
    bool running = false;
    qint64 pid = 0;
    QHash<QString, int> ports;
};

/// `okla-sandbox up/down/status/seed` over the table of services (servicespec.h).
class SandboxLauncher
{
public:
    using Progress = std::function<void(const QString &)>;

    explicit SandboxLauncher(const QString &dir, Progress progress = {});

    /// Starts what is not running, provisions everything, writes credentials and the profile.
    /// Safe to repeat: running services are kept ("already running") and what is missing is fixed.
    models::Status up(UpOptions options);
    /// Stops exactly the processes this folder's pid files name, if they still are those programs.
    models::Status down();
    models::Result<QList<ServiceStatus>> status() const;
    models::Result<QJsonObject> statusJson() const;

    /// The database as okla_owner over the private socket (seed, tests).
    models::Result<QString> ownerConninfo() const { return conninfo(QStringLiteral("okla_owner")); }
    /// Any role and database of the sandbox cluster over the private socket.
    models::Result<QString> conninfo(const QString &user, const QString &database = QStringLiteral("okla")) const;

    const SandboxLayout &layout() const { return m_layout; }

private:
    models::Status preflight(const QList<ServiceSpec> &services, UpOptions &options) const;
    models::Status startService(const ServiceSpec &spec, ServiceContext &ctx);
    /// Starts, then provisions, the services whose afterProfile is `afterProfile`, in table order.
    models::Status startAndProvision(const QList<ServiceSpec> &services, ServiceContext &ctx, bool afterProfile);
    models::Status allocatePorts(const QList<ServiceSpec> &services, const UpOptions &options, SandboxState &state,
                                 bool report) const;
    void say(const QString &line) const;
    models::Status setAuditCheckpoints(services::ConnectionProfile &profile,
                                       const SandboxCredentialWriter &credentials) const;

    SandboxLayout m_layout;
    Progress m_progress;
};

} // namespace okla::sandbox
