#include "sandbox/seed/seeder.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>

#include "sandbox/seed/bulkloader.h"
#include "sandbox/seed/seedcontextloader.h"
#include "sandbox/seed/seedgenerator.h"
#include "services/database/pgconnection.h"

static void initSeedResources() { Q_INIT_RESOURCE(seed); }

Q_LOGGING_CATEGORY(lcSeed, "okla.sandbox.seed")

namespace okla::sandbox {

using models::makeError;
using models::Result;
using models::Status;

namespace {

/// A small bounded hand-over queue between the generator thread and a loader.
template<typename T>
class Channel
{
public:
    explicit Channel(size_t capacity) : m_capacity(capacity) {}
    bool push(T value)
    {
        std::unique_lock lock(m_mutex);
        m_cond.wait(lock, [&] { return m_items.size() < m_capacity || m_closed; });
        if (m_closed)
            return false;
        m_items.push_back(std::move(value));
        m_cond.notify_all();
        return true;
    }
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_cond.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty())
            return std::nullopt;
        T value = std::move(m_items.front());
        m_items.pop_front();
        m_cond.notify_all();
        return value;
    }
    /// No more items; pending ones are still delivered. `drop` discards them (on failure).
    void close(bool drop = false)
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        if (drop)
            m_items.clear();
        m_cond.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::deque<T> m_items;
    size_t m_capacity;
    bool m_closed = false;
};

QStringList tablesOf(bool sim)
{
    QStringList out;
    for (int t = 0; t < kSeedTableCount; ++t)
        if (isSimTable(SeedTable(t)) == sim)
            out << QString::fromLatin1(seedTableInfo(SeedTable(t)).name);
    return out;
}

// The refunds were loaded with their triggers off, so their audit rows are written here, chained
// like any other (audit_append_as, the owner's own entry point; docs/security.md §5): the request
// by its requester when it was made and, above the limit, the approval by its approver.
const QString kRefundAuditSql = QStringLiteral(R"sql(
DO $seed$
DECLARE
    r refunds;
BEGIN
    FOR r IN SELECT * FROM refunds ORDER BY created_at, id LOOP
        PERFORM audit_append_as((SELECT role_name FROM staff WHERE id = r.requested_by), r.created_at, 'refunds.insert',
                                'refunds', r.id::text, 'ok', NULL, NULL, to_jsonb(r));
        IF r.approved_by IS NOT NULL THEN
            PERFORM audit_append_as((SELECT role_name FROM staff WHERE id = r.approved_by), r.decided_at, 'refunds.update',
                                    'refunds', r.id::text, 'ok', NULL,
                                    jsonb_build_object('id', r.id, 'state', 'awaiting_approval'),
                                    jsonb_build_object('id', r.id, 'state', 'approved', 'approved_by', r.approved_by,
                                                       'decided_at', r.decided_at));
        END IF;
    END LOOP;
END
$seed$;)sql");

QString finishingSql(const SeedGenerator &generator)
{
    QStringList sql;
    for (const char *table : {"dealers", "payment_methods", "subscriptions", "subscription_changes", "invoices", "charges",
                              "payments"}) {
        sql << QStringLiteral("SELECT setval(pg_get_serial_sequence('public.%1', 'id'), "
                              "coalesce((SELECT max(id) FROM public.%1), 1), (SELECT max(id) FROM public.%1) IS NOT NULL);")
                   .arg(QLatin1String(table));
    }
    const auto next = generator.ncfNext();
    const char *types[] = {"B01", "B02", "B04"};
    for (int i = 0; i < 3; ++i)
        sql << QStringLiteral("UPDATE ncf_sequences SET next_value = %1 WHERE ncf_type = '%2';")
                   .arg(next[size_t(i)])
                   .arg(QLatin1String(types[i]));
    // The rest of the subscriptions' schedule (next charge, dunning) follows from the loaded periods
    // and charges, exactly as migration 14 derived it for existing databases.
    sql << QStringLiteral("SELECT okla_subscription_schedule_backfill();");
    sql << kRefundAuditSql;
    return sql.join(u'\n');
}

