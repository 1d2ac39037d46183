#include "models/kpi/kpiseriesmodel.h"

#include <QLocale>

#include "models/kpi/kpicalculator.h"

namespace okla::models::kpi {

void KpiSeriesModel::reset(QStringList rowLabels, QStringList rowKeys, QList<Series> series, QList<bool> incomplete)
{
    beginResetModel();
    m_rowLabels = std::move(rowLabels);
    m_rowKeys = std::move(rowKeys);
    m_series = std::move(series);
    m_incomplete = std::move(incomplete);
    endResetModel();
}

int KpiSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowLabels.size());
}

int KpiSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.size());
}

QVariant KpiSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= m_series.size() || index.row() >= m_rowLabels.size())
        return {};
    const Series &s = m_series[index.column()];
    const auto value = s.values.value(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case ExactRole:
        return s.exact.value(index.row(), QStringLiteral("—"));
    case ValueRole:
        return value.value_or(0.0);
    case KeyRole:
        return m_rowKeys.value(index.row());
    case DefinedRole:
        return value.has_value();
    case IncompleteRole:
        return m_incomplete.value(index.row() * int(m_series.size()) + index.column(), false);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant KpiSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_series.value(section).title;
    return m_rowLabels.value(section);
}

QString KpiSeriesModel::toCsv() const
{
    auto quote = [](QString text) {
        if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n'))
            text = u'"' + text.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
        return text;
    };
    QStringList header{QString()};
    for (const Series &s : m_series)
        header << quote(s.title);
    QString csv = header.join(u',') + QStringLiteral("\r\n");
    for (int r = 0; r < m_rowLabels.size(); ++r) {
        QStringList line{quote(m_rowLabels[r])};
        for (const Series &s : m_series)
            line << quote(s.exact.value(r, QStringLiteral("—")));
        csv += line.join(u',') + QStringLiteral("\r\n");
    }
    return csv;
}

namespace {

double major(KpiAmount a)
{
    return double(a.scaled()) / double(KpiAmount::kScale) / 100.0;
}

void addAmount(KpiSeriesModel::Series &s, KpiAmount a, Currency c)
{
    s.values << major(a);
    s.exact << a.format(c);
}

void addRatio(KpiSeriesModel::Series &s, std::optional<double> r)
{
    s.values << (r ? std::optional<double>(*r * 100.0) : std::nullopt);
    s.exact << KpiCalculator::formatPercent(r);
}

std::optional<double> targetRatio(const QList<Target> &targets, const QString &kpi, QDate day)
{
    const auto t = KpiCalculator::targetFor(targets, kpi, day);
    if (!t)
        return std::nullopt;
    return t->value.toDouble();
}

} // namespace

QList<MonthRow> KpiSeriesBuilder::recentMonths() const
{
    QList<MonthRow> rows;
    for (const MonthRow &m : data.months) {
        if (m.month <= data.period.to)
            rows << m;
    }
    return rows.mid(std::max<qsizetype>(0, rows.size() - maxMonths));
}

QString KpiSeriesBuilder::monthLabel(QDate month)
{
    return QLocale().monthName(month.month(), QLocale::ShortFormat) + u' ' + QString::number(month.year() % 100);
}

void KpiSeriesBuilder::mrrByPlan(KpiSeriesModel &model, const QStringList &planLabels) const
{
    static const QStringList plans{QStringLiteral("visible"), QStringLiteral("starter"), QStringLiteral("pro"),
                                   QStringLiteral("elite"), QStringLiteral("enterprise")};
    QStringList labels, keys;
    QList<KpiSeriesModel::Series> series;
    for (int i = 0; i < plans.size(); ++i)
        series << KpiSeriesModel::Series{planLabels.value(i, plans[i]), QStringLiteral("plan:") + plans[i], {}, {}};
    for (const MonthRow &m : recentMonths()) {
        labels << monthLabel(m.month);
        keys << m.month.toString(Qt::ISODate);
        for (int i = 0; i < plans.size(); ++i)
            addAmount(series[i], toReporting(m.mrrByPlan.value(plans[i]), currency, m.rateEnd), currency);
    }
    model.reset(labels, keys, series);
}

void KpiSeriesBuilder::movements(KpiSeriesModel &model, const QStringList &titles) const
{
    QStringList labels, keys;
    QList<KpiSeriesModel::Series> series;
    for (int i = 0; i <= kMovementCount; ++i)
        series << KpiSeriesModel::Series{titles.value(i), i < kMovementCount ? movementKey(Movement(i)) : QString(), {}, {}};
    for (const MonthRow &m : recentMonths()) {
        labels << monthLabel(m.month);
        keys << m.month.toString(Qt::ISODate);
        KpiAmount net;
        for (int i = 0; i < kMovementCount; ++i) {
            const KpiAmount a = toReporting(m.movements.amount[size_t(i)], currency, m.rateStart);
            net += a;
            addAmount(series[i], a, currency);
        }
        addAmount(series[kMovementCount], net, currency);
    }
    model.reset(labels, keys, series);
}

void KpiSeriesBuilder::churn(KpiSeriesModel &model, const QStringList &titles) const
{
    QStringList labels, keys;
    QList<KpiSeriesModel::Series> series{{titles.value(0), QStringLiteral("churn"), {}, {}},
                                         {titles.value(1), QString(), {}, {}}};
    for (const MonthRow &m : recentMonths()) {
        labels << monthLabel(m.month);
        keys << m.month.toString(Qt::ISODate);
        const auto rate = KpiCalculator::monthlyChurn(m);
        addRatio(series[0], rate);
        if (rate)
            series[0].exact.last() += QStringLiteral(" (%1/%2)").arg(m.churned).arg(m.payingStart);
        addRatio(series[1], targetRatio(data.targets, QStringLiteral("customer_churn"), m.month));
    }
    model.reset(labels, keys, series);
}

