#pragma once

#include <QString>

namespace okla::ui {

/// Light, dark or the system's palette, applied live to the whole application and kept in QSettings.
class Theme
{
public:
    enum Mode { System, Light, Dark };

    /// Remembers the platform palette; call once after QApplication exists.
    static void initialise();
    static void apply(Mode mode);
    static Mode saved();
    static void save(Mode mode);
    static QString key(Mode mode);
    static Mode fromKey(const QString &key);
};

} // namespace okla::ui
