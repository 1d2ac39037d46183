#include "ui/shell/screenshotrunner.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPixmap>
#include <QTimer>

#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"

Q_LOGGING_CATEGORY(lcScreenshots, "okla.ui.screenshots")

namespace okla::ui {

namespace {
constexpr int MaxWaitMs = 15000;
}

ScreenshotRunner::ScreenshotRunner(MainWindow *window, QString directory, QObject *parent)
    : QObject(parent), m_window(window), m_directory(std::move(directory))
{
}

void ScreenshotRunner::start()
{
    if (!QDir().mkpath(m_directory)) {
        emit finished(false, tr("Cannot create the screenshot folder %1.").arg(m_directory));
        return;
    }
    visit(0);
}

void ScreenshotRunner::visit(int index)
{
    if (index >= m_window->pageCount()) {
        emit finished(true, {});
        return;
    }
    m_window->showPage(index);
    m_waited.start();
    captureWhenReady(index);
}

void ScreenshotRunner::captureWhenReady(int index)
{
    Page *page = m_window->page(index);
    if (page->isLoading() && m_waited.elapsed() < MaxWaitMs) {
        QTimer::singleShot(50, this, [this, index]() { captureWhenReady(index); });
        return;
    }
    if (page->isLoading())
        qCWarning(lcScreenshots) << page->slug() << "still loading after" << MaxWaitMs << "ms";
    // Let the view lay out the rows that just arrived before grabbing.
    QTimer::singleShot(100, this, [this, index, page]() {
        const QString file = QDir(m_directory).filePath(
            QStringLiteral("%1-%2.png").arg(index + 1, 2, 10, QLatin1Char('0')).arg(page->slug()));
        if (!m_window->grab().save(file)) {
            emit finished(false, tr("Cannot write the screenshot %1.").arg(file));
            return;
        }
        m_saved << file;
        qCInfo(lcScreenshots) << "saved" << file;
        visit(index + 1);
    });
}

} // namespace okla::ui
