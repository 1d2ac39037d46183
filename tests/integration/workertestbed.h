#pragma once
// Real okla-worker processes against the executor fixture's throwaway database and simulators: a
// "worker" profile pointing at them, the in-process executors beside it, AZUL subscriptions due on
// a day (each with its own DataVault token at the simulator) and billing runs asked for as finance
// does. Header-only, for the worker tests and the throughput bench.

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "integration/executorfixture.h"
#include "integration/workerprocess.h"

namespace okla::tests {

class WorkerTestbed
{
public:
    /// Empty string = ready; else why not. Earlier subscriptions of the fixture are taken off the schedule.
    QString start()
    {
        if (QString error = m_fx.start(); !error.isEmpty())
            return error;
        m_stack = std::make_unique<ExecutorStack>(m_fx.env(), ExecutorStack::Timeouts{});
        if (!m_stack->error.isEmpty())
            return m_stack->error;
        if (!m_profiles.isValid())
            return QStringLiteral("no temporary folder");
        writeProfile();
        return {};
    }

    ExecutorFixture &fx() { return m_fx; }
    ExecutorStack &stack() { return *m_stack; }

    /// `count` AZUL subscriptions in good standing due on `day`; false when the simulator made no token.
    bool addDueSubscriptions(QDate day, int count)
    {
        QList<QFuture<services::azul::AzulOutcome>> tokens;
        for (int i = 0; i < count; ++i)
            tokens.append(m_stack->azul->dataVaultCreate(QStringLiteral("5424180279791732"), QStringLiteral("202812"),
                                                         QStringLiteral("732")));
        for (auto &future : tokens) {
            const QString token = await(future).result.dataVaultToken;
            if (token.isEmpty())
                return false;
            const int n = ++m_serial;
            const qint64 dealer = m_fx.number(
                QStringLiteral("INSERT INTO dealers (legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city,"
                               " province, email) VALUES ($1, $2, 'rnc', 'independent', 'verified', 'Santo Domingo',"
                               " 'Distrito Nacional', 'lote@autos.do') RETURNING id"),
                {QStringLiteral("Lote %1 SRL").arg(n), QString::number(300000000 + n)});
            m_fx.number(QStringLiteral("INSERT INTO payment_methods (dealer_id, provider, token, card_brand, card_last4, exp_month,"
                                       " exp_year, is_default) VALUES ($1, 'azul', $2, 'Mastercard', '1732', 12, 2028, true)"
                                       " RETURNING id"),
                        {dealer, token});
            m_fx.number(QStringLiteral("INSERT INTO subscriptions (dealer_id, provider, currency, plan_version_id, billing_cycle,"
                                       " status, current_period_start, current_period_end, started_at, billing_anchor,"
                                       " next_charge_on)"
                                       " SELECT $1, 'azul', 'DOP', id, 'monthly', 'active', $2::date - interval '1 month', $2,"
                                       " $2::date - interval '1 month', $2::date - interval '1 month', $2"
                                       " FROM plan_versions WHERE plan_key = 'pro' AND currency = 'DOP'"
                                       " ORDER BY version DESC LIMIT 1 RETURNING id"),
                        {dealer, day.toString(Qt::ISODate)});
        }
        return true;
    }

    /// `count` okla-worker processes at `concurrency`, each listening; empty when one did not start.
    std::vector<std::unique_ptr<WorkerProcess>> startWorkers(int count, int concurrency)
    {
        std::vector<std::unique_ptr<WorkerProcess>> workers;
        for (int w = 0; w < count; ++w) {
            workers.push_back(std::make_unique<WorkerProcess>(
                m_profiles.path(), QStringList{QStringLiteral("--http-port"), QStringLiteral("0"), QStringLiteral("--concurrency"),
                                               QString::number(concurrency), QStringLiteral("--credentials-dir"),
                                               m_fx.env().credentialsDir}));
            if (workers.back()->waitForPort() == 0) {
                qWarning("okla-worker did not start: %s", workers.back()->log().constData());
                return {};
            }
        }
        return workers;
    }

    /// A billing run of `day` asked for by ana (finance); its request id (0 when refused).
    qint64 askForRun(QDate day)
    {
        services::PgConnection ana = m_fx.as(QStringLiteral("ana"));
        auto asked = ana.exec(QStringLiteral("SELECT okla_request_work('billing_run', $1::jsonb, gen_random_uuid())"),
                              {QStringLiteral("{\"date\": \"%1\"}").arg(day.toString(Qt::ISODate))});
        return asked ? asked->toInt64(0, 0) : 0;
    }

    /// Waits for request `id` to finish; its state ("" on timeout).
    QString waitForRequest(qint64 id, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            const QString state = m_fx.text(QStringLiteral("SELECT state FROM worker_requests WHERE id = $1"), {id});
            if (state == QLatin1String("succeeded") || state == QLatin1String("failed"))
                return state;
            QTest::qWait(20);
        }
        return {};
    }

private:
    void writeProfile()
    {
        const ExecutorEnv env = m_fx.env();
        const QString path = m_profiles.filePath(QStringLiteral("worker.ini"));
        QFile::copy(services::ConnectionProfile::pathFor(QStringLiteral("test")), path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QSettings ini(path, QSettings::IniFormat);
        ini.setValue(QStringLiteral("postgres/database"), env.database);
        ini.setValue(QStringLiteral("postgres/default_user"), QStringLiteral("ana"));
        ini.setValue(QStringLiteral("worker/login"), env.workerLogin);
        ini.setValue(QStringLiteral("azul/url"), env.azulUrl);
        ini.setValue(QStringLiteral("azul/alternate_url"), QString());
        ini.setValue(QStringLiteral("azul/ca_file"), env.caFile);
        ini.setValue(QStringLiteral("stripe/url"), env.stripeUrl);
        ini.sync();
        m_fx.text(QStringLiteral("UPDATE subscriptions SET status = 'expired', next_charge_on = NULL"));
    }

    ExecutorFixture m_fx;
    std::unique_ptr<ExecutorStack> m_stack;
    QTemporaryDir m_profiles;
    int m_serial = 0;
};

} // namespace okla::tests
