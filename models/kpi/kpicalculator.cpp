#include "models/kpi/kpicalculator.h"

#include <cmath>

#include <QCoreApplication>
#include <QLocale>

namespace okla::models::kpi {

QString movementKey(Movement m)
{
    switch (m) {
    case Movement::New: return QStringLiteral("new");
    case Movement::Expansion: return QStringLiteral("expansion");
    case Movement::Reactivation: return QStringLiteral("reactivation");
    case Movement::Contraction: return QStringLiteral("contraction");
    case Movement::Churn: return QStringLiteral("churn");
    }
    return {};
}

QString movementLabel(Movement m)
{
    switch (m) {
    case Movement::New: return QCoreApplication::translate("okla", "New");
    case Movement::Expansion: return QCoreApplication::translate("okla", "Expansion");
    case Movement::Reactivation: return QCoreApplication::translate("okla", "Reactivation");
    case Movement::Contraction: return QCoreApplication::translate("okla", "Contraction");
    case Movement::Churn: return QCoreApplication::translate("okla", "Churn");
    }
    return {};
}

std::optional<Movement> movementFromKey(QStringView key)
{
    for (int i = 0; i < kMovementCount; ++i) {
        if (movementKey(Movement(i)) == key)
            return Movement(i);
    }
    return std::nullopt;
}

std::optional<double> KpiCalculator::monthlyChurn(const MonthRow &row)
{
    return ratio(qint64(row.churned), qint64(row.payingStart));
}

std::optional<double> KpiCalculator::meanChurn(const QList<MonthRow> &rows, const QList<QDate> &months)
{
    double sum = 0;
    int n = 0;
    for (const MonthRow &row : rows) {
        if (!months.contains(row.month))
            continue;
        if (const auto rate = monthlyChurn(row)) {
            sum += *rate;
            ++n;
        }
    }
    if (n == 0)
        return std::nullopt;
    return sum / n;
}

std::optional<KpiAmount> KpiCalculator::ltv(const QList<MonthRow> &rows, QDate monthOfEnd, std::optional<KpiAmount> arpa)
{
    if (!arpa)
        return std::nullopt;
    QList<QDate> window;
    for (int i = 6; i >= 1; --i)
        window << monthStart(monthOfEnd).addMonths(-i);
    int defined = 0;
    for (const MonthRow &row : rows) {
        if (window.contains(row.month) && monthlyChurn(row))
            ++defined;
    }
    const auto mean = meanChurn(rows, window);
    if (defined < 3 || !mean || *mean <= 0)
        return std::nullopt;
    if (!arpa->isValid() || !arpa->currency())
        return arpa;
    // An estimate (docs/kpi.md §11): the only place a KPI amount goes through floating point. Beyond
    // int64 (a churn of almost nothing) there is no meaningful estimate.
    const double estimate = std::round(double(arpa->scaled()) / *mean);
    if (!(std::fabs(estimate) < 9.0e18))
        return std::nullopt;
    return KpiAmount::fromScaled(qint64(estimate), *arpa->currency());
}

KpiSummary KpiCalculator::summarize(const KpiData &data, const PeriodRow &p, Currency currency)
{
    KpiSummary s;
    s.currency = currency;
    s.rateStart = p.rateStart;
    s.rateEnd = p.rateEnd;
    s.mrrStart = toReporting(p.startMrr, currency, p.rateStart);
    s.mrrEnd = toReporting(p.endMrr, currency, p.rateEnd);
    s.listMrrEnd = toReporting(p.endList, currency, p.rateEnd);
    s.discounts = s.listMrrEnd - s.mrrEnd;
    KpiAmount gains, losses;
    for (int i = 0; i < kMovementCount; ++i) {
        const KpiAmount signedAmount = toReporting(p.movements.amount[size_t(i)], currency, p.rateStart);
        s.movements[size_t(i)] = signedAmount.abs();
        s.movementDealers[size_t(i)] = p.movements.dealers[size_t(i)];
        s.netNew += signedAmount;
        if (Movement(i) == Movement::Contraction || Movement(i) == Movement::Churn)
            losses += signedAmount.abs();
        else
            gains += signedAmount;
    }
    s.fxEffect = s.mrrEnd - s.mrrStart - s.netNew;
    // docs/kpi.md §5: the other currency's MRR at end x (end rate - start rate), in the reporting currency.
    const Currency other = currency == Currency::DOP ? Currency::USD : Currency::DOP;
    s.fxEffectFormula = convert(p.endMrr.in(other), other, currency, p.rateEnd)
                        - convert(p.endMrr.in(other), other, currency, p.rateStart);
    s.payingStart = p.payingStart;
    s.payingEnd = p.payingEnd;
    s.subscribedEnd = p.subscribedEnd;
    s.churnedDealers = p.churned;
    s.churnedVoluntary = p.churnedVoluntary;
    s.churnedInvoluntary = p.churnedInvoluntary;
    if (p.period.kind == KpiPeriod::Kind::Month && p.period.wholeMonths().size() == 1)
        s.customerChurn = ratio(qint64(p.churned), qint64(p.payingStart));
    else
        s.customerChurn = meanChurn(data.months, p.period.wholeMonths());
    const KpiAmount churnAndContraction = s.movements[size_t(Movement::Churn)] + s.movements[size_t(Movement::Contraction)];
    s.grossMrrChurn = ratio(churnAndContraction, s.mrrStart);
    s.netMrrChurn = ratio(churnAndContraction - s.movements[size_t(Movement::Expansion)]
                              - s.movements[size_t(Movement::Reactivation)], s.mrrStart);
    s.nrr = ratio(toReporting(p.nrrRetained, currency, p.rateStart), toReporting(p.nrrStart, currency, p.rateStart));
    if (p.period.kind == KpiPeriod::Kind::Month) {
        for (const MonthRow &row : data.months) {
            if (row.month != p.period.from)
                continue;
            // Constant FX: the cohort's base is 12 months earlier, converted at this month's start rate.
            s.nrr12 = ratio(toReporting(row.nrr12Retained, currency, p.rateStart),
                            toReporting(row.nrr12Start, currency, p.rateStart));
        }
    }
    s.arpa = s.mrrEnd.dividedBy(p.payingEnd);
    s.listArpa = s.listMrrEnd.dividedBy(p.payingEnd);
    s.ltv = ltv(data.months, p.period.to, s.arpa);
    s.quickRatioNoLosses = losses.isZero();
    s.quickRatio = ratio(gains, losses);
    return s;
}

ProviderSummary KpiCalculator::provider(const ProviderRow &row)
{
    ProviderSummary s;
    s.provider = row.provider;
    s.firstAttempt = ratio(row.firstSucceeded, row.firstFinal);
    s.overall = ratio(row.succeeded, row.finalAttempts);
    if (row.latencyN > 0)
        s.latencyMs = row.latencyMsSum / double(row.latencyN);
    s.unknown = row.unknown;
    return s;
}

DunningSummary KpiCalculator::dunning(const DunningRow &row, Currency currency, FxRate rate)
{
    DunningSummary s;
    s.collection = ratio(row.paidInWindow, row.invoicesDue);
    s.recovery = ratio(row.recovered, row.firstFailed);
    s.recoveredMrr = toReporting(row.recoveredMrr, currency, rate);
    s.provisional = row.provisional;
    return s;
}

std::optional<Target> KpiCalculator::targetFor(const QList<Target> &targets, const QString &kpi, QDate day)
{
    for (const Target &t : targets) {
        if (t.kpi == kpi && t.from <= day && day <= t.to)
            return t;
    }
    return std::nullopt;
}

QString KpiCalculator::formatPercent(std::optional<double> value, int decimals)
{
    if (!value || !std::isfinite(*value))
        return QStringLiteral("—");
    return QLocale().toString(*value * 100.0, 'f', decimals) + QStringLiteral(" %");
}

} // namespace okla::models::kpi
