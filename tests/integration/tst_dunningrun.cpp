// Dunning against a real PostgreSQL as the okla_worker role (docs/domain.md §21, §26,
// docs/worker.md §9): a renewal that keeps failing walks retries on days 1, 3 and 5, is suspended
// on day 7 and cancelled on day 14 with its invoice voided; a hard decline stops the retries with
// a card_update_needed notice; a success reactivates; the days follow billing_policies. Every day
// runs twice, and exactly the expected history rows and notices exist.
#include <QTest>

#include "integration/billingtestbed.h"
#include "services/billing/dunningrunner.h"
#include "services/billing/renewalscheduler.h"

using okla::models::DeclineClass;
using okla::services::DunningRunner;
using okla::services::RenewalScheduler;
using namespace okla::tests::billing;

namespace {

QDate day(int y, int m, int d) { return QDate(y, m, d); }

QString calls(const QList<ChargeCall> &made)
{
    QStringList out;
    for (const ChargeCall &call : made)
        out << call.day.toString(Qt::ISODate) + u'/' + QString::number(call.attemptNo);
    return out.join(u'|');
}

const QString kHistory = QStringLiteral(
    "SELECT effective_date || ' ' || change_type || ' ' || status || ' ' || involuntary"
    "  FROM subscription_changes WHERE subscription_id = $1 ORDER BY id");
const QString kNotices = QStringLiteral(
    "SELECT n.kind FROM notifications n JOIN subscriptions s ON s.dealer_id = n.dealer_id WHERE s.id = $1 ORDER BY n.id");
const QString kState = QStringLiteral(
    "SELECT status || ' next ' || coalesce(next_charge_on::text, '-') || ' dunning ' || coalesce(dunning_started_on::text, '-')"
    "       || '/' || dunning_attempts FROM subscriptions WHERE id = $1");

} // namespace

class TestDunningRun : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BillingTestbed> m_bed;

    /// A Pro DOP subscription due on 10 March 2026.
    qint64 dueOnMarch10()
    {
        return m_bed->addSubscription({.anchor = day(2026, 2, 10), .periodStart = day(2026, 2, 10),
                                       .periodEnd = day(2026, 3, 10), .nextChargeOn = day(2026, 3, 10)});
    }

    /// The renewal run then dunning for every day from `from` to `to`, each day twice.
    void runDays(QDate from, QDate to)
    {
        for (QDate on = from; on <= to; on = on.addDays(1)) {
            for (int twice = 0; twice < 2; ++twice) {
                auto renewed = RenewalScheduler(m_bed->worker(), m_bed->charger()).run(on);
                QVERIFY2(renewed.ok(), qPrintable(renewed ? QString() : renewed.error().toString()));
                QCOMPARE(renewed->errors, 0);
                auto dunned = DunningRunner(m_bed->worker(), m_bed->charger()).run(on);
                QVERIFY2(dunned.ok(), qPrintable(dunned ? QString() : dunned.error().toString()));
                QCOMPARE(dunned->errors, 0);
            }
        }
    }

