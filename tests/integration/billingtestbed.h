#pragma once

// What tst_renewalscheduler and tst_dunningrun share: a migrated throwaway database, a worker
// login the jobs run as, subscriptions made to order, and a ScriptedCharger. The charger stands in
// for the provider seam only (services/billing/invoicecharger.h): it records every call, answers
// from a script, and on success settles the invoice as the charge executor does; every other row
// is read from and written to the real PostgreSQL.

#include <utility>

#include <QDate>
#include <QHash>
#include <QList>
#include <QTest>

#include "harness/testenv.h"
#include "services/billing/invoicecharger.h"
#include "services/database/migrator.h"

namespace okla::tests::billing {

using services::ChargeOutcome;

/// One call the jobs made to the charger.
struct ChargeCall
{
    qint64 subscriptionId = 0;
    qint64 invoiceId = 0;
    int attemptNo = 0;
    QDate day;
};

inline ChargeOutcome succeeded()
{
    ChargeOutcome outcome;
    outcome.kind = ChargeOutcome::Kind::Succeeded;
    outcome.provider = QStringLiteral("azul");
    return outcome;
}

inline ChargeOutcome declined(models::DeclineClass declineClass, const QString &code)
{
    ChargeOutcome outcome;
    outcome.kind = ChargeOutcome::Kind::Declined;
    outcome.provider = QStringLiteral("azul");
    outcome.declineCode = code;
    outcome.declineClass = declineClass;
    return outcome;
}

inline ChargeOutcome unknown()
{
    ChargeOutcome outcome;
    outcome.kind = ChargeOutcome::Kind::Unknown;
    outcome.provider = QStringLiteral("azul");
    return outcome;
}

/// Answers each subscription's charges from its script in order (the last answer repeats; no
/// script: succeeded). The same invoice and attempt gets the first answer again, as the charge
/// executor's idempotency keys give it.
class ScriptedCharger : public services::InvoiceCharger
{
public:
    explicit ScriptedCharger(services::PgConnection &owner) : m_owner(owner) {}

    void script(qint64 subscriptionId, QList<ChargeOutcome> outcomes) { m_scripts[subscriptionId] = std::move(outcomes); }
    /// The next call fails before anything is charged, as a charger that lost its connection.
    void failNextCall() { m_failNext = true; }
    void reset()
    {
        m_scripts.clear();
        m_calls.clear();
        m_answered.clear();
        m_failNext = false;
    }
    const QList<ChargeCall> &calls() const { return m_calls; }
    QList<ChargeCall> callsFor(qint64 subscriptionId) const
    {
        QList<ChargeCall> mine;
        for (const ChargeCall &call : m_calls)
            if (call.subscriptionId == subscriptionId)
                mine.append(call);
        return mine;
    }

    models::Result<ChargeOutcome> chargeInvoice(qint64 invoiceId, int attemptNo, QDate businessDate) override
    {
        auto row = m_owner.exec(QStringLiteral("SELECT subscription_id FROM invoices WHERE id = $1"), {invoiceId});
        if (!row || row->rows() != 1)
            return models::makeError(QStringLiteral("test.charger.no_invoice"), QStringLiteral("no such invoice"));
        const qint64 subscriptionId = row->toInt64(0, 0);
        m_calls.append({subscriptionId, invoiceId, attemptNo, businessDate});
        if (std::exchange(m_failNext, false))
            return models::makeError(QStringLiteral("test.charger.lost"), QStringLiteral("connection lost"));
        const QString key = QString::number(invoiceId) + u'/' + QString::number(attemptNo);
        if (m_answered.contains(key))
            return m_answered.value(key);
        QList<ChargeOutcome> &script = m_scripts[subscriptionId];
        ChargeOutcome outcome = script.isEmpty() ? succeeded() : script.size() == 1 ? script.first() : script.takeFirst();
        outcome.chargeId = ++m_nextChargeId;
        if (outcome.kind == ChargeOutcome::Kind::Succeeded) {
            auto paid = m_owner.exec(
                QStringLiteral("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1"), {invoiceId});
            if (!paid)
                return paid.error();
        }
        m_answered.insert(key, outcome);
        return outcome;
    }

private:
    services::PgConnection &m_owner;
    QHash<qint64, QList<ChargeOutcome>> m_scripts;
    QHash<QString, ChargeOutcome> m_answered;
    QList<ChargeCall> m_calls;
    qint64 m_nextChargeId = 5000;
    bool m_failNext = false;
};

/// A subscription made to order: its current period, schedule and dealer.
struct SubscriptionSpec
{
    QString plan = QStringLiteral("pro");
    QString currency = QStringLiteral("DOP");
    QString cycle = QStringLiteral("monthly");
    QString status = QStringLiteral("active");
    QDate anchor{};
    QDate periodStart{};
    QDate periodEnd{};
    QDate nextChargeOn{};
    int discountBp = 0;
    QString taxIdKind = QStringLiteral("rnc");
    QString language = QStringLiteral("es");
    QDate earlyBirdFreeUntil{}; ///< valid: the dealer is enrolled in Early Bird until then
};

class BillingTestbed
{
public:
    explicit BillingTestbed(const QString &prefix)
        : m_login(prefix), m_db(prefix), m_owner(m_db.open(QStringLiteral("okla_owner"))), m_charger(m_owner)
    {
        auto migrated = services::Migrator::migrate(m_owner);
        if (!migrated)
            qFatal("migrate: %s", qPrintable(migrated.error().toString()));
        m_worker = m_db.open(m_login.name());
    }

