// The worker's action requests (docs/worker.md §15) against real PostgreSQL and the real
// simulators, carried out by an in-process worker with the handlers okla-worker registers:
// retry_charge charges the overdue invoice once as its next attempt and reactivates it, or records
// a hard decline and asks for a new card, and a request run again after a crash charges nothing
// more; change_plan moves the plan and cycle from the next period with one history row;
// resend_receipt and portal_link write one notice per request; every kind refuses bad parameters
// and wrong states without an effect.
#include <QDir>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "integration/executorfixture.h"
#include "models/billing/billingperiod.h"
#include "services/billing/billedsubscription.h"
#include "services/concurrency/servicethread.h"
#include "services/worker/actionhandlers.h"
#include "services/worker/workerdaemon.h"
#include "services/worker/workerrequests.h"
#include "services/worker/workerstartup.h"

using namespace okla::services;
using okla::tests::ExecutorStack;

namespace {

/// What a handler called directly gets for its job: never cancelled.
class NeverCanceled : public JobControl
{
public:
    bool isCanceled() const override { return false; }
    void setProgressRange(int, int) const override {}
    void setProgressValue(int) const override {}
};

/// A subscription in dunning: attempt 1 of its invoice was declined two days ago.
struct Dunned
{
    qint64 dealer = 0;
    qint64 subscription = 0;
    qint64 invoice = 0;
};

} // namespace

