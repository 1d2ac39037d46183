#pragma once

#include <QWidget>

class QLabel;

namespace okla::ui {

/// One page of the console. The main window only knows this interface, never a page's internals.
class Page : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString title() const = 0;  ///< translated, shown in the navigation
    virtual QString iconPath() const = 0; ///< an SVG in the Qt resource (":/okla/icons/...")
    virtual QString slug() const = 0;   ///< stable English name for screenshots and settings ("dealers")
    /// Called whenever the page becomes visible; the first call starts loading data.
    virtual void activate() {}
    /// True while data is on its way (screenshots wait for it).
    virtual bool isLoading() const { return false; }
    /// Ctrl+F: focus the page's search box; false when the page has none.
    virtual bool focusSearch() { return false; }

signals:
    void loadingChanged(bool loading);

protected:
    /// The page's title as its large bold heading, the same on every page.
    QLabel *createHeading();
};

} // namespace okla::ui