    services::PgConnection &worker() { return m_worker; }
    services::PgConnection &owner() { return m_owner; }
    ScriptedCharger &charger() { return m_charger; }

    /// The first column of the first row, as the owner; the test stops on an error.
    QString text(const QString &sql, const QVariantList &params = {})
    {
        auto result = m_owner.exec(sql, params);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return result->rows() == 0 || result->isNull(0, 0) ? QString() : result->text(0, 0);
    }
    qint64 scalar(const QString &sql, const QVariantList &params = {}) { return text(sql, params).toLongLong(); }

    /// Every row of a one-column query, joined by "|": a readable fingerprint to compare.
    QString column(const QString &sql, const QVariantList &params = {})
    {
        return text(QStringLiteral("SELECT string_agg(x::text, '|') FROM (") + sql + QStringLiteral(") q(x)"), params);
    }

    /// A dealer and its subscription in good standing (with its "created" history row); returns
    /// the subscription's id.
    qint64 addSubscription(const SubscriptionSpec &spec)
    {
        const qint64 n = ++m_dealers;
        const QString taxId = spec.taxIdKind == QLatin1String("rnc") ? QStringLiteral("2%1").arg(n, 8, 10, QLatin1Char('0'))
                                                                    : QStringLiteral("4%1").arg(n, 10, 10, QLatin1Char('0'));
        const qint64 dealer = scalar(
            QStringLiteral("INSERT INTO dealers (legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city,"
                           "                     province, email, language)"
                           " VALUES ($1, $2, $3, 'independent', 'verified', 'Santo Domingo', 'Distrito Nacional', $4, $5)"
                           " RETURNING id"),
            {QStringLiteral("Dealer %1").arg(n), taxId, spec.taxIdKind, QStringLiteral("billing%1@dealer.do").arg(n),
             spec.language});
        if (spec.earlyBirdFreeUntil.isValid()) {
            text(QStringLiteral("INSERT INTO early_bird_enrolments (dealer_id, terms_id, enrolled_at, free_until, discount_bp)"
                                " SELECT $1, id, $2::date, $3, discount_bp FROM early_bird_terms WHERE name = 'early-bird-2026'"),
                 {dealer, spec.anchor.toString(Qt::ISODate), spec.earlyBirdFreeUntil.toString(Qt::ISODate)});
        }
        const qint64 id = scalar(
            QStringLiteral("INSERT INTO subscriptions (dealer_id, provider, currency, plan_version_id, billing_cycle, status,"
                           "       discount_bp, current_period_start, current_period_end, started_at, billing_anchor,"
                           "       next_charge_on)"
                           " SELECT $1, CASE WHEN $3 = 'USD' THEN 'stripe' ELSE 'azul' END, $3, pv.id, $4, $10, $5,"
                           "        $6, $7, $8::date, $8, $9"
                           "   FROM plan_versions pv WHERE pv.plan_key = $2 AND pv.currency = $3"
                           " RETURNING id"),
            {dealer, spec.plan, spec.currency, spec.cycle, spec.discountBp, spec.periodStart.toString(Qt::ISODate),
             spec.periodEnd.toString(Qt::ISODate), spec.anchor.toString(Qt::ISODate),
             spec.nextChargeOn.toString(Qt::ISODate), spec.status});
        text(QStringLiteral("INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type,"
                            "       plan_version_id, billing_cycle, status, discount_bp)"
                            " SELECT id, dealer_id, billing_anchor, 'created', plan_version_id, billing_cycle, status,"
                            "        discount_bp FROM subscriptions WHERE id = $1"),
             {id});
        return id;
    }

    /// Takes every earlier test's subscriptions off the schedule, so a run sees only this test's.
    void retireEverything()
    {
        text(QStringLiteral("UPDATE subscriptions SET status = 'expired', next_charge_on = NULL, dunning_started_on = NULL,"
                            "       dunning_attempts = 0"));
        m_charger.reset();
    }

private:
    WorkerLogin m_login;    ///< dropped after the database, whose connections it may hold
    ThrowawayDatabase m_db;
    services::PgConnection m_owner;
    services::PgConnection m_worker;
    ScriptedCharger m_charger;
    qint64 m_dealers = 0;
};

} // namespace okla::tests::billing
