#pragma once

#include <array>

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include "models/kpi/kpiamount.h"
#include "models/kpi/kpiperiod.h"

namespace okla::models::kpi {

/// docs/kpi.md §6 movement kinds, in the order the charts stack them.
enum class Movement { New, Expansion, Reactivation, Contraction, Churn };
constexpr int kMovementCount = 5;
QString movementKey(Movement m);    ///< "new", "expansion"... (SQL and JSON)
QString movementLabel(Movement m);  ///< "Nuevo", "Expansión"... (translated)
std::optional<Movement> movementFromKey(QStringView key);

/// Signed native amounts per movement (churn and contraction negative, as the SQL returns them)
/// and distinct dealers per movement.
struct Movements
{
    std::array<NativeAmounts, kMovementCount> amount{};
    std::array<int, kMovementCount> dealers{};
    NativeAmounts &operator[](Movement m) { return amount[size_t(m)]; }
    const NativeAmounts &operator[](Movement m) const { return amount[size_t(m)]; }
};

/// One calendar month from the snapshots (native currencies; converted on display).
struct MonthRow
{
    QDate month;
    NativeAmounts mrr;      ///< at month end
    NativeAmounts listMrr;
    QMap<QString, NativeAmounts> mrrByPlan;
    Movements movements;
    int payingStart = 0;    ///< paying at the end of the month before
    int payingEnd = 0;
    int subscribedEnd = 0;
    int earlyBirdFree = 0;
    int newDealers = 0;
    int reactivated = 0;
    int churned = 0;
    int churnedVoluntary = 0;
    int churnedInvoluntary = 0;
    NativeAmounts nrrStart, nrrRetained;     ///< base = previous month end
    NativeAmounts nrr12Start, nrr12Retained; ///< base = 12 months earlier
    FxRate rateStart;  ///< day 1
    FxRate rateEnd;    ///< last day (or the as-of day in the current month)
};

/// The selected period (or the one before it) summed exactly from the snapshots / change log.
struct PeriodRow
{
    KpiPeriod period;
    bool hasData = false;
    NativeAmounts startMrr, endMrr, startList, endList;
    Movements movements;
    int payingStart = 0;
    int payingEnd = 0;
    int subscribedEnd = 0;
    int churned = 0; ///< distinct dealers with a churn movement in the period
    int churnedVoluntary = 0;
    int churnedInvoluntary = 0;
    NativeAmounts nrrStart, nrrRetained; ///< dealers paying at start: MRR at start / at end
    FxRate rateStart, rateEnd;
};

/// Payment outcomes of one provider in a period (docs/kpi.md §13).
struct ProviderRow
{
    QString provider; ///< azul, stripe
    qint64 firstFinal = 0, firstSucceeded = 0, finalAttempts = 0, succeeded = 0;
    qint64 declined = 0, technical = 0, ambiguous = 0, unknown = 0;
    qint64 latencyN = 0;
    double latencyMsSum = 0; ///< a duration, not money
    KpiAmount approvedUsd, approvedDop; ///< incl. ITBIS, each day at its own rate
    KpiAmount refundedUsd;
    KpiAmount feesUsd;        ///< stored per payment, each day at its own rate
};

/// Spend of one provider in the period against its roadmap budget (USD).
struct SpendRow
{
    QString provider;
    KpiAmount feesUsd;
    KpiAmount fixedUsd;
    KpiAmount budgetUsd; ///< monthly budget x months of the period
    bool hasBudget = false;
};

struct DunningRow
{
    qint64 invoicesDue = 0, paidInWindow = 0, firstFailed = 0, recovered = 0;
    NativeAmounts recoveredMrr;
    bool provisional = false; ///< a dunning window of the period is still open
};

struct QuarterVolume
{
    QDate quarter;      ///< first day
    KpiAmount usd;      ///< approved incl. ITBIS, USD at each day's rate
    KpiAmount dop;
    std::optional<KpiAmount> targetUsd;
};

struct CohortCell
{
    QDate cohort;
    QDate month;
    int size = 0;
    int earlyBird = 0;
    int dealers = 0;
    NativeAmounts mrr;
};

/// Early Bird free months ending: the New MRR they will bring (calendar ahead of today).
struct EarlyBirdMonth
{
    QDate month;
    int dealers = 0;
    NativeAmounts newMrr;
};

struct Target
{
    QString kpi;
    QDate from, to;
    QString comparator;
    QString value; ///< numeric text (minor units for money)
    QString unit;
    bool achieved = false;
    QString note;
};

/// Everything the Panel shows for one period, read from the snapshot tables.
struct KpiData
{
    QDate asOf;
    QDateTime snapshotAt; ///< when the snapshots were last rebuilt/refreshed
    KpiPeriod period;
    QList<MonthRow> months; ///< every month with snapshots, ascending
    PeriodRow current;
    PeriodRow previous;
    QList<ProviderRow> providers, previousProviders;
    QList<SpendRow> spend;
    DunningRow dunning, previousDunning;
    QList<QuarterVolume> volume;
    QList<CohortCell> cohorts;
    QList<EarlyBirdMonth> earlyBird;
    int earlyBirdEnrolled = 0;
    QList<Target> targets;
    bool isEmpty() const { return months.isEmpty(); }
};

} // namespace okla::models::kpi
