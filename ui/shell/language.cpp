#include "ui/shell/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "okla.ui.language")

namespace okla::ui {

namespace {
QString &currentCode()
{
    static QString code = QStringLiteral("en");
    return code;
}
QTranslator *&oklaTranslator()
{
    static QTranslator *translator = nullptr;
    return translator;
}
QTranslator *&qtTranslator()
{
    static QTranslator *translator = nullptr;
    return translator;
}
} // namespace

QString Language::choose(const QString &requested)
{
    if (requested == QLatin1String("es") || requested == QLatin1String("en"))
        return requested;
    const QString stored = saved();
    if (stored == QLatin1String("es") || stored == QLatin1String("en"))
        return stored;
    return QLocale::system().language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
}

bool Language::install(const QString &code)
{
    auto *app = QCoreApplication::instance();
    for (QTranslator **slot : {&oklaTranslator(), &qtTranslator()}) {
        if (*slot) {
            app->removeTranslator(*slot);
            delete *slot;
            *slot = nullptr;
        }
    }
    currentCode() = code;
    // Numbers and dates follow the language: es_DO for Spanish, en_US for English.
    QLocale::setDefault(QLocale(code == QLatin1String("es") ? QStringLiteral("es_DO") : QStringLiteral("en_US")));
    auto *okla = new QTranslator(app);
    if (!okla->load(QStringLiteral(":/i18n/okla_") + code + QStringLiteral(".qm"))) {
        qCWarning(lcLanguage) << "no OKLA translation for" << code;
        delete okla;
        return code == QLatin1String("en");
    }
    app->installTranslator(okla);
    oklaTranslator() = okla;
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app->installTranslator(qt);
        qtTranslator() = qt;
    } else {
        delete qt;
    }
    return true;
}

QString Language::current() { return currentCode(); }
QString Language::saved() { return QSettings().value(QStringLiteral("ui/language")).toString(); }
void Language::save(const QString &code) { QSettings().setValue(QStringLiteral("ui/language"), code); }

} // namespace okla::ui
