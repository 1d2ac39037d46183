#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace okla::ui {

class InlineErrorWidget;

class DealerTableModel;

/// Dealers: search (name, RNC/cédula, city, e-mail) over a keyset-paged table, live through
/// the `dealers_changed` NOTIFY.
class DealersPage : public Page
{
    Q_OBJECT
public:
    explicit DealersPage(const PageContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Dealers"); }
    QString iconPath() const override { return QStringLiteral(":/okla/icons/dealers.svg"); }
    QString slug() const override { return QStringLiteral("dealers"); }
    void activate() override;
    bool isLoading() const override;
    bool focusSearch() override;

    DealerTableModel *model() const { return m_model; }
    QLineEdit *searchBox() const { return m_search; }
    QTableView *table() const { return m_table; }

private:
    void updateSummary();

    PageContext m_context;
    DealerTableModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    InlineErrorWidget *m_error = nullptr;
    QTimer *m_debounce = nullptr;
    QTimer *m_changeCoalescer = nullptr;
    QTimer *m_poll = nullptr;
    bool m_started = false;
};

} // namespace okla::ui
