// The Panel (KPI dashboard) offscreen on the hand-made dataset: period and currency switches,
// a drill-down, exports and the PDF report, axis labels for people, the empty state of a
// database without snapshots, and the smaller window; saves screenshots to look at.
#include <QtTest>

#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>

#include "harness/testenv.h"
#include "integration/kpitestdata.h"
#include "models/kpi/kpicalculator.h"
#include "services/kpi/kpiservice.h"
#include "integration/asyncwait.h"
#include "services/files/fileexportservice.h"
#include "services/kpi/kpisnapshotbuilder.h"
#include "services/database/migrator.h"
#include "ui/kpi/kpicard.h"
#include "ui/kpi/kpichartview.h"
#include "ui/kpi/kpidealersdialog.h"
#include "ui/kpi/paneldashboard.h"
#include "ui/shell/language.h"

using namespace okla::models::kpi;
using okla::models::Currency;
using okla::ui::kpi::KpiCard;
using okla::ui::kpi::KpiChartView;
using okla::ui::kpi::KpiDealersDialog;
using okla::ui::kpi::PanelDashboard;

class TestPanelPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsTheMonthThenSwitchesCurrencyAndPeriod();
    void cardClickListsTheDealersBehindIt();
    void exportsChartsAndTheMonthlyReport();
    void axisLabelsAreCompactAmountsAndPercents();
    void earlyBirdCardNamesItsAmountAsFutureNewMrr();
    void fitsASmallerWindow();
    void emptySnapshotsShowTheEmptyStateNotFakeAxes();
    void cleanupTestCase();

private:
    QString shotPath(const QString &name) const;
    KpiCard *card(const QString &title) const;
    std::unique_ptr<okla::tests::ThrowawayDatabase> m_db;
    okla::services::FileExportService m_files;
    std::unique_ptr<okla::services::KpiService> m_service;
    std::unique_ptr<PanelDashboard> m_panel;
};

QString TestPanelPage::shotPath(const QString &name) const
{
    const QString dir = qEnvironmentVariable("OKLA_BINARY_DIR", QDir::tempPath()) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

KpiCard *TestPanelPage::card(const QString &title) const
{
    for (KpiCard *c : m_panel->cards()) {
        if (c->title() == title)
            return c;
    }
    return nullptr;
}

void TestPanelPage::initTestCase()
{
    okla::ui::Language::install(QStringLiteral("es"));
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::DominicanRepublic));
    m_db = std::make_unique<okla::tests::ThrowawayDatabase>(QStringLiteral("okla_kpitest_%1").arg(QCoreApplication::applicationPid()));
    auto owner = m_db->connectAs(QStringLiteral("okla_owner"));
    QVERIFY(owner.ok());
    QVERIFY(okla::services::Migrator::migrate(owner.value()).ok());
    QVERIFY(owner->execScript(okla::tests::kpi::smallDatasetSql()).ok());
    QVERIFY(okla::services::KpiSnapshotBuilder::rebuild(owner.value(), QDate(2026, 3, 31)).ok());
    m_service = std::make_unique<okla::services::KpiService>(okla::tests::conninfoAs(QStringLiteral("okla_owner"), m_db->name()));
    m_panel = std::make_unique<PanelDashboard>(m_service.get(), &m_files);
    m_panel->resize(1500, 2000);
    m_panel->show();
}

