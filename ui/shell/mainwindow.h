#pragma once

#include <QList>
#include <QMainWindow>

#include "ui/shell/pagecontext.h"
#include "ui/shell/pageregistry.h"

class QListWidget;
class QStackedWidget;

namespace okla::ui {

class Page;
class ConnectionStatusWidget;

/// The console window: navigation on the left, the current page on the right, connection state
/// in the status bar. It knows pages only through the Page interface and the registry.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const PageContext &context, const PageRegistry &registry, QWidget *parent = nullptr);

    int pageCount() const { return int(m_pages.size()); }
    Page *page(int index) const { return m_pages.value(index); }
    Page *currentPage() const;
    int currentIndex() const;
    void showPage(int index);
    int indexOf(const QString &slug) const;

    /// Where other components add status-bar indicators (provider health comes here).
    void addStatusWidget(QWidget *widget);
    ConnectionStatusWidget *connectionStatus() const { return m_connectionStatus; }

signals:
    void currentPageChanged(int index);
    /// The first page has been painted (startup measurement).
    void firstPagePainted();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createShortcuts();

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Page *> m_pages;
    ConnectionStatusWidget *m_connectionStatus = nullptr;
    bool m_painted = false;
};

} // namespace okla::ui