class TestActionHandlers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir; ///< the profiles; outlives the fixture, whose clean-up reads them
    okla::tests::ExecutorFixture m_fx;
    QString m_credentials;
    QDate m_today;

    QString text(const QString &sql, const QVariantList &params = {}) { return m_fx.text(sql, params); }
    qint64 number(const QString &sql, const QVariantList &params = {}) { return m_fx.number(sql, params); }
    QString isoDay(int daysFromToday) const { return m_today.addDays(daysFromToday).toString(Qt::ISODate); }

    /// okla_request_work as `role`; the request's id.
    qint64 ask(const QString &role, const QString &kind, const QJsonObject &params)
    {
        PgConnection connection = m_fx.as(role);
        auto id = connection.exec(QStringLiteral("SELECT okla_request_work($1, $2::jsonb, gen_random_uuid())"),
                                  {kind, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))});
        if (!id)
            qFatal("okla_request_work: %s", qPrintable(id.error().toString()));
        return id->toInt64(0, 0);
    }

    /// "succeeded" or "failed: <error>".
    QString state(qint64 id)
    {
        return text(QStringLiteral("SELECT state || coalesce(': ' || error, '') FROM worker_requests WHERE id = $1"), {id});
    }
    QJsonObject result(qint64 id)
    {
        return QJsonDocument::fromJson(text(QStringLiteral("SELECT result::text FROM worker_requests WHERE id = $1"), {id}).toUtf8())
            .object();
    }

    WorkerOptions options() const
    {
        WorkerOptions o;
        o.profileName = QStringLiteral("actions");
        o.credentialsDir = m_credentials;
        o.httpPort = 0;
        o.concurrency = 1;
        o.once = true;
        return o;
    }

    std::shared_ptr<RequestHandlerRegistry> registry() const
    {
        auto handlers = std::make_shared<RequestHandlerRegistry>();
        registerActionHandlers(*handlers, QStringLiteral("actions"));
        return handlers;
    }

    /// Runs every pending request with an in-process worker (--once) that has the action handlers.
    void runWorker()
    {
        auto startup = WorkerStartup::prepare(options());
        QVERIFY2(startup.ok(), qPrintable(startup ? QString() : startup.error().toString()));
        WorkerDaemon daemon(options(), std::move(startup).value(), registry(), QStringLiteral("test"));
        QSignalSpy finished(&daemon, &WorkerDaemon::finished);
        QVERIFY(daemon.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    }

    /// Runs request `id`'s handler as worker instance `instance` that claims it, as an executor
    /// does, without settling it: what a worker that dies after its handler leaves behind.
    okla::models::Result<QJsonObject> runClaimed(qint64 id, const QString &instance)
    {
        PgConnection worker = m_fx.as(m_fx.env().workerLogin);
        auto claimed = WorkerRequests::claimNext(worker, instance);
        if (!claimed || !*claimed || (**claimed).id != id)
            qFatal("request %lld was not claimed", id);
        const WorkerRequest request = **claimed;
        const NeverCanceled control;
        const CredentialStore credentials(m_credentials);
        RequestContext context{request, worker, control, credentials, instance};
        return registry()->find(request.kind)->handler(context);
    }

    /// Runs request `id`'s handler in a committed transaction of its own (a OneTransaction
    /// handler as the executor runs it, without settling the request).
    okla::models::Result<QJsonObject> runInTransaction(const WorkerRequest &request)
    {
        PgConnection worker = m_fx.as(m_fx.env().workerLogin);
        const NeverCanceled control;
        const CredentialStore credentials(m_credentials);
        RequestContext context{request, worker, control, credentials, QStringLiteral("test:direct")};
        if (!worker.execScript(QStringLiteral("BEGIN")))
            qFatal("BEGIN failed");
        auto outcome = registry()->find(request.kind)->handler(context);
        if (!worker.execScript(QStringLiteral("COMMIT")))
            qFatal("COMMIT failed");
        return outcome;
    }

    /// A DOP dealer billed by AZUL whose renewal was declined (soft) two days ago, as dunning
    /// leaves it: past due, invoice overdue, attempt 1 failed, a retry due tomorrow.
    Dunned pastDue()
    {
        Dunned d;
        d.dealer = m_fx.dealer(QStringLiteral("azul"), QStringLiteral("DOP"));
        m_fx.giveAzulToken(d.dealer);
        d.invoice = m_fx.invoice(d.dealer, 677556);
        d.subscription = number(QStringLiteral("SELECT subscription_id FROM invoices WHERE id = $1"), {d.invoice});
        m_fx.sim().addFault(true, {{"operation", "Sale"}, {"kind", "decline"}, {"decline_code", "51"}, {"count", 1}});
        ExecutorStack stack(m_fx.env(), {});
        auto first = stack.charges->chargeInvoice(d.invoice, 1, m_today.addDays(-2));
        if (!first || first->kind != ChargeOutcome::Kind::Declined)
            qFatal("attempt 1 was not declined");
        text(QStringLiteral("UPDATE subscriptions SET status = 'past_due', current_period_start = '2026-02-28',"
                            " current_period_end = '2026-03-28', dunning_started_on = $2, dunning_attempts = 1,"
                            " next_charge_on = $3 WHERE id = $1"),
             {d.subscription, isoDay(-2), isoDay(1)});
        text(QStringLiteral("UPDATE invoices SET status = 'overdue' WHERE id = $1"), {d.invoice});
        text(QStringLiteral("INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type,"
                            "       plan_version_id, billing_cycle, status, note)"
                            " SELECT id, dealer_id, $2, 'status_change', plan_version_id, billing_cycle, 'past_due',"
                            "        'Renewal charge failed' FROM subscriptions WHERE id = $1"),
             {d.subscription, isoDay(-2)});
        return d;
    }

    /// An active DOP subscription on Pro monthly whose next period starts on 2026-02-28.
    qint64 activeSubscription()
    {
        const qint64 dealer = m_fx.dealer(QStringLiteral("azul"), QStringLiteral("DOP"));
        return number(QStringLiteral("UPDATE subscriptions SET next_charge_on = current_period_end WHERE dealer_id = $1"
                                     " RETURNING id"),
                      {dealer});
    }

    /// Sales AZUL received for the attempt ids of one charge (its public id, then -1, -2, …).
    int azulSales(const QString &chargePublicId)
    {
        const QJsonObject perKey = m_fx.sim().counters(true).value(QStringLiteral("keys")).toObject()
                                       .value(QStringLiteral("CustomOrderId")).toObject();
        int requests = 0;
        for (auto it = perKey.begin(); it != perKey.end(); ++it)
            if (it.key().startsWith(chargePublicId))
                requests += it.value().toObject().value(QStringLiteral("requests")).toInt();
        return requests;
    }

    qint64 dealerOf(qint64 subscription)
    {
        return number(QStringLiteral("SELECT dealer_id FROM subscriptions WHERE id = $1"), {subscription});
    }

private Q_SLOTS:
    void initTestCase()
    {
        // given the simulators, a migrated database with staff and a worker login, and a profile
        // "actions" that points the worker at all of them
        const QString error = m_fx.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_today = okla::models::businessDate(QDateTime::currentDateTimeUtc());
        QVERIFY(m_dir.isValid());
        const QString profiles = m_dir.filePath(QStringLiteral("profiles"));
        QVERIFY(QDir().mkpath(profiles));
        // The harness keeps reading the fixture's "test" profile from the new folder too.
        QVERIFY(QFile::copy(ConnectionProfile::pathFor(QStringLiteral("test")), profiles + QStringLiteral("/test.ini")));
        const QString actions = profiles + QStringLiteral("/actions.ini");
        QVERIFY(QFile::copy(ConnectionProfile::pathFor(QStringLiteral("test")), actions));
        QFile::setPermissions(actions, QFile::ReadOwner | QFile::WriteOwner);
        {
            const okla::tests::ExecutorEnv env = m_fx.env();
            QSettings ini(actions, QSettings::IniFormat);
            ini.setValue(QStringLiteral("postgres/database"), env.database);
            ini.setValue(QStringLiteral("worker/login"), env.workerLogin);
            ini.setValue(QStringLiteral("azul/url"), env.azulUrl);
            ini.setValue(QStringLiteral("azul/ca_file"), env.caFile);
            ini.setValue(QStringLiteral("stripe/url"), env.stripeUrl);
            ini.setValue(QStringLiteral("providers/simulator"), true);
        }
        qputenv("OKLA_PROFILE_DIR", QFile::encodeName(profiles));
        m_credentials = m_fx.env().credentialsDir;
        QVERIFY(QFile::setPermissions(m_credentials, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void retryChargeCollectsTheOverdueInvoiceAndReactivates()
    {
        // given a past-due subscription whose attempt 1 was declined
        const Dunned d = pastDue();
        // when finance asks to retry the charge now
        const qint64 id = ask(QStringLiteral("ana"), QStringLiteral("retry_charge"), {{"subscription_id", d.subscription}});
        runWorker();
        // then attempt 2 was charged once and paid the invoice
        QCOMPARE(state(id), QStringLiteral("succeeded"));
        const QJsonObject answer = result(id);
        QCOMPARE(answer.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(answer.value(QStringLiteral("attempt")).toInt(), 2);
        QCOMPARE(answer.value(QStringLiteral("reactivated")).toBool(), true);
        QCOMPARE(text(QStringLiteral("SELECT string_agg(attempt_no || ' ' || state, '|' ORDER BY attempt_no) FROM charges"
                                     " WHERE invoice_id = $1"), {d.invoice}),
                 QStringLiteral("1 failed|2 succeeded"));
        const QString publicId = text(QStringLiteral("SELECT public_id FROM charges WHERE invoice_id = $1 AND attempt_no = 2"),
                                      {d.invoice});
        QCOMPARE(m_fx.azulEffects(QStringLiteral("CustomOrderId"), publicId), 1);
        QCOMPARE(text(QStringLiteral("SELECT status FROM invoices WHERE id = $1"), {d.invoice}), QStringLiteral("paid"));
        // and the subscription is active again as dunning leaves it, with its history row
        QCOMPARE(text(QStringLiteral("SELECT status || ' ' || next_charge_on || ' ' || dunning_attempts"
                                     " || ' ' || (dunning_started_on IS NULL) FROM subscriptions WHERE id = $1"),
                      {d.subscription}),
                 QStringLiteral("active 2026-03-28 0 true"));
        QCOMPARE(text(QStringLiteral("SELECT change_type || ' ' || status || ' ' || note || ' ' || effective_date"
                                     " FROM subscription_changes WHERE subscription_id = $1 ORDER BY id DESC LIMIT 1"),
                      {d.subscription}),
                 QStringLiteral("status_change active Dunning recovered the payment ") + isoDay(0));
        QCOMPARE(m_fx.count(QStringLiteral("notifications"), QStringLiteral("dealer_id = $1 AND kind = 'receipt'"), {d.dealer}), 1);
    }

    void retryChargeAfterAHardDeclineAsksForANewCardAndARerunChargesNothingMore()
    {
        // given a past-due subscription and a card AZUL will decline for good (54: expired)
        const Dunned d = pastDue();
        m_fx.sim().addFault(true, {{"operation", "Sale"}, {"kind", "decline"}, {"decline_code", "54"}, {"count", 1}});
        const qint64 id = ask(QStringLiteral("ana"), QStringLiteral("retry_charge"), {{"subscription_id", d.subscription}});
        // when a worker runs the request and dies before settling it
        auto first = runClaimed(id, QStringLiteral("test:crashed"));
        // then attempt 2 was declined, the dealer was asked to update the card and told why
        QVERIFY(!first);
        QVERIFY2(first.error().message.contains(QLatin1String("update it")), qPrintable(first.error().message));
        QCOMPARE(text(QStringLiteral("SELECT string_agg(attempt_no || ' ' || state || ' ' || decline_code, '|'"
                                     " ORDER BY attempt_no) FROM charges WHERE invoice_id = $1"), {d.invoice}),
                 QStringLiteral("1 failed 51|2 failed 54"));
        QCOMPARE(m_fx.count(QStringLiteral("notifications"), QStringLiteral("dealer_id = $1 AND kind = 'card_update_needed'"),
                            {d.dealer}), 1);
        const QString publicId = text(QStringLiteral("SELECT public_id FROM charges WHERE invoice_id = $1 AND attempt_no = 2"),
                                      {d.invoice});
        const int salesAfterFirst = azulSales(publicId);
        QVERIFY(salesAfterFirst >= 1);
        // and dunning stopped retrying that card
        const QString afterFirst = QStringLiteral("past_due - 2");
        QCOMPARE(text(QStringLiteral("SELECT status || ' ' || coalesce(next_charge_on::text, '-') || ' ' || dunning_attempts"
                                     " FROM subscriptions WHERE id = $1"), {d.subscription}),
                 afterFirst);

        // when the request is given back and another worker runs it again
        PgConnection worker = m_fx.as(m_fx.env().workerLogin);
        QCOMPARE(WorkerRequests::giveBack(worker, QStringLiteral("test:crashed"), {id}).value(), qint64(1));
        auto second = runClaimed(id, QStringLiteral("test:second"));
        // then it asks about the same attempt: no third charge, no second effect, no new notice
        QVERIFY(!second);
        QCOMPARE(m_fx.count(QStringLiteral("charges"), QStringLiteral("invoice_id = $1"), {d.invoice}), 2);
        QCOMPARE(azulSales(publicId), salesAfterFirst);
        QCOMPARE(m_fx.count(QStringLiteral("notifications"), QStringLiteral("dealer_id = $1 AND kind = 'card_update_needed'"),
                            {d.dealer}), 1);
        QCOMPARE(text(QStringLiteral("SELECT status || ' ' || coalesce(next_charge_on::text, '-') || ' ' || dunning_attempts"
                                     " FROM subscriptions WHERE id = $1"), {d.subscription}),
                 afterFirst);
        QVERIFY(WorkerRequests::fail(worker, id, QStringLiteral("test:second"), second.error().message).value());
    }

    void retryChargeRefusesWhatItCannotCharge()
    {
        // given a subscription with nothing to charge, a cancelled one, and one whose invoice has
        // a charge of unknown outcome
        const qint64 nothingDue = activeSubscription();
        const Dunned cancelled = pastDue();
        text(QStringLiteral("UPDATE subscriptions SET status = 'cancelled' WHERE id = $1"), {cancelled.subscription});
        const Dunned unknown = pastDue();
        text(QStringLiteral("INSERT INTO charges (invoice_id, dealer_id, provider, attempt_no, currency, amount_minor,"
                            "       itbis_minor, state, failure_kind, started_at)"
                            " SELECT id, dealer_id, 'azul', 2, currency, total_minor, itbis_minor, 'unknown', 'ambiguous',"
                            "        now() FROM invoices WHERE id = $1"),
             {unknown.invoice});
        const qint64 chargesBefore = number(QStringLiteral("SELECT count(*) FROM charges"));
        const qint64 noticesBefore = number(QStringLiteral("SELECT count(*) FROM notifications"));
        // when finance asks to retry each, and with parameters that name no subscription
        const qint64 badParam = ask(QStringLiteral("ana"), QStringLiteral("retry_charge"), {{"subscription_id", "7"}});
        const qint64 missing = ask(QStringLiteral("ana"), QStringLiteral("retry_charge"), {{"subscription_id", 99999999}});
        const qint64 nothing = ask(QStringLiteral("ana"), QStringLiteral("retry_charge"), {{"subscription_id", nothingDue}});
        const qint64 ended = ask(QStringLiteral("ana"), QStringLiteral("retry_charge"), {{"subscription_id", cancelled.subscription}});
        const qint64 live = ask(QStringLiteral("ana"), QStringLiteral("retry_charge"), {{"subscription_id", unknown.subscription}});
        runWorker();
        // then each failed saying why, and nothing was charged or sent
        QCOMPARE(state(badParam), QStringLiteral("failed: A retry_charge request needs a positive whole subscription_id."));
        QCOMPARE(state(missing), QStringLiteral("failed: Subscription 99999999 does not exist."));
        QCOMPARE(state(nothing), QStringLiteral("failed: Subscription %1 has no overdue or open invoice: there is nothing to "
                                                "charge.").arg(nothingDue));
        QCOMPARE(state(ended), QStringLiteral("failed: Subscription %1 has already ended (cancelled).").arg(cancelled.subscription));
        QVERIFY2(state(live).startsWith(QStringLiteral("failed: Invoice %1 has a charge still running").arg(unknown.invoice)),
                 qPrintable(state(live)));
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM charges")), chargesBefore);
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM notifications")), noticesBefore);
        QCOMPARE(text(QStringLiteral("SELECT progress::text FROM worker_requests WHERE id = $1"), {live}), QStringLiteral("{}"));
    }

    void changePlanMovesPlanAndCycleFromTheNextPeriod()
    {
        // given three active Pro monthly subscriptions whose next period starts on 2026-02-28
        const qint64 up = activeSubscription();
        const qint64 down = activeSubscription();
        const qint64 cycle = activeSubscription();
        // when a manager asks for Elite, Starter yearly, and Pro yearly
        const qint64 upId = ask(QStringLiteral("marco"), QStringLiteral("change_plan"),
                                {{"subscription_id", up}, {"plan_key", "elite"}, {"billing_cycle", "monthly"}});
        const qint64 downId = ask(QStringLiteral("marco"), QStringLiteral("change_plan"),
                                  {{"subscription_id", down}, {"plan_key", "starter"}, {"billing_cycle", "yearly"}});
        const qint64 cycleId = ask(QStringLiteral("ana"), QStringLiteral("change_plan"),
                                   {{"subscription_id", cycle}, {"plan_key", "pro"}, {"billing_cycle", "yearly"}});
        runWorker();
        // then each subscription has the current version of its new plan and cycle and one
        // history row of the right type, effective when its next period starts, by the asker
        const QString terms = QStringLiteral("SELECT pv.plan_key || ' v' || pv.version || ' ' || s.billing_cycle || ' '"
                                             "       || s.status || ' ' || s.next_charge_on"
                                             "  FROM subscriptions s JOIN plan_versions pv ON pv.id = s.plan_version_id"
                                             " WHERE s.id = $1");
        const QString history = QStringLiteral("SELECT string_agg(c.change_type || ' ' || c.effective_date || ' ' || pv.plan_key"
                                               "       || ' ' || c.billing_cycle || ' ' || c.status || ' ' || st.role_name, '|')"
                                               "  FROM subscription_changes c JOIN plan_versions pv ON pv.id = c.plan_version_id"
                                               "  JOIN staff st ON st.id = c.changed_by WHERE c.subscription_id = $1");
        QCOMPARE(state(upId), QStringLiteral("succeeded"));
        QCOMPARE(text(terms, {up}), QStringLiteral("elite v5 monthly active 2026-02-28"));
        QCOMPARE(text(history, {up}), QStringLiteral("upgrade 2026-02-28 elite monthly active marco"));
        QCOMPARE(state(downId), QStringLiteral("succeeded"));
        QCOMPARE(text(terms, {down}), QStringLiteral("starter v5 yearly active 2026-02-28"));
        QCOMPARE(text(history, {down}), QStringLiteral("downgrade 2026-02-28 starter yearly active marco"));
        QCOMPARE(state(cycleId), QStringLiteral("succeeded"));
        QCOMPARE(text(history, {cycle}), QStringLiteral("cycle_change 2026-02-28 pro yearly active ana"));
        QCOMPARE(result(cycleId).value(QStringLiteral("previous_billing_cycle")).toString(), QStringLiteral("monthly"));
        QCOMPARE(m_fx.count(QStringLiteral("subscription_changes"), QStringLiteral("subscription_id = ANY($1::bigint[])"),
                            {QStringLiteral("{%1,%2,%3}").arg(up).arg(down).arg(cycle)}),
                 3);

        // and the next renewal bills the new cycle's full price for a year from that day
        PgConnection worker = m_fx.as(m_fx.env().workerLogin);
        auto billed = BilledSubscription::load(worker, cycle, false);
        QVERIFY(billed && *billed);
        auto due = (**billed).duePeriod();
        QVERIFY(due.ok());
        QCOMPARE(due->start, QDate(2026, 2, 28));
        QCOMPARE(due->end, QDate(2027, 2, 28));
        QCOMPARE((**billed).cyclePriceMinor, number(QStringLiteral("SELECT okla_cycle_price_minor(574200, 'yearly')")));
    }

    void changePlanRefusesUnknownAndNoOpChangesAndWrongStates()
    {
        // given an active subscription, a past-due one, one cancelling at period end and an ended one
        const qint64 active = activeSubscription();
        const qint64 pastDueSub = activeSubscription();
        text(QStringLiteral("UPDATE subscriptions SET status = 'past_due' WHERE id = $1"), {pastDueSub});
        const qint64 cancelling = activeSubscription();
        text(QStringLiteral("UPDATE subscriptions SET cancel_at_period_end = true WHERE id = $1"), {cancelling});
        const qint64 ended = activeSubscription();
        text(QStringLiteral("UPDATE subscriptions SET status = 'expired' WHERE id = $1"), {ended});
        const qint64 historyBefore = number(QStringLiteral("SELECT count(*) FROM subscription_changes"));
        const QString termsBefore = text(QStringLiteral("SELECT string_agg(plan_version_id || billing_cycle, ',' ORDER BY id)"
                                                        " FROM subscriptions"));
        // when a manager asks for changes that cannot be made
        auto changePlan = [&](qint64 id, const QJsonObject &more) {
            QJsonObject params = more;
            params.insert(QStringLiteral("subscription_id"), id);
            return ask(QStringLiteral("marco"), QStringLiteral("change_plan"), params);
        };
        const qint64 unknownPlan = changePlan(active, {{"plan_key", "platinum"}, {"billing_cycle", "monthly"}});
        const qint64 badCycle = changePlan(active, {{"plan_key", "elite"}, {"billing_cycle", "weekly"}});
        const qint64 noOp = changePlan(active, {{"plan_key", "pro"}, {"billing_cycle", "monthly"}});
        const qint64 nothingAsked = changePlan(active, {});
        const qint64 inDunning = changePlan(pastDueSub, {{"plan_key", "elite"}});
        const qint64 endsSoon = changePlan(cancelling, {{"plan_key", "elite"}});
        const qint64 over = changePlan(ended, {{"plan_key", "elite"}});
        runWorker();
        // then each failed saying why, and no subscription or history row changed
        QCOMPARE(state(unknownPlan), QStringLiteral("failed: There is no plan \"platinum\"; the plans are: libre, visible, "
                                                    "starter, pro, elite, enterprise."));
        QCOMPARE(state(badCycle), QStringLiteral("failed: The billing cycle must be one of: monthly, quarterly, yearly."));
        QCOMPARE(state(noOp), QStringLiteral("failed: Subscription %1 is already on plan pro, billed monthly: there is "
                                             "nothing to change.").arg(active));
        QCOMPARE(state(nothingAsked), QStringLiteral("failed: A change_plan request needs a plan_key, a billing_cycle or both."));
        QCOMPARE(state(inDunning), QStringLiteral("failed: Subscription %1 is past_due: its overdue invoice must be paid "
                                                  "before its plan changes.").arg(pastDueSub));
        QCOMPARE(state(endsSoon), QStringLiteral("failed: Subscription %1 is cancelled at the end of its period: it has no "
                                                 "next period to change.").arg(cancelling));
        QCOMPARE(state(over), QStringLiteral("failed: Subscription %1 has already ended (expired).").arg(ended));
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM subscription_changes")), historyBefore);
        QCOMPARE(text(QStringLiteral("SELECT string_agg(plan_version_id || billing_cycle, ',' ORDER BY id) FROM subscriptions")),
                 termsBefore);
    }

    void resendReceiptWritesOneReceiptPerRequest()
    {
        // given a paid invoice
        const Dunned d = pastDue();
        text(QStringLiteral("UPDATE invoices SET status = 'paid', paid_at = now(), ncf = 'B0100009999' WHERE id = $1"), {d.invoice});
        const QString receipts = QStringLiteral("kind = 'receipt' AND data->>'invoice_id' = $1 AND (data->>'resent')::boolean");
        const QVariantList invoice{QString::number(d.invoice)};
        // when support asks twice (two requests)
        const qint64 first = ask(QStringLiteral("sofia"), QStringLiteral("resend_receipt"), {{"invoice_id", d.invoice}});
        const qint64 second = ask(QStringLiteral("sofia"), QStringLiteral("resend_receipt"), {{"invoice_id", d.invoice}});
        runWorker();
        // then each request sent it once, in the dealer's language, with the invoice's figures
        QCOMPARE(state(first), QStringLiteral("succeeded"));
        QCOMPARE(state(second), QStringLiteral("succeeded"));
        QCOMPARE(m_fx.count(QStringLiteral("notifications"), receipts, invoice), 2);
        QCOMPARE(text(QStringLiteral("SELECT event_key || ' ' || channel || ' ' || recipient || ' ' || language || ' '"
                                     "       || (data->>'ncf') || ' ' || (data->>'amount_minor') FROM notifications WHERE id = $1"),
                      {result(first).value(QStringLiteral("notification_id")).toInteger()}),
                 QStringLiteral("receipt:invoice:%1:request:%2 email pagos@autos.do es B0100009999 677556").arg(d.invoice).arg(first));

        // when the same request runs again
        const WorkerRequest again{first, QStringLiteral("resend_receipt"), {{QStringLiteral("invoice_id"), d.invoice}}, {}};
        auto rerun = runInTransaction(again);
        // then it finds its own row: still two receipts
        QVERIFY(rerun.ok());
        QCOMPARE(rerun->value(QStringLiteral("notification_id")), result(first).value(QStringLiteral("notification_id")));
        QCOMPARE(m_fx.count(QStringLiteral("notifications"), receipts, invoice), 2);
    }

    void resendReceiptRefusesUnpaidAndUnknownInvoices()
    {
        // given an overdue invoice
        const Dunned d = pastDue();
        const qint64 noticesBefore = number(QStringLiteral("SELECT count(*) FROM notifications"));
        // when support asks for its receipt, for one that does not exist, and without an id
        const qint64 unpaid = ask(QStringLiteral("sofia"), QStringLiteral("resend_receipt"), {{"invoice_id", d.invoice}});
        const qint64 missing = ask(QStringLiteral("sofia"), QStringLiteral("resend_receipt"), {{"invoice_id", 99999999}});
        const qint64 noId = ask(QStringLiteral("sofia"), QStringLiteral("resend_receipt"), {{"invoice_id", 1.5}});
        runWorker();
        // then each failed saying why and nothing was sent
        QCOMPARE(state(unpaid), QStringLiteral("failed: Invoice %1 is overdue, not paid: it has no receipt to send.").arg(d.invoice));
        QCOMPARE(state(missing), QStringLiteral("failed: Invoice 99999999 does not exist."));
        QCOMPARE(state(noId), QStringLiteral("failed: A resend_receipt request needs a positive whole invoice_id."));
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM notifications")), noticesBefore);
    }

    void portalLinkAsksTheDealerToUpdateTheCardOncePerRequest()
    {
        // given a dealer with a subscription in force
        const qint64 dealer = dealerOf(activeSubscription());
        const QString links = QStringLiteral("dealer_id = $1 AND kind = 'card_update_needed' AND data->>'reason' = 'portal_link'");
        // when support asks twice
        const qint64 first = ask(QStringLiteral("sofia"), QStringLiteral("portal_link"), {{"dealer_id", dealer}});
        const qint64 second = ask(QStringLiteral("ana"), QStringLiteral("portal_link"), {{"dealer_id", dealer}});
        runWorker();
        // then one notice per request, naming the provider that holds the card
        QCOMPARE(state(first), QStringLiteral("succeeded"));
        QCOMPARE(state(second), QStringLiteral("succeeded"));
        QCOMPARE(m_fx.count(QStringLiteral("notifications"), links, {dealer}), 2);
        QCOMPARE(text(QStringLiteral("SELECT event_key || ' ' || (data->>'provider') || ' ' || (data->>'dealer_id')"
                                     "  FROM notifications WHERE id = $1"),
                      {result(first).value(QStringLiteral("notification_id")).toInteger()}),
                 QStringLiteral("card_update_needed:dealer:%1:request:%2 azul %1").arg(dealer).arg(first));
        // and the same request run again writes nothing more
        const WorkerRequest again{second, QStringLiteral("portal_link"), {{QStringLiteral("dealer_id"), dealer}}, {}};
        QVERIFY(runInTransaction(again).ok());
        QCOMPARE(m_fx.count(QStringLiteral("notifications"), links, {dealer}), 2);
    }

    void portalLinkRefusesUnknownDealersAndEndedSubscriptions()
    {
        // given a dealer whose only subscription has ended
        const qint64 ended = activeSubscription();
        text(QStringLiteral("UPDATE subscriptions SET status = 'cancelled' WHERE id = $1"), {ended});
        const qint64 noticesBefore = number(QStringLiteral("SELECT count(*) FROM notifications"));
        // when support asks for links to it, to a dealer that does not exist, and without an id
        const qint64 gone = ask(QStringLiteral("sofia"), QStringLiteral("portal_link"), {{"dealer_id", dealerOf(ended)}});
        const qint64 missing = ask(QStringLiteral("sofia"), QStringLiteral("portal_link"), {{"dealer_id", 99999999}});
        const qint64 noId = ask(QStringLiteral("sofia"), QStringLiteral("portal_link"), {});
        runWorker();
        // then each failed saying why and nothing was sent
        QCOMPARE(state(gone), QStringLiteral("failed: Dealer %1 has no subscription in force: there is no card to update.")
                                  .arg(dealerOf(ended)));
        QCOMPARE(state(missing), QStringLiteral("failed: Dealer 99999999 does not exist."));
        QCOMPARE(state(noId), QStringLiteral("failed: A portal_link request needs a positive whole dealer_id."));
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM notifications")), noticesBefore);
    }
};

QTEST_GUILESS_MAIN(TestActionHandlers)
#include "tst_actionhandlers.moc"