void TestPanelPage::showsTheMonthThenSwitchesCurrencyAndPeriod()
{
    // given
    QSignalSpy loaded(m_panel.get(), &PanelDashboard::loaded);
    // when: February 2026 in pesos
    m_panel->setPeriod(KpiPeriod::month(2026, 2));
    QVERIFY(loaded.wait(15000));
    // then: the cards show the hand-computed figures, in Spanish
    KpiCard *mrr = card(QStringLiteral("Ingreso recurrente mensual"));
    QVERIFY2(mrr, "the MRR card is labelled in Spanish");
    QCOMPARE(mrr->valueText(), KpiAmount::fromMinor(2010490, Currency::DOP).format(Currency::DOP));
    KpiCard *churn = card(QStringLiteral("Tasa de cancelación de dealers"));
    QVERIFY(churn);
    QCOMPARE(churn->valueText(), KpiCalculator::formatPercent(0.2));
    KpiCard *ltv = card(QStringLiteral("Valor de vida del dealer (estimado)"));
    QVERIFY(ltv);
    QCOMPARE(ltv->valueText(), QStringLiteral("—")); // fewer than 3 months of churn
    auto *cohorts = m_panel->findChild<QTableView *>(QStringLiteral("cohortTable"));
    QVERIFY(cohorts);
    QCOMPARE(cohorts->model()->rowCount(), 3); // Dec, Jan, Feb cohorts
    QCOMPARE(cohorts->model()->index(0, 2).data().toString(), KpiCalculator::formatPercent(0.0)); // D3 gone in Feb
    QTest::qWait(300); // Qt Charts lays out axes and legends on the next turns of the event loop
    QVERIFY(m_panel->grab().save(shotPath(QStringLiteral("panel-2026-02-dop.png"))));

    // when: dollars (no database round trip)
    m_panel->setCurrency(Currency::USD);
    // then
    QCOMPARE(mrr->valueText(), KpiAmount::parse(QStringLiteral("34076.1017"), Currency::USD)->format(Currency::USD));
    QVERIFY(loaded.wait(15000)); // the charts are redrawn one per turn of the event loop
    loaded.clear();

    // when: the first quarter
    m_panel->setPeriod(KpiPeriod::quarter(2026, 1));
    QVERIFY(loaded.wait(15000));
    // then: churn over a quarter is the mean of its months
    QCOMPARE(churn->valueText(), KpiCalculator::formatPercent((0.0 + 0.2 + 0.2) / 3.0));
    QCOMPARE(m_panel->data().period, KpiPeriod::quarter(2026, 1));
    QTest::qWait(300);
    QVERIFY(m_panel->grab().save(shotPath(QStringLiteral("panel-2026-q1-usd.png"))));
}

void TestPanelPage::cardClickListsTheDealersBehindIt()
{
    // given
    QSignalSpy loaded(m_panel.get(), &PanelDashboard::loaded);
    m_panel->setCurrency(Currency::DOP);
    QVERIFY(loaded.wait(15000));
    m_panel->setPeriod(KpiPeriod::month(2026, 2));
    QVERIFY(loaded.wait(15000));
    QSignalSpy opened(m_panel.get(), &PanelDashboard::dealersDialogOpened);
    KpiCard *churn = card(QStringLiteral("Tasa de cancelación de dealers"));
    QVERIFY(churn);
    // when
    QTest::mouseClick(churn, Qt::LeftButton);
    // then: a list of the one dealer who cancelled, saying Dealer 360 is not there yet
    QCOMPARE(opened.count(), 1);
    auto *dialog = opened.first().first().value<KpiDealersDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->rowCount(), 1, 15000);
    auto *table = dialog->findChild<QTableView *>();
    QVERIFY(table);
    QVERIFY(table->model()->index(0, 0).data().toString().contains(QStringLiteral("Autos Tres")));
    QVERIFY(dialog->findChildren<QLabel *>().size() >= 2);
    QVERIFY(dialog->grab().save(shotPath(QStringLiteral("panel-drilldown.png"))));
    dialog->close();
}

