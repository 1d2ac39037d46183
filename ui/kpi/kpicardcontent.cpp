#include "ui/kpi/kpicardcontent.h"

#include <QLocale>

#include "models/kpi/kpicalculator.h"

namespace okla::ui::kpi {

using namespace models::kpi;
using models::Currency;

namespace {

QString amountText(std::optional<KpiAmount> a, Currency c)
{
    return a ? a->format(c) : QStringLiteral("—");
}

QString deltaAmount(std::optional<KpiAmount> now, std::optional<KpiAmount> before, Currency c, const Translate &localize)
{
    if (!now || !before)
        return localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "vs previous: %1")).arg(QStringLiteral("—"));
    return localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "vs previous: %1")).arg((*now - *before).format(c, true));
}

QString deltaPoints(std::optional<double> now, std::optional<double> before, const Translate &localize)
{
    if (!now || !before)
        return localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "vs previous: %1")).arg(QStringLiteral("—"));
    const double pts = (*now - *before) * 100.0;
    return localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "vs previous: %1")).arg((pts > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(pts, 'f', 1) + QStringLiteral(" pp"));
}

/// "meta RD$750,000.00" with the on/off-target status (comparator from kpi_targets).
QString targetText(const std::optional<Target> &t, double actual, bool actualDefined, int &status, const Translate &localize,
                   const QString &shown)
{
    if (!t)
        return localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "no target"));
    if (actualDefined) {
        const double goal = t->value.toDouble();
        bool ok = false;
        if (t->comparator == QLatin1String(">=")) ok = actual >= goal;
        else if (t->comparator == QLatin1String(">")) ok = actual > goal;
        else if (t->comparator == QLatin1String("<=")) ok = actual <= goal;
        else if (t->comparator == QLatin1String("<")) ok = actual < goal;
        status = ok ? 1 : -1;
    }
    return localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "target %1")).arg(t->comparator + QLatin1Char(' ') + shown);
}

QString pct(std::optional<double> v)
{
    return KpiCalculator::formatPercent(v);
}

} // namespace