private Q_SLOTS:
    void initTestCase() { m_bed = std::make_unique<BillingTestbed>(QStringLiteral("okla_dunning")); }
    void cleanupTestCase() { m_bed.reset(); }
    void init() { m_bed->retireEverything(); }

    void softDeclinesWalkRetriesThenSuspensionThenCancellation()
    {
        // given a renewal the issuer keeps refusing (insufficient funds)
        const qint64 id = dueOnMarch10();
        m_bed->charger().script(id, {declined(DeclineClass::Soft, QStringLiteral("51"))});

        // when the renewal day and the next day run
        runDays(day(2026, 3, 10), day(2026, 3, 11));
        // then it is past due, retried on day 1 and next on day 3
        QCOMPARE(m_bed->text(kState, {id}), QStringLiteral("past_due next 2026-03-13 dunning 2026-03-10/2"));

        // when the days up to the 25th run
        runDays(day(2026, 3, 12), day(2026, 3, 25));
        // then the charges were attempt 1 and retries on days 1, 3 and 5, all of one invoice
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-03-10/1|2026-03-11/2|2026-03-13/3|2026-03-15/4"));
        QCOMPARE(m_bed->scalar(QStringLiteral("SELECT count(DISTINCT invoice_id) FROM (VALUES (0)) v(x)"
                                              " CROSS JOIN LATERAL (SELECT id AS invoice_id FROM invoices"
                                              " WHERE subscription_id = $1) i"),
                               {id}),
                 1);
        // and it was suspended on day 7 and cancelled on day 14, involuntarily
        QCOMPARE(m_bed->column(kHistory, {id}),
                 QStringLiteral("2026-02-10 created active false|2026-03-10 status_change past_due false|"
                                "2026-03-17 status_change suspended true|2026-03-24 cancel cancelled true"));
        QCOMPARE(m_bed->text(kState, {id}), QStringLiteral("cancelled next - dunning -/0"));
        QCOMPARE(m_bed->text(QStringLiteral("SELECT cancelled_at IS NOT NULL FROM subscriptions WHERE id = $1"), {id}),
                 QStringLiteral("t"));
        // and its open invoice was voided, not left overdue
        QCOMPARE(m_bed->column(QStringLiteral("SELECT status || ' ' || (voided_at IS NOT NULL) FROM invoices"
                                              " WHERE subscription_id = $1"),
                               {id}),
                 QStringLiteral("voided true"));
        // and exactly these notices exist, the failures naming the next retry day
        QCOMPARE(m_bed->column(kNotices, {id}),
                 QStringLiteral("payment_failed|payment_failed|payment_failed|payment_failed|suspended|cancelled"));
        QCOMPARE(m_bed->column(QStringLiteral("SELECT coalesce(n.data->>'next_retry_on', 'none') FROM notifications n"
                                              " JOIN subscriptions s ON s.dealer_id = n.dealer_id"
                                              " WHERE s.id = $1 AND n.kind = 'payment_failed' ORDER BY n.id"),
                               {id}),
                 QStringLiteral("2026-03-11|2026-03-13|2026-03-15|none"));
        QCOMPARE(m_bed->column(QStringLiteral("SELECT n.event_key FROM notifications n JOIN subscriptions s"
                                              " ON s.dealer_id = n.dealer_id WHERE s.id = $1 AND n.kind IN"
                                              " ('suspended', 'cancelled') ORDER BY n.id"),
                               {id}),
                 QStringLiteral("suspended:subscription:%1:2026-03-17|cancelled:subscription:%1:2026-03-24").arg(id));
    }

    void aTechnicalFailureIsRetriedTheNextDayThenTheScheduleResumes()
    {
        // given a renewal refused, then failing for the issuer being down on the day-1 retry
        const qint64 id = dueOnMarch10();
        m_bed->charger().script(id, {declined(DeclineClass::Soft, QStringLiteral("51")),
                                     declined(DeclineClass::Technical, QStringLiteral("91")),
                                     declined(DeclineClass::Soft, QStringLiteral("51"))});
        // when the days up to the 18th run
        runDays(day(2026, 3, 10), day(2026, 3, 18));
        // then the technical failure was retried the next day (day 2), then days 3 and 5, and the
        // subscription was suspended on day 7 as usual
        QCOMPARE(calls(m_bed->charger().calls()),
                 QStringLiteral("2026-03-10/1|2026-03-11/2|2026-03-12/3|2026-03-13/4|2026-03-15/5"));
        QCOMPARE(m_bed->text(kState, {id}), QStringLiteral("suspended next - dunning 2026-03-10/5"));
    }

    void aHardDeclineStopsTheRetriesAndAsksForANewCard()
    {
        // given a renewal declined for an expired card
        const qint64 id = dueOnMarch10();
        m_bed->charger().script(id, {declined(DeclineClass::Hard, QStringLiteral("54"))});

        // when the renewal day runs
        runDays(day(2026, 3, 10), day(2026, 3, 10));
        // then no retry is scheduled
        QCOMPARE(m_bed->text(kState, {id}), QStringLiteral("past_due next - dunning 2026-03-10/1"));

        // when the following two weeks run
        runDays(day(2026, 3, 11), day(2026, 3, 25));
        // then the card was never charged again, and it was still suspended and cancelled on time
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-03-10/1"));
        QCOMPARE(m_bed->column(kNotices, {id}), QStringLiteral("payment_failed|card_update_needed|suspended|cancelled"));
        QCOMPARE(m_bed->column(kHistory, {id}),
                 QStringLiteral("2026-02-10 created active false|2026-03-10 status_change past_due false|"
                                "2026-03-17 status_change suspended true|2026-03-24 cancel cancelled true"));
    }

    void aSuccessDuringDunningReactivates()
    {
        // given a renewal refused twice, then paid on the day-3 retry
        const qint64 id = dueOnMarch10();
        m_bed->charger().script(id, {declined(DeclineClass::Soft, QStringLiteral("51")),
                                     declined(DeclineClass::Soft, QStringLiteral("51")), succeeded()});

        // when the days up to the 25th run
        runDays(day(2026, 3, 10), day(2026, 3, 25));

        // then it is active again on the same anchor, with dunning cleared and the period paid
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-03-10/1|2026-03-11/2|2026-03-13/3"));
        QCOMPARE(m_bed->text(kState, {id}), QStringLiteral("active next 2026-04-10 dunning -/0"));
        QCOMPARE(m_bed->column(QStringLiteral("SELECT period_start || ' ' || status FROM invoices WHERE subscription_id = $1"),
                               {id}),
                 QStringLiteral("2026-03-10 paid"));
        QCOMPARE(m_bed->column(kHistory, {id}),
                 QStringLiteral("2026-02-10 created active false|2026-03-10 status_change past_due false|"
                                "2026-03-13 status_change active false"));
        QCOMPARE(m_bed->column(kNotices, {id}), QStringLiteral("payment_failed|payment_failed"));
    }

    void anInvoicePaidElsewhereReactivatesASuspendedSubscription()
    {
        // given a suspended subscription (day 7 passed)
        const qint64 id = dueOnMarch10();
        m_bed->charger().script(id, {declined(DeclineClass::Soft, QStringLiteral("51"))});
        runDays(day(2026, 3, 10), day(2026, 3, 18));
        QCOMPARE(m_bed->text(kState, {id}), QStringLiteral("suspended next - dunning 2026-03-10/4"));

        // when its invoice is paid outside dunning (a retry_charge request with a new card)
        m_bed->text(QStringLiteral("UPDATE invoices SET status = 'paid', paid_at = now() WHERE subscription_id = $1"), {id});
        runDays(day(2026, 3, 19), day(2026, 3, 19));

        // then the next run reactivates it instead of cancelling it later
        QCOMPARE(m_bed->text(kState, {id}), QStringLiteral("active next 2026-04-10 dunning -/0"));
        runDays(day(2026, 3, 20), day(2026, 3, 25));
        QCOMPARE(m_bed->column(kHistory, {id}),
                 QStringLiteral("2026-02-10 created active false|2026-03-10 status_change past_due false|"
                                "2026-03-17 status_change suspended true|2026-03-19 status_change active false"));
    }

    void theDunningDaysComeFromTheBillingPolicies()
    {
        // given a policy of one retry on day 2, suspension on day 4 and cancellation on day 6
        const QString policy = QStringLiteral(
            "UPDATE billing_policies SET value = CASE key WHEN 'dunning_retry_days' THEN $1::jsonb"
            " WHEN 'dunning_suspend_day' THEN $2::jsonb ELSE $3::jsonb END"
            " WHERE key IN ('dunning_retry_days', 'dunning_suspend_day', 'dunning_cancel_day')");
        m_bed->text(policy, {QStringLiteral("[2]"), QStringLiteral("4"), QStringLiteral("6")});
        const qint64 id = dueOnMarch10();
        m_bed->charger().script(id, {declined(DeclineClass::Soft, QStringLiteral("05"))});

        // when the days up to the 20th run
        runDays(day(2026, 3, 10), day(2026, 3, 20));
        m_bed->text(policy, {QStringLiteral("[1, 3, 5]"), QStringLiteral("7"), QStringLiteral("14")});

        // then it followed that policy
        QCOMPARE(calls(m_bed->charger().calls()), QStringLiteral("2026-03-10/1|2026-03-12/2"));
        QCOMPARE(m_bed->column(kHistory, {id}),
                 QStringLiteral("2026-02-10 created active false|2026-03-10 status_change past_due false|"
                                "2026-03-14 status_change suspended true|2026-03-16 cancel cancelled true"));
    }
};

QTEST_GUILESS_MAIN(TestDunningRun)
#include "tst_dunningrun.moc"
