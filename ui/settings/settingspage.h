#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

class QComboBox;
class QLabel;

namespace okla::ui {

class StaffSection;

/// Settings: language and theme (kept in QSettings), who is signed in where, and (for admins)
/// the staff logins.
class SettingsPage : public Page
{
    Q_OBJECT
public:
    explicit SettingsPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Settings"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/settings.svg"); }
    QString slug() const override { return QStringLiteral("settings"); }

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    StaffSection *staffSection() const { return m_staff; }

private:
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_languageNote = nullptr;
    StaffSection *m_staff = nullptr;
};

} // namespace okla::ui
