// Signed webhook delivery (docs/providers.md §16): one event at a time, oldest first, retried
// with a growing delay on any non-2xx answer or network error.
#include "sandbox/sims/stripesimulator.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcStripeHooks, "okla.sandbox.sims.stripe.webhooks")

namespace okla::sandbox {

namespace {
constexpr int kMaxAttempts = 12;
constexpr qint64 kMaxDelaySecs = 60;
}

void StripeSimulator::deliverWebhooks()
{
    if (m_delivering || m_webhookUrl.isEmpty() || m_webhookSecrets.isEmpty())
        return;
    const qint64 realNow = QDateTime::currentSecsSinceEpoch();
    const auto due = m_db.exec(QStringLiteral("SELECT row_to_json(t)::text FROM stripe.events t WHERE delivered_at IS NULL "
                                              "AND next_attempt_at <= $1 ORDER BY created, id LIMIT 1"), {realNow});
    if (!due || due->rows() == 0)
        return;
    const QJsonObject eventRow = QJsonDocument::fromJson(due->bytes(0, 0)).object();
    const QString id = eventRow.value(QStringLiteral("id")).toString();
    QJsonObject event = render(QStringLiteral("events"), eventRow);
    event[QStringLiteral("pending_webhooks")] = 1;
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    // Signed with the simulator's clock so that tests can make a delivery look stale.
    const QByteArray t = QByteArray::number(now());
    QByteArray header = "t=" + t;
    for (const QString &secret : m_webhookSecrets) {
        header += ",v1=" + QMessageAuthenticationCode::hash(t + '.' + body, secret.toUtf8(), QCryptographicHash::Sha256).toHex();
    }
    QNetworkRequest request{QUrl(m_webhookUrl)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    request.setRawHeader("Stripe-Signature", header);
    request.setRawHeader("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks) okla-sim");
    request.setTransferTimeout(10000);
    m_delivering = true;
    const int attempts = eventRow.value(QStringLiteral("delivery_attempts")).toInt() + 1;
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, attempts] {
        reply->deleteLater();
        m_delivering = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 realNow = QDateTime::currentSecsSinceEpoch();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
            write(QStringLiteral("UPDATE stripe.events SET delivery_attempts = $2, delivered_at = $3, last_status = $4 WHERE id = $1"),
                      {id, attempts, realNow, status});
            return;
        }
        const qint64 delay = qMin<qint64>(qint64(1) << qMin(attempts, 10), kMaxDelaySecs);
        qCInfo(lcStripeHooks) << "webhook" << id << "answered" << status << reply->errorString() << "attempt" << attempts;
        write(QStringLiteral("UPDATE stripe.events SET delivery_attempts = $2, next_attempt_at = $3, last_status = $4 WHERE id = $1"),
                  {id, attempts, attempts >= kMaxAttempts ? QVariant() : QVariant(realNow + delay), status});
    });
}

} // namespace okla::sandbox
