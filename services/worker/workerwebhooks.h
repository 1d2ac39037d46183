#pragma once

#include <functional>
#include <memory>

#include <QMutex>
#include <QString>

#include "models/http/httprequest.h"
#include "models/result.h"
#include "services/httpserver/httpserver.h"

namespace okla::services {

class CredentialStore;

/// The worker's POST /webhooks/stripe (docs/worker.md §12, §16): a StripeWebhookEndpoint with its
/// own database connection (reopened after a failure), a Stripe client from the credentials folder
/// and the secrets of `stripe-webhook-secret` (one per line while a secret rotates). Lives on the
/// HTTP thread. Events that concern an executor call `nudge`, so the worker's next maintenance
/// round settles them with the provider at once.
class WorkerWebhooks
{
public:
    /// Fails (one sentence) when the secret or Stripe's configuration cannot be read: the worker
    /// then serves no webhook route and says why.
    static models::Result<std::shared_ptr<WorkerWebhooks>> create(const QString &profileName, const CredentialStore &credentials,
                                                                  QString conninfo, std::function<void()> nudge);
    ~WorkerWebhooks();

    HttpResponse handle(const models::HttpRequest &request);
    void setConninfo(const QString &conninfo);

private:
    struct Parts;
    explicit WorkerWebhooks(std::unique_ptr<Parts> parts);
    std::unique_ptr<Parts> m_parts;
};

} // namespace okla::services
