#include "ui/dealers/dealerspage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "services/dealers/dealerservice.h"
#include "ui/dealers/dealertablemodel.h"
#include "ui/errors/inlineerrorwidget.h"

namespace okla::ui {

DealersPage::DealersPage(const PageContext &context, QWidget *parent) : Page(parent), m_context(context)
{
    m_model = new DealerTableModel(context.dealers, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(createHeading());

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("dealerSearch"));
    m_search->setPlaceholderText(tr("Search by name, RNC/cédula, city or e-mail"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("dealerTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(DealerTableModel::Name, QHeaderView::Stretch);
    // Columns sized for their longest usual content, so the Spanish headers and es_DO amounts fit.
    const QFontMetrics metrics = m_table->fontMetrics();
    auto widthFor = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    m_table->setColumnWidth(DealerTableModel::TaxId, widthFor(QStringLiteral("000-0000000-0")));
    m_table->setColumnWidth(DealerTableModel::City, widthFor(QStringLiteral("Santiago de los Caballeros")));
    m_table->setColumnWidth(DealerTableModel::Plan, widthFor(QStringLiteral("Enterprise")));
    m_table->setColumnWidth(DealerTableModel::Status, widthFor(QStringLiteral("Sin suscripción")));
    m_table->setColumnWidth(DealerTableModel::Mrr, widthFor(QStringLiteral("RD$000,000.00")));
    m_table->setColumnWidth(DealerTableModel::Since, widthFor(QStringLiteral("00/00/0000")));
    layout->addWidget(m_table, 1);

    auto *footer = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dealerSummary"));
    footer->addWidget(m_summary, 1);
    layout->addLayout(footer);
    m_error = new InlineErrorWidget(this);
    m_error->setObjectName(QStringLiteral("dealerError"));
    layout->addWidget(m_error);

    // Debounce typing: one query when the person pauses, not one per key.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this]() {
        if (m_search->text().trimmed() != m_model->search())
            m_model->setSearch(m_search->text().trimmed());
    });
    connect(m_error, &InlineErrorWidget::retryRequested, this,
            [this]() { m_model->setSearch(m_search->text().trimmed()); });

    connect(m_model, &DealerTableModel::loadingChanged, this, [this](bool loading) {
        updateSummary();
        emit loadingChanged(loading);
    });
    connect(m_model, &DealerTableModel::totalCountChanged, this, &DealersPage::updateSummary);
    connect(m_model, &DealerTableModel::pageLoaded, this, [this]() {
        m_error->clear();
        updateSummary();
    });
    connect(m_model, &DealerTableModel::loadFailed, this,
            [this](const models::Error &error) {
                m_error->showError(tr("Could not load dealers"), error);
                updateSummary();
            });

    // Live: a NOTIFY (or a LISTEN reconnect, which may have missed some) refreshes what is shown.
    // Bursts (an import) are coalesced; a slow poll covers notices lost while disconnected.
    m_changeCoalescer = new QTimer(this);
    m_changeCoalescer->setSingleShot(true);
    m_changeCoalescer->setInterval(300);
    connect(m_changeCoalescer, &QTimer::timeout, this, [this]() {
        if (m_started)
            m_model->refresh();
    });
    connect(context.dealers, &services::DealerService::changed, m_changeCoalescer, qOverload<>(&QTimer::start));
    m_poll = new QTimer(this);
    m_poll->setInterval(30000);
    connect(m_poll, &QTimer::timeout, m_changeCoalescer, qOverload<>(&QTimer::start));
    updateSummary();
}

void DealersPage::activate()
{
    if (m_started)
        return;
    m_started = true;
    m_model->setSearch(m_search->text().trimmed());
    m_poll->start();
}

bool DealersPage::isLoading() const { return !m_started || m_model->isLoading(); }

bool DealersPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
    return true;
}

void DealersPage::updateSummary()
{
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    QString text;
    if (m_model->isLoading() && shown == 0)
        text = tr("Loading dealers…");
    else if (total == 0)
        text = m_model->search().isEmpty() ? tr("There are no dealers yet.")
                                           : tr("No dealer matches \"%1\".").arg(m_model->search());
    else if (total < 0)
        text = tr("%n dealer(s) shown", nullptr, shown);
    else
        text = tr("Showing %1 of %2 dealers").arg(locale.toString(shown), locale.toString(total));
    if (m_model->isLoading() && shown > 0)
        text += QStringLiteral(" · ") + tr("loading…");
    m_summary->setText(text);
}

} // namespace okla::ui
