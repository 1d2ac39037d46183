#pragma once

#include <memory>

#include <QString>

#include "models/result.h"
#include "services/billing/executorproviders.h"

namespace okla::services {

class CredentialStore;
class ResilienceManager;

namespace azul {
class AzulClient;
}
namespace stripe {
class StripeClient;
}

/// The provider clients one request works with, built from the worker's profile and the
/// credentials folder (the only place a provider secret may come from, docs/worker.md §13), and
/// the process's one resilience manager (breakers and limits outlive a request).
struct WorkerProviderClients
{
    WorkerProviderClients();
    WorkerProviderClients(WorkerProviderClients &&) noexcept;
    WorkerProviderClients &operator=(WorkerProviderClients &&) noexcept;
    ~WorkerProviderClients();

    std::unique_ptr<azul::AzulClient> azul;
    std::unique_ptr<stripe::StripeClient> stripe;
    std::shared_ptr<ResilienceManager> resilience;

    /// What the charge and refund executors are given.
    ExecutorProviders executorProviders() const { return ExecutorProviders{azul.get(), stripe.get(), {}}; }
};

/// Reads profile `profileName` (empty: the active one) and both providers' secrets; fails naming
/// the missing or unreadable secret.
models::Result<WorkerProviderClients> loadWorkerProviders(const QString &profileName, const CredentialStore &credentials);

} // namespace okla::services
