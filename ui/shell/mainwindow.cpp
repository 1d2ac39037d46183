#include "ui/shell/mainwindow.h"

#include <QCloseEvent>
#include <QEvent>
#include <QFile>
#include <QPainter>
#include <QSvgRenderer>
#include <QIcon>
#include <QListWidget>
#include <QSettings>
#include <QShortcut>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QStatusBar>

#include "services/session/session.h"
#include "ui/shell/connectionstatuswidget.h"
#include "ui/shell/page.h"

// The icons live in the okla_ui static library: register them explicitly (no static initialiser).
static void initIconResources() { Q_INIT_RESOURCE(icons); }

namespace okla::ui {

namespace {
// The SVG engine tints the "selected" icon with the highlight colour, so it vanishes on the selected
// row: build the icon from pixmaps, the selected ones drawn in white.
QIcon navigationIcon(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QIcon(path);
    const QByteArray normalSvg = file.readAll();
    QByteArray selectedSvg = normalSvg;
    selectedSvg.replace("#5b7fa6", "#ffffff");
    QIcon icon;
    for (const auto &[svg, mode] : {std::pair{normalSvg, QIcon::Normal}, std::pair{selectedSvg, QIcon::Selected}}) {
        QSvgRenderer renderer(svg);
        for (int size : {20, 40}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            renderer.render(&painter);
            painter.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}
} // namespace

MainWindow::MainWindow(const PageContext &context, const PageRegistry &registry, QWidget *parent)
    : QMainWindow(parent)
{
    initIconResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("OKLA Admin"));
    setWindowIcon(QIcon(QStringLiteral(":/okla/icons/okla.svg")));
    resize(1280, 800);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_stack = new QStackedWidget(this);

    for (const auto &factory : registry.factories()) {
        Page *page = factory(context, m_stack);
        m_pages << page;
        m_stack->addWidget(page);
        const int number = int(m_pages.size());
        auto *item = new QListWidgetItem(navigationIcon(page->iconPath()), page->title(), m_navigation);
        if (number <= 9)
            item->setToolTip(tr("%1 (Ctrl+%2)").arg(page->title()).arg(number));
        item->setSizeHint(QSize(0, 36));
    }
    int widest = 0;
    for (int i = 0; i < m_navigation->count(); ++i)
        widest = std::max(widest, m_navigation->fontMetrics().horizontalAdvance(m_navigation->item(i)->text()));
    m_navigation->setFixedWidth(widest + 80);

    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigation { background: palette(base); padding: 6px; outline: 0; }"
        "QListWidget#navigation::item { padding: 4px 8px; border-radius: 4px; }"
        "QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_navigation);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_pages.size())
            return;
        m_stack->setCurrentIndex(row);
        m_pages.at(row)->activate();
        emit currentPageChanged(row);
    });

    m_connectionStatus = new ConnectionStatusWidget(context.session, this);
    statusBar()->addWidget(m_connectionStatus);
    createShortcuts();

    // Open where the person left off, else on the first page (the Panel).
    const int start = std::max(0, indexOf(QSettings().value(QStringLiteral("ui/lastPage")).toString()));
    if (!m_pages.isEmpty()) {
        m_pages.at(start)->installEventFilter(this);
        showPage(start);
    }
}

Page *MainWindow::currentPage() const { return m_pages.value(m_stack->currentIndex()); }
int MainWindow::currentIndex() const { return m_stack->currentIndex(); }

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < m_pages.size())
        m_navigation->setCurrentRow(index);
}

int MainWindow::indexOf(const QString &slug) const
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i)->slug() == slug)
            return i;
    }
    return -1;
}

void MainWindow::addStatusWidget(QWidget *widget) { statusBar()->addPermanentWidget(widget); }

void MainWindow::createShortcuts()
{
    for (int i = 0; i < std::min<int>(9, int(m_pages.size())); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i]() { showPage(i); });
    }
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this]() {
        if (Page *page = currentPage(); page && page->focusSearch())
            return;
        // Pages without a search box: searching means finding a dealer.
        if (const int dealers = indexOf(QStringLiteral("dealers")); dealers >= 0) {
            showPage(dealers);
            m_pages.at(dealers)->focusSearch();
        }
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Remembered when the person closes the window (not while screenshots visit every page).
    if (Page *page = currentPage())
        QSettings().setValue(QStringLiteral("ui/lastPage"), page->slug());
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint) {
        m_painted = true;
        watched->removeEventFilter(this);
        emit firstPagePainted();
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace okla::ui
