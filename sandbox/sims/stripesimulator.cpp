#include "sandbox/sims/stripesimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrlQuery>

#include "sandbox/sims/simdatabase.h"
#include "sandbox/sims/stripeform.h"

Q_LOGGING_CATEGORY(lcStripeSim, "okla.sandbox.sims.stripe")

namespace okla::sandbox {

StripeResult stripeError(int status, const QString &type, const QString &message, const QString &code,
                         const QString &param, bool store)
{
    QJsonObject e{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}};
    if (!code.isEmpty()) {
        e[QStringLiteral("code")] = code;
        e[QStringLiteral("doc_url")] = QString(QStringLiteral("https://stripe.com/docs/error-codes/") + QString(code).replace(u'_', u'-'));
    }
    if (!param.isEmpty())
        e[QStringLiteral("param")] = param;
    return StripeResult{status, QJsonObject{{QStringLiteral("error"), e}}, store};
}

StripeResult missingResource(const QString &kind, const QString &id, const QString &param)
{
    return stripeError(404, QStringLiteral("invalid_request_error"),
                       QStringLiteral("No such %1: '%2'").arg(kind, id), QStringLiteral("resource_missing"), param);
}

StripeSimulator::StripeSimulator(SimOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    buildRoutes();
}

StripeSimulator::~StripeSimulator() = default;

void StripeSimulator::buildRoutes()
{
    const QString id = QStringLiteral("([A-Za-z0-9_]+)");
    auto add = [this](const char *method, const QString &pattern, const char *operation, Handler h) {
        m_routes.append(Route{method, QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$")),
                              QString::fromLatin1(operation), h});
    };
    add("POST", QStringLiteral("/v1/customers"), "customers.create", &StripeSimulator::createCustomer);
    add("GET", QStringLiteral("/v1/customers"), "customers.list", &StripeSimulator::listCustomers);
    add("GET", QStringLiteral("/v1/customers/") + id, "customers.retrieve", &StripeSimulator::retrieveCustomer);
    add("POST", QStringLiteral("/v1/customers/") + id, "customers.update", &StripeSimulator::updateCustomer);
    add("POST", QStringLiteral("/v1/payment_methods"), "payment_methods.create", &StripeSimulator::createPaymentMethod);
    add("POST", QStringLiteral("/v1/payment_methods/") + id + QStringLiteral("/attach"), "payment_methods.attach", &StripeSimulator::attachPaymentMethod);
    add("POST", QStringLiteral("/v1/payment_intents"), "payment_intents.create", &StripeSimulator::createPaymentIntent);
    add("GET", QStringLiteral("/v1/payment_intents"), "payment_intents.list", &StripeSimulator::listPaymentIntents);
    add("GET", QStringLiteral("/v1/payment_intents/") + id, "payment_intents.retrieve", &StripeSimulator::retrievePaymentIntent);
    add("POST", QStringLiteral("/v1/payment_intents/") + id + QStringLiteral("/confirm"), "payment_intents.confirm", &StripeSimulator::confirmPaymentIntent);
    add("GET", QStringLiteral("/v1/charges/search"), "charges.search", &StripeSimulator::searchCharges);
    add("GET", QStringLiteral("/v1/charges"), "charges.list", &StripeSimulator::listCharges);
    add("GET", QStringLiteral("/v1/charges/") + id, "charges.retrieve", &StripeSimulator::retrieveCharge);
    add("POST", QStringLiteral("/v1/refunds"), "refunds.create", &StripeSimulator::createRefund);
    add("GET", QStringLiteral("/v1/refunds"), "refunds.list", &StripeSimulator::listRefunds);
    add("GET", QStringLiteral("/v1/refunds/") + id, "refunds.retrieve", &StripeSimulator::retrieveRefund);
    add("GET", QStringLiteral("/v1/disputes/") + id, "disputes.retrieve", &StripeSimulator::retrieveDispute);
    add("POST", QStringLiteral("/v1/disputes/") + id, "disputes.update", &StripeSimulator::updateDispute);
    add("POST", QStringLiteral("/v1/prices"), "prices.create", &StripeSimulator::createPrice);
    add("GET", QStringLiteral("/v1/prices/") + id, "prices.retrieve", &StripeSimulator::retrievePrice);
    add("POST", QStringLiteral("/v1/subscriptions"), "subscriptions.create", &StripeSimulator::createSubscription);
    add("GET", QStringLiteral("/v1/subscriptions/search"), "subscriptions.search", &StripeSimulator::searchSubscriptions);
    add("GET", QStringLiteral("/v1/subscriptions"), "subscriptions.list", &StripeSimulator::listSubscriptions);
    add("GET", QStringLiteral("/v1/subscriptions/") + id, "subscriptions.retrieve", &StripeSimulator::retrieveSubscription);
    add("POST", QStringLiteral("/v1/subscriptions/") + id, "subscriptions.update", &StripeSimulator::updateSubscription);
    add("DELETE", QStringLiteral("/v1/subscriptions/") + id, "subscriptions.cancel", &StripeSimulator::cancelSubscription);
    add("GET", QStringLiteral("/v1/invoices"), "invoices.list", &StripeSimulator::listInvoices);
    add("GET", QStringLiteral("/v1/invoices/") + id, "invoices.retrieve", &StripeSimulator::retrieveInvoice);
    add("POST", QStringLiteral("/v1/invoices/") + id + QStringLiteral("/pay"), "invoices.pay", &StripeSimulator::payInvoice);
    add("POST", QStringLiteral("/v1/invoices/") + id + QStringLiteral("/void"), "invoices.void", &StripeSimulator::voidInvoice);
    add("GET", QStringLiteral("/v1/invoice_payments"), "invoice_payments.list", &StripeSimulator::listInvoicePayments);
    add("POST", QStringLiteral("/v1/billing_portal/sessions"), "billing_portal.sessions.create", &StripeSimulator::createPortalSession);
    add("GET", QStringLiteral("/v1/events"), "events.list", &StripeSimulator::listEvents);
    add("GET", QStringLiteral("/v1/events/") + id, "events.retrieve", &StripeSimulator::retrieveEvent);
}

