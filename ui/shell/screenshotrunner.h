#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

namespace okla::ui {

class MainWindow;

/// `okla-admin --screenshots DIR`: visits every page, waits for its data, saves NN-slug.png.
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow *window, QString directory, QObject *parent = nullptr);

    void start();
    QStringList savedFiles() const { return m_saved; }

signals:
    /// All pages saved (ok) or something failed (message says what).
    void finished(bool ok, const QString &message);

private:
    void visit(int index);
    void captureWhenReady(int index);

    MainWindow *m_window;
    QString m_directory;
    QStringList m_saved;
    QElapsedTimer m_waited;
};

} // namespace okla::ui
