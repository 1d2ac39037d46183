#include "ui/shell/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QSettings>
#include <QStyleFactory>

namespace okla::ui {

namespace {
QPalette &systemPalette()
{
    static QPalette palette;
    return palette;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(37, 40, 45), base(28, 30, 34), text(230, 232, 235), highlight(33, 150, 243);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(44, 47, 53));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(140, 145, 150));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(100, 181, 246));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Highlight, QColor(25, 118, 210));
    p.setColor(QPalette::AlternateBase, QColor(245, 247, 250));
    return p;
}
} // namespace

void Theme::initialise()
{
    // Fusion renders the same everywhere (and offscreen), so screenshots match what people see.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    systemPalette() = QApplication::palette();
}

void Theme::apply(Mode mode)
{
    switch (mode) {
    case System: QApplication::setPalette(systemPalette()); break;
    case Light: QApplication::setPalette(lightPalette()); break;
    case Dark: QApplication::setPalette(darkPalette()); break;
    }
}

QString Theme::key(Mode mode)
{
    switch (mode) {
    case Light: return QStringLiteral("light");
    case Dark: return QStringLiteral("dark");
    case System: break;
    }
    return QStringLiteral("system");
}

Theme::Mode Theme::fromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return Light;
    if (key == QLatin1String("dark"))
        return Dark;
    return System;
}

Theme::Mode Theme::saved() { return fromKey(QSettings().value(QStringLiteral("ui/theme")).toString()); }
void Theme::save(Mode mode) { QSettings().setValue(QStringLiteral("ui/theme"), key(mode)); }

} // namespace okla::ui
