#pragma once

#include <QString>

namespace okla::ui::kpi {

/// The dashboard's texts: English sources in context "okla.kpi", Spanish from a glossary that
/// follows docs/kpi.md's labels (installed once as a translator when the console runs in Spanish,
/// until these strings reach translations/okla_es.ts).
QString text(const char *english);
/// Always Spanish (the monthly PDF report is in Spanish whatever the console's language).
QString spanish(const char *english);
/// Installs the glossary translator when the application language is Spanish (idempotent).
void installKpiTranslator();

} // namespace okla::ui::kpi