void KpiSeriesBuilder::success(KpiSeriesModel &model, const QStringList &titles) const
{
    QStringList labels, keys;
    QList<KpiSeriesModel::Series> series{{titles.value(0), QString(), {}, {}},
                                         {titles.value(1), QString(), {}, {}},
                                         {titles.value(2), QString(), {}, {}}};
    for (const ProviderRow &p : data.providers) {
        const ProviderSummary s = KpiCalculator::provider(p);
        labels << (p.provider == QLatin1String("azul") ? QStringLiteral("AZUL") : QStringLiteral("Stripe"));
        keys << p.provider;
        addRatio(series[0], s.firstAttempt);
        addRatio(series[1], s.overall);
        addRatio(series[2], p.provider == QLatin1String("azul")
                                ? targetRatio(data.targets, QStringLiteral("payment_success"), data.period.to)
                                : std::nullopt);
    }
    model.reset(labels, keys, series);
}

void KpiSeriesBuilder::volume(KpiSeriesModel &model, const QStringList &titles) const
{
    QStringList labels, keys;
    QList<KpiSeriesModel::Series> series{{titles.value(0), QString(), {}, {}}, {titles.value(1), QString(), {}, {}}};
    for (const QuarterVolume &q : data.volume) {
        labels << QStringLiteral("T%1 %2").arg((q.quarter.month() - 1) / 3 + 1).arg(q.quarter.year());
        keys << q.quarter.toString(Qt::ISODate);
        addAmount(series[0], q.usd, Currency::USD);
        if (q.targetUsd) {
            addAmount(series[1], *q.targetUsd, Currency::USD);
        } else {
            series[1].values << std::nullopt;
            series[1].exact << QStringLiteral("—");
        }
    }
    model.reset(labels, keys, series);
}

void KpiSeriesBuilder::spend(KpiSeriesModel &model, const QStringList &titles) const
{
    QStringList labels, keys;
    QList<KpiSeriesModel::Series> series{{titles.value(0), QString(), {}, {}}, {titles.value(1), QString(), {}, {}}};
    for (const SpendRow &s : data.spend) {
        labels << s.provider;
        keys << s.provider;
        addAmount(series[0], s.feesUsd + s.fixedUsd, Currency::USD);
        if (s.hasBudget) {
            addAmount(series[1], s.budgetUsd, Currency::USD);
        } else {
            series[1].values << std::nullopt;
            series[1].exact << QStringLiteral("—");
        }
    }
    model.reset(labels, keys, series);
}

void KpiSeriesBuilder::cohorts(KpiSeriesModel &model, const QString &monthTitle, bool revenue) const
{
    QList<QDate> cohorts;
    for (const CohortCell &c : data.cohorts) {
        if (!cohorts.contains(c.cohort) && c.cohort <= data.period.to)
            cohorts << c.cohort;
    }
    cohorts = cohorts.mid(std::max<qsizetype>(0, cohorts.size() - 12));
    const int width = cohorts.isEmpty() ? 0 : int(monthStart(cohorts.first()).daysTo(data.asOf) / 28) + 1;
    const int columns = std::min(width, 13);
    QList<KpiSeriesModel::Series> series;
    for (int k = 0; k < columns; ++k)
        series << KpiSeriesModel::Series{monthTitle.arg(k), QString(), {}, {}};
    QStringList labels, keys;
    QList<bool> incomplete;
    for (const QDate &cohort : cohorts) {
        int size = 0, eb = 0;
        KpiAmount base;
        FxRate baseRate;
        for (const MonthRow &m : data.months) {
            if (m.month == cohort)
                baseRate = m.rateStart;
        }
        QMap<int, const CohortCell *> cells;
        for (const CohortCell &c : data.cohorts) {
            if (c.cohort != cohort)
                continue;
            size = c.size;
            eb = c.earlyBird;
            const int k = int((c.month.year() - cohort.year()) * 12 + c.month.month() - cohort.month());
            cells.insert(k, &c);
            if (k == 0)
                base = toReporting(c.mrr, currency, baseRate);
        }
        labels << monthLabel(cohort) + QStringLiteral(" (%1%2)").arg(size).arg(eb > 0 ? QStringLiteral(", EB") : QString());
        keys << cohort.toString(Qt::ISODate);
        for (int k = 0; k < columns; ++k) {
            const CohortCell *c = cells.value(k);
            const QDate month = cohort.addMonths(k);
            incomplete << (month == monthStart(data.asOf) && data.asOf < monthEnd(data.asOf));
            if (!c || month > data.asOf) {
                series[k].values << std::nullopt;
                series[k].exact << QString();
                continue;
            }
            // Revenue retention at constant FX: the cohort's month-0 start rate throughout.
            const auto r = revenue ? ratio(toReporting(c->mrr, currency, baseRate), base) : ratio(qint64(c->dealers), qint64(c->size));
            addRatio(series[k], r);
            series[k].values.last() = r ? std::optional<double>(*r) : std::nullopt;
        }
    }
    model.reset(labels, keys, series, incomplete);
}

} // namespace okla::models::kpi
