#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "models/currency.h"
#include "models/kpi/kpidata.h"

namespace okla::models::kpi {

/// Every KPI of one period in the reporting currency. Undefined values are nullopt and show "—".
struct KpiSummary
{
    Currency currency = Currency::DOP;
    KpiAmount mrrStart;         ///< at the period-start rate
    KpiAmount mrrEnd;           ///< at the period-end rate
    KpiAmount listMrrEnd;
    KpiAmount discounts;        ///< list-price MRR - MRR, at end
    std::array<KpiAmount, kMovementCount> movements{}; ///< magnitudes, at the period-start rate
    std::array<int, kMovementCount> movementDealers{};
    KpiAmount netNew;           ///< new + expansion + reactivation - contraction - churn
    KpiAmount fxEffect;         ///< closes the gap: end = start + net new + FX
    KpiAmount fxEffectFormula;  ///< docs/kpi.md §5 formula (other-currency MRR at end x rate change)
    int payingStart = 0;
    int payingEnd = 0;
    int subscribedEnd = 0;
    int churnedDealers = 0;
    int churnedVoluntary = 0;
    int churnedInvoluntary = 0;
    std::optional<double> customerChurn;      ///< month: churned / paying at start; range: mean of whole months
    std::optional<double> grossMrrChurn;
    std::optional<double> netMrrChurn;
    std::optional<double> nrr;
    std::optional<double> nrr12;              ///< trailing 12 months (month periods)
    std::optional<KpiAmount> arpa;
    std::optional<KpiAmount> listArpa;
    std::optional<KpiAmount> ltv;             ///< "estimado"
    std::optional<double> quickRatio;
    bool quickRatioNoLosses = false;          ///< denominator 0: "sin pérdidas"
    FxRate rateStart, rateEnd;
};

/// Payment success of one provider (first attempt and overall) with its breakdown.
struct ProviderSummary
{
    QString provider;
    std::optional<double> firstAttempt;
    std::optional<double> overall;
    std::optional<double> latencyMs;
    qint64 unknown = 0;
};

struct DunningSummary
{
    std::optional<double> collection;
    std::optional<double> recovery;
    KpiAmount recoveredMrr;
    bool provisional = false;
};

/// The pure math of docs/kpi.md over snapshot data; no I/O, no Qt beyond QtCore.
class KpiCalculator
{
public:
    static KpiSummary summarize(const KpiData &data, const PeriodRow &period, Currency currency);
    static ProviderSummary provider(const ProviderRow &row);
    static DunningSummary dunning(const DunningRow &row, Currency currency, FxRate rate);

    /// Monthly customer churn rate of one month row; nullopt when nobody paid at its start.
    static std::optional<double> monthlyChurn(const MonthRow &row);
    /// Mean of the monthly rates of `months` that have one; nullopt when none has.
    static std::optional<double> meanChurn(const QList<MonthRow> &rows, const QList<QDate> &months);
    /// ARPA / mean churn of the 6 complete months before `monthOfEnd`; nullopt when that mean is 0
    /// or fewer than 3 of those months have a rate.
    static std::optional<KpiAmount> ltv(const QList<MonthRow> &rows, QDate monthOfEnd, std::optional<KpiAmount> arpa);

    /// The roadmap target for `kpi` whose quarter holds `day` (and, for money, in `unit`).
    static std::optional<Target> targetFor(const QList<Target> &targets, const QString &kpi, QDate day);
    /// "—" for nullopt; "12,3 %" otherwise (locale).
    static QString formatPercent(std::optional<double> value, int decimals = 1);
};

} // namespace okla::models::kpi
