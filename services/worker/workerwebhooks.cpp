// The worker's Stripe webhook route (docs/worker.md §12, §16).
#include "services/worker/workerwebhooks.h"

#include <QCoreApplication>

#include "services/credentials/credentialstore.h"
#include "services/database/pgconnection.h"
#include "services/providers/stripe/stripeclient.h"
#include "services/providers/stripe/stripewebhookverifier.h"
#include "services/session/connectionprofile.h"
#include "services/webhooks/stripeobjectsource.h"
#include "services/webhooks/stripewebhookendpoint.h"

namespace okla::services {

struct WorkerWebhooks::Parts
{
    QMutex mutex;
    QString conninfo; // under mutex: SIGHUP changes it from the main thread
    std::unique_ptr<stripe::StripeClient> client;
    std::unique_ptr<StripeObjectSource> source;
    PgConnection db; // the endpoint keeps a reference: reopened in place
    std::unique_ptr<StripeWebhookEndpoint> endpoint;
};

models::Result<std::shared_ptr<WorkerWebhooks>> WorkerWebhooks::create(const QString &profileName,
                                                                       const CredentialStore &credentials,
                                                                       QString conninfo, std::function<void()> nudge)
{
    auto secretsText = credentials.readText(CredentialStore::StripeWebhookSecret);
    if (!secretsText)
        return secretsText.error();
    QList<QByteArray> secrets;
    for (const QString &line : secretsText.value().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (const QString secret = line.trimmed(); !secret.isEmpty())
            secrets.append(secret.toUtf8());
    if (secrets.isEmpty())
        return models::makeError(QStringLiteral("worker.webhooks.secret"),
                                 QCoreApplication::translate("okla.worker", "The credential \"%1\" is empty.")
                                     .arg(CredentialStore::StripeWebhookSecret));
    auto profile = ConnectionProfile::load(profileName.isEmpty() ? ConnectionProfile::activeName() : profileName);
    if (!profile)
        return profile.error();
    auto config = stripe::StripeConfig::load(profile.value(), credentials);
    if (!config)
        return config.error();

    auto parts = std::make_unique<Parts>();
    parts->conninfo = std::move(conninfo);
    parts->client = std::make_unique<stripe::StripeClient>(config.value());
    parts->source = std::make_unique<StripeObjectSource>(*parts->client);
    StripeEventHandoff handoff;
    handoff.paymentIntentChanged = [nudge](const QJsonObject &) { nudge(); };
    handoff.refundChanged = [nudge](const QUuid &) { nudge(); };
    parts->endpoint = std::make_unique<StripeWebhookEndpoint>(stripe::StripeWebhookVerifier(secrets), *parts->source,
                                                              parts->db, handoff);
    return std::shared_ptr<WorkerWebhooks>(new WorkerWebhooks(std::move(parts)));
}

WorkerWebhooks::WorkerWebhooks(std::unique_ptr<Parts> parts) : m_parts(std::move(parts)) {}
WorkerWebhooks::~WorkerWebhooks() = default;

void WorkerWebhooks::setConninfo(const QString &conninfo)
{
    QMutexLocker lock(&m_parts->mutex);
    m_parts->conninfo = conninfo;
}

HttpResponse WorkerWebhooks::handle(const models::HttpRequest &request)
{
    if (!m_parts->db.isOpen()) {
        QString info;
        {
            QMutexLocker lock(&m_parts->mutex);
            info = m_parts->conninfo;
        }
        auto opened = PgConnection::openQuiet(info);
        if (!opened) // Stripe delivers again later
            return HttpResponse::text(503, QByteArrayLiteral("database unavailable\n"));
        m_parts->db = std::move(opened).value();
    }
    HttpResponse response = m_parts->endpoint->handle(request);
    if (response.status >= 500)
        m_parts->db = PgConnection(); // it may be the connection: the next delivery opens a new one
    return response;
}

} // namespace okla::services
