#include "services/kpi/kpisnapshotbuilder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>

#include "services/database/pgconnection.h"

Q_LOGGING_CATEGORY(lcKpiBuild, "okla.services.kpi.build", QtWarningMsg)

static void initKpiResources()
{
    // The SQL travels in a Qt resource of a static library: referenced here so the linker keeps it.
    Q_INIT_RESOURCE(kpi);
}

namespace okla::services {

using models::Result;
using models::Status;

namespace {

Result<QString> sqlFile(const QString &name)
{
    initKpiResources();
    QFile file(QStringLiteral(":/okla/kpi/sql/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        return models::makeError(QStringLiteral("kpi.sql.missing"),
                                 QCoreApplication::translate("okla", "The KPI computation is missing from this build."),
                                 name);
    }
    return QString::fromUtf8(file.readAll());
}

/// The script with each `(SELECT <day> FROM kpi_params)` replaced by that day as a literal. A
/// sub-select is a parameter the planner cannot see: it guessed a third of the table for
/// `month >= agg_from` and scanned a million month-end rows to touch one month's. The scripts
/// change agg_from only as their last statement, so the values read before each one hold for it.
Result<QString> withParams(PgConnection &c, QString sql)
{
    if (!sql.contains(QLatin1String("FROM kpi_params)")))
        return sql;
    static const QStringList days{QStringLiteral("asof"), QStringLiteral("agg_from"), QStringLiteral("pay_from"),
                                  QStringLiteral("dun_from")};
    auto params = c.exec(QStringLiteral("SELECT %1 FROM kpi_params").arg(days.join(QLatin1String(", "))));
    if (!params)
        return params.error();
    for (int i = 0; i < days.size(); ++i) {
        const QDate day = QDate::fromString(params->text(0, i), Qt::ISODate);
        if (!day.isValid())
            return models::makeError(QStringLiteral("kpi.params"),
                                     QCoreApplication::translate("okla", "The KPI computation got an invalid date."),
                                     days[i] + u'=' + params->text(0, i));
        sql.replace(QStringLiteral("(SELECT %1 FROM kpi_params)").arg(days[i]),
                    QStringLiteral("date '%1'").arg(day.toString(Qt::ISODate)));
    }
    return sql;
}

/// Runs the named scripts in order, reporting each one.
Status runScripts(PgConnection &c, const QStringList &names, const KpiSnapshotBuilder::Progress &progress)
{
    for (const QString &name : names) {
        QElapsedTimer timer;
        timer.start();
        auto file = sqlFile(name);
        if (!file)
            return file.error();
        auto sql = withParams(c, *file);
        if (!sql)
            return sql.error();
        if (auto st = c.execScript(*sql); !st)
            return st;
        qCDebug(lcKpiBuild) << name << timer.elapsed() << "ms";
        if (progress)
            progress(QCoreApplication::translate("okla", "%1 done in %2 ms").arg(name).arg(timer.elapsed()));
    }
    return {};
}

Result<QDate> resolveAsOf(PgConnection &c, std::optional<QDate> asOf)
{
    if (asOf)
        return *asOf;
    auto r = c.exec(QStringLiteral("SELECT (now() AT TIME ZONE 'America/Santo_Domingo')::date"));
    if (!r)
        return r.error();
    return QDate::fromString(r->text(0, 0), Qt::ISODate);
}

Status begin(PgConnection &c)
{
    return c.execScript(QStringLiteral("BEGIN; SET LOCAL work_mem = '128MB'; SET LOCAL jit = off; "
                                       "SELECT pg_advisory_xact_lock(hashtext('okla.kpi.snapshots'));"));
}

Result<KpiBuildReport> finish(PgConnection &c, KpiBuildReport report, QElapsedTimer &timer)
{
    auto counts = c.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM kpi_scope), (SELECT count(*) FROM kpi_new_changes), "
        "(SELECT count(*) FROM dealer_mrr_monthly WHERE dealer_id IN (SELECT dealer_id FROM kpi_scope)), "
        "(SELECT agg_from FROM kpi_params)"));
    if (!counts)
        return counts.error();
    report.dealersInScope = counts->toInt64(0, 0);
    report.changeRows = counts->toInt64(0, 1);
    report.monthRows = counts->toInt64(0, 2);
    report.aggregatedFrom = QDate::fromString(counts->text(0, 3), Qt::ISODate);
    // Overlap of five minutes: rows committed late with an earlier created_at are picked up next time.
    auto st = c.exec(QStringLiteral(
        "INSERT INTO kpi_state (key, value) VALUES ('asof', $1), ('watermark', (now() - interval '5 minutes')::text), "
        "('last_run', $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()"),
        {report.asOf.toString(Qt::ISODate), report.full ? QStringLiteral("rebuild") : QStringLiteral("refresh")});
    if (!st)
        return st.error();
    if (auto commit = c.execScript(QStringLiteral("COMMIT")); !commit)
        return commit.error();
    report.elapsedMs = timer.elapsed();
    qCInfo(lcKpiBuild) << (report.full ? "rebuild" : "refresh") << report.dealersInScope << "dealers"
                       << report.changeRows << "changes" << report.elapsedMs << "ms";
    return report;
}

