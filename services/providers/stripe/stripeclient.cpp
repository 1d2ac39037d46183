#include "services/providers/stripe/stripeclient.h"

#include <QLoggingCategory>
#include <QUuid>

#include "services/providers/http/httptransport.h"
#include "services/providers/http/transportpolicy.h"

Q_LOGGING_CATEGORY(lcStripe, "okla.services.stripe")

namespace okla::services::stripe {

using http::HttpOutcome;

namespace {

bool validId(const QString &id)
{
    // Stripe ids: prefix_ + [A-Za-z0-9]; refusing anything else keeps ids out of the path syntax.
    return !id.isEmpty() && id.size() <= 255
        && std::all_of(id.begin(), id.end(), [](QChar c) { return (c.isLetterOrNumber() && c.unicode() < 128) || c == u'_'; });
}

StripeOutcome refused(const StripeRequest &request, models::Error error)
{
    StripeOutcome out;
    out.operation = request.operation;
    out.idempotencyKey = request.idempotencyKey;
    out.transport = HttpOutcome::Kind::NotSent;
    out.failure = HttpOutcome::Failure::None;
    out.requestError = std::move(error);
    return out;
}

std::optional<qint64> retryAfter(const QByteArray &value)
{
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    return std::min<qint64>(seconds, 86'400) * 1000;
}

} // namespace

StripeClient::StripeClient(StripeConfig config)
    : m_config(std::move(config))
{
    http::HttpTransport::Options options;
    options.name = QStringLiteral("stripe-http");
    options.threads = m_config.threads;
    options.tls = m_config.tls;
    options.allowLoopbackHttp = m_config.simulator;
    m_transport = std::make_unique<http::HttpTransport>(std::move(options));
}

StripeClient::~StripeClient() = default;

QString StripeClient::newIdempotencyKey()
{
    return QStringLiteral("okla-retry-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString StripeClient::searchValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

QFuture<StripeOutcome> StripeClient::send(const StripeRequest &request)
{
    // Never `Authorization: Bearer ` with nothing after it, never a key over plain HTTP.
    if (m_config.secretKey.trimmed().isEmpty())
        return QtFuture::makeReadyFuture(refused(request, StripeOutcome::emptyKeyError()));
    if (auto ok = http::TransportPolicy{m_config.simulator}.checkUrl(QStringLiteral("stripe"), m_config.baseUrl); !ok)
        return QtFuture::makeReadyFuture(refused(request, ok.error()));
    if (request.idempotencyKey.size() > 255)
        return QtFuture::makeReadyFuture(refused(request, models::makeError(
            QStringLiteral("stripe.request.idempotency_key"), tr("An idempotency key may have at most 255 characters."),
            QString::number(request.idempotencyKey.size()))));
    if (auto valid = request.params.validity(); !valid)
        return QtFuture::makeReadyFuture(refused(request, valid.error()));
    if (request.path.contains(QLatin1String("//")) || request.path.contains(QLatin1String("..")))
        return QtFuture::makeReadyFuture(refused(request, models::makeError(
            QStringLiteral("stripe.request.id"), tr("A Stripe object id is invalid."), request.path)));

    const bool isPost = request.method == "POST";
    // A POST without a key gets one here; StripeRequest builders fix it earlier so retries share it.
    const QString key = isPost ? (request.idempotencyKey.isEmpty() ? newIdempotencyKey() : request.idempotencyKey) : QString();

    http::HttpRequest http;
    http.method = request.method;
    http.url = m_config.baseUrl;
    http.url.setPath(http.url.path().chopped(http.url.path().endsWith(u'/') ? 1 : 0) + request.path);
    const QByteArray form = request.params.encode();
    if (isPost)
        http.body = form;
    else if (!form.isEmpty())
        http.url.setQuery(QString::fromLatin1(form), QUrl::TolerantMode);
    http.headers = {{"Authorization", "Bearer " + m_config.secretKey},
                    {"Stripe-Version", m_config.apiVersion},
                    {"Accept", "application/json"},
                    {"User-Agent", "okla-admin/0.1"}};
    if (isPost) {
        http.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        http.headers.append(qMakePair(QByteArray("Idempotency-Key"), key.toUtf8()));
    }
    http.timeoutMs = m_config.timeoutMs;
    http.connectTimeoutMs = m_config.connectTimeoutMs;
    http.maxBodyBytes = m_config.maxBodyBytes;

    const QString operation = request.operation;
    const QString expected = request.expectedObject;
    return m_transport->send(std::move(http)).then(QtFuture::Launch::Sync, [operation, expected, key](const HttpOutcome &h) {
        StripeOutcome out;
        out.operation = operation;
        out.idempotencyKey = key;
        out.transport = h.kind;
        out.failure = h.failure;
        out.transportError = h.errorString;
        out.elapsedMs = h.elapsedMs;
        out.httpStatus = h.status;
        if (h.answered()) {
            out.requestId = QString::fromLatin1(h.header("Request-Id").left(128));
            const QByteArray retry = h.header("Stripe-Should-Retry").trimmed().toLower();
            if (retry == "true")
                out.shouldRetry = true;
            else if (retry == "false")
                out.shouldRetry = false;
            if (const QByteArray ra = h.header("Retry-After"); !ra.isEmpty())
                out.retryAfterMs = retryAfter(ra);
            out.response = StripeResponseParser::parse(h.status, h.body, expected);
        }
        qCInfo(lcStripe).noquote() << operation << "http" << h.status << "request-id" << out.requestId
                                   << HttpOutcome::failureName(h.failure) << h.elapsedMs << "ms"
                                   << (out.response.kind == StripeResponse::Kind::ApiError
                                           ? out.response.error.type + u'/' + out.response.error.code
                                           : out.response.detail);
        return out;
    });
}

StripeRequest StripeClient::retrieve(const QString &collection, const QString &id, const QString &object,
                                     const QStringList &expand)
{
    StripeRequest r;
    r.path = QStringLiteral("/v1/") + collection + u'/' + (validId(id) ? id : QStringLiteral(".."));
    r.operation = collection + QStringLiteral(".retrieve");
    r.expectedObject = object;
    r.params.addList(QStringLiteral("expand"), expand);
    return r;
}

StripeRequest StripeClient::list(const QString &collection, const StripeListParams &p)
{
    StripeRequest r;
    r.path = QStringLiteral("/v1/") + collection;
    r.operation = collection + QStringLiteral(".list");
    r.expectedObject = QStringLiteral("list");
    r.params.add(QStringLiteral("limit"), std::clamp(p.limit, 1, 100));
    if (!p.startingAfter.isEmpty())
        r.params.add(QStringLiteral("starting_after"), p.startingAfter);
    else if (!p.endingBefore.isEmpty()) // never both (docs/providers.md §13)
        r.params.add(QStringLiteral("ending_before"), p.endingBefore);
    for (const auto &[key, value] : p.filters)
        r.params.add(key, value);
    if (p.createdFrom)
        r.params.add(QStringLiteral("created[gte]"), *p.createdFrom);
    if (p.createdBefore)
        r.params.add(QStringLiteral("created[lt]"), *p.createdBefore);
    r.params.addList(QStringLiteral("expand"), p.expand);
    return r;
}

std::optional<StripeListParams> StripeListParams::next(const StripePage &page) const
{
    if (!page.hasMore || page.data.isEmpty())
        return std::nullopt;
    const QString last = page.data.last().toObject().value(QStringLiteral("id")).toString();
    if (last.isEmpty())
        return std::nullopt;
    StripeListParams following = *this;
    following.startingAfter = last;
    following.endingBefore.clear(); // never both (docs/providers.md §13)
    return following;
}

StripeRequest StripeClient::search(const QString &collection, const QString &query, int limit, const QString &page)
{
    StripeRequest r;
    r.path = QStringLiteral("/v1/") + collection + QStringLiteral("/search");
    r.operation = collection + QStringLiteral(".search");
    r.expectedObject = QStringLiteral("search_result");
    r.params.add(QStringLiteral("query"), query).add(QStringLiteral("limit"), std::clamp(limit, 1, 100));
    if (!page.isEmpty())
        r.params.add(QStringLiteral("page"), page);
    return r;
}

StripeRequest StripeClient::createRefund(const QString &oklaRefundId, const QString &chargeId,
                                         const QString &paymentIntentId, const std::optional<models::Money> &amount,
                                         const QString &reason)
{
    StripeRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/refunds");
    r.operation = QStringLiteral("refunds.create");
    r.expectedObject = QStringLiteral("refund");
    r.idempotencyKey = oklaRefundId; // docs/idempotency.md §6: our row's uuid, stored before the call
    if (!chargeId.isEmpty())
        r.params.add(QStringLiteral("charge"), chargeId);
    else
        r.params.add(QStringLiteral("payment_intent"), paymentIntentId);
    if (amount)
        r.params.addAmount(QStringLiteral("amount"), *amount);
    if (!reason.isEmpty())
        r.params.add(QStringLiteral("reason"), reason);
    r.params.addMetadata({{QStringLiteral("okla_id"), oklaRefundId}});
    return r;
}

StripeRequest StripeClient::cancelAtPeriodEnd(const QString &subscriptionId, bool cancel, const QString &idempotencyKey)
{
    StripeRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/subscriptions/") + (validId(subscriptionId) ? subscriptionId : QStringLiteral(".."));
    r.operation = QStringLiteral("subscriptions.update");
    r.expectedObject = QStringLiteral("subscription");
    r.idempotencyKey = idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey;
    r.params.add(QStringLiteral("cancel_at_period_end"), cancel);
    return r;
}

StripeRequest StripeClient::cancelNow(const QString &subscriptionId, bool invoiceNow, bool prorate, const QString &comment)
{
    StripeRequest r;
    r.method = "DELETE";
    r.path = QStringLiteral("/v1/subscriptions/") + (validId(subscriptionId) ? subscriptionId : QStringLiteral(".."));
    r.operation = QStringLiteral("subscriptions.cancel");
    r.expectedObject = QStringLiteral("subscription");
    if (invoiceNow)
        r.params.add(QStringLiteral("invoice_now"), true);
    if (prorate)
        r.params.add(QStringLiteral("prorate"), true);
    if (!comment.isEmpty())
        r.params.add(QStringLiteral("cancellation_details[comment]"), comment);
    return r;
}

StripeRequest StripeClient::changePrice(const QString &subscriptionId, const QString &itemId, const QString &priceId,
                                        const QString &prorationBehavior, const QString &idempotencyKey)
{
    StripeRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/subscriptions/") + (validId(subscriptionId) ? subscriptionId : QStringLiteral(".."));
    r.operation = QStringLiteral("subscriptions.update");
    r.expectedObject = QStringLiteral("subscription");
    r.idempotencyKey = idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey;
    r.params.addObjectList(QStringLiteral("items"), {{{QStringLiteral("id"), itemId}, {QStringLiteral("price"), priceId}}});
    r.params.add(QStringLiteral("proration_behavior"), prorationBehavior);
    return r;
}

StripeRequest StripeClient::payInvoice(const QString &invoiceId, const QString &idempotencyKey)
{
    StripeRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/invoices/") + (validId(invoiceId) ? invoiceId : QStringLiteral("..")) + QStringLiteral("/pay");
    r.operation = QStringLiteral("invoices.pay");
    r.expectedObject = QStringLiteral("invoice");
    r.idempotencyKey = idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey;
    return r;
}

StripeRequest StripeClient::createPortalSession(const QString &customerId, const QString &returnUrl, const QString &locale)
{
    StripeRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/billing_portal/sessions");
    r.operation = QStringLiteral("billing_portal.sessions.create");
    r.expectedObject = QStringLiteral("billing_portal.session");
    r.idempotencyKey = newIdempotencyKey();
    r.params.add(QStringLiteral("customer"), customerId);
    if (!returnUrl.isEmpty())
        r.params.add(QStringLiteral("return_url"), returnUrl);
    if (!locale.isEmpty())
        r.params.add(QStringLiteral("locale"), locale);
    return r;
}

} // namespace okla::services::stripe
