#pragma once

#include <functional>
#include <memory>

#include <QJsonObject>
#include <QElapsedTimer>
#include <QObject>
#include <QRegularExpression>
#include <QSet>

#include "models/result.h"
#include "sandbox/sims/simcontrol.h"
#include "sandbox/sims/simhttpserver.h"
#include "sandbox/sims/simoptions.h"
#include "services/database/pgconnection.h"

class QNetworkAccessManager;
class QTimer;

namespace okla::sandbox {

/// One API call after auth and form decoding.
struct StripeCall
{
    QByteArray method;
    QString path;
    QStringList args;        ///< path captures (ids)
    QJsonObject params;      ///< nested form/query parameters
    QString requestId;
    QString idempotencyKey;
    SimFaultPlan plan;
};

/// A handler's answer. `store` false = a parameter error that Stripe reports before the
/// idempotency layer keeps a result.
struct StripeResult
{
    int status = 200;
    QJsonObject body;
    bool store = true;
};

/// The Stripe API simulator (docs/providers.md §18): plain HTTP, Bearer secret key, form bodies,
/// JSON replies with Request-Id and Stripe's error shapes, Idempotency-Key replay, customers,
/// payment intents and charges, refunds with the real rules, subscriptions, invoices, portal
/// sessions, events, lists, /search, and signed webhook delivery. State in PostgreSQL (schema
/// stripe); one thread.
class StripeSimulator : public QObject
{
    Q_OBJECT
public:
    explicit StripeSimulator(SimOptions options, QObject *parent = nullptr);
    ~StripeSimulator() override;

    models::Result<quint16> start(quint16 port);

    using Handler = StripeResult (StripeSimulator::*)(const StripeCall &);

private:
    struct Route { QByteArray method; QRegularExpression pattern; QString operation; Handler handler; };

    void handle(const SimExchangePtr &exchange);
    void handleControl(const SimExchangePtr &exchange);
    void run(const SimExchangePtr &exchange, const Route &route, StripeCall call, const QString &paramsHash);
    void buildRoutes();

    // stripepayments.cpp
    StripeResult createCustomer(const StripeCall &c);
    StripeResult retrieveCustomer(const StripeCall &c);
    StripeResult updateCustomer(const StripeCall &c);
    StripeResult listCustomers(const StripeCall &c);
    StripeResult createPaymentIntent(const StripeCall &c);
    StripeResult confirmPaymentIntent(const StripeCall &c);
    StripeResult retrievePaymentIntent(const StripeCall &c);
    StripeResult listPaymentIntents(const StripeCall &c);
    StripeResult retrieveCharge(const StripeCall &c);
    StripeResult listCharges(const StripeCall &c);
    StripeResult searchCharges(const StripeCall &c);
    StripeResult createRefund(const StripeCall &c);
    StripeResult retrieveRefund(const StripeCall &c);
    StripeResult listRefunds(const StripeCall &c);
    StripeResult createPaymentMethod(const StripeCall &c);
    StripeResult attachPaymentMethod(const StripeCall &c);

    // stripedisputes.cpp
    StripeResult retrieveDispute(const StripeCall &c);
    StripeResult updateDispute(const StripeCall &c);
    /// Opens a dispute on a charge just made with pm_card_createDispute (charge.dispute.created).
    void openDispute(const QString &chargeId, const StripeCall &c);

    // stripebilling.cpp
    StripeResult createPrice(const StripeCall &c);
    StripeResult retrievePrice(const StripeCall &c);
    StripeResult createSubscription(const StripeCall &c);
    StripeResult retrieveSubscription(const StripeCall &c);
    StripeResult updateSubscription(const StripeCall &c);
    StripeResult cancelSubscription(const StripeCall &c);
    StripeResult listSubscriptions(const StripeCall &c);
    StripeResult searchSubscriptions(const StripeCall &c);
    StripeResult retrieveInvoice(const StripeCall &c);
    StripeResult listInvoices(const StripeCall &c);
    StripeResult payInvoice(const StripeCall &c);
    StripeResult voidInvoice(const StripeCall &c);
    StripeResult listInvoicePayments(const StripeCall &c);
    StripeResult createPortalSession(const StripeCall &c);
    StripeResult retrieveEvent(const StripeCall &c);
    StripeResult listEvents(const StripeCall &c);
    /// Renews every subscription whose period ended on the simulator clock (after /_sim/clock).
    void advanceBilling();

    // Shared helpers (stripestate.cpp)
public:
    QString newId(const QString &prefix);
    std::optional<QJsonObject> row(const QString &table, const QString &id);
    QJsonObject render(const QString &table, const QJsonObject &row, const QJsonObject &params = {});
    std::optional<QJsonObject> object(const QString &table, const QString &id, const QJsonObject &params = {});
    StripeResult list(const StripeCall &c, const QString &table, const QString &url, const QStringList &filters,
                      const QVariantList &filterValues);
    StripeResult search(const StripeCall &c, const QString &table, const QString &url);
    void emitEvent(const QString &type, const QJsonObject &object, const StripeCall &c, const QJsonObject &previous = {});
    /// Charges `amount` on a payment method for a customer (a PaymentIntent + Charge); returns the
    /// PaymentIntent row id and fills `error` with the decline when the card declines.
    QString charge(qint64 amount, const QString &currency, const QString &customer, const QString &paymentMethod,
                   const QJsonObject &metadata, const QString &description, const StripeCall &c, QJsonObject *error);
    qint64 now() const { return m_control.clock().nowSecs(); }
    services::PgConnection &db() { return m_db; }
    /// A write whose failure fails the whole call (500 api_error), never a silent half-update.
    void write(const QString &sql, const QVariantList &params = {});
    /// BEGIN / COMMIT and other scripts, with the same rule as write().
    void writeScript(const QString &sql);

private:
    // stripewebhooks.cpp
    void deliverWebhooks();

    SimOptions m_options;
    services::PgConnection m_db;
    QElapsedTimer m_lastDbUse;
    SimControl m_control;
    SimHttpServer *m_server = nullptr;
    QByteArray m_secretKey;
    QList<Route> m_routes;
    QSet<QString> m_inFlightKeys;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_webhookTimer = nullptr;
    bool m_delivering = false;
    bool m_dbFailed = false; ///< a lookup failed in the database during the current call
    QString m_webhookUrl;
    QStringList m_webhookSecrets;
    quint64 m_idCounter = 0;
};

/// Stripe's error body: {"error": {type, code, message, param, ...}}.
StripeResult stripeError(int status, const QString &type, const QString &message, const QString &code = {},
                         const QString &param = {}, bool store = true);
StripeResult missingResource(const QString &kind, const QString &id, const QString &param = QStringLiteral("id"));

} // namespace okla::sandbox
