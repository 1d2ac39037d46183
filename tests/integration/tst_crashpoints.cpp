// Crash points (docs/idempotency.md §12): the executors run in a child process (this same program,
// started with OKLA_EXEC_CHILD) that `_exit`s at the named phase boundary like a `kill -9`; the
// restart (the child again, or the completer in another process once the lease has expired) then
// finishes the work with exactly one provider effect, one succeeded charge or refund, one payment.
#include <cstdio>

#include <QProcess>
#include <QTest>

#include "integration/executorfixture.h"

using okla::services::ChargeOutcome;
using okla::tests::ExecutorEnv;
using okla::tests::ExecutorStack;

namespace {

constexpr int kCrashExitCode = 86; // services/billing/crashpoint.cpp

/// The child: charges one invoice (`charge:<invoice id>`) or executes one refund (`refund:<uuid>`).
int runChild(const QString &what)
{
    ExecutorStack stack(ExecutorEnv::fromEnvironment(), {});
    if (!stack.error.isEmpty()) {
        std::fprintf(stderr, "child setup: %s\n", qPrintable(stack.error));
        return 2;
    }
    const QString kind = what.section(u':', 0, 0);
    const QString id = what.section(u':', 1);
    if (kind == QLatin1String("charge")) {
        auto outcome = stack.charges->chargeInvoice(id.toLongLong(), 1, QDate(2026, 2, 28));
        if (!outcome) {
            std::fprintf(stderr, "charge: %s\n", qPrintable(outcome.error().toString()));
            return 1;
        }
        return outcome->kind == ChargeOutcome::Kind::Succeeded ? 0 : 3;
    }
    auto outcome = stack.refunds->executeRefund(id);
    if (!outcome) {
        std::fprintf(stderr, "refund: %s\n", qPrintable(outcome.error().toString()));
        return 1;
    }
    return outcome->state == QLatin1String("succeeded") ? 0 : 3;
}

const char *const kPhases[] = {"after_key", "after_intent", "after_provider", "after_provider_done", "after_finished"};

} // namespace

class TestCrashPoints : public QObject
{
    Q_OBJECT

    okla::tests::ExecutorFixture m_fx;

    /// Runs the child; returns its exit code (-1 when it did not exit by itself).
    int child(const QString &what, const QString &crashAt = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QProcessEnvironment extra = m_fx.env().toEnvironment();
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        env.insert(QStringLiteral("OKLA_EXEC_CHILD"), what);
        env.remove(QStringLiteral("OKLA_CRASH_AT"));
        if (!crashAt.isEmpty())
            env.insert(QStringLiteral("OKLA_CRASH_AT"), crashAt);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QCoreApplication::applicationFilePath(), {});
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished(5000);
            return -1;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    static void addRows(const QString &operation, const QStringList &providers)
    {
        QTest::addColumn<QString>("point");
        QTest::addColumn<QString>("provider");
        for (const QString &provider : providers) {
            for (const char *phase : kPhases) {
                const QString point = operation + u'.' + QLatin1String(phase);
                QTest::newRow(qPrintable(point + u' ' + provider)) << point << provider;
            }
        }
    }

    int effectsOf(const QString &provider, const QString &uuid)
    {
        return provider == QLatin1String("azul") ? m_fx.azulEffects(QStringLiteral("CustomOrderId"), uuid) : m_fx.stripeEffects(uuid);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void chargeCrashThenRestartChargesOnce_data() { addRows(QStringLiteral("charge"), {QStringLiteral("azul"), QStringLiteral("stripe")}); }
    void chargeCrashThenRestartChargesOnce()
    {
        QFETCH(QString, point);
        QFETCH(QString, provider);
        // given an issued invoice and a worker that dies at the crash point
        const qint64 invoice = m_fx.issuedInvoice(provider);
        const QString what = QStringLiteral("charge:%1").arg(invoice);
        QCOMPARE(child(what, point), kCrashExitCode);
        // when its lease has expired and the worker runs again
        m_fx.expireLeases();
        QCOMPARE(child(what), 0);
        // then one charge succeeded, with one provider effect and one payment
        QCOMPARE(m_fx.number(QStringLiteral("SELECT count(*) FROM charges WHERE invoice_id = $1"), {invoice}), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT state FROM charges WHERE invoice_id = $1"), {invoice}), QStringLiteral("succeeded"));
        const QString publicId = m_fx.text(QStringLiteral("SELECT public_id FROM charges WHERE invoice_id = $1"), {invoice});
        QCOMPARE(effectsOf(provider, publicId), 1);
        QCOMPARE(m_fx.number(QStringLiteral("SELECT count(*) FROM payments WHERE invoice_id = $1"), {invoice}), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM invoices WHERE id = $1"), {invoice}), QStringLiteral("paid"));
        QCOMPARE(m_fx.number(QStringLiteral("SELECT count(*) FROM outbox WHERE event_type = 'billing.charge.succeeded'"
                                            " AND payload->>'invoice_id' = $1"), {QString::number(invoice)}), 1);
        QCOMPARE(m_fx.number(QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE operation = 'charge'"
                                            " AND params->>'invoice_id' = $1 AND recovery_point = 'finished'"), {QString::number(invoice)}), 1);
    }

    void refundCrashThenCompleterRefundsOnce_data() { addRows(QStringLiteral("refund"), {QStringLiteral("azul"), QStringLiteral("stripe")}); }
    void refundCrashThenCompleterRefundsOnce()
    {
        QFETCH(QString, point);
        QFETCH(QString, provider);
        // given a paid invoice, an approved partial refund, and a worker that dies at the crash point
        const qint64 invoice = m_fx.issuedInvoice(provider);
        QCOMPARE(child(QStringLiteral("charge:%1").arg(invoice)), 0);
        const qint64 payment = m_fx.number(QStringLiteral("SELECT id FROM payments WHERE invoice_id = $1"), {invoice});
        const QString refund = m_fx.requestRefund(payment, 1000);
        QCOMPARE(child(QStringLiteral("refund:") + refund, point), kCrashExitCode);
        // when the lease has expired and another worker's completer (this process) runs
        m_fx.expireLeases();
        ExecutorStack other(m_fx.env(), {});
        QVERIFY2(other.error.isEmpty(), qPrintable(other.error));
        auto resumed = other.completer->resumeUnfinished();
        QVERIFY2(resumed.ok(), qPrintable(resumed ? QString() : resumed.error().toString()));
        // then the refund succeeded once, and is booked once
        QCOMPARE(m_fx.text(QStringLiteral("SELECT state FROM refunds WHERE id = $1::uuid"), {refund}), QStringLiteral("succeeded"));
        QCOMPARE(effectsOf(provider, refund), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT refunded_amount FROM payments WHERE id = $1"), {payment}), QStringLiteral("1000"));
        QCOMPARE(m_fx.number(QStringLiteral("SELECT count(*) FROM outbox WHERE event_type = 'billing.refund.succeeded'"
                                            " AND payload->>'refund_id' = $1"), {refund}), 1);
        // and nothing is left unfinished
        QCOMPARE(m_fx.number(QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE recovery_point <> 'finished'")), 0);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString what = qEnvironmentVariable("OKLA_EXEC_CHILD"); !what.isEmpty())
        return runChild(what);
    TestCrashPoints test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashpoints.moc"
