#pragma once
// The charge and refund executors against real PostgreSQL (a throwaway database, migrated, with a
// worker login) and the real simulators (okla-sim), built exactly as the worker builds them. The
// crash-point test runs the same executors in a child process (ExecutorEnv carries what it
// needs). Header-only: tests/<label>/ globs only tst_*.cpp.

#include <QJsonArray>
#include <QProcessEnvironment>

#include "harness/testenv.h"
#include "integration/asyncwait.h"
#include "integration/providersimfixture.h"
#include "services/billing/chargeexecutor.h"
#include "services/billing/executorcompleter.h"
#include "services/billing/refundexecutor.h"
#include "services/database/migrator.h"
#include "services/providers/stripe/stripeformencoder.h"
#include "services/resilience/resiliencemanager.h"

namespace okla::tests {

/// Where a process finds the database and the simulators (passed to a child as OKLA_EXEC_*).
struct ExecutorEnv
{
    QString database, workerLogin, azulUrl, stripeUrl, caFile, credentialsDir;

    QProcessEnvironment toEnvironment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("OKLA_EXEC_DB"), database);
        env.insert(QStringLiteral("OKLA_EXEC_LOGIN"), workerLogin);
        env.insert(QStringLiteral("OKLA_EXEC_AZUL"), azulUrl);
        env.insert(QStringLiteral("OKLA_EXEC_STRIPE"), stripeUrl);
        env.insert(QStringLiteral("OKLA_EXEC_CA"), caFile);
        env.insert(QStringLiteral("OKLA_EXEC_CREDS"), credentialsDir);
        return env;
    }
    static ExecutorEnv fromEnvironment()
    {
        return {qEnvironmentVariable("OKLA_EXEC_DB"),     qEnvironmentVariable("OKLA_EXEC_LOGIN"),
                qEnvironmentVariable("OKLA_EXEC_AZUL"),   qEnvironmentVariable("OKLA_EXEC_STRIPE"),
                qEnvironmentVariable("OKLA_EXEC_CA"),     qEnvironmentVariable("OKLA_EXEC_CREDS")};
    }
};

/// The worker's side: its connection, resilience state, provider clients and the executors.
class ExecutorStack
{
public:
    struct Timeouts
    {
        int azulMs = 5000;
        int stripeMs = 5000;
        int azulAmbiguousWaitMs = 100;
    };

    ExecutorStack(const ExecutorEnv &env, Timeouts timeouts)
    {
        auto connection = connectAs(env.workerLogin, env.database);
        if (!connection) {
            error = connection.error().toString();
            return;
        }
        db = std::move(connection).value();
        services::ConnectionProfile profile;
        profile.name = QStringLiteral("executors-test-no-such-profile");
        profile.azulUrl = QUrl(env.azulUrl);
        profile.azulCaFile = env.caFile;
        profile.stripeUrl = QUrl(env.stripeUrl);
        profile.providersSimulator = true;
        const services::CredentialStore credentials(env.credentialsDir);
        auto azulConfig = services::azul::AzulConfig::load(profile, credentials);
        auto stripeConfig = services::stripe::StripeConfig::load(profile, credentials);
        if (!azulConfig || !stripeConfig) {
            error = !azulConfig ? azulConfig.error().toString() : stripeConfig.error().toString();
            return;
        }
        azulConfig->merchant.store = QStringLiteral("39038540035");
        azulConfig->timeoutMs = timeouts.azulMs;
        stripeConfig->timeoutMs = timeouts.stripeMs;
        azul = std::make_unique<services::azul::AzulClient>(azulConfig.value());
        stripe = std::make_unique<services::stripe::StripeClient>(stripeConfig.value());
        resilience = std::make_shared<services::ResilienceManager>(nullptr, services::ResilienceManager::Options{});
        services::ExecutorProviders providers;
        providers.azul = azul.get();
        providers.stripe = stripe.get();
        providers.azulFlow.ambiguousWaitMs = timeouts.azulAmbiguousWaitMs;
        charges = std::make_unique<services::ChargeExecutor>(db, *resilience, providers);
        refunds = std::make_unique<services::RefundExecutor>(db, *resilience, providers);
        completer = std::make_unique<services::ExecutorCompleter>(db, *charges, *refunds);
    }

    QString error; ///< empty when built
    services::PgConnection db;
    std::shared_ptr<services::ResilienceManager> resilience;
    std::unique_ptr<services::azul::AzulClient> azul;
    std::unique_ptr<services::stripe::StripeClient> stripe;
    std::unique_ptr<services::ChargeExecutor> charges;
    std::unique_ptr<services::RefundExecutor> refunds;
    std::unique_ptr<services::ExecutorCompleter> completer;
};