QList<CardContent> buildCards(const KpiData &data, Currency currency, const Translate &localize)
{
    const KpiSummary s = KpiCalculator::summarize(data, data.current, currency);
    const KpiSummary p = KpiCalculator::summarize(data, data.previous, currency);
    const QDate end = data.period.to;
    QList<CardContent> cards;

    CardContent mrr{QStringLiteral("paying_end"), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "MRR")), s.mrrEnd.format(currency),
                    deltaAmount(s.mrrEnd, p.mrrEnd, currency, localize), {}, 0, {}};
    if (auto t = KpiCalculator::targetFor(data.targets, QStringLiteral("mrr"), end)) {
        const Currency unit = t->unit == QLatin1String("USD") ? Currency::USD : Currency::DOP;
        const KpiAmount goal = KpiAmount::parse(t->value).value_or(KpiAmount());
        const KpiAmount actual = convert(s.mrrEnd, currency, unit, s.rateEnd);
        mrr.target = targetText(t, double(actual.scaled()) / KpiAmount::kScale, true, mrr.status, localize, goal.format(unit));
    } else {
        mrr.target = localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "no target"));
    }
    mrr.tooltip = QStringLiteral("%1 (%2 DOP + %3 USD) @ %4%5").arg(s.mrrEnd.toMinorString(), data.current.endMrr.dop.toMinorString(),
        data.current.endMrr.usd.toMinorString(), s.rateEnd.toString(), s.rateEnd.stale ? QStringLiteral(", ") + localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "stale FX rate")) : QString());
    cards << mrr;

    cards << CardContent{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "List-price MRR")), s.listMrrEnd.format(currency),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Discounts")) + QStringLiteral(": ") + s.discounts.format(currency), {}, 0, s.listMrrEnd.toMinorString()};
    cards << CardContent{QStringLiteral("new"), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Net new MRR")), s.netNew.format(currency, true),
                         deltaAmount(s.netNew, p.netNew, currency, localize),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "FX effect")) + QStringLiteral(": ") + s.fxEffect.format(currency, true), 0,
                         QStringLiteral("%1 + %2 = %3").arg(s.mrrStart.toMinorString(), (s.netNew + s.fxEffect).toMinorString(), s.mrrEnd.toMinorString())};

    CardContent paying{QStringLiteral("paying_end"), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Paying dealers")), QLocale().toString(s.payingEnd),
                       localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "vs previous: %1")).arg((s.payingEnd - p.payingEnd >= 0 ? QStringLiteral("+") : QString()) + QString::number(s.payingEnd - p.payingEnd)),
                       {}, 0, {}};
    auto subscribedTarget = KpiCalculator::targetFor(data.targets, QStringLiteral("dealers_subscribed"), end);
    paying.target = localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Subscribed dealers")) + QStringLiteral(" %1 · ").arg(s.subscribedEnd)
                    + targetText(subscribedTarget, s.subscribedEnd, true, paying.status, localize,
                                 subscribedTarget ? subscribedTarget->value : QString());
    cards << paying;

    CardContent churn{QStringLiteral("churn"), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Customer churn")), pct(s.customerChurn), deltaPoints(s.customerChurn, p.customerChurn, localize), {}, 0, {}};
    auto churnTarget = KpiCalculator::targetFor(data.targets, QStringLiteral("customer_churn"), end);
    churn.target = localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "%1 voluntary, %2 involuntary")).arg(s.churnedVoluntary).arg(s.churnedInvoluntary) + QStringLiteral(" · ")
                   + targetText(churnTarget, s.customerChurn.value_or(0), s.customerChurn.has_value(), churn.status, localize,
                                churnTarget ? pct(churnTarget->value.toDouble()) : QString());
    cards << churn;

    cards << CardContent{QStringLiteral("contraction"), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Gross MRR churn")), pct(s.grossMrrChurn),
                         deltaPoints(s.grossMrrChurn, p.grossMrrChurn, localize), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Net MRR churn")) + QStringLiteral(": ") + pct(s.netMrrChurn), 0, {}};
    cards << CardContent{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "NRR")), pct(s.nrr), deltaPoints(s.nrr, p.nrr, localize), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "12 months: %1")).arg(pct(s.nrr12)), 0, {}};
    cards << CardContent{QStringLiteral("paying_end"), localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "ARPA")), amountText(s.arpa, currency), deltaAmount(s.arpa, p.arpa, currency, localize),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "list %1")).arg(amountText(s.listArpa, currency)), 0, {}};
    cards << CardContent{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "LTV (estimate)")), amountText(s.ltv, currency), deltaAmount(s.ltv, p.ltv, currency, localize), {}, 0, {}};
    cards << CardContent{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Quick ratio")),
                         s.quickRatioNoLosses ? localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "no losses")) : (s.quickRatio ? QLocale().toString(*s.quickRatio, 'f', 2) : QStringLiteral("—")),
                         {}, {}, 0, {}};

    std::optional<double> azulFirst, azulFirstBefore, overall;
    qint64 unknown = 0;
    for (const ProviderRow &r : data.providers) {
        unknown += r.unknown;
        if (r.provider == QLatin1String("azul")) {
            azulFirst = KpiCalculator::provider(r).firstAttempt;
            overall = KpiCalculator::provider(r).overall;
        }
    }
    for (const ProviderRow &r : data.previousProviders) {
        if (r.provider == QLatin1String("azul"))
            azulFirstBefore = KpiCalculator::provider(r).firstAttempt;
    }
    CardContent success{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "First-attempt success (AZUL)")), pct(azulFirst), deltaPoints(azulFirst, azulFirstBefore, localize), {}, 0, {}};
    auto successTarget = KpiCalculator::targetFor(data.targets, QStringLiteral("payment_success"), end);
    success.target = localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Overall success")) + QStringLiteral(" ") + pct(overall) + QStringLiteral(" · ")
                     + targetText(successTarget, azulFirst.value_or(0), azulFirst.has_value(), success.status, localize,
                                  successTarget ? pct(successTarget->value.toDouble()) : QString());
    if (unknown > 0)
        success.target += QStringLiteral(" · ") + localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "%1 unknown")).arg(unknown);
    cards << success;

    const DunningSummary d = KpiCalculator::dunning(data.dunning, currency, s.rateStart);
    const DunningSummary dp = KpiCalculator::dunning(data.previousDunning, currency, p.rateStart);
    cards << CardContent{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Collection rate")), pct(d.collection) + (d.provisional ? QStringLiteral(" *") : QString()),
                         deltaPoints(d.collection, dp.collection, localize),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Recovery rate")) + QStringLiteral(" ") + pct(d.recovery) + QStringLiteral(" · ")
                             + localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Recovered MRR %1")).arg(d.recoveredMrr.format(currency)),
                         0, d.provisional ? localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "provisional")) : QString()};

    KpiAmount processed, before;
    for (const ProviderRow &r : data.providers)
        processed += r.approvedUsd;
    for (const ProviderRow &r : data.previousProviders)
        before += r.approvedUsd;
    CardContent volume{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Payments processed")), processed.format(Currency::USD), deltaAmount(processed, before, Currency::USD, localize), {}, 0, {}};
    auto volumeTarget = KpiCalculator::targetFor(data.targets, QStringLiteral("payments_processed"), end);
    const bool wholeQuarter = data.period.kind == KpiPeriod::Kind::Quarter;
    volume.target = targetText(volumeTarget, double(processed.scaled()) / KpiAmount::kScale, wholeQuarter, volume.status, localize,
                               volumeTarget ? KpiAmount::parse(volumeTarget->value).value_or(KpiAmount()).format(Currency::USD) : QString());
    cards << volume;

    // The roadmap's budgets are fixed monthly costs; AZUL charges ~2.5 % per transaction instead
    // (budget 0), so its fees are shown beside the budget line, not against it.
    KpiAmount spend, budget, azulFees;
    for (const SpendRow &r : data.spend) {
        if (r.provider == QLatin1String("azul"))
            azulFees += r.feesUsd;
        spend += r.fixedUsd + (r.provider == QLatin1String("azul") ? KpiAmount() : r.feesUsd);
        if (r.hasBudget)
            budget += r.budgetUsd;
    }
    const auto used = ratio(spend, budget);
    cards << CardContent{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Provider spend")), spend.format(Currency::USD),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Budget")) + QStringLiteral(" ") + budget.format(Currency::USD) + QStringLiteral(" · ")
                             + pct(used) + QStringLiteral(" ") + localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "of budget")),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "AZUL fees %1")).arg(azulFees.format(Currency::USD)),
                         used && *used >= 0.8 ? -1 : (used ? 1 : 0), {}};

    // Early Bird free months are not MRR yet (docs/kpi.md §3): the amount is the New MRR the cohort will
    // book when those months end, so it is labelled as future New MRR, never as "+ MRR" beside
    // an MRR of zero. The tooltip gives the calendar month by month.
    int ebDealers = 0;
    NativeAmounts ebMrr;
    QStringList calendar;
    for (const EarlyBirdMonth &m : data.earlyBird) {
        ebDealers += m.dealers;
        ebMrr += m.newMrr;
        calendar << QStringLiteral("%1: %2 · +%3").arg(QLocale().toString(m.month, QStringLiteral("MMM yyyy")),
                                                       localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "%1 dealers")).arg(m.dealers),
                                                       toReporting(m.newMrr, currency, s.rateEnd).format(currency));
    }
    cards << CardContent{{}, localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Early Bird enrolled")), QLocale().toString(data.earlyBirdEnrolled),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "%1 still in their free months")).arg(ebDealers),
                         localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "New MRR when free months end: %1")).arg(toReporting(ebMrr, currency, s.rateEnd).format(currency, true)),
                         0, calendar.isEmpty() ? QString() : localize(QT_TRANSLATE_NOOP("okla::ui::kpi::KpiText", "Free months ending (New MRR ahead)")) + u'\n' + calendar.join(u'\n')};
    return cards;
}

} // namespace okla::ui::kpi
