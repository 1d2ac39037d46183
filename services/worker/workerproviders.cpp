// Provider clients per request, from the profile and the credentials folder (docs/worker.md §13).
#include "services/worker/workerproviders.h"

#include <mutex>

#include "services/credentials/credentialstore.h"
#include "services/providers/azul/azulclient.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/resilience/resiliencemanager.h"
#include "services/session/connectionprofile.h"

namespace okla::services {

namespace {

// One resilience manager per process, so the providers' breakers and limits outlive a request.
// It is never destroyed: at exit its Redis client would wait for a thread whose event loop is
// already gone (a crash after main returns); the process's end closes its connection anyway.
std::shared_ptr<ResilienceManager> sharedResilience(const ConnectionProfile &profile)
{
    static std::once_flag once;
    static auto *manager = new std::shared_ptr<ResilienceManager>();
    std::call_once(once, [&profile] { *manager = ResilienceManager::fromProfile(profile); });
    return *manager;
}

} // namespace

WorkerProviderClients::WorkerProviderClients() = default;
WorkerProviderClients::WorkerProviderClients(WorkerProviderClients &&) noexcept = default;
WorkerProviderClients &WorkerProviderClients::operator=(WorkerProviderClients &&) noexcept = default;
WorkerProviderClients::~WorkerProviderClients() = default;

models::Result<WorkerProviderClients> loadWorkerProviders(const QString &profileName, const CredentialStore &credentials)
{
    auto profile = ConnectionProfile::load(profileName.isEmpty() ? ConnectionProfile::activeName() : profileName);
    if (!profile)
        return profile.error();
    auto azulConfig = azul::AzulConfig::load(profile.value(), credentials);
    if (!azulConfig)
        return azulConfig.error();
    auto stripeConfig = stripe::StripeConfig::load(profile.value(), credentials);
    if (!stripeConfig)
        return stripeConfig.error();
    WorkerProviderClients clients;
    clients.azul = std::make_unique<azul::AzulClient>(azulConfig.value());
    clients.stripe = std::make_unique<stripe::StripeClient>(stripeConfig.value());
    clients.resilience = sharedResilience(profile.value());
    return clients;
}

} // namespace okla::services
