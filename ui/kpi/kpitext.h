#pragma once

#include <QCoreApplication>
#include <QString>

namespace okla::ui::kpi {

/// The dashboard's texts. lupdate files them under context "okla::ui::kpi::KpiText" (the fully
/// qualified name, which is also what tr() asks at runtime), so their Spanish lives in
/// translations/okla_es.ts like every other string. Texts kept in tables or handed to buildCards()
/// are marked with QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", ...) and translated with tr() or spanish().
class KpiText
{
    Q_DECLARE_TR_FUNCTIONS(okla::ui::kpi::KpiText)

public:
    /// Always Spanish, from :/i18n/okla_es.qm (the monthly PDF report is in Spanish whatever the
    /// console's language); the English source when the catalogue lacks it.
    static QString spanish(const char *sourceText);
};

} // namespace okla::ui::kpi
