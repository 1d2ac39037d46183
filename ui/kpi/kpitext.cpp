#include "ui/kpi/kpitext.h"

#include <QTranslator>

namespace okla::ui::kpi {

QString KpiText::spanish(const char *sourceText)
{
    static QTranslator es;
    static const bool loaded = es.load(QStringLiteral(":/i18n/okla_es.qm"));
    if (!loaded)
        return QString::fromUtf8(sourceText);
    const QString translated = es.translate("okla::ui::kpi::KpiText", sourceText);
    return translated.isEmpty() ? QString::fromUtf8(sourceText) : translated;
}

} // namespace okla::ui::kpi
