#include "ui/kpi/kpidealersdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/errors/inlineerrorwidget.h"
#include "ui/kpi/kpidealersmodel.h"
#include "ui/kpi/kpitext.h"

namespace okla::ui::kpi {

KpiDealersDialog::KpiDealersDialog(const QString &title, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(KpiText::tr("Dealers behind the number") + QStringLiteral(": ") + title);
    setObjectName(QStringLiteral("kpiDealersDialog"));
    resize(720, 460);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(KpiText::tr("Dealer 360 does not exist yet: this list is read-only for now."), this);
    note->setWordWrap(true);
    m_status = new QLabel(this);
    m_error = new InlineErrorWidget(this, false);
    m_model = new KpiDealersModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void KpiDealersDialog::setLoading()
{
    m_status->setText(KpiText::tr("Loading…"));
}

void KpiDealersDialog::setRows(const QList<models::kpi::KpiDealerRow> &rows)
{
    m_model->setRows(rows);
    m_status->setText(rows.size() == 1 ? KpiText::tr("1 dealer") : KpiText::tr("%1 dealers").arg(rows.size()));
    m_table->resizeColumnsToContents();
}

void KpiDealersDialog::setError(const models::Error &error)
{
    m_status->clear();
    m_error->showError(KpiText::tr("Could not load the dealers"), error);
}

int KpiDealersDialog::rowCount() const
{
    return m_model->rowCount();
}

} // namespace okla::ui::kpi