Status validate(const SeedOptions &o)
{
    if (o.dealers < 0 || o.dealers > 5000000)
        return makeError(QStringLiteral("seed.options"),
                         QCoreApplication::translate("okla", "--dealers must be between 0 and 5,000,000."));
    if (o.months < 1 || o.months > 240)
        return makeError(QStringLiteral("seed.options"), QCoreApplication::translate("okla", "--months must be between 1 and 240."));
    if (!o.lastMonth.isValid() || o.lastMonth.day() != 1)
        return makeError(QStringLiteral("seed.options"),
                         QCoreApplication::translate("okla", "The last month of history must be the first day of a month."));
    return {};
}

} // namespace

qint64 SeedReport::rowsOf(const QString &table) const
{
    for (const auto &[name, count] : rows)
        if (name == table)
            return count;
    return 0;
}

Status seedDatabase(services::PgConnection &owner, const SeedOptions &options,
                    const std::function<void(const QString &)> &progress)
{
    auto report = seedDatabaseWithReport(owner, options, progress);
    if (!report)
        return report.error();
    return {};
}

Result<SeedReport> seedDatabaseWithReport(services::PgConnection &owner, const SeedOptions &options,
                                          const std::function<void(const QString &)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    auto say = [&](const QString &line) {
        const QString text = QStringLiteral("[%1 s] %2").arg(double(timer.elapsed()) / 1000.0, 6, 'f', 1).arg(line);
        qCInfo(lcSeed).noquote() << text;
        if (progress)
            progress(text);
    };
    if (auto ok = validate(options); !ok)
        return ok.error();
    auto context = loadSeedContext(owner);
    if (!context)
        return context.error();

    std::optional<services::PgConnection> sim;
    if (!options.simConninfo.isEmpty()) {
        auto opened = services::PgConnection::open(options.simConninfo);
        if (!opened)
            return opened.error();
        sim.emplace(std::move(opened).value());
        initSeedResources();
        QFile schema(QStringLiteral(":/okla/seed/sim_schema.sql"));
        if (!schema.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("seed.sim.schema"),
                             QCoreApplication::translate("okla", "The simulators' schema is missing from this build."));
        if (auto ok = sim->execScript(QString::fromUtf8(schema.readAll())); !ok)
            return ok.error();
    }

    BulkLoader loader(owner);
    // provider_requests, dealer_notes and service_requests point at seeded rows: emptied too.
    if (auto ok = loader.begin(tablesOf(false), {QStringLiteral("public.provider_requests"), QStringLiteral("public.dealer_notes"),
                                                 QStringLiteral("public.service_requests")});
        !ok)
        return ok.error();
    std::optional<BulkLoader> simLoader;
    if (sim) {
        simLoader.emplace(*sim);
        if (auto ok = simLoader->begin(tablesOf(true)); !ok) {
            loader.rollback();
            return ok.error();
        }
    }
    say(QStringLiteral("seeding %1 dealers x %2 months (seed %3)%4")
            .arg(options.dealers)
            .arg(options.months)
            .arg(options.seed)
            .arg(sim ? QStringLiteral(", mirroring provider objects into the simulators") : QString()));

    SeedGenerator generator(options, *context, sim.has_value());
    Channel<SeedBatch> toOkla(2);
    Channel<SeedBatch> toSim(2);
    std::array<qint64, kSeedTableCount> counts{};
    Status simStatus;
    // Generation runs on its own thread while this one streams COPY data to the server, so the
    // two cores work at once (one PostgreSQL backend cannot be shared by two transactions).
    std::thread producer([&] {
        generator.run([&](SeedBatch &&batch) { return toOkla.push(std::move(batch)); });
        toOkla.close();
    });
    std::thread simWriter;
    std::atomic<bool> aborted = false;
    QStringList simLines; // said from this thread after the join (progress is not thread-safe)
    if (sim) {
        simWriter = std::thread([&] {
            while (auto batch = toSim.pop()) {
                for (int t = kFirstSimTable; t < kSeedTableCount && simStatus; ++t) {
                    const auto &info = seedTableInfo(SeedTable(t));
                    simStatus = simLoader->copy(info.name, info.columns, (*batch)[SeedTable(t)].data());
                }
                if (!simStatus) {
                    toSim.close(true);
                    return;
                }
            }
            // The simulators' indexes are rebuilt by their own backend while the okla ones are.
            if (!aborted)
                simStatus = simLoader->rebuild([&](const QString &line) { simLines << QStringLiteral("okla_sim: ") + line; });
        });
    }
    Status status;
    bool simFailed = false;
    while (auto batch = toOkla.pop()) {
        qint64 rows = 0;
        for (int t = 0; t < kFirstSimTable && status; ++t) {
            const auto &info = seedTableInfo(SeedTable(t));
            const CopyBuffer &buffer = (*batch)[SeedTable(t)];
            counts[size_t(t)] += buffer.rows();
            rows += buffer.rows();
            status = loader.copy(info.name, info.columns, buffer.data());
        }
        for (int t = kFirstSimTable; t < kSeedTableCount; ++t)
            counts[size_t(t)] += (*batch)[SeedTable(t)].rows();
        if (!status)
            break;
        const QString phase = batch->phase;
        if (sim && !toSim.push(std::move(*batch))) {
            simFailed = true; // the simulators' writer stopped on an error (read after the join)
            break;
        }
        say(QStringLiteral("%1: %2 rows").arg(phase).arg(rows));
    }
    toOkla.close(true);
    producer.join();
    if (!status)
        aborted = true;
    toSim.close(!status);
    auto joinSim = [&] {
        if (simWriter.joinable())
            simWriter.join();
        for (const QString &line : std::as_const(simLines))
            say(line);
        simLines.clear();
    };
    if (!status || simFailed) {
        aborted = true;
        toSim.close(true);
        joinSim();
        loader.rollback();
        if (simLoader)
            simLoader->rollback();
        return status ? simStatus.error() : status.error();
    }

    say(QStringLiteral("rebuilding indexes and keys"));
    Status committed = loader.commit(finishingSql(generator), say);
    joinSim();
    if (!committed || !simStatus) {
        if (simLoader)
            simLoader->rollback();
        if (!committed)
            return committed.error();
        return makeError(QStringLiteral("seed.sim"),
                         QCoreApplication::translate("okla", "The dealers were seeded, but mirroring their provider ids "
                                                             "into the simulators failed; run the seed again."),
                         simStatus.error().toString());
    }
    if (simLoader) {
        if (auto ok = simLoader->commit({}, say); !ok)
            return ok.error();
    }
    say(QStringLiteral("analyzing"));
    const QStringList okTables = tablesOf(false);
    if (auto ok = owner.execScript(QStringLiteral("ANALYZE %1").arg(okTables.join(QStringLiteral(", ")))); !ok)
        return ok.error();
    if (sim) {
        if (auto ok = sim->execScript(QStringLiteral("ANALYZE %1").arg(tablesOf(true).join(QStringLiteral(", ")))); !ok)
            return ok.error();
    }

    SeedReport report;
    for (int t = 0; t < kSeedTableCount; ++t) {
        if (isSimTable(SeedTable(t)) && !sim)
            continue;
        report.rows.append({QString::fromLatin1(seedTableInfo(SeedTable(t)).name), counts[size_t(t)]});
        report.totalRows += counts[size_t(t)];
        if (isSimTable(SeedTable(t)))
            report.simRows += counts[size_t(t)];
    }
    report.elapsedMs = timer.elapsed();
    say(QStringLiteral("done: %1 rows in %2 s (%3 rows/s)")
            .arg(report.totalRows)
            .arg(double(report.elapsedMs) / 1000.0, 0, 'f', 1)
            .arg(report.elapsedMs > 0 ? report.totalRows * 1000 / report.elapsedMs : 0));
    return report;
}

} // namespace okla::sandbox