models::Result<quint16> StripeSimulator::start(quint16 port)
{
    auto db = openSimDatabase(m_options.conninfo);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    m_secretKey = readCredential(m_options.credentialsDir, QStringLiteral("stripe-secret-key"));
    if (!m_secretKey.startsWith("sk_test_"))
        return models::makeError(QStringLiteral("sim.stripe.credentials"),
                                 tr("The Stripe simulator needs a sk_test_ key in stripe-secret-key."), m_options.credentialsDir);
    m_control.clock().setOffsetMs(simSetting(m_db, QStringLiteral("stripe"), QStringLiteral("clock_offset_ms")).toLongLong());
    const QJsonObject hook = QJsonDocument::fromJson(simSetting(m_db, QStringLiteral("stripe"), QStringLiteral("webhook")).toUtf8()).object();
    m_webhookUrl = hook.value(QStringLiteral("url")).toString();
    for (const QJsonValue &s : hook.value(QStringLiteral("secrets")).toArray())
        m_webhookSecrets.append(s.toString());
    if (m_webhookSecrets.isEmpty()) {
        const QByteArray secret = readCredential(m_options.credentialsDir, QStringLiteral("stripe-webhook-secret"));
        if (!secret.isEmpty())
            m_webhookSecrets.append(QString::fromUtf8(secret));
    }

    m_network = new QNetworkAccessManager(this);
    m_webhookTimer = new QTimer(this);
    m_webhookTimer->setInterval(250);
    connect(m_webhookTimer, &QTimer::timeout, this, [this] {
        if (!ensureSimConnection(m_db, m_options.conninfo, m_lastDbUse))
            return;
        deliverWebhooks();
        static int ticks = 0;
        if (++ticks % 40 == 0)
            advanceBilling(); // billing periods also roll on the real clock, every 10 s
    });
    m_webhookTimer->start();

    m_server = new SimHttpServer([this](const SimExchangePtr &e) { handle(e); }, this);
    if (!m_server->listen(m_options.address, port))
        return models::makeError(QStringLiteral("sim.stripe.listen"), tr("The Stripe simulator cannot listen."), m_server->errorString());
    qCInfo(lcStripeSim) << "Stripe simulator on port" << m_server->port();
    return m_server->port();
}

