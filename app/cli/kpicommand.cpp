// `okla kpi`, `okla kpi rebuild`, `okla kpi refresh`: the managers' KPIs (docs/kpi.md) from the snapshots.
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/clicommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/schemaguard.h"
#include "models/kpi/kpicalculator.h"
#include "models/kpi/kpijson.h"
#include "services/kpi/kpirepository.h"
#include "services/kpi/kpisnapshotbuilder.h"
#include "models/oklatr.h"

namespace okla::cli {

using namespace models::kpi;

namespace {

int fail(CliContext &context, bool json, const models::Error &error)
{
    if (json) {
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("code"), error.code},
                                                 {QStringLiteral("message"), error.message}})
                           .toJson(QJsonDocument::Compact) << '\n';
    }
    context.err << "okla kpi: " << error.toString() << '\n';
    return 1;
}

// The options were checked by CliOptions (strict dates and months); what remains is their order.
std::optional<KpiPeriod> parsePeriod(const CliOptions &o, QDate today, QString &problem)
{
    if (const auto month = o.month(QStringLiteral("--month"))) {
        if (o.isSet(QStringLiteral("--from")) || o.isSet(QStringLiteral("--to"))) {
            problem = Tr::tr("Give either --month or --from and --to, not both.");
            return std::nullopt;
        }
        return KpiPeriod::month(month->year(), month->month());
    }
    if (o.isSet(QStringLiteral("--from")) || o.isSet(QStringLiteral("--to"))) {
        const auto from = o.date(QStringLiteral("--from"));
        const auto to = o.date(QStringLiteral("--to"));
        if (!from || !to || *from > *to) {
            problem = Tr::tr("--from and --to take two dates YYYY-MM-DD, the first not after the second");
            return std::nullopt;
        }
        // Whole calendar quarters and years are reported as such (churn = mean of their months).
        KpiPeriod p = KpiPeriod::custom(*from, *to);
        for (auto kind : {KpiPeriod::Kind::Month, KpiPeriod::Kind::Quarter, KpiPeriod::Kind::Year}) {
            const KpiPeriod candidate = KpiPeriod::containing(kind, *from);
            if (candidate.from == *from && candidate.to == *to)
                p = candidate;
        }
        return p;
    }
    return KpiPeriod::month(today.year(), today.month());
}

int build(CliContext &context, bool full)
{
    CliOptions o(full ? QStringLiteral("kpi rebuild") : QStringLiteral("kpi refresh"),
                 QStringLiteral("[--as-of YYYY-MM-DD] [--profile NAME] [--user ROLE] [--json]"));
    o.dateOption(QStringLiteral("--as-of")).profileOption().userOption().flag(QStringLiteral("--json"));
    if (!o.parse(context))
        return 2;
    const bool json = o.isSet(QStringLiteral("--json"));
    // Snapshots are written by the owner or the worker role.
    SchemaGuard guard = SchemaGuard::open(context, o.profile(), o.user(QStringLiteral("okla_owner")));
    if (guard.exitCode != 0)
        return guard.exitCode;
    const std::optional<QDate> asOf = o.date(QStringLiteral("--as-of"));
    auto progress = [&](const QString &line) {
        if (!json)
            context.err << line << '\n';
    };
    auto report = full ? services::KpiSnapshotBuilder::rebuild(guard.connection, asOf, progress)
                       : services::KpiSnapshotBuilder::refresh(guard.connection, asOf, progress);
    if (!report)
        return fail(context, json, report.error());
    if (json) {
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                 {QStringLiteral("full"), report->full},
                                                 {QStringLiteral("as_of"), report->asOf.toString(Qt::ISODate)},
                                                 {QStringLiteral("dealers"), report->dealersInScope},
                                                 {QStringLiteral("change_rows"), report->changeRows},
                                                 {QStringLiteral("month_rows"), report->monthRows},
                                                 {QStringLiteral("aggregated_from"), report->aggregatedFrom.toString(Qt::ISODate)},
                                                 {QStringLiteral("elapsed_ms"), report->elapsedMs}})
                           .toJson(QJsonDocument::Compact) << '\n';
    } else {
        context.out << Tr::tr("KPI snapshots %1 as of %2: %3 dealers, %4 change rows, %5 ms")
                           .arg(report->full ? Tr::tr("rebuilt") : Tr::tr("refreshed"), report->asOf.toString(Qt::ISODate))
                           .arg(report->dealersInScope).arg(report->changeRows).arg(report->elapsedMs) << '\n';
    }
    return 0;
}