Result<KpiBuildReport> failed(PgConnection &c, const models::Error &error)
{
    c.rollbackAfterError();
    return error;
}

} // namespace

Result<KpiBuildReport> KpiSnapshotBuilder::rebuild(PgConnection &c, std::optional<QDate> asOfIn, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    auto asOf = resolveAsOf(c, asOfIn);
    if (!asOf)
        return asOf.error();
    KpiBuildReport report;
    report.asOf = *asOf;
    report.full = true;
    if (auto st = begin(c); !st)
        return failed(c, st.error());
    auto params = c.exec(QStringLiteral(
        "CREATE TEMP TABLE kpi_params ON COMMIT DROP AS SELECT $1::date AS asof, date '1900-01-01' AS agg_from, "
        "true AS all_dealers, $1::date AS last_asof, date '1900-01-01' AS pay_from, date '1900-01-01' AS dun_from"),
        {asOf->toString(Qt::ISODate)});
    if (!params)
        return failed(c, params.error());
    if (auto st = c.execScript(QStringLiteral(
            "CREATE TEMP TABLE kpi_scope ON COMMIT DROP AS SELECT id AS dealer_id FROM dealers; "
            "TRUNCATE dealer_mrr_changes, dealer_mrr_monthly, kpi_month_mrr, kpi_month_movements, kpi_month_dealers, "
            "kpi_month_retention, kpi_cohort_cells, kpi_payment_daily, kpi_dunning_daily;"));
        !st)
        return failed(c, st.error());
    // As the tables' owner, bulk-load the snapshots without their indexes and build them after:
    // far cheaper than maintaining two b-trees row by row (same names as migration 7).
    auto owner = c.exec(QStringLiteral("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'dealer_mrr_monthly'"));
    const bool bulk = owner && owner->rows() == 1 && owner->text(0, 0) == QLatin1String("t");
    if (bulk) {
        if (auto st = c.execScript(QStringLiteral(
                "DROP INDEX dealer_mrr_monthly_dealer; ALTER TABLE dealer_mrr_monthly DROP CONSTRAINT dealer_mrr_monthly_pkey; "
                "DROP INDEX dealer_mrr_changes_date; ALTER TABLE dealer_mrr_changes DROP CONSTRAINT dealer_mrr_changes_pkey;"));
            !st)
            return failed(c, st.error());
    }
    if (auto st = runScripts(c, {QStringLiteral("changes.sql"), QStringLiteral("apply.sql")}, progress); !st)
        return failed(c, st.error());
    if (bulk) {
        if (auto st = c.execScript(QStringLiteral(
                "ALTER TABLE dealer_mrr_monthly ADD CONSTRAINT dealer_mrr_monthly_pkey PRIMARY KEY (month, dealer_id, currency); "
                "CREATE INDEX dealer_mrr_monthly_dealer ON dealer_mrr_monthly (dealer_id, month); "
                "ALTER TABLE dealer_mrr_changes ADD CONSTRAINT dealer_mrr_changes_pkey PRIMARY KEY (dealer_id, currency, effective_date); "
                "CREATE INDEX dealer_mrr_changes_date ON dealer_mrr_changes (effective_date, kind); "
                "ANALYZE dealer_mrr_monthly, dealer_mrr_changes;"));
            !st)
            return failed(c, st.error());
    }
    // Every month is recomputed: aggregates.sql reads the whole table through the view.
    if (auto st = c.execScript(QStringLiteral("CREATE TEMP VIEW kpi_recent AS SELECT * FROM dealer_mrr_monthly "
                                              "WHERE month >= (SELECT agg_from FROM kpi_params)"));
        !st)
        return failed(c, st.error());
    if (auto st = runScripts(c, {QStringLiteral("aggregates.sql")}, progress); !st)
        return failed(c, st.error());
    if (auto st = c.execScript(QStringLiteral("DROP VIEW kpi_recent")); !st)
        return failed(c, st.error());
    if (auto st = runScripts(c, {QStringLiteral("payments.sql")}, progress); !st)
        return failed(c, st.error());
    return finish(c, report, timer);
}