void TestPanelPage::exportsChartsAndTheMonthlyReport()
{
    const QString dir = QDir::tempPath() + QStringLiteral("/okla-kpi-%1").arg(QCoreApplication::applicationPid());
    QDir().mkpath(dir);
    QVERIFY(!m_panel->charts().isEmpty());
    auto *movements = m_panel->charts().at(1);
    // exports are rendered in memory and written by the export service, off the GUI thread
    QVERIFY(okla::tests::await(m_panel->saveExport(dir + QStringLiteral("/movements.png"), movements->pngBytes())).ok());
    QVERIFY(QImage(dir + QStringLiteral("/movements.png")).width() > 100);
    QVERIFY(okla::tests::await(m_panel->saveExport(dir + QStringLiteral("/movements.csv"), movements->csvBytes())).ok());
    QFile csv(dir + QStringLiteral("/movements.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QVERIFY2(text.contains(QStringLiteral("Expansión")), qPrintable(text.left(200)));
    QVERIFY(text.contains(KpiAmount::fromMinor(232000, Currency::DOP).format(Currency::DOP).remove(u',')) || text.contains(QStringLiteral("\"RD$2,320.00\"")));
    // the monthly PDF report
    const QString pdf = shotPath(QStringLiteral("informe-kpi-2026-02.pdf")); // kept beside the screenshots
    QVERIFY(okla::tests::await(m_panel->saveExport(pdf, m_panel->reportPdf())).ok());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 20000);
    QCOMPARE(file.read(4), QByteArray("%PDF"));
    QDir(dir).removeRecursively();
}

void TestPanelPage::axisLabelsAreCompactAmountsAndPercents()
{
    // given: February 2026 in pesos
    QSignalSpy loaded(m_panel.get(), &PanelDashboard::loaded);
    m_panel->setCurrency(Currency::DOP);
    m_panel->setPeriod(KpiPeriod::month(2026, 3));
    QVERIFY(loaded.wait(15000));
    loaded.clear();
    m_panel->setPeriod(KpiPeriod::month(2026, 2));
    QVERIFY(loaded.wait(15000));
    // then: money axes carry the currency, percent axes a %, none is a bare number
    const QList<KpiChartView *> charts = m_panel->charts();
    QCOMPARE(charts.size(), 6);
    for (int i : {0, 1, 4, 5}) {
        QVERIFY2(!charts[i]->isEmptyState(), qPrintable(charts[i]->title()));
        const QStringList labels = charts[i]->axisLabels();
        QVERIFY2(labels.size() >= 2, qPrintable(charts[i]->title()));
        const QString symbol = i < 2 ? QStringLiteral("RD$") : QStringLiteral("US$");
        for (const QString &label : labels)
            QVERIFY2(label.contains(symbol), qPrintable(charts[i]->title() + u": " + labels.join(u" | ")));
    }
    for (int i : {2, 3}) {
        for (const QString &label : charts[i]->axisLabels())
            QVERIFY2(label.endsWith(QStringLiteral(" %")), qPrintable(label));
    }
    // and the format itself: thousands and millions with the currency (es_DO)
    const QLocale locale;
    QCOMPARE(KpiChartView::compactLabel(40000, 10000, 40000, KpiChartView::Unit::Money, Currency::DOP), QStringLiteral("RD$40 K"));
    QCOMPARE(KpiChartView::compactLabel(600000, 100000, 600000, KpiChartView::Unit::Money, Currency::USD), QStringLiteral("US$600 K"));
    QCOMPARE(KpiChartView::compactLabel(1500000, 500000, 2000000, KpiChartView::Unit::Money, Currency::DOP),
             QStringLiteral("RD$") + locale.toString(1.5, 'f', 1) + QStringLiteral(" M"));
    QCOMPARE(KpiChartView::compactLabel(-20000, 10000, 40000, KpiChartView::Unit::Money, Currency::DOP), QStringLiteral("−RD$20 K"));
    QCOMPARE(KpiChartView::compactLabel(1500, 250, 1500, KpiChartView::Unit::Money, Currency::DOP),
             QStringLiteral("RD$") + locale.toString(1500.0, 'f', 0));
    QCOMPARE(KpiChartView::compactLabel(12.5, 2.5, 25, KpiChartView::Unit::Percent, Currency::DOP),
             locale.toString(12.5, 'f', 1) + QStringLiteral(" %"));
}

void TestPanelPage::earlyBirdCardNamesItsAmountAsFutureNewMrr()
{
    // then: the card's amount is named New MRR booked when free months end, never a bare "+… MRR"
    KpiCard *earlyBird = card(QStringLiteral("Early Bird: inscritos"));
    QVERIFY(earlyBird);
    QStringList all;
    for (QLabel *label : earlyBird->findChildren<QLabel *>())
        all << label->text();
    const QString texts = all.join(u'\n');
    QVERIFY2(texts.contains(QStringLiteral("MRR nuevo al terminar los meses gratis")), qPrintable(texts));
    QVERIFY2(!texts.contains(QStringLiteral(", +")), qPrintable(texts));
}

void TestPanelPage::fitsASmallerWindow()
{
    // given: the Panel's share of a 1024×700 window (the navigation takes about 200 px)
    m_panel->resize(800, 620);
    QTest::qWait(300);
    // then: no card is cut narrower than its text needs, and nothing scrolls sideways
    for (KpiCard *c : m_panel->cards())
        QVERIFY2(c->width() >= c->minimumSizeHint().width(), qPrintable(c->title()));
    auto *scroll = m_panel->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QVERIFY2(!scroll->horizontalScrollBar()->isVisible() || scroll->horizontalScrollBar()->maximum() == 0,
             qPrintable(QString::number(scroll->widget()->minimumSizeHint().width())));
    QVERIFY(m_panel->grab().save(shotPath(QStringLiteral("panel-1024x700.png"))));
    QVERIFY(scroll->widget()->grab().save(shotPath(QStringLiteral("panel-1024x700-full.png")))); // the whole page
    m_panel->resize(1500, 2000);
    QTest::qWait(100);
}

void TestPanelPage::emptySnapshotsShowTheEmptyStateNotFakeAxes()
{
    // given: a migrated database whose snapshots were never built
    okla::tests::ThrowawayDatabase db(QStringLiteral("okla_kpiempty_%1").arg(QCoreApplication::applicationPid()));
    auto owner = db.connectAs(QStringLiteral("okla_owner"));
    QVERIFY(owner.ok());
    QVERIFY(okla::services::Migrator::migrate(owner.value()).ok());
    okla::services::KpiService service(okla::tests::conninfoAs(QStringLiteral("okla_owner"), db.name()));
    PanelDashboard panel(&service);
    panel.resize(1100, 900);
    panel.show();
    QSignalSpy loaded(&panel, &PanelDashboard::loaded);
    // when
    panel.setPeriod(KpiPeriod::month(2026, 2));
    QVERIFY(loaded.wait(15000));
    // then: one clear sentence with what to do, no chart draws axes, no card pretends a zero
    QVERIFY(panel.data().isEmpty());
    QVERIFY(panel.showsEmptyState());
    auto *banner = panel.findChild<QLabel *>(QStringLiteral("panelEmpty"));
    QVERIFY(banner);
    QVERIFY2(banner->text().contains(QStringLiteral("Sin datos para este período")), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("okla kpi rebuild")));
    for (KpiChartView *chart : panel.charts()) {
        QVERIFY2(chart->isEmptyState(), qPrintable(chart->title() + u": " + chart->axisLabels().join(u" | ")));
        QVERIFY(chart->emptyText().contains(QStringLiteral("okla kpi rebuild")));
    }
    for (KpiCard *c : panel.cards())
        QCOMPARE(c->valueText(), QStringLiteral("—"));
    auto *cohortEmpty = panel.findChild<QLabel *>(QStringLiteral("cohortEmpty"));
    QVERIFY(cohortEmpty);
    QVERIFY(cohortEmpty->isVisibleTo(&panel));
    QTest::qWait(200);
    QVERIFY(panel.grab().save(shotPath(QStringLiteral("panel-empty.png"))));
    // and the report of an empty month says so too, instead of failing
    const QString emptyPdf = shotPath(QStringLiteral("informe-kpi-vacio.pdf"));
    QVERIFY(okla::tests::await(m_panel->saveExport(emptyPdf, panel.reportPdf())).ok());
    QFile pdf(emptyPdf);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QCOMPARE(bytes.count("/Type /Page") - bytes.count("/Type /Pages"), 1); // one page that says so

    // when: the full dashboard comes back with data, the empty state goes away
    QVERIFY(!m_panel->showsEmptyState());
    for (KpiChartView *chart : m_panel->charts())
        QVERIFY2(!chart->emptyText().contains(QStringLiteral("okla kpi rebuild")), qPrintable(chart->title()));
}

void TestPanelPage::cleanupTestCase()
{
    m_panel.reset();
    m_service.reset();
    m_db.reset();
}

QTEST_MAIN(TestPanelPage)
#include "tst_panelpage.moc"
