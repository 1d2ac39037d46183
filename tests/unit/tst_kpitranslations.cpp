// The Panel's texts come from translations/okla_<lang>.ts like every other string: the context
// KpiText::tr() asks at runtime must be the one lupdate files them under ("okla::ui::kpi::KpiText",
// fully qualified), or the Panel silently shows English. The PDF stays Spanish in any language.
#include <QTest>

#include "models/kpi/kpidata.h"
#include "ui/kpi/kpicardcontent.h"
#include "ui/kpi/kpitext.h"
#include "ui/shell/language.h"

using okla::ui::kpi::KpiText;

namespace {
/// A month without snapshots: every figure unknown, every label still there.
okla::models::kpi::KpiData emptyMonth()
{
    okla::models::kpi::KpiData data;
    data.period = okla::models::kpi::KpiPeriod::month(2026, 3);
    data.current.period = data.period;
    data.previous.period = data.period.previous();
    data.asOf = data.period.to;
    return data;
}
} // namespace

class TestKpiTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase() { okla::ui::Language::install(QStringLiteral("en")); }

    void panelSpeaksSpanish()
    {
        // given the console in Spanish
        QVERIFY(okla::ui::Language::install(QStringLiteral("es")));
        // when the Panel asks for its labels, directly and through the card builder
        const auto cards = okla::ui::kpi::buildCards(emptyMonth(), okla::models::Currency::DOP, [](const char *s) { return KpiText::tr(s); });
        // then they are docs/kpi.md's Spanish labels
        QCOMPARE(KpiText::tr("Currency"), QStringLiteral("Moneda de reporte"));
        QCOMPARE(KpiText::tr("No KPI snapshots yet: run `okla kpi rebuild`."),
                 QStringLiteral("Aún no hay datos de KPI: ejecute «okla kpi rebuild»."));
        QVERIFY(!cards.isEmpty());
        QCOMPARE(cards.first().title, QStringLiteral("Ingreso recurrente mensual"));
    }

    void panelSpeaksEnglish()
    {
        // given the console in English
        QVERIFY(okla::ui::Language::install(QStringLiteral("en")));
        // when the Panel asks for its labels
        // then they are the English sources
        QCOMPARE(KpiText::tr("Currency"), QStringLiteral("Currency"));
        QCOMPARE(KpiText::tr("MRR"), QStringLiteral("MRR"));
    }

    void reportIsSpanishInAnyLanguage()
    {
        // given the console in English
        QVERIFY(okla::ui::Language::install(QStringLiteral("en")));
        // when the monthly report builds its cards and headings
        const auto cards = okla::ui::kpi::buildCards(emptyMonth(), okla::models::Currency::DOP, [](const char *s) { return KpiText::spanish(s); });
        // then they are Spanish
        QCOMPARE(KpiText::spanish("Monthly KPI report"), QStringLiteral("Informe mensual de KPI"));
        QVERIFY(!cards.isEmpty());
        QCOMPARE(cards.first().title, QStringLiteral("Ingreso recurrente mensual"));
        QCOMPARE(cards.first().target, QStringLiteral("sin meta"));
        // and a text the catalogue lacks stays readable
        QCOMPARE(KpiText::spanish("not a KPI text"), QStringLiteral("not a KPI text"));
    }
};

QTEST_GUILESS_MAIN(TestKpiTranslations)
#include "tst_kpitranslations.moc"
