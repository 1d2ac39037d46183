#include "ui/kpi/paneldashboard.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStackedLayout>
#include <QTableView>
#include <QTimer>

#include "models/kpi/kpiseriesmodel.h"
#include "services/kpi/kpiservice.h"
#include "ui/kpi/kpicard.h"
#include "ui/kpi/kpicardcontent.h"
#include "ui/kpi/kpichartview.h"
#include "ui/kpi/kpicohortdelegate.h"
#include "ui/kpi/kpidealersdialog.h"
#include "ui/kpi/kpipdfreport.h"
#include "services/files/fileexportservice.h"
#include "ui/errors/errorpresenter.h"
#include "ui/errors/inlineerrorwidget.h"
#include "ui/kpi/kpitext.h"

Q_LOGGING_CATEGORY(lcPanel, "okla.ui.kpi")

namespace okla::ui::kpi {

using namespace models::kpi;
using models::Currency;

namespace {
const char *const kCardTitles[] = {
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "MRR"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "List-price MRR"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Net new MRR"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Paying dealers"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Customer churn"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Gross MRR churn"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "NRR"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "ARPA"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "LTV (estimate)"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Quick ratio"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "First-attempt success (AZUL)"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Collection rate"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Payments processed"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Provider spend"),
    QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Early Bird enrolled")};
}

PanelDashboard::PanelDashboard(services::KpiService *service, services::FileExportService *files, QWidget *parent)
    : QWidget(parent), m_service(service), m_files(files)
{
    setObjectName(QStringLiteral("panelDashboard"));
    const QDate today = QDate::currentDate();
    m_period = KpiPeriod::month(today.year(), today.month());

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // Shown in place, not as a modal box: a load also runs when nobody asked (page activation).
    m_error = new InlineErrorWidget(this);
    m_error->setObjectName(QStringLiteral("panelError"));
    outer->addWidget(m_error);
    connect(m_error, &InlineErrorWidget::retryRequested, this, &PanelDashboard::reload);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *grid = new QGridLayout(content);
    buildToolbar(grid);

    // Shown instead of zeros when there are no snapshots at all: says what to do about it.
    m_emptyBanner = new QLabel(content);
    m_emptyBanner->setObjectName(QStringLiteral("panelEmpty"));
    m_emptyBanner->setWordWrap(true);
    m_emptyBanner->setAlignment(Qt::AlignCenter);
    m_emptyBanner->setFrameShape(QFrame::StyledPanel);
    m_emptyBanner->setMargin(12);
    m_emptyBanner->setVisible(false);
    m_cardGrid = new QGridLayout;
    m_cardGrid->setSpacing(8);
    for (const char *title : kCardTitles) {
        auto *card = new KpiCard(KpiText::tr(title), {}, content);
        m_cards << card;
    }
    layoutCards();
    auto *top = new QVBoxLayout;
    top->addWidget(m_emptyBanner);
    top->addLayout(m_cardGrid);
    grid->addLayout(top, 1, 0, 1, 2);

    m_chartGrid = new QGridLayout;
    grid->addLayout(m_chartGrid, 2, 0, 1, 2);
    auto addChart = [&](const QString &title, KpiChartView::Kind kind, QList<int> lines,
                        KpiChartView::Unit unit = KpiChartView::Unit::Money) {
        auto *model = new KpiSeriesModel(this);
        m_models << model;
        auto *chart = new KpiChartView(title, kind, model, lines, content);
        chart->setUnit(unit, Currency::USD);
        connect(chart, &KpiChartView::drillDown, this, &PanelDashboard::drillDown);
        m_charts << chart;
        connect(chart, &KpiChartView::saveRequested, this, &PanelDashboard::saveExport);
    };
    addChart(KpiText::tr("MRR by plan"), KpiChartView::Kind::StackedBars, {});
    addChart(KpiText::tr("MRR movements"), KpiChartView::Kind::StackedBars, {5});
    addChart(KpiText::tr("Customer churn vs target"), KpiChartView::Kind::Bars, {1}, KpiChartView::Unit::Percent);
    addChart(KpiText::tr("Payment success by provider"), KpiChartView::Kind::Bars, {2}, KpiChartView::Unit::Percent);
    addChart(KpiText::tr("Payments processed by quarter"), KpiChartView::Kind::Bars, {1});
    addChart(KpiText::tr("Spend by provider vs budget"), KpiChartView::Kind::Bars, {});
    // Provider keys as the roadmap's budget table names them (docs/kpi.md §14).
    m_charts.last()->setCategoryNames({{QStringLiteral("azul"), QStringLiteral("AZUL")},
                                       {QStringLiteral("stripe"), QStringLiteral("Stripe")},
                                       {QStringLiteral("s3"), QStringLiteral("S3/Spaces")},
                                       {QStringLiteral("postgresql"), QStringLiteral("PostgreSQL")},
                                       {QStringLiteral("redis"), QStringLiteral("Redis")},
                                       {QStringLiteral("rabbitmq"), QStringLiteral("RabbitMQ")},
                                       {QStringLiteral("zoho_mail"), QStringLiteral("Zoho Mail")},
                                       {QStringLiteral("fcm"), QStringLiteral("Firebase FCM")}});

    auto *cohortBar = new QHBoxLayout;
    auto *cohortTitle = new QLabel(QStringLiteral("<b>%1</b>").arg(KpiText::tr("Cohort retention")), content);
    m_cohortMode = new QComboBox(content);
    m_cohortMode->setObjectName(QStringLiteral("cohortMode"));
    m_cohortMode->addItems({KpiText::tr("Dealers"), KpiText::tr("Revenue (constant FX)")});
    cohortBar->addWidget(cohortTitle);
    cohortBar->addWidget(m_cohortMode);
    cohortBar->addStretch(1);
    grid->addLayout(cohortBar, 3, 0, 1, 2);
    connect(m_cohortMode, &QComboBox::currentIndexChanged, this, [this] {
        KpiSeriesBuilder{m_data, m_currency}.cohorts(*m_cohortModel, KpiText::tr("M%1"), m_cohortMode->currentIndex() == 1);
        showCohortState();
    });
    m_cohortModel = new KpiSeriesModel(this);
    m_cohortTable = new QTableView(content);
    m_cohortTable->setObjectName(QStringLiteral("cohortTable"));
    m_cohortTable->setModel(m_cohortModel);
    m_cohortTable->setItemDelegate(new KpiCohortDelegate(m_cohortTable));
    m_cohortTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cohortTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_cohortEmpty = new QLabel(KpiText::tr("No data for this period"), content);
    m_cohortEmpty->setObjectName(QStringLiteral("cohortEmpty"));
    m_cohortEmpty->setAlignment(Qt::AlignCenter);
    m_cohortEmpty->setWordWrap(true);
    m_cohortEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_cohortEmpty->setMinimumHeight(120);
    m_cohortStack = new QStackedLayout;
    m_cohortStack->addWidget(m_cohortTable);
    m_cohortStack->addWidget(m_cohortEmpty);
    grid->addLayout(m_cohortStack, 4, 0, 1, 2);
    grid->setRowStretch(5, 1);
    layoutCharts();

    for (KpiCard *card : m_cards)
        connect(card, &KpiCard::drillDown, this, [this](const QString &metric) { drillDown(metric); });
}

void PanelDashboard::layoutCards()
{
    // As many columns as fit (2 to 5), so 1024 px windows wrap cards instead of scrolling sideways.
    const int perCard = m_cards.isEmpty() ? 1 : m_cards.first()->minimumWidth() + 24;
    const int columns = std::clamp(width() / perCard, 2, 5);
    if (columns == m_cardColumns)
        return;
    m_cardColumns = columns;
    for (KpiCard *card : m_cards)
        m_cardGrid->removeWidget(card);
    for (int i = 0; i < m_cards.size(); ++i)
        m_cardGrid->addWidget(m_cards[i], i / columns, i % columns);
    for (int c = 0; c < 5; ++c)
        m_cardGrid->setColumnStretch(c, c < columns ? 1 : 0);
}

void PanelDashboard::layoutCharts()
{
    // Two charts side by side need about 500 px each for 24 month labels and a one-row legend;
    // narrower (a 1024 px window) they go one per row at full width.
    const int columns = width() >= 1000 ? 2 : 1;
    if (columns == m_chartColumns)
        return;
    m_chartColumns = columns;
    for (KpiChartView *chart : m_charts)
        m_chartGrid->removeWidget(chart);
    for (int i = 0; i < m_charts.size(); ++i)
        m_chartGrid->addWidget(m_charts[i], i / columns, i % columns);
    m_chartGrid->setColumnStretch(0, 1);
    m_chartGrid->setColumnStretch(1, columns == 2 ? 1 : 0);
}

void PanelDashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutCards();
    layoutCharts();
}