QString StripeSimulator::newId(const QString &prefix)
{
    // Fixed-width base 36 of (milliseconds, counter): ids sort like their creation order.
    const quint64 n = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000 + (m_idCounter++ % 1000);
    return prefix + QStringLiteral("Sim") + QString::number(n, 36).rightJustified(12, u'0');
}

void StripeSimulator::handleControl(const SimExchangePtr &exchange)
{
    const SimRequest &req = exchange->request();
    if (!SimControl::isLoopback(req)) {
        exchange->reply(simJsonError(403, QStringLiteral("control endpoints answer loopback clients only")));
        return;
    }
    auto persistClock = [this] {
        setSimSetting(m_db, QStringLiteral("stripe"), QStringLiteral("clock_offset_ms"), QString::number(m_control.clock().offsetMs()));
        advanceBilling();
    };
    if (req.path.startsWith("/_sim/portal/")) {
        // The billing portal's page: enough for a browser opened from the console to land somewhere.
        exchange->reply(SimResponse{200, {{"Content-Type", "text/html; charset=utf-8"}},
                                    "<html><body><h1>Stripe billing portal (simulator)</h1><p>Session "
                                        + QString::fromUtf8(req.path.mid(13)).toHtmlEscaped().toUtf8() + "</p></body></html>"});
        return;
    }
    if (req.path == "/_sim/reset" && req.method == "POST") {
        writeScript(QStringLiteral(
            "TRUNCATE stripe.customers, stripe.payment_methods, stripe.payment_intents, stripe.charges, stripe.refunds, "
            "stripe.prices, stripe.subscriptions, stripe.subscription_items, stripe.invoices, stripe.portal_sessions, "
            "stripe.events, stripe.idempotency_keys, stripe.settings"));
        m_control.resetAll();
        m_inFlightKeys.clear();
        m_webhookUrl.clear();
        exchange->reply(SimResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("reset"), true}})));
        return;
    }
    if (req.path == "/_sim/webhook") {
        if (req.method == "POST") {
            const QJsonObject o = QJsonDocument::fromJson(req.body).object();
            m_webhookUrl = o.value(QStringLiteral("url")).toString();
            QStringList secrets;
            for (const QJsonValue &s : o.value(QStringLiteral("secrets")).toArray())
                secrets.append(s.toString());
            if (o.contains(QStringLiteral("secret")))
                secrets.prepend(o.value(QStringLiteral("secret")).toString());
            if (!secrets.isEmpty())
                m_webhookSecrets = secrets;
            setSimSetting(m_db, QStringLiteral("stripe"), QStringLiteral("webhook"),
                          QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("url"), m_webhookUrl},
                                                                      {QStringLiteral("secrets"), QJsonArray::fromStringList(m_webhookSecrets)}})
                                                .toJson(QJsonDocument::Compact)));
        }
        // Secrets are not echoed: only how many there are.
        exchange->reply(SimResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("url"), m_webhookUrl},
                                                                         {QStringLiteral("secrets"), int(m_webhookSecrets.size())}})));
        return;
    }
    if (!m_control.handle(exchange, persistClock))
        exchange->reply(simJsonError(404, QStringLiteral("unknown control endpoint")));
}

