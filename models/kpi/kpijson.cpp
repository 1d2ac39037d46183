#include "models/kpi/kpijson.h"

#include <QJsonArray>

#include "models/kpi/kpicalculator.h"

namespace okla::models::kpi {

namespace {

QJsonValue num(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

/// Minor units as text; null when undefined or invalid (an overflow or mixed currencies).
QJsonValue amt(const std::optional<KpiAmount> &v)
{
    return v && v->isValid() ? QJsonValue(v->toMinorString()) : QJsonValue(QJsonValue::Null);
}

QJsonObject summaryJson(const KpiSummary &s, const KpiData &data, const PeriodRow &p)
{
    QJsonObject movements;
    QJsonObject movementDealers;
    for (int i = 0; i < kMovementCount; ++i) {
        movements.insert(movementKey(Movement(i)), amt(s.movements[size_t(i)]));
        movementDealers.insert(movementKey(Movement(i)), s.movementDealers[size_t(i)]);
    }
    QJsonObject native;
    native.insert(QStringLiteral("start_dop"), amt(p.startMrr.dop));
    native.insert(QStringLiteral("start_usd"), amt(p.startMrr.usd));
    native.insert(QStringLiteral("end_dop"), amt(p.endMrr.dop));
    native.insert(QStringLiteral("end_usd"), amt(p.endMrr.usd));
    QJsonObject o{
        {QStringLiteral("period"), p.period.key()},
        {QStringLiteral("from"), p.period.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), p.period.to.toString(Qt::ISODate)},
        {QStringLiteral("mrr_start"), amt(s.mrrStart)},
        {QStringLiteral("mrr_end"), amt(s.mrrEnd)},
        {QStringLiteral("mrr_native"), native},
        {QStringLiteral("list_mrr_end"), amt(s.listMrrEnd)},
        {QStringLiteral("discounts"), amt(s.discounts)},
        {QStringLiteral("movements"), movements},
        {QStringLiteral("movement_dealers"), movementDealers},
        {QStringLiteral("net_new_mrr"), amt(s.netNew)},
        {QStringLiteral("fx_effect"), amt(s.fxEffect)},
        {QStringLiteral("paying_dealers_start"), s.payingStart},
        {QStringLiteral("paying_dealers_end"), s.payingEnd},
        {QStringLiteral("subscribed_dealers_end"), s.subscribedEnd},
        {QStringLiteral("churned_dealers"), s.churnedDealers},
        {QStringLiteral("churned_voluntary"), s.churnedVoluntary},
        {QStringLiteral("churned_involuntary"), s.churnedInvoluntary},
        {QStringLiteral("customer_churn"), num(s.customerChurn)},
        {QStringLiteral("gross_mrr_churn"), num(s.grossMrrChurn)},
        {QStringLiteral("net_mrr_churn"), num(s.netMrrChurn)},
        {QStringLiteral("nrr"), num(s.nrr)},
        {QStringLiteral("nrr_12m"), num(s.nrr12)},
        {QStringLiteral("arpa"), amt(s.arpa)},
        {QStringLiteral("list_arpa"), amt(s.listArpa)},
        {QStringLiteral("ltv_estimate"), amt(s.ltv)},
        {QStringLiteral("quick_ratio"), num(s.quickRatio)},
        {QStringLiteral("quick_ratio_no_losses"), s.quickRatioNoLosses},
        {QStringLiteral("fx_rate_start"), s.rateStart.toString()},
        {QStringLiteral("fx_rate_end"), s.rateEnd.toString()},
        {QStringLiteral("fx_rate_stale"), s.rateStart.stale || s.rateEnd.stale},
    };
    Q_UNUSED(data);
    return o;
}

QJsonArray providersJson(const QList<ProviderRow> &rows)
{
    QJsonArray a;
    for (const ProviderRow &r : rows) {
        const ProviderSummary s = KpiCalculator::provider(r);
        a.append(QJsonObject{{QStringLiteral("provider"), r.provider},
                             {QStringLiteral("first_attempt_success"), num(s.firstAttempt)},
                             {QStringLiteral("overall_success"), num(s.overall)},
                             {QStringLiteral("first_attempts"), r.firstFinal},
                             {QStringLiteral("final_attempts"), r.finalAttempts},
                             {QStringLiteral("approved"), r.succeeded},
                             {QStringLiteral("declined"), r.declined},
                             {QStringLiteral("technical"), r.technical},
                             {QStringLiteral("ambiguous"), r.ambiguous},
                             {QStringLiteral("unknown"), r.unknown},
                             {QStringLiteral("latency_ms_mean"), num(s.latencyMs)},
                             {QStringLiteral("processed_usd"), amt(r.approvedUsd)},
                             {QStringLiteral("refunded_usd"), amt(r.refundedUsd)},
                             {QStringLiteral("fees_usd"), amt(r.feesUsd)}});
    }
    return a;
}

} // namespace

QJsonObject kpiJson(const KpiData &data, Currency currency)
{
    const KpiSummary s = KpiCalculator::summarize(data, data.current, currency);
    const KpiSummary prev = KpiCalculator::summarize(data, data.previous, currency);
    const DunningSummary d = KpiCalculator::dunning(data.dunning, currency, data.current.rateStart);
    QJsonArray spend;
    for (const SpendRow &r : data.spend) {
        spend.append(QJsonObject{{QStringLiteral("provider"), r.provider},
                                 {QStringLiteral("fees_usd"), amt(r.feesUsd)},
                                 {QStringLiteral("fixed_usd"), amt(r.fixedUsd)},
                                 {QStringLiteral("total_usd"), amt(r.feesUsd + r.fixedUsd)},
                                 {QStringLiteral("budget_usd"), r.hasBudget ? amt(r.budgetUsd)
                                                                             : QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("budget_used"), num(r.hasBudget ? ratio(r.feesUsd + r.fixedUsd, r.budgetUsd)
                                                                                  : std::nullopt)}});
    }
    QJsonArray volume;
    for (const QuarterVolume &q : data.volume) {
        volume.append(QJsonObject{{QStringLiteral("quarter"), q.quarter.toString(Qt::ISODate)},
                                  {QStringLiteral("processed_usd"), amt(q.usd)},
                                  {QStringLiteral("target_usd"), amt(q.targetUsd)}});
    }
    QJsonArray eb;
    for (const EarlyBirdMonth &m : data.earlyBird) {
        eb.append(QJsonObject{{QStringLiteral("month"), m.month.toString(QStringLiteral("yyyy-MM"))},
                              {QStringLiteral("dealers"), m.dealers},
                              {QStringLiteral("new_mrr"), amt(toReporting(m.newMrr, currency, data.current.rateEnd))}});
    }
    return QJsonObject{
        {QStringLiteral("ok"), true},
        {QStringLiteral("as_of"), data.asOf.toString(Qt::ISODate)},
        {QStringLiteral("snapshot_at"), data.snapshotAt.toString(Qt::ISODate)},
        {QStringLiteral("currency"), isoCode(currency)},
        {QStringLiteral("amount_unit"), QStringLiteral("minor units, exact to 1/10000")},
        {QStringLiteral("current"), summaryJson(s, data, data.current)},
        {QStringLiteral("previous"), summaryJson(prev, data, data.previous)},
        {QStringLiteral("payments"), providersJson(data.providers)},
        {QStringLiteral("dunning"), QJsonObject{{QStringLiteral("invoices_due"), data.dunning.invoicesDue},
                                                {QStringLiteral("collection_rate"), num(d.collection)},
                                                {QStringLiteral("recovery_rate"), num(d.recovery)},
                                                {QStringLiteral("recovered_mrr"), amt(d.recoveredMrr)},
                                                {QStringLiteral("provisional"), d.provisional}}},
        {QStringLiteral("spend"), spend},
        {QStringLiteral("volume_by_quarter"), volume},
        {QStringLiteral("early_bird"), QJsonObject{{QStringLiteral("enrolled"), data.earlyBirdEnrolled},
                                                   {QStringLiteral("free_months_ending"), eb}}},
    };
}

} // namespace okla::models::kpi
