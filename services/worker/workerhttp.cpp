#include "services/worker/workerhttp.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

#include "services/httpserver/httpserver.h"
#include "services/metrics/metricsregistry.h"
#include "services/worker/workerwebhooks.h"

namespace okla::services {

WorkerHttp::WorkerHttp(std::shared_ptr<const WorkerHealth> health, std::shared_ptr<MetricsRegistry> metrics)
    : m_health(std::move(health)), m_metrics(std::move(metrics)), m_thread(QStringLiteral("worker-http"))
{
}

QByteArray WorkerHttp::healthBody(const WorkerHealth &health)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("instance"), health.instanceId},
                                     {QStringLiteral("version"), health.version},
                                     {QStringLiteral("db"), health.databaseOk.load()},
                                     {QStringLiteral("queue"), health.queueOk.load()},
                                     {QStringLiteral("queue_kind"), health.queueKind},
                                     {QStringLiteral("in_flight"), health.inFlight.load()}})
        .toJson(QJsonDocument::Compact);
}

models::Result<quint16> WorkerHttp::start(quint16 port, std::shared_ptr<WorkerWebhooks> webhooks)
{
    QObject *context = m_thread.context();
    auto listening = m_thread.post<quint16>([context, port, health = m_health, metrics = m_metrics,
                                             webhooks = std::move(webhooks)](const JobControl &) {
        auto *server = new HttpServer(context); // dies with the thread
        server->route("GET", "/healthz", [health](const models::HttpRequest &) {
            return HttpResponse::json(health->databaseOk.load() ? 200 : 503, healthBody(*health));
        });
        server->route("GET", "/metrics", [metrics](const models::HttpRequest &) {
            HttpResponse response = HttpResponse::text(200, metrics->render());
            response.contentType = MetricsRegistry::kContentType;
            return response;
        });
        // The daemon owns the webhooks (they end on its thread, not with this one's objects).
        if (webhooks)
            server->route("POST", "/webhooks/stripe", [weak = std::weak_ptr<WorkerWebhooks>(webhooks)](const models::HttpRequest &request) {
                const auto alive = weak.lock();
                return alive ? alive->handle(request) : HttpResponse::text(503, QByteArrayLiteral("stopping\n"));
            });
        return server->listen(QHostAddress::LocalHost, port);
    });
    listening.waitForFinished();
    if (listening.isCanceled())
        return canceledError();
    return listening.result();
}

} // namespace okla::services
