#include "ui/kpi/kpitext.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QTranslator>

#include "ui/shell/language.h"

namespace okla::ui::kpi {

namespace {

const QHash<QString, QString> &glossary()
{
    static const QHash<QString, QString> es{
        {"Dashboard", "Panel"},
        {"Month", "Mes"}, {"Quarter", "Trimestre"}, {"Year", "Año"}, {"Custom range", "Rango"},
        {"Period", "Período"}, {"Currency", "Moneda de reporte"}, {"from", "desde"}, {"to", "hasta"},
        {"Monthly report (PDF)…", "Informe mensual (PDF)…"},
        {"MRR", "Ingreso recurrente mensual"},
        {"List-price MRR", "MRR a precio de lista"}, {"Discounts", "Descuentos"},
        {"Net new MRR", "MRR neto nuevo"}, {"FX effect", "Efecto cambiario"},
        {"Paying dealers", "Dealers pagando"}, {"Subscribed dealers", "Dealers suscritos"},
        {"Customer churn", "Tasa de cancelación de dealers"},
        {"Gross MRR churn", "Churn bruto de MRR"}, {"Net MRR churn", "Churn neto de MRR"},
        {"NRR", "Retención neta de ingresos"}, {"ARPA", "Ingreso promedio por dealer"},
        {"LTV (estimate)", "Valor de vida del dealer (estimado)"}, {"Quick ratio", "Quick ratio"},
        {"no losses", "sin pérdidas"},
        {"First-attempt success (AZUL)", "Éxito al primer intento (AZUL)"},
        {"First-attempt success", "Éxito al primer intento"}, {"Overall success", "Éxito global"},
        {"Collection rate", "Tasa de cobro"}, {"Recovery rate", "Tasa de recuperación"},
        {"Payments processed", "Pagos procesados"}, {"Provider spend", "Gasto en proveedores"},
        {"Budget", "Presupuesto"}, {"Spend", "Gasto"},
        {"Early Bird", "Early Bird"},
        {"New", "Nuevo"}, {"Expansion", "Expansión"}, {"Reactivation", "Reactivación"},
        {"Contraction", "Contracción"}, {"Churn", "Cancelación"},
        {"Target", "Meta"}, {"target %1", "meta %1"}, {"no target", "sin meta"},
        {"vs previous: %1", "vs. anterior: %1"},
        {"MRR by plan", "MRR por plan"}, {"MRR movements", "Movimientos de MRR"},
        {"Customer churn vs target", "Cancelación vs. meta"},
        {"Payment success by provider", "Éxito de pagos por proveedor"},
        {"Payments processed by quarter", "Pagos procesados por trimestre"},
        {"Spend by provider vs budget", "Gasto por proveedor vs. presupuesto"},
        {"Cohort retention (dealers)", "Retención por cohorte (dealers)"},
        {"Cohort retention (revenue)", "Retención por cohorte (ingresos)"},
        {"M%1", "M%1"}, {"Cohort retention", "Retención por cohorte"}, {"Dealers", "Dealers"},
        {"Revenue (constant FX)", "Ingresos (tasa constante)"},
        {"Export PNG…", "Exportar PNG…"}, {"Export CSV…", "Exportar CSV…"},
        {"Dealers behind the number", "Dealers detrás de la cifra"},
        {"Dealer", "Dealer"}, {"Plan", "Plan"}, {"Date", "Fecha"}, {"Amount", "Monto"}, {"Detail", "Detalle"},
        {"voluntary", "voluntaria"}, {"involuntary", "involuntaria"},
        {"Dealer 360 does not exist yet: this list is read-only for now.",
         "Dealer 360 todavía no existe: por ahora esta lista es solo de lectura."},
        {"%1 dealers", "%1 dealers"}, {"%1 voluntary, %2 involuntary", "%1 voluntarias, %2 involuntarias"},
        {"Loading…", "Cargando…"},
        {"The export could not be prepared.", "No se pudo preparar la exportación."},
        {"Saved %1", "Guardado en %1"},
        {"Could not load the KPIs", "No se pudieron cargar los indicadores"},
        {"Could not load the dealers", "No se pudieron cargar los dealers"}, {"Snapshots as of %1", "Datos al %1"},
        {"No KPI snapshots yet: run `okla kpi rebuild`.", "Aún no hay datos de KPI: ejecute «okla kpi rebuild»."},
        {"stale FX rate", "tasa de cambio desactualizada"},
        {"%1 enrolled; %2 free months ending, +%3 MRR", "%1 inscritos; %2 terminan meses gratis, +%3 MRR"},
        {"Monthly KPI report", "Informe mensual de KPI"}, {"Generated %1", "Generado el %1"},
        {"Indicator", "Indicador"}, {"Value", "Valor"}, {"Previous", "Anterior"},
        {"Save chart as PNG", "Guardar gráfico como PNG"}, {"Save data as CSV", "Guardar datos como CSV"},
        {"Save the monthly report", "Guardar el informe mensual"},
        {"above budget alert", "alerta de presupuesto"}, {"of budget", "del presupuesto"},
        {"Click a bar or a card to list its dealers.", "Haga clic en una barra o una tarjeta para ver sus dealers."},
        {"Recovered MRR %1", "MRR recuperado %1"}, {"provisional", "provisional"},
        {"%1 unknown", "%1 sin resolver"},
        {"Early Bird enrolled", "Early Bird: inscritos"}, {"1 dealer", "1 dealer"},
        {"Change and detail", "Cambio y detalle"}, {"Target and detail", "Meta y detalle"},
        {"%1 still in their free months", "%1 aún en sus meses gratis"},
        {"New MRR when free months end: %1", "MRR nuevo al terminar los meses gratis: %1"},
        {"Free months ending (New MRR ahead)", "Fin de meses gratis (MRR nuevo por venir)"},
        {"No data for this period", "Sin datos para este período"},
        {"Export", "Exportar"}, {"Picture (PNG)…", "Imagen (PNG)…"}, {"Data (CSV)…", "Datos (CSV)…"},
        {"Revenue, churn, collections and spend against the 2026 roadmap targets",
         "Ingresos, cancelaciones, cobros y gastos frente a las metas del roadmap 2026"}, {"AZUL fees %1", "Comisiones AZUL %1"}, {"12 months: %1", "12 meses: %1"}, {"list %1", "lista %1"},
    };
    return es;
}

class KpiTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "okla.kpi") != 0)
            return {};
        return glossary().value(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

} // namespace

QString text(const char *english)
{
    return QCoreApplication::translate("okla.kpi", english);
}

QString spanish(const char *english)
{
    return glossary().value(QString::fromUtf8(english), QString::fromUtf8(english));
}

void installKpiTranslator()
{
    static KpiTranslator *installed = nullptr;
    const bool wantSpanish = Language::current() == QLatin1String("es")
                             || (Language::current().isEmpty() && QLocale().language() == QLocale::Spanish);
    if (wantSpanish && !installed) {
        installed = new KpiTranslator(QCoreApplication::instance());
        QCoreApplication::installTranslator(installed);
    } else if (!wantSpanish && installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
        installed = nullptr;
    }
}

} // namespace okla::ui::kpi
