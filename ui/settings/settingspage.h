#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

class QComboBox;
class QLabel;

namespace okla::ui {

/// Settings: language and theme (kept in QSettings), and who is signed in where.
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

private:
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_languageNote = nullptr;
};

} // namespace okla::ui
