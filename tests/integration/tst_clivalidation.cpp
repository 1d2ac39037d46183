// The command line's input, attacked (docs/security.md §15): every hostile argument is refused
// with exit code 2 and one short sentence before anything connects, and nothing changes.
#include <QTest>

#include "harness/testenv.h"

using okla::tests::runProgram;

class TestCliValidation : public QObject
{
    Q_OBJECT

private:
    static constexpr int kBound = 400; ///< no refusal may be longer than this many bytes

    static qint64 refundCount()
    {
        auto db = okla::tests::connectAs(QStringLiteral("postgres"));
        if (!db)
            return -1;
        auto r = db->exec(QStringLiteral("SELECT count(*) FROM refunds"));
        return r ? r->toInt64(0, 0) : -1;
    }

    /// Runs `okla args`, expects exit 2 and one bounded sentence on stderr naming @p mentions.
    static void expectRefused(const QStringList &args, const QString &mentions)
    {
        const auto run = runProgram(QStringLiteral("okla"), args);
        const QString err = QString::fromUtf8(run.err).trimmed();
        const QString shown = err.left(200);
        QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(shown)));
        QVERIFY2(run.out.isEmpty(), run.out.left(200).constData());
        QVERIFY2(!err.contains(u'\n'), qPrintable(QStringLiteral("more than one line: ") + shown));
        QVERIFY2(run.err.size() <= kBound, qPrintable(QStringLiteral("%1 bytes: %2").arg(run.err.size()).arg(shown)));
        QVERIFY2(err.contains(mentions), qPrintable(shown));
    }

private Q_SLOTS:
    void aHundredKilobyteArgumentIsNotEchoedWhole()
    {
        const QString huge(100 * 1024, u'A');
        // as an unknown command, an unknown option and an option's value
        expectRefused({huge}, QStringLiteral("okla --help"));
        expectRefused({QStringLiteral("kpi"), huge}, QStringLiteral("unknown option"));
        expectRefused({QStringLiteral("staff"), QStringLiteral("create"), QStringLiteral("--name"), huge,
                       QStringLiteral("--login"), QStringLiteral("x1"), QStringLiteral("--role"), QStringLiteral("finance")},
                      QStringLiteral("too long"));
    }

    void anOverlongUserIsRefusedBeforeConnecting()
    {
        // exit 2 (not 1, a failed connection): refused before libpq saw it
        const QString huge(100 * 1024, u'u');
        expectRefused({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--user"), huge}, QStringLiteral("--user"));
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--user"), QString(64, u'a')}, QStringLiteral("--user"));
        expectRefused({QStringLiteral("migrate"), QStringLiteral("--status"), QStringLiteral("--user"),
                       QStringLiteral("admin password=x")}, QStringLiteral("--user"));
    }

    void sqlInADateIsRefusedAndNothingChanges()
    {
        // given the refunds as they are
        const qint64 before = refundCount();
        QVERIFY(before >= 0);
        // when a date carries SQL
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--from"), QStringLiteral("2026-10-01"), QStringLiteral("--to"),
                       QStringLiteral("2026-10-31'; DROP TABLE refunds; --")},
                      QStringLiteral("--to"));
        // then the table is still there, unchanged
        QCOMPARE(refundCount(), before);
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--month"), QStringLiteral("2026-10x")}, QStringLiteral("--month"));
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--month"), QStringLiteral("2026-13")}, QStringLiteral("--month"));
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--from"), QStringLiteral("2026-02-30"), QStringLiteral("--to"),
                       QStringLiteral("2026-03-01")}, QStringLiteral("--from"));
    }

    void aBadAsOfIsValidatedByTheProgram()
    {
        // the program's own sentence, never PostgreSQL's "invalid input syntax for type date"
        for (const QString &bad : {QStringLiteral("yesterday"), QStringLiteral("2026-10-32"), QStringLiteral("20261031"),
                                   QStringLiteral("2026-10-31 00:00")}) {
            const auto run = runProgram(QStringLiteral("okla"), {QStringLiteral("kpi"), QStringLiteral("refresh"),
                                                                 QStringLiteral("--as-of"), bad});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains("--as-of") && !run.err.contains("invalid input syntax"), run.err.constData());
        }
    }

    void aProfileNameCannotLeaveTheProfileFolder()
    {
        for (const QString &bad : {QStringLiteral("../test"), QStringLiteral("../../etc/passwd"), QStringLiteral("a/b"),
                                   QStringLiteral("/tmp/x"), QStringLiteral(".hidden")}) {
            expectRefused({QStringLiteral("providers"), QStringLiteral("status"), QStringLiteral("--profile"), bad},
                          QStringLiteral("--profile"));
            expectRefused({QStringLiteral("schema"), QStringLiteral("check"), QStringLiteral("--profile"), bad},
                          QStringLiteral("--profile"));
        }
    }

    void anOptionGivenTwiceOrWithoutValueIsRefused()
    {
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--month"), QStringLiteral("2026-10"), QStringLiteral("--month"),
                       QStringLiteral("2026-11")}, QStringLiteral("twice"));
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--month")}, QStringLiteral("--month"));
        expectRefused({QStringLiteral("kpi"), QStringLiteral("--currency"), QStringLiteral("EUR")}, QStringLiteral("--currency"));
    }

    void placeholdersInInputStayText()
    {
        const QString typed = QStringLiteral("%2%1") + QString(60, u'x');
        const auto run = runProgram(QStringLiteral("okla"), {QStringLiteral("kpi"), typed});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("\"%2%1xxx") && run.err.contains("(64 characters)"), run.err.constData());
    }

    void aTerminalEscapeIsNotWrittenBack()
    {
        const auto run = runProgram(QStringLiteral("okla"), {QStringLiteral("kpi"), QStringLiteral("--month"),
                                                             QStringLiteral("\x1b]0;pwned\x07")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(!run.err.contains('\x1b') && !run.err.contains('\x07'), run.err.toPercentEncoding().constData());
    }

    void validInputStillWorks()
    {
        // the same commands with good values still run (exit 0) as the fixture's owner
        const auto run = runProgram(QStringLiteral("okla"), {QStringLiteral("kpi"), QStringLiteral("--from"),
                                                             QStringLiteral("2026-10-01"), QStringLiteral("--to"),
                                                             QStringLiteral("2026-10-31"), QStringLiteral("--json"),
                                                             QStringLiteral("--user"), QStringLiteral("okla_owner")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliValidation)
#include "tst_clivalidation.moc"