int show(CliContext &context)
{
    CliOptions o(QStringLiteral("kpi"), QStringLiteral("[--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD] "
                                                       "[--currency DOP|USD] [--profile NAME] [--user ROLE] [--json]"));
    o.monthOption(QStringLiteral("--month")).dateOption(QStringLiteral("--from")).dateOption(QStringLiteral("--to"))
        .choiceOption(QStringLiteral("--currency"), {QStringLiteral("DOP"), QStringLiteral("USD")})
        .profileOption().userOption().flag(QStringLiteral("--json"));
    if (!o.parse(context))
        return 2;
    const bool json = o.isSet(QStringLiteral("--json"));
    const auto currency = models::currencyFromIsoCode(o.choice(QStringLiteral("--currency"), QStringLiteral("DOP")));
    if (!currency)
        return o.refuse(context, Tr::tr("--currency takes DOP or USD"));
    // The period is checked before connecting: a bad range never costs a connection.
    QString problem;
    if (!parsePeriod(o, QDate::currentDate(), problem))
        return o.refuse(context, problem);
    SchemaGuard guard = SchemaGuard::open(context, o.profile(), o.user());
    if (guard.exitCode != 0)
        return guard.exitCode;
    auto today = services::KpiRepository::asOf(guard.connection);
    if (!today)
        return fail(context, json, today.error());
    const auto period = parsePeriod(o, *today, problem);
    if (!period)
        return o.refuse(context, problem);
    auto data = services::KpiRepository::load(guard.connection, *period);
    if (!data)
        return fail(context, json, data.error());
    const QJsonObject all = kpiJson(*data, *currency);
    if (json) {
        context.out << QJsonDocument(all).toJson(QJsonDocument::Indented);
        return 0;
    }
    const KpiSummary s = KpiCalculator::summarize(*data, data->current, *currency);
    context.out << period->label() << " (" << isoCode(*currency) << ")\n"
                << "  MRR: " << s.mrrEnd.format(*currency) << "  (" << Tr::tr("start") << ' ' << s.mrrStart.format(*currency)
                << ", " << Tr::tr("net new") << ' ' << s.netNew.format(*currency, true) << ", FX "
                << s.fxEffect.format(*currency, true) << ")\n"
                << "  " << Tr::tr("Paying dealers") << ": " << s.payingStart << " -> " << s.payingEnd << '\n'
                << "  " << Tr::tr("Customer churn") << ": " << KpiCalculator::formatPercent(s.customerChurn) << " ("
                << s.churnedDealers << ")\n"
                << "  NRR: " << KpiCalculator::formatPercent(s.nrr) << "  ARPA: "
                << (s.arpa ? s.arpa->format(*currency) : QStringLiteral("—")) << "  LTV: "
                << (s.ltv ? s.ltv->format(*currency) : QStringLiteral("—")) << '\n'
                << Tr::tr("Use --json for every KPI.") << '\n';
    return 0;
}

int rebuild(CliContext &context) { return build(context, true); }
int refresh(CliContext &context) { return build(context, false); }

} // namespace

OKLA_CLI_COMMAND("kpi", "Print the managers' KPIs for a month or a range (--json: all of them)", show);
OKLA_CLI_COMMAND("kpi rebuild", "Recompute every KPI snapshot from the billing history", rebuild);
OKLA_CLI_COMMAND("kpi refresh", "Bring the KPI snapshots up to date since the last run", refresh);

} // namespace okla::cli