Result<KpiBuildReport> KpiSnapshotBuilder::refresh(PgConnection &c, std::optional<QDate> asOfIn, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    auto asOf = resolveAsOf(c, asOfIn);
    if (!asOf)
        return asOf.error();
    auto state = c.exec(QStringLiteral("SELECT (SELECT value FROM kpi_state WHERE key = 'asof'), "
                                       "(SELECT value FROM kpi_state WHERE key = 'watermark')"));
    if (!state)
        return state.error();
    if (state->isNull(0, 0) || state->isNull(0, 1))
        return rebuild(c, asOfIn, progress);
    KpiBuildReport report;
    report.asOf = *asOf;
    if (auto st = begin(c); !st)
        return failed(c, st.error());
    const QString lastAsOf = state->text(0, 0);
    const QString watermark = state->text(0, 1);
    auto params = c.exec(QStringLiteral(
        "CREATE TEMP TABLE kpi_params ON COMMIT DROP AS "
        "SELECT $1::date AS asof, date_trunc('month', least($1::date, $2::date))::date AS agg_from, "
        "false AS all_dealers, $2::date AS last_asof, least($1::date, ($3::timestamptz AT TIME ZONE "
        "'America/Santo_Domingo')::date) - 2 AS pay_from, least($1::date, ($3::timestamptz AT TIME ZONE "
        "'America/Santo_Domingo')::date) - 16 AS dun_from"),
        {asOf->toString(Qt::ISODate), lastAsOf, watermark});
    if (!params)
        return failed(c, params.error());
    // Dealers whose MRR may differ: anything recorded since the watermark, and anything dated
    // between the last as-of day and this one (discounts and free months ending, backdated rows).
    auto scope = c.exec(QStringLiteral(
        "CREATE TEMP TABLE kpi_scope ON COMMIT DROP AS "
        "SELECT dealer_id FROM subscription_changes WHERE created_at >= $1::timestamptz "
        "   OR (effective_date > $2::date AND effective_date <= $3::date) "
        "   OR (discount_ends > $2::date AND discount_ends <= $3::date) "
        "UNION SELECT dealer_id FROM charges WHERE started_at >= $1::timestamptz - interval '1 day' "
        "UNION SELECT dealer_id FROM early_bird_enrolments WHERE enrolled_at >= $1::timestamptz "
        "   OR (free_until > $2::date AND free_until <= $3::date) "
        "   OR (discount_ends > $2::date AND discount_ends <= $3::date) "
        "UNION SELECT p.dealer_id FROM refunds r JOIN payments p ON p.id = r.payment_id "
        "   WHERE r.created_at >= $1::timestamptz AND r.reason = 'ley_358_05'"),
        {watermark, lastAsOf, asOf->toString(Qt::ISODate)});
    if (!scope)
        return failed(c, scope.error());
    if (auto st = c.execScript(QStringLiteral("CREATE UNIQUE INDEX ON kpi_scope (dealer_id); ANALYZE kpi_scope;")); !st)
        return failed(c, st.error());
    if (auto st = runScripts(c, {QStringLiteral("changes.sql"), QStringLiteral("apply.sql")}, progress); !st)
        return failed(c, st.error());
    // The month-end rows from agg_from on (a month or two), which aggregates.sql reads five times:
    // agg_from as a value, not a sub-select, so the planner takes the primary key's range.
    auto aggFrom = c.exec(QStringLiteral("SELECT agg_from FROM kpi_params"));
    if (!aggFrom)
        return failed(c, aggFrom.error());
    if (auto st = c.exec(QStringLiteral("CREATE TEMP TABLE kpi_recent ON COMMIT DROP AS "
                                        "SELECT * FROM dealer_mrr_monthly WHERE month >= $1::date"),
                         {aggFrom->text(0, 0)});
        !st)
        return failed(c, st.error());
    if (auto st = c.execScript(QStringLiteral("ANALYZE kpi_recent (dealer_id, month)")); !st)
        return failed(c, st.error());
    if (auto st = runScripts(c, {QStringLiteral("aggregates.sql"), QStringLiteral("payments.sql")}, progress); !st)
        return failed(c, st.error());
    return finish(c, report, timer);
}

} // namespace okla::services
