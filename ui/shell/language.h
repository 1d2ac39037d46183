#pragma once

#include <QString>

namespace okla::ui {

/// The console's language: Spanish on es locales, English otherwise, unless chosen on the command
/// line (--lang) or in Settings (kept in QSettings). Installs OKLA's and Qt's own translations.
class Language
{
public:
    /// "es" or "en": `requested` (from --lang) first, then the saved choice, then the system locale.
    static QString choose(const QString &requested = {});
    /// Loads the translations for `code` into the application (replacing earlier ones).
    static bool install(const QString &code);
    static QString current();
    static QString saved();
    static void save(const QString &code);
};

} // namespace okla::ui