void StripeSimulator::handle(const SimExchangePtr &exchange)
{
    const SimRequest &req = exchange->request();
    ensureSimConnection(m_db, m_options.conninfo, m_lastDbUse);
    if (req.path.startsWith("/_sim/")) {
        handleControl(exchange);
        return;
    }
    const QString requestId = QStringLiteral("req_") + newId(QString()).mid(3);
    auto send = [&exchange, &requestId, &req](const StripeResult &r) {
        SimHeaders headers{{"Request-Id", requestId.toLatin1()}, {"Stripe-Version", "2025-03-31.basil"}};
        if (!req.header("idempotency-key").isEmpty())
            headers.emplaceBack("Idempotency-Key", req.header("idempotency-key"));
        exchange->reply(SimResponse::json(r.status, QJsonDocument(r.body), headers));
    };

    // Auth: Bearer <key>, or Basic with the key as user name.
    const QByteArray authorization = req.header("authorization");
    QByteArray key;
    if (authorization.startsWith("Bearer "))
        key = authorization.mid(7).trimmed();
    else if (authorization.startsWith("Basic "))
        key = QByteArray::fromBase64(authorization.mid(6).trimmed()).split(':').value(0);
    if (key.isEmpty()) {
        send(stripeError(401, QStringLiteral("invalid_request_error"),
                         QStringLiteral("You did not provide an API key. You need to provide your API key in the Authorization header, "
                                        "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').")));
        return;
    }
    if (key != m_secretKey) {
        send(stripeError(401, QStringLiteral("invalid_request_error"),
                         QStringLiteral("Invalid API Key provided: %1****%2")
                             .arg(QString::fromLatin1(key.left(8)), QString::fromLatin1(key.right(4)))));
        return;
    }

    const QString path = QString::fromUtf8(req.path);
    const Route *route = nullptr;
    QStringList args;
    for (const Route &r : m_routes) {
        if (r.method != req.method)
            continue;
        const auto m = r.pattern.match(path);
        if (m.hasMatch()) {
            route = &r;
            args = m.capturedTexts().mid(1);
            break;
        }
    }
    if (!route) {
        send(stripeError(404, QStringLiteral("invalid_request_error"),
                         QStringLiteral("Unrecognized request URL (%1: %2).").arg(QString::fromLatin1(req.method), path)));
        return;
    }
    const QByteArray encoded = req.method == "POST" ? req.body : req.query;
    StripeCall call;
    call.method = req.method;
    call.path = path;
    call.args = args;
    call.params = stripeform::decode(encoded);
    call.requestId = requestId;
    call.idempotencyKey = req.method == "POST" ? QString::fromUtf8(req.header("idempotency-key")) : QString();
    const QString chargeKey = call.params.value(QStringLiteral("charge")).toString(
        path.startsWith(QLatin1String("/v1/charges/")) ? args.value(0) : QString());
    const QList<std::pair<QString, QString>> keys{{QStringLiteral("Idempotency-Key"), call.idempotencyKey},
                                                  {QStringLiteral("charge"), chargeKey},
                                                  {QStringLiteral("payment_intent"), call.params.value(QStringLiteral("payment_intent")).toString()}};
    m_control.countRequest(route->operation, keys);
    call.plan = m_control.planFor(route->operation);

    // 429 comes before the idempotency layer (docs/providers.md §11).
    if (call.plan.failure && call.plan.failure->kind == SimFault::Kind::TooManyRequests) {
        StripeResult r = stripeError(429, QStringLiteral("invalid_request_error"),
                                     QStringLiteral("Too many requests hit the API too quickly. We recommend an exponential backoff of your requests."),
                                     QStringLiteral("rate_limit"));
        SimHeaders headers{{"Request-Id", requestId.toLatin1()}};
        if (call.plan.failure->shouldRetry)
            headers.emplaceBack("Stripe-Should-Retry", *call.plan.failure->shouldRetry ? "true" : "false");
        exchange->reply(SimResponse::json(429, QJsonDocument(r.body), headers));
        return;
    }

    const QString paramsHash = stripeform::parametersHash(encoded);
    if (!call.idempotencyKey.isEmpty()) {
        if (call.idempotencyKey.size() > 255) {
            send(stripeError(400, QStringLiteral("invalid_request_error"),
                             QStringLiteral("Idempotency-Key must be at most 255 characters long."), {}, {}, false));
            return;
        }
        if (m_inFlightKeys.contains(call.idempotencyKey)) {
            send(stripeError(409, QStringLiteral("idempotency_error"),
                             QStringLiteral("There is currently another in-progress request using this Idempotent Key (that probably means "
                                            "you submitted twice, and the other request is still going through): %1. Please try again later.")
                                 .arg(call.idempotencyKey),
                             QStringLiteral("idempotency_key_in_use")));
            return;
        }
        const auto stored = m_db.exec(QStringLiteral("SELECT endpoint, params_hash, status, body FROM stripe.idempotency_keys "
                                                     "WHERE key = $1 AND created > $2"),
                                      {call.idempotencyKey, now() - 24 * 3600});
        if (stored && stored->rows() > 0) {
            const QString endpoint = QString::fromLatin1(req.method) + u' ' + path;
            if (stored->text(0, 0) != endpoint || stored->text(0, 1) != paramsHash) {
                send(stripeError(400, QStringLiteral("idempotency_error"),
                                 QStringLiteral("Keys for idempotent requests can only be used with the same parameters they were first used with. "
                                                "Try using a key other than '%1' if you meant to execute a different request.")
                                     .arg(call.idempotencyKey)));
                return;
            }
            SimHeaders headers{{"Request-Id", requestId.toLatin1()}, {"Idempotent-Replayed", "true"},
                               {"Idempotency-Key", call.idempotencyKey.toUtf8()}, {"Content-Type", "application/json"}};
            exchange->reply(SimResponse{int(stored->toInt64(0, 2)), headers, stored->bytes(0, 3)});
            return;
        }
        m_inFlightKeys.insert(call.idempotencyKey);
    }
    if (call.plan.latencyMs > 0) {
        const Route r = *route;
        QTimer::singleShot(call.plan.latencyMs, Qt::PreciseTimer, this, [this, exchange, r, call, paramsHash] { run(exchange, r, call, paramsHash); });
    } else {
        run(exchange, *route, call, paramsHash);
    }
}