void PanelDashboard::showCohortState()
{
    const int rows = m_cohortModel->rowCount();
    m_cohortStack->setCurrentWidget(rows > 0 ? static_cast<QWidget *>(m_cohortTable) : m_cohortEmpty);
    // As tall as its rows (a 3-month range left a large blank box), up to a screenful.
    const int rowHeight = m_cohortTable->verticalHeader()->defaultSectionSize();
    const int wanted = m_cohortTable->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * m_cohortTable->frameWidth() + 2;
    m_cohortTable->setMinimumHeight(std::clamp(wanted, 3 * rowHeight, 420));
    m_cohortTable->setMaximumHeight(std::max(wanted, 3 * rowHeight));
}

bool PanelDashboard::showsEmptyState() const
{
    return m_emptyBanner->isVisibleTo(this);
}

void PanelDashboard::buildToolbar(QGridLayout *grid)
{
    auto *bar = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_kind->addItems({KpiText::tr("Month"), KpiText::tr("Quarter"), KpiText::tr("Year"), KpiText::tr("Custom range")});
    m_anchor = new QDateEdit(m_period.from, this);
    m_anchor->setObjectName(QStringLiteral("periodAnchor"));
    m_anchor->setDisplayFormat(QStringLiteral("MMMM yyyy"));
    m_anchor->setCalendarPopup(true);
    m_from = new QDateEdit(m_period.from, this);
    m_to = new QDateEdit(m_period.to, this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setVisible(false);
    }
    m_currencyBox = new QComboBox(this);
    m_currencyBox->setObjectName(QStringLiteral("currency"));
    m_currencyBox->addItems({QStringLiteral("RD$ DOP"), QStringLiteral("US$ USD")});
    auto *pdf = new QPushButton(KpiText::tr("Monthly report (PDF)…"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("panelStatus"));
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(0);
    bar->addWidget(new QLabel(KpiText::tr("Period"), this));
    bar->addWidget(m_kind);
    bar->addWidget(m_anchor);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(KpiText::tr("Currency"), this));
    bar->addWidget(m_currencyBox);
    bar->addWidget(m_status, 1);
    bar->addWidget(pdf);
    grid->addLayout(bar, 0, 0, 1, 2);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &PanelDashboard::periodControlsChanged);
    connect(m_anchor, &QDateEdit::dateChanged, this, &PanelDashboard::periodControlsChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &PanelDashboard::periodControlsChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &PanelDashboard::periodControlsChanged);
    connect(m_currencyBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setCurrency(i == 1 ? Currency::USD : Currency::DOP); });
    connect(pdf, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, KpiText::tr("Save the monthly report"),
                                                          QStringLiteral("okla-kpi-%1.pdf").arg(m_period.key()),
                                                          QStringLiteral("PDF (*.pdf)"));
        if (!path.isEmpty())
            saveExport(path, reportPdf());
    });
}

