// The renewal scheduler against a real PostgreSQL as the okla_worker role (docs/domain.md §25,
// docs/worker.md §9): one invoice and one charge per period whatever runs twice, NCF and ITBIS,
// the 31st anchor through February, missed periods caught up, Early Bird free months, pre-charge
// notices exactly once, and the billing run's progress and summary.
#include <QJsonObject>
#include <QTest>

#include "integration/billingtestbed.h"
#include "services/billing/billingrun.h"
#include "services/billing/renewalscheduler.h"

using okla::services::BillingRun;
using okla::services::RenewalScheduler;
using namespace okla::tests::billing;

namespace {

QDate day(int y, int m, int d) { return QDate(y, m, d); }

const QString kInvoices = QStringLiteral(
    "SELECT period_start || '..' || period_end || ' ' || subtotal_minor || '+' || itbis_minor || '=' || total_minor"
    "       || ' ' || status || ' ' || left(ncf, 3) || ' due ' || due_date"
    "  FROM invoices WHERE subscription_id = $1 ORDER BY period_start");
const QString kSchedule = QStringLiteral(
    "SELECT current_period_start || '..' || current_period_end || ' next ' || coalesce(next_charge_on::text, '-')"
    "       || ' ' || status FROM subscriptions WHERE id = $1");

QString calls(const QList<ChargeCall> &made)
{
    QStringList out;
    for (const ChargeCall &call : made)
        out << call.day.toString(Qt::ISODate) + u'/' + QString::number(call.attemptNo);
    return out.join(u'|');
}

} // namespace

class TestRenewalScheduler : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BillingTestbed> m_bed;

    okla::models::Result<okla::services::RunTally> renew(QDate on)
    {
        return RenewalScheduler(m_bed->worker(), m_bed->charger()).run(on);
    }

