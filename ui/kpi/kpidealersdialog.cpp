#include "ui/kpi/kpidealersdialog.h"

#include <QAbstractTableModel>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/kpi/kpitext.h"

namespace okla::ui::kpi {

class KpiDealersModel : public QAbstractTableModel
{
public:
    enum Column { Dealer, Plan, Date, Amount, Detail, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<services::KpiDealerRow> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::TextAlignmentRole))
            return {};
        const services::KpiDealerRow &r = m_rows[index.row()];
        if (role == Qt::TextAlignmentRole)
            return index.column() == Amount ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
        switch (index.column()) {
        case Dealer: return QStringLiteral("%1 · %2").arg(r.dealerId).arg(r.name);
        case Plan: return QString(r.plan.left(1).toUpper() + r.plan.mid(1)); // "elite" → "Elite", as in the charts' legend
        case Date: return QLocale().toString(r.date, QLocale::ShortFormat);
        case Amount: return r.amount.format(r.currency == QLatin1String("USD") ? models::Currency::USD : models::Currency::DOP, true);
        case Detail: return r.detail == QLatin1String("voluntary") ? text("voluntary")
                            : r.detail == QLatin1String("involuntary") ? text("involuntary") : QString();
        default: return {};
        }
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case Dealer: return text("Dealer");
        case Plan: return text("Plan");
        case Date: return text("Date");
        case Amount: return text("Amount");
        case Detail: return text("Detail");
        default: return {};
        }
    }

private:
    QList<services::KpiDealerRow> m_rows;
};

KpiDealersDialog::KpiDealersDialog(const QString &title, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(text("Dealers behind the number") + QStringLiteral(": ") + title);
    setObjectName(QStringLiteral("kpiDealersDialog"));
    resize(720, 460);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(text("Dealer 360 does not exist yet: this list is read-only for now."), this);
    note->setWordWrap(true);
    m_status = new QLabel(this);
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
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void KpiDealersDialog::setLoading()
{
    m_status->setText(text("Loading…"));
}

void KpiDealersDialog::setRows(const QList<services::KpiDealerRow> &rows)
{
    m_model->setRows(rows);
    m_status->setText(rows.size() == 1 ? text("1 dealer") : text("%1 dealers").arg(rows.size()));
    m_table->resizeColumnsToContents();
}

void KpiDealersDialog::setError(const QString &message)
{
    m_status->setText(message);
}

int KpiDealersDialog::rowCount() const
{
    return m_model->rowCount();
}

} // namespace okla::ui::kpi