/// Simulators + migrated throwaway database + worker login + seeded dealers and invoices.
class ExecutorFixture
{
public:
    ~ExecutorFixture()
    {
        m_db.reset();
        m_worker.reset(); // after the database: its connections are gone
    }

    /// Empty string = ready; else why not.
    QString start()
    {
        if (QString error = m_sim.start(); !error.isEmpty())
            return error;
        m_db = std::make_unique<ThrowawayDatabase>(QStringLiteral("okla_exec"));
        services::PgConnection owner = m_db->open(QStringLiteral("okla_owner"));
        if (auto migrated = services::Migrator::migrate(owner); !migrated)
            return migrated.error().toString();
        if (auto staff = createRoleStaff(*m_db); !staff)
            return staff.error().toString();
        m_worker = std::make_unique<WorkerLogin>(QStringLiteral("exec"));
        return {};
    }

    ExecutorEnv env() const
    {
        return {m_db->name(), m_worker->name(), m_sim.azulUrl().toString(), m_sim.stripeUrl().toString(), m_sim.caFile(),
                m_sim.credentialsDir()};
    }
    ProviderSimFixture &sim() { return m_sim; }
    services::PgConnection as(const QString &role) const { return m_db->open(role); }

    /// One value of a query as the owner (the test's view of the database); aborts on an error.
    QString text(const QString &sql, const QVariantList &params = {}) const
    {
        services::PgConnection owner = as(QStringLiteral("okla_owner"));
        auto result = owner.exec(sql, params);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->rows() ? result->text(0, 0) : QString();
    }
    qint64 number(const QString &sql, const QVariantList &params = {}) const { return text(sql, params).toLongLong(); }