void PanelDashboard::periodControlsChanged()
{
    if (m_syncingControls)
        return;
    const auto kind = KpiPeriod::Kind(m_kind->currentIndex());
    const bool custom = kind == KpiPeriod::Kind::Custom;
    m_anchor->setVisible(!custom);
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_anchor->setDisplayFormat(kind == KpiPeriod::Kind::Year ? QStringLiteral("yyyy") : QStringLiteral("MMMM yyyy"));
    const KpiPeriod p = custom ? KpiPeriod::custom(m_from->date(), std::max(m_from->date(), m_to->date()))
                               : KpiPeriod::containing(kind, m_anchor->date());
    if (p == m_period)
        return;
    m_period = p;
    reload();
}

void PanelDashboard::setPeriod(const KpiPeriod &period)
{
    m_syncingControls = true;
    m_kind->setCurrentIndex(int(period.kind));
    m_anchor->setDate(period.from);
    m_from->setDate(period.from);
    m_to->setDate(period.to);
    m_syncingControls = false;
    m_period = period;
    const bool custom = period.kind == KpiPeriod::Kind::Custom;
    m_anchor->setVisible(!custom);
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    reload();
}

void PanelDashboard::setCurrency(Currency currency)
{
    m_currency = currency;
    m_syncingControls = true;
    m_currencyBox->setCurrentIndex(currency == Currency::USD ? 1 : 0);
    m_syncingControls = false;
    // Conversion happens in the pure model: no round trip to the database.
    if (!m_data.isEmpty())
        showData();
}

void PanelDashboard::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    if (loading)
        m_status->setText(KpiText::tr("Loading…"));
    emit loadingChanged(loading);
}

void PanelDashboard::reload()
{
    if (!m_service)
        return;
    const quint64 request = ++m_request;
    setLoading(true);
    m_service->load(m_period).then(this, [this, request](const models::Result<KpiData> &result) {
        if (request != m_request)
            return; // a newer period was picked meanwhile
        if (!result.ok()) {
            setLoading(false);
            m_status->clear();
            m_error->showError(KpiText::tr("Could not load the KPIs"), result.error());
            return;
        }
        m_error->clear();
        m_data = result.value();
        showData();
    });
}

