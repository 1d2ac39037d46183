#include "services/session/passwordvault.h"

#include <memory>

#include <QLoggingCategory>
#include <QPromise>
#include <QSettings>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcVault, "okla.services.keychain")

namespace okla::services {

using models::Error;
using models::makeError;
using models::Result;
using models::Status;

namespace {
constexpr auto ProbeAccount = "okla-keyring-probe";

Error unavailable(const QKeychain::Job *job)
{
    // The error string names the backend problem (no bus, locked...), never the secret.
    return makeError(QStringLiteral("keyring.unavailable"),
                     QCoreApplication::translate("okla", "No keyring is available, so the password cannot be "
                                                         "remembered."),
                     job->errorString());
}

template<typename JobT>
JobT *prepare(const QString &service, const QString &account)
{
    auto *job = new JobT(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never: it would write the secret into a settings file
    job->setKey(account);
    return job;
}
} // namespace

PasswordVault::PasswordVault(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

QFuture<Status> PasswordVault::probe()
{
    return read(QString::fromLatin1(ProbeAccount)).then([](const Result<QString> &result) -> Status {
        if (result.ok() || result.error().code == QLatin1String("keyring.notfound"))
            return {};
        return result.error();
    });
}

QFuture<Result<QString>> PasswordVault::read(const QString &account)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto *job = prepare<QKeychain::ReadPasswordJob>(m_service, account);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (finished->error() == QKeychain::NoError)
            promise->addResult(Result<QString>(readJob->textData()));
        else if (finished->error() == QKeychain::EntryNotFound)
            promise->addResult(Result<QString>(makeError(
                QStringLiteral("keyring.notfound"),
                QCoreApplication::translate("okla", "No password is remembered for this user."))));
        else
            promise->addResult(Result<QString>(unavailable(finished)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Status> PasswordVault::write(const QString &account, const QString &password)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = prepare<QKeychain::WritePasswordJob>(m_service, account);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            promise->addResult(Status());
        } else {
            qCWarning(lcVault) << "keyring write failed:" << finished->errorString();
            promise->addResult(Status(unavailable(finished)));
        }
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Status> PasswordVault::remove(const QString &account)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = prepare<QKeychain::DeletePasswordJob>(m_service, account);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        const bool gone = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        promise->addResult(gone ? Status() : Status(unavailable(finished)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

Status PasswordVault::checkNoInsecureLeftovers(const QSettings &settings)
{
    for (const QString &key : settings.allKeys()) {
        if (key == QLatin1String("data") || key.endsWith(QLatin1String("/data"))) {
            return makeError(QStringLiteral("keyring.insecure_leftover"),
                             QCoreApplication::translate("okla", "The settings file %1 holds a stored secret (%2), "
                                                                 "which OKLA Admin never writes; remove that entry "
                                                                 "and start again.")
                                 .arg(settings.fileName(), key));
        }
    }
    return {};
}

} // namespace okla::services