    qint64 count(const QString &table, const QString &where, const QVariantList &params = {}) const
    {
        return number(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where), params);
    }

    /// An issued invoice of a new dealer billed by @p provider (AZUL in DOP with a DataVault
    /// token, Stripe in USD with a saved card).
    qint64 issuedInvoice(const QString &provider)
    {
        const bool azul = provider == QLatin1String("azul");
        const qint64 dealerId = dealer(provider, azul ? QStringLiteral("DOP") : QStringLiteral("USD"));
        if (azul)
            giveAzulToken(dealerId);
        else
            giveStripeMethod(dealerId);
        return invoice(dealerId, azul ? 677556 : 4900);
    }

    /// A verified dealer with an active monthly subscription billed by @p provider in @p currency.
    qint64 dealer(const QString &provider, const QString &currency)
    {
        static int serial = 0;
        const QString taxId = QStringLiteral("1%1").arg(20'000'000 + ++serial);
        const qint64 dealerId = number(QStringLiteral("INSERT INTO dealers (legal_name, tax_id, tax_id_kind, dealer_type, verification_status,"
                                                      " city, province, email) VALUES ($1, $2, 'rnc', 'independent', 'verified',"
                                                      " 'Santo Domingo', 'Distrito Nacional', 'pagos@autos.do') RETURNING id"),
                                       {QStringLiteral("Autos Prueba %1 SRL").arg(serial), taxId});
        number(QStringLiteral("INSERT INTO subscriptions (dealer_id, provider, currency, plan_version_id, billing_cycle, status,"
                              " current_period_start, current_period_end, started_at)"
                              " SELECT $1, $2, $3, id, 'monthly', 'active', '2026-01-31', '2026-02-28', now()"
                              " FROM plan_versions WHERE plan_key = 'pro' AND currency = $3 ORDER BY version DESC LIMIT 1 RETURNING id"),
               {dealerId, provider, currency});
        return dealerId;
    }

    /// The next period's issued invoice of the dealer's subscription.
    qint64 invoice(qint64 dealerId, qint64 totalMinor)
    {
        const qint64 itbis = totalMinor * 18 / 118;
        return number(QStringLiteral("INSERT INTO invoices (subscription_id, dealer_id, period_start, period_end, currency, subtotal_minor,"
                                     " itbis_minor, total_minor, status, due_date, issued_at)"
                                     " SELECT s.id, s.dealer_id, '2026-02-28', '2026-03-28', s.currency, $2::bigint - $3::bigint, $3, $2, 'issued',"
                                     " '2026-02-28', now() FROM subscriptions s WHERE s.dealer_id = $1 RETURNING id"),
                      {dealerId, totalMinor, itbis});
    }

    /// A DataVault token made at the AZUL simulator, stored as the dealer's default AZUL method.
    QString giveAzulToken(qint64 dealerId, const QString &pan = QStringLiteral("5424180279791732"))
    {
        ExecutorStack stack(env(), {});
        const auto out = await(stack.azul->dataVaultCreate(pan, QStringLiteral("202812"), QStringLiteral("732")));
        const QString token = out.result.dataVaultToken;
        if (token.isEmpty())
            qFatal("DataVault token not made: %s", qPrintable(out.toError().toString()));
        number(QStringLiteral("INSERT INTO payment_methods (dealer_id, provider, token, card_brand, card_last4, exp_month, exp_year, is_default)"
                              " VALUES ($1, 'azul', $2, 'Mastercard', $3, 12, 2028, true) RETURNING id"),
               {dealerId, token, pan.right(4)});
        return token;
    }

    /// A Stripe customer with an attached card at the simulator, stored on the dealer.
    QString giveStripeMethod(qint64 dealerId, const QString &pan = QStringLiteral("4242424242424242"))
    {
        ExecutorStack stack(env(), {});
        auto post = [&](const QString &path, const services::stripe::StripeFormEncoder &form, const QString &object) {
            services::stripe::StripeRequest r;
            r.method = "POST";
            r.path = path;
            r.params = form;
            r.operation = object;
            r.expectedObject = object;
            const auto out = await(stack.stripe->send(r));
            if (!out.ok())
                qFatal("stripe %s: %s", qPrintable(path), qPrintable(out.toError().toString()));
            return out.object().value(QStringLiteral("id")).toString();
        };
        services::stripe::StripeFormEncoder customer;
        customer.add(QStringLiteral("email"), QStringLiteral("pagos@autos.do"));
        const QString customerId = post(QStringLiteral("/v1/customers"), customer, QStringLiteral("customer"));
        services::stripe::StripeFormEncoder card;
        card.add(QStringLiteral("type"), QStringLiteral("card")).add(QStringLiteral("card[number]"), pan)
            .add(QStringLiteral("card[exp_month]"), 12).add(QStringLiteral("card[exp_year]"), 2030).add(QStringLiteral("card[cvc]"), QStringLiteral("123"));
        const QString methodId = post(QStringLiteral("/v1/payment_methods"), card, QStringLiteral("payment_method"));
        services::stripe::StripeFormEncoder attach;
        attach.add(QStringLiteral("customer"), customerId);
        post(QStringLiteral("/v1/payment_methods/%1/attach").arg(methodId), attach, QStringLiteral("payment_method"));
        text(QStringLiteral("UPDATE dealers SET stripe_customer_id = $2 WHERE id = $1"), {dealerId, customerId});
        number(QStringLiteral("INSERT INTO payment_methods (dealer_id, provider, token, card_brand, card_last4, exp_month, exp_year, is_default)"
                              " VALUES ($1, 'stripe', $2, 'visa', $3, 12, 2030, true) RETURNING id"),
               {dealerId, methodId, pan.right(4)});
        return methodId;
    }

    /// A refund requested by finance (ana) through the database's own path; approved by the policy
    /// when under the limit. Returns its UUID.
    QString requestRefund(qint64 paymentId, qint64 amountMinor)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        services::PgConnection ana = as(QStringLiteral("ana"));
        auto made = ana.exec(QStringLiteral("INSERT INTO refunds (id, payment_id, amount_minor, reason) VALUES ($1, $2, $3, 'service_issue')"),
                             {id, paymentId, amountMinor});
        if (!made)
            qFatal("refund request: %s", qPrintable(made.error().toString()));
        return id;
    }

    /// Effects the AZUL simulator counted for attempt ids starting with @p prefix (a charge's or
    /// refund's UUID), or for one AzulOrderId (refunds and voids of a sale).
    int azulEffects(const QString &kind, const QString &prefix)
    {
        const QJsonObject perKey = m_sim.counters(true).value(QStringLiteral("keys")).toObject().value(kind).toObject();
        int effects = 0;
        for (auto it = perKey.begin(); it != perKey.end(); ++it) {
            if (it.key().startsWith(prefix))
                effects += it.value().toObject().value(QStringLiteral("effects")).toInt();
        }
        return effects;
    }
    int stripeEffects(const QString &idempotencyKey)
    {
        return m_sim.keyCount(false, QStringLiteral("Idempotency-Key"), idempotencyKey).value(QStringLiteral("effects")).toInt();
    }

    /// Time passing for a crashed run's key: its lease and last run are made older than the completer's limits.
    void expireLeases()
    {
        text(QStringLiteral("UPDATE idempotency_keys SET locked_at = locked_at - interval '11 minutes',"
                            " last_run_at = last_run_at - interval '2 minutes' WHERE recovery_point <> 'finished'"));
    }

private:
    ProviderSimFixture m_sim;
    std::unique_ptr<ThrowawayDatabase> m_db;
    std::unique_ptr<WorkerLogin> m_worker;
};

} // namespace okla::tests