void PanelDashboard::showData()
{
    const bool empty = m_data.isEmpty();
    const QString hint = KpiText::tr("No KPI snapshots yet: run `okla kpi rebuild`.");
    m_emptyBanner->setText(QStringLiteral("<b>%1</b><br>%2").arg(KpiText::tr("No data for this period").toHtmlEscaped(), hint.toHtmlEscaped()));
    m_emptyBanner->setVisible(empty);
    m_status->setText(empty ? QString() : KpiText::tr("Snapshots as of %1").arg(QLocale().toString(m_data.asOf, QLocale::ShortFormat)));
    const QList<CardContent> contents = buildCards(m_data, m_currency, [](const char *s) { return KpiText::tr(s); });
    // Metrics follow the content (the drill-down of a card depends on what it shows).
    for (int i = 0; i < m_cards.size() && i < contents.size(); ++i) {
        const CardContent &c = contents[i];
        // Without snapshots every figure is unknown, not zero (docs/kpi.md §17: undefined shows "—").
        m_cards[i]->setMetric(empty ? QString() : c.metric);
        if (empty)
            m_cards[i]->setValues(QStringLiteral("—"), {}, {}, 0, hint);
        else
            m_cards[i]->setValues(c.value, c.change, c.target, c.status, c.tooltip.isEmpty() ? c.value : c.tooltip);
    }
    for (KpiChartView *chart : m_charts) {
        chart->setEmptyText(empty ? hint : KpiText::tr("No data for this period"));
        chart->setForcedEmpty(empty);
    }
    m_charts[0]->setUnit(KpiChartView::Unit::Money, m_currency);
    m_charts[1]->setUnit(KpiChartView::Unit::Money, m_currency);
    const KpiSeriesBuilder build{m_data, m_currency};
    build.mrrByPlan(*m_models[0], {QStringLiteral("Visible"), QStringLiteral("Starter"), QStringLiteral("Pro"),
                                   QStringLiteral("Elite"), QStringLiteral("Enterprise")});
    build.movements(*m_models[1], {KpiText::tr("New"), KpiText::tr("Expansion"), KpiText::tr("Reactivation"), KpiText::tr("Contraction"),
                                   KpiText::tr("Churn"), KpiText::tr("Net new MRR")});
    build.churn(*m_models[2], {KpiText::tr("Customer churn"), KpiText::tr("Target")});
    build.success(*m_models[3], {KpiText::tr("First-attempt success"), KpiText::tr("Overall success"), KpiText::tr("Target")});
    build.volume(*m_models[4], {KpiText::tr("Payments processed"), KpiText::tr("Target")});
    build.spend(*m_models[5], {KpiText::tr("Spend"), KpiText::tr("Budget")});
    build.cohorts(*m_cohortModel, KpiText::tr("M%1"), m_cohortMode->currentIndex() == 1);
    m_cohortEmpty->setText(empty ? hint : KpiText::tr("No data for this period"));
    showCohortState();
    rebuildChartsFrom(0, ++m_showGeneration);
}

void PanelDashboard::rebuildChartsFrom(int index, quint64 generation)
{
    if (generation != m_showGeneration)
        return; // newer data arrived meanwhile
    if (index >= m_charts.size()) {
        setLoading(false);
        emit loaded();
        return;
    }
    // One chart per turn of the event loop keeps every GUI-thread slice short.
    m_charts[index]->rebuild();
    QTimer::singleShot(0, this, [this, index, generation] { rebuildChartsFrom(index + 1, generation); });
}

void PanelDashboard::drillDown(const QString &metric, const QString &rowKey)
{
    if (!m_service || metric.isEmpty())
        return;
    KpiPeriod period = m_period;
    const QDate month = QDate::fromString(rowKey, Qt::ISODate);
    if (month.isValid())
        period = KpiPeriod::month(month.year(), month.month());
    auto *dialog = new KpiDealersDialog(period.label(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLoading();
    dialog->show();
    emit dealersDialogOpened(dialog);
    QPointer<KpiDealersDialog> guard(dialog);
    m_service->dealers(metric, period).then(this, [guard](const models::Result<QList<models::kpi::KpiDealerRow>> &rows) {
        if (!guard)
            return;
        if (rows.ok())
            guard->setRows(rows.value());
        else
            guard->setError(rows.error());
    });
}

QByteArray PanelDashboard::reportPdf() const
{
    return KpiPdfReport::render(m_data, m_currency, m_charts, m_cohortModel);
}

QFuture<models::Status> PanelDashboard::saveExport(const QString &path, const QByteArray &bytes)
{
    if (!m_files || bytes.isEmpty()) {
        const models::Error error = models::makeError(QStringLiteral("files.render"), KpiText::tr("The export could not be prepared."));
        ErrorPresenter::show(this, KpiText::tr("Export"), error);
        return QtFuture::makeReadyFuture(models::Status(error));
    }
    auto saved = m_files->save(path, bytes);
    saved.then(this, [this, path](const models::Status &status) {
        if (status.ok())
            m_status->setText(KpiText::tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        else
            ErrorPresenter::show(this, KpiText::tr("Export"), status.error());
    });
    return saved;
}

} // namespace okla::ui::kpi