void StripeSimulator::run(const SimExchangePtr &exchange, const Route &route, StripeCall call, const QString &paramsHash)
{
    const SimRequest &req = exchange->request();
    if (call.plan.failure) {
        m_inFlightKeys.remove(call.idempotencyKey);
        if (call.plan.failure->kind == SimFault::Kind::Reset) {
            exchange->reset();
        } else {
            const StripeResult r = stripeError(call.plan.failure->httpStatus, QStringLiteral("api_error"),
                                               QStringLiteral("An unknown error occurred (simulated)."));
            exchange->reply(SimResponse::json(r.status, QJsonDocument(r.body), {{"Request-Id", call.requestId.toLatin1()}}));
        }
        return;
    }
    m_dbFailed = false;
    StripeResult result = (this->*route.handler)(call);
    if (m_dbFailed) // never answer "No such ..." because the database did not answer
        result = stripeError(500, QStringLiteral("api_error"), QStringLiteral("An unknown error occurred."), {}, {}, false);
    if (!call.idempotencyKey.isEmpty()) {
        m_inFlightKeys.remove(call.idempotencyKey);
        if (result.store) {
            const auto stored = m_db.exec(QStringLiteral("INSERT INTO stripe.idempotency_keys (key, endpoint, params_hash, status, body, created) "
                                     "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING"),
                      {call.idempotencyKey, QString(QString::fromLatin1(req.method) + u' ' + call.path), paramsHash, result.status,
                       QString::fromUtf8(QJsonDocument(result.body).toJson(QJsonDocument::Compact)), now()});
            if (!stored) // the effect happened; a retry with this key would repeat it: say so loudly
                qWarning("stripe simulator: idempotency key not stored: %s", qPrintable(stored.error().detail));
        }
    }
    if (result.status == 200 && req.method != "GET") {
        m_control.countEffect(route.operation, {{QStringLiteral("Idempotency-Key"), call.idempotencyKey},
                                                {QStringLiteral("charge"), call.params.value(QStringLiteral("charge")).toString()},
                                                {QStringLiteral("payment_intent"), call.params.value(QStringLiteral("payment_intent")).toString()}});
    }
    if (call.plan.timeoutAfterCommit) {
        exchange->drop();
        return;
    }
    SimHeaders headers{{"Request-Id", call.requestId.toLatin1()}, {"Stripe-Version", "2025-03-31.basil"}};
    if (!call.idempotencyKey.isEmpty())
        headers.emplaceBack("Idempotency-Key", call.idempotencyKey.toUtf8());
    exchange->reply(SimResponse::json(result.status, QJsonDocument(result.body), headers));
}

void StripeSimulator::writeScript(const QString &sql)
{
    m_dbFailed = !m_db.execScript(sql) || m_dbFailed;
}

void StripeSimulator::write(const QString &sql, const QVariantList &params)
{
    m_dbFailed = !m_db.exec(sql, params) || m_dbFailed;
}

} // namespace okla::sandbox
