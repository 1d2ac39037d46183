#pragma once

#include <csignal>
#include <functional>

#include <QList>
#include <QString>
#include <QStringList>

#include "models/result.h"
#include "sandbox/launcher/sandboxcredentialwriter.h"
#include "sandbox/launcher/sandboxlayout.h"

namespace okla::services {
struct ConnectionProfile;
}

namespace okla::sandbox {

/// What `okla-sandbox up` was asked for.
struct UpOptions
{
    QString dir;
    QString profileName;
    QString credentialsDir;
    bool withRabbitMq = false;
    bool withWorker = true; ///< --no-worker: the test harness starts its own workers
    QHash<QString, int> fixedPorts; ///< port key -> port asked for with --port KEY=N
};

/// What a service's hooks get: the folder layout, the ports allocated for it, the credentials.
struct ServiceContext
{
    const SandboxLayout &layout;
    const UpOptions &options;
    const SandboxCredentialWriter &credentials;
    SandboxState &state;
    std::function<void(const QString &)> say; ///< one progress line for the person watching

    int port(const QString &key) const { return state.ports.value(key); }
};

/// One server the sandbox runs: THE extension point. To add a process (simulators, a broker),
/// write a function returning its ServiceSpec and list it in sandboxServices() (servicetable.cpp).
/// Every hook must be idempotent: `up` runs them again on an initialised folder.
struct ServiceSpec
{
    QString name;         ///< pid file and status name ("postgres", "redis", "s3", "rabbitmq", "sim")
    QString programHint;  ///< part of the executable's file name, to check a pid is still ours
    QStringList portKeys; ///< ports to allocate on 127.0.0.1 (kept across ups), e.g. {"redis"}
    /// Started by this `up`? (Optional services such as RabbitMQ return false unless asked.)
    std::function<bool(const UpOptions &)> enabled = [](const UpOptions &) { return true; };
    /// Started (and provisioned) only after the profile is written, because it reads it (the worker).
    bool afterProfile = false;
    /// Before anything is created or started: are the programs installed? (one sentence naming the package)
    std::function<models::Status()> check;
    /// Before the first start and on every start: init data, write config.
    std::function<models::Status(ServiceContext &)> prepare;
    /// Starts the server detached and returns the pid of the server process itself.
    std::function<models::Result<qint64>(ServiceContext &)> start;
    /// Polled after start (and for `status`) until true or readyTimeoutMs.
    std::function<bool(const ServiceContext &)> ready;
    int readyTimeoutMs = 30000;
    /// After it is ready, on every `up`: schema, roles, buckets...
    std::function<models::Status(ServiceContext &)> provision;
    /// Writes what clients need into the connection profile (never a secret).
    std::function<void(const ServiceContext &, services::ConnectionProfile &)> profile;
    int stopSignal = SIGTERM;
    int stopTimeoutMs = 30000;
};

/// The table of services, in start order (stopped in reverse).
QList<ServiceSpec> sandboxServices();

// The built-in services (one file each).
ServiceSpec postgresService();
ServiceSpec redisService();
ServiceSpec s3Service();
ServiceSpec epmdService();     ///< only with --with-rabbitmq
ServiceSpec rabbitMqService(); ///< only with --with-rabbitmq
ServiceSpec simService();      ///< AZUL and Stripe simulators (okla-sim, sandbox/sims)
ServiceSpec workerService();   ///< okla-worker, after the profile (not with --no-worker)

} // namespace okla::sandbox