private Q_SLOTS:
    void initTestCase() { m_bed = std::make_unique<BillingTestbed>(QStringLiteral("okla_renewal")); }
    void cleanupTestCase() { m_bed.reset(); }
    void init() { m_bed->retireEverything(); }

    void runningTwiceMakesOneInvoiceAndOneCharge()
    {
        // given a Pro DOP subscription of an RNC holder due on 15 March
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 1, 15), .periodStart = day(2026, 2, 15),
                                                  .periodEnd = day(2026, 3, 15), .nextChargeOn = day(2026, 3, 15)});
        const qint64 ncfBefore = m_bed->scalar(QStringLiteral("SELECT next_value FROM ncf_sequences WHERE ncf_type = 'B01'"));

        // when the run of 15 March runs twice
        auto first = renew(day(2026, 3, 15));
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
        auto second = renew(day(2026, 3, 15));
        QVERIFY(second.ok());

        // then one invoice (price of the plan version + 18 % ITBIS, B01) and one charge, attempt 1
        QCOMPARE(first->due, 1);
        QCOMPARE(first->charged, 1);
        QCOMPARE(second->due, 0);
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-03-15/1"));
        QCOMPARE(m_bed->column(kInvoices, {id}),
                 QStringLiteral("2026-03-15..2026-04-15 574200+103356=677556 paid B01 due 2026-03-15"));
        QCOMPARE(m_bed->scalar(QStringLiteral("SELECT next_value FROM ncf_sequences WHERE ncf_type = 'B01'")), ncfBefore + 1);
        // and the schedule moved to the next period
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2026-03-15..2026-04-15 next 2026-04-15 active"));
        // and the next day charges nothing
        QVERIFY(renew(day(2026, 3, 16)).ok());
        QCOMPARE(m_bed->charger().calls().size(), 1);
    }

    void anUnknownOutcomeIsAskedAgainForTheSameInvoiceAndAttempt()
    {
        // given a subscription whose charge ends in "unknown" (a timeout after sending)
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 1, 15), .periodStart = day(2026, 2, 15),
                                                  .periodEnd = day(2026, 3, 15), .nextChargeOn = day(2026, 3, 15)});
        m_bed->charger().script(id, {unknown()});

        // when the run runs twice
        auto first = renew(day(2026, 3, 15));
        QVERIFY(first.ok());
        QVERIFY(renew(day(2026, 3, 15)).ok());

        // then the schedule waits, the invoice is not made twice, and the charger is only ever asked
        // about the same invoice and attempt (its idempotency decides; nothing new is charged)
        QCOMPARE(first->inFlight, 1);
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2026-02-15..2026-03-15 next 2026-03-15 active"));
        QCOMPARE(m_bed->scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE subscription_id = $1"), {id}), 1);
        const auto made = m_bed->charger().calls();
        QCOMPARE(made.size(), 2);
        QCOMPARE(made[0].invoiceId, made[1].invoiceId);
        QCOMPARE(calls(made), QStringLiteral("2026-03-15/1|2026-03-15/1"));
    }

    void aChargerFailureLeavesTheInvoiceForTheRerunWithoutASecondFiscalNumber()
    {
        // given a due subscription and a charger that fails once before charging anything
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 1, 15), .periodStart = day(2026, 2, 15),
                                                  .periodEnd = day(2026, 3, 15), .nextChargeOn = day(2026, 3, 15)});
        const qint64 ncfBefore = m_bed->scalar(QStringLiteral("SELECT next_value FROM ncf_sequences WHERE ncf_type = 'B01'"));
        m_bed->charger().failNextCall();

        // when the run fails for it, then runs again
        auto failed = renew(day(2026, 3, 15));
        QVERIFY(failed.ok());
        QCOMPARE(failed->errors, 1);
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2026-02-15..2026-03-15 next 2026-03-15 active"));
        auto rerun = renew(day(2026, 3, 15));
        QVERIFY(rerun.ok());

        // then the rerun charged the invoice the first run made: one invoice, one fiscal number
        QCOMPARE(rerun->charged, 1);
        QCOMPARE(m_bed->column(kInvoices, {id}),
                 QStringLiteral("2026-03-15..2026-04-15 574200+103356=677556 paid B01 due 2026-03-15"));
        QCOMPARE(m_bed->scalar(QStringLiteral("SELECT next_value FROM ncf_sequences WHERE ncf_type = 'B01'")), ncfBefore + 1);
        const auto made = m_bed->charger().calls();
        QCOMPARE(made.size(), 2);
        QCOMPARE(made[0].invoiceId, made[1].invoiceId);
    }

    void anAnchorOnThe31stIsBilledOnFebruaryTheLastThenOnThe31stAgain()
    {
        // given a subscription anchored on 31 January
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 1, 31), .periodStart = day(2026, 1, 31),
                                                  .periodEnd = day(2026, 2, 28), .nextChargeOn = day(2026, 2, 28)});
        // when the runs of 28 February, 31 March and 30 April run
        for (const QDate on : {day(2026, 2, 28), day(2026, 3, 31), day(2026, 4, 30)})
            QVERIFY(renew(on).ok());
        // then the periods go Feb 28, Mar 31, Apr 30, May 31
        QCOMPARE(m_bed->column(QStringLiteral("SELECT period_start || '..' || period_end FROM invoices"
                                              " WHERE subscription_id = $1 ORDER BY period_start"),
                               {id}),
                 QStringLiteral("2026-02-28..2026-03-31|2026-03-31..2026-04-30|2026-04-30..2026-05-31"));
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-02-28/1|2026-03-31/1|2026-04-30/1"));
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2026-04-30..2026-05-31 next 2026-05-31 active"));
    }

    void inALeapYearThe31stIsBilledOnFebruaryThe29th()
    {
        // given a subscription anchored on 31 December 2027, due on 29 February 2028
        const qint64 id = m_bed->addSubscription({.anchor = day(2027, 12, 31), .periodStart = day(2028, 1, 31),
                                                  .periodEnd = day(2028, 2, 29), .nextChargeOn = day(2028, 2, 29)});
        // when the runs of 29 February and 31 March run
        for (const QDate on : {day(2028, 2, 29), day(2028, 3, 31)})
            QVERIFY(renew(on).ok());
        // then it was billed on the 29th, then on the 31st again
        QCOMPARE(m_bed->column(QStringLiteral("SELECT period_start || '..' || period_end FROM invoices"
                                              " WHERE subscription_id = $1 ORDER BY period_start"),
                               {id}),
                 QStringLiteral("2028-02-29..2028-03-31|2028-03-31..2028-04-30"));
    }

    void aTrialEndingOffTheAnchorStartsItsBillingDayThere()
    {
        // given a 14-day trial from 21 November whose first charge is on 5 December
        const qint64 id = m_bed->addSubscription({.status = QStringLiteral("trial"), .anchor = day(2026, 11, 21),
                                                  .periodStart = day(2026, 11, 21), .periodEnd = day(2026, 12, 5),
                                                  .nextChargeOn = day(2026, 12, 5)});
        // when the runs of 5 December and 5 January run
        for (const QDate on : {day(2026, 12, 5), day(2027, 1, 5)})
            QVERIFY(renew(on).ok());
        // then the billing day is the 5th, and the paid trial became active
        QCOMPARE(m_bed->column(QStringLiteral("SELECT period_start || '..' || period_end FROM invoices"
                                              " WHERE subscription_id = $1 ORDER BY period_start"),
                               {id}),
                 QStringLiteral("2026-12-05..2027-01-05|2027-01-05..2027-02-05"));
        QCOMPARE(m_bed->text(QStringLiteral("SELECT billing_anchor FROM subscriptions WHERE id = $1"), {id}),
                 QStringLiteral("2026-12-05"));
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2027-01-05..2027-02-05 next 2027-02-05 active"));
        QCOMPARE(m_bed->column(QStringLiteral("SELECT effective_date || ' ' || change_type || ' ' || status"
                                              "  FROM subscription_changes WHERE subscription_id = $1 ORDER BY id"),
                               {id}),
                 QStringLiteral("2026-11-21 created trial|2026-12-05 trial_to_active active"));
    }

    void missedPeriodsAreEachBilledOnceInOrder()
    {
        // given a worker that did not run from 28 February to 30 April
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 1, 31), .periodStart = day(2026, 1, 31),
                                                  .periodEnd = day(2026, 2, 28), .nextChargeOn = day(2026, 2, 28)});
        // when it runs on 30 April, twice
        auto tally = renew(day(2026, 4, 30));
        QVERIFY(tally.ok());
        QVERIFY(renew(day(2026, 4, 30)).ok());
        // then each missed period has its invoice and its one charge
        QCOMPARE(tally->charged, 3);
        QCOMPARE(m_bed->scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE subscription_id = $1"), {id}), 3);
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-04-30/1|2026-04-30/1|2026-04-30/1"));
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2026-04-30..2026-05-31 next 2026-05-31 active"));
    }

    void earlyBirdFreeMonthsMakeNoChargeThenTheDiscountedPriceIsBilled()
    {
        // given an Early Bird dealer (cédula) free until 10 March, 25 % off afterwards
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 1, 10), .periodStart = day(2026, 1, 10),
                                                  .periodEnd = day(2026, 2, 10), .nextChargeOn = day(2026, 2, 10),
                                                  .discountBp = 2500, .taxIdKind = QStringLiteral("cedula"),
                                                  .earlyBirdFreeUntil = day(2026, 3, 10)});
        // when the free period comes round
        auto free = renew(day(2026, 2, 10));
        QVERIFY(free.ok());
        // then nothing is invoiced or charged, and the schedule moves to the first billed day
        QCOMPARE(free->free, 1);
        QCOMPARE(m_bed->charger().calls().size(), 0);
        QCOMPARE(m_bed->scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE subscription_id = $1"), {id}), 0);
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2026-02-10..2026-03-10 next 2026-03-10 active"));
        // and on the first billed day the discounted price is invoiced (B02: final consumer)
        QVERIFY(renew(day(2026, 3, 10)).ok());
        QCOMPARE(m_bed->column(kInvoices, {id}),
                 QStringLiteral("2026-03-10..2026-04-10 430650+77517=508167 paid B02 due 2026-03-10"));
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-03-10/1"));
    }

    void preChargeNoticesAreWrittenOnceWithinTheNoticeWindow()
    {
        // given subscriptions charged in 5 days (es), in 1 day (USD, en) and in 6 days
        const QDate today = day(2026, 3, 10);
        const qint64 inFive = m_bed->addSubscription({.anchor = day(2026, 2, 15), .periodStart = day(2026, 2, 15),
                                                      .periodEnd = day(2026, 3, 15), .nextChargeOn = day(2026, 3, 15)});
        const qint64 inOne = m_bed->addSubscription({.currency = QStringLiteral("USD"), .anchor = day(2026, 2, 11),
                                                     .periodStart = day(2026, 2, 11), .periodEnd = day(2026, 3, 11),
                                                     .nextChargeOn = day(2026, 3, 11), .language = QStringLiteral("en")});
        const qint64 inSix = m_bed->addSubscription({.anchor = day(2026, 2, 16), .periodStart = day(2026, 2, 16),
                                                     .periodEnd = day(2026, 3, 16), .nextChargeOn = day(2026, 3, 16)});
        // when the runs of 10 and 11 March run twice each
        for (const QDate on : {today, today, today.addDays(1), today.addDays(1)})
            QVERIFY(renew(on).ok());
        // then one notice per upcoming charge, in the dealer's language, with the amount charged
        const QString notices = QStringLiteral(
            "SELECT n.event_key || ' ' || n.kind || ' ' || n.language || ' ' || n.channel || ' ' || (n.recipient IS NOT NULL)"
            "       || ' ' || (n.data->>'amount_minor') || ' ' || (n.data->>'currency')"
            "  FROM notifications n JOIN subscriptions s ON s.dealer_id = n.dealer_id WHERE s.id = $1 ORDER BY n.id");
        QCOMPARE(m_bed->column(notices, {inFive}),
                 QStringLiteral("pre_charge:subscription:%1:2026-03-15 pre_charge es email true 677556 DOP").arg(inFive));
        QCOMPARE(m_bed->column(notices, {inOne}),
                 QStringLiteral("pre_charge:subscription:%1:2026-03-11 pre_charge en email true 9900 USD").arg(inOne));
        // and the one 6 days out was told on 11 March (5 days before), once
        QCOMPARE(m_bed->column(notices, {inSix}),
                 QStringLiteral("pre_charge:subscription:%1:2026-03-16 pre_charge es email true 677556 DOP").arg(inSix));
    }

    void aDealerWithoutAUsableAddressIsToldByPush()
    {
        // given a subscription charged in 3 days whose dealer has no valid e-mail address
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 2, 13), .periodStart = day(2026, 2, 13),
                                                  .periodEnd = day(2026, 3, 13), .nextChargeOn = day(2026, 3, 13)});
        m_bed->text(QStringLiteral("UPDATE dealers SET email = 'ventas at dealer' WHERE id ="
                                   " (SELECT dealer_id FROM subscriptions WHERE id = $1)"),
                    {id});
        // when the run of 10 March runs
        auto tally = renew(day(2026, 3, 10));
        // then the notice goes by push, and the run had no error
        QVERIFY(tally.ok());
        QCOMPARE(tally->errors, 0);
        QCOMPARE(m_bed->column(QStringLiteral("SELECT n.kind || ' ' || n.channel || ' ' || coalesce(n.recipient, '-')"
                                              "  FROM notifications n JOIN subscriptions s ON s.dealer_id = n.dealer_id"
                                              " WHERE s.id = $1"),
                               {id}),
                 QStringLiteral("pre_charge push -"));
    }

    void aBillingRunReportsItsProgressAndSummary()
    {
        // given one due subscription and a billing_run request the worker made for itself
        const qint64 id = m_bed->addSubscription({.anchor = day(2026, 1, 15), .periodStart = day(2026, 2, 15),
                                                  .periodEnd = day(2026, 3, 15), .nextChargeOn = day(2026, 3, 15)});
        auto request = m_bed->worker().exec(
            QStringLiteral("SELECT okla_request_work('billing_run', '{\"date\": \"2026-03-15\"}', gen_random_uuid())"));
        QVERIFY2(request.ok(), qPrintable(request ? QString() : request.error().toString()));
        const qint64 requestId = request->toInt64(0, 0);

        // when the billing run runs
        auto summary = BillingRun(m_bed->worker(), m_bed->charger()).run(day(2026, 3, 15), requestId);

        // then its summary and the request's progress say what happened, and the KPIs were refreshed
        QVERIFY2(summary.ok(), qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->value(QStringLiteral("due")).toInt(), 1);
        QCOMPARE(summary->value(QStringLiteral("charged")).toInt(), 1);
        QCOMPARE(summary->value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-15"));
        QVERIFY(!summary->value(QStringLiteral("kpi")).toObject().contains(QStringLiteral("error")));
        QCOMPARE(m_bed->text(QStringLiteral("SELECT progress = '{\"due\": 1, \"done\": 1, \"charged\": 1, \"failed\": 0}'"
                                            " FROM worker_requests WHERE id = $1"),
                             {requestId}),
                 QStringLiteral("t"));
        QCOMPARE(m_bed->text(kSchedule, {id}), QStringLiteral("2026-03-15..2026-04-15 next 2026-04-15 active"));
    }
};

QTEST_GUILESS_MAIN(TestRenewalScheduler)
#include "tst_renewalscheduler.moc"
