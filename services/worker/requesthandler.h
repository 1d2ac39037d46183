#pragma once

#include <atomic>
#include <functional>
#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "models/result.h"

namespace okla::services {

class CredentialStore;
class InFlightRequests;
class JobControl;
class PgConnection;

/// One claimed row of worker_requests (docs/domain.md §22): what was asked, by whom.
struct WorkerRequest
{
    qint64 id = 0;
    QString kind;
    QJsonObject params;
    std::optional<qint64> requestedBy; ///< the staff id; empty for the worker's own schedule
};

/// What a handler gets: the request, its executor's own connection, the job's cancel flag, the
/// credentials folder (the only place a provider secret may come from, docs/worker.md §4) and the
/// set of requests this process runs (a handler that runs other requests itself adds them, §18).
struct RequestContext
{
    const WorkerRequest &request;
    PgConnection &db;
    const JobControl &control;
    const CredentialStore &credentials;
    QString instanceId;
    InFlightRequests *inFlight = nullptr;
    const std::atomic<bool> *stopping = nullptr; ///< set when the daemon stops claiming (SIGTERM)
};

/// The error a handler returns when it gave up because the daemon is stopping: the request is
/// not settled but given back to the queue, for this or another worker to run again (§5).
inline constexpr const char *kHandlerInterrupted = "worker.interrupted";

/// Carries out one kind of request. Its JSON object becomes `result`; its error (message only,
/// masked) becomes `error` (docs/worker.md §5).
using RequestHandler = std::function<models::Result<QJsonObject>(RequestContext &)>;

/// How a handler's writes and the request's settlement commit (docs/worker.md §5).
enum class HandlerAtomicity {
    /// The handler runs inside the transaction that also marks the request succeeded: a crash
    /// before COMMIT leaves nothing, and the request runs again from the start.
    OneTransaction,
    /// The handler commits its own steps (provider calls with idempotency keys); the request is
    /// settled after it returns.
    OwnTransactions,
};

/// kind -> handler. Filled before the daemon starts and only read afterwards, so every executor
/// thread may look handlers up without a lock.
class RequestHandlerRegistry
{
public:
    struct Entry
    {
        RequestHandler handler;
        HandlerAtomicity atomicity = HandlerAtomicity::OneTransaction;
    };

    /// Adds or replaces the handler of `kind`.
    void registerHandler(const QString &kind, RequestHandler handler,
                         HandlerAtomicity atomicity = HandlerAtomicity::OneTransaction)
    {
        m_entries.insert(kind, Entry{std::move(handler), atomicity});
    }
    /// Credentials (CredentialStore names) a handler cannot work without: the worker refuses to
    /// start when one is missing or open to others (docs/worker.md §4).
    void requireCredentials(const QStringList &names)
    {
        for (const QString &name : names)
            if (!m_requiredCredentials.contains(name))
                m_requiredCredentials.append(name);
    }
    const QStringList &requiredCredentials() const { return m_requiredCredentials; }

    const Entry *find(const QString &kind) const
    {
        auto it = m_entries.constFind(kind);
        return it == m_entries.constEnd() ? nullptr : &it.value();
    }
    QStringList kinds() const
    {
        QStringList names = m_entries.keys();
        names.sort();
        return names;
    }

private:
    QHash<QString, Entry> m_entries;
    QStringList m_requiredCredentials;
};

/// The handlers that need no provider (today: cancel_at_period_end), registered on `registry`.
void registerBuiltInHandlers(RequestHandlerRegistry &registry);
/// billing_run (renewal and dunning through the charge executor) for the worker started on
/// `profileName` (empty: the active profile); the providers' secrets are read per run.
void registerBillingHandlers(RequestHandlerRegistry &registry, const QString &profileName);

} // namespace okla::services
