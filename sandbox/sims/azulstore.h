#pragma once

#include <optional>
#include <utility>

#include <QDateTime>
#include <QList>
#include <QString>

#include "models/result.h"
#include "services/database/pgconnection.h"

namespace okla::sandbox {

/// One row of azul.transactions.
struct AzulTransaction
{
    qint64 azulOrderId = 0;
    QString customOrderId;
    QString trxType;   ///< Sale | Hold | Post | Void | Refund
    QString status;    ///< approved | declined | voided | posted
    qint64 amount = 0;
    qint64 itbis = 0;
    qint64 refundedAmount = 0;
    std::optional<qint64> originalOrderId;
    QString isoCode = QStringLiteral("00");
    QString responseMessage;
    QString errorDescription;
    QString authorizationCode;
    QString rrn;
    QString ticket;
    QString lotNumber;
    QString orderNumber;
    QString store;
    QString cardMasked;
    QString cardBrand;
    QString dataVaultToken;
    QDateTime createdAt;
};

struct AzulToken
{
    QString token;
    QString cardMasked;
    QString cardBrand;
    QString expiration;
    bool hasCvv = false;
    QString cardRule;
    QDateTime createdAt;
    std::optional<QDateTime> expiresAt;
    std::optional<QDateTime> deletedAt;
};

/// SQL for the AZUL simulator's state (schema azul). Used from the simulator's thread only.
class AzulStore
{
public:
    explicit AzulStore(services::PgConnection &db) : m_db(db) {}

    /// Inserts with the next AzulOrderId (above any seeded one) and fills it in.
    models::Status insert(AzulTransaction &t);
    std::optional<AzulTransaction> find(qint64 azulOrderId);
    std::optional<AzulTransaction> latestByCustomOrderId(const QString &customOrderId);
    QList<AzulTransaction> between(const QDateTime &from, const QDateTime &to);
    models::Status setStatus(qint64 azulOrderId, const QString &status);
    models::Status addRefunded(qint64 azulOrderId, qint64 amount);

    models::Status insertToken(const AzulToken &token);
    std::optional<AzulToken> findToken(const QString &token);
    models::Status deleteToken(const QString &token, const QDateTime &when);

    models::Status begin() { return m_db.execScript(QStringLiteral("BEGIN")); }
    models::Status commit() { return m_db.execScript(QStringLiteral("COMMIT")); }
    void rollback() { m_db.rollbackAfterError(); }
    models::Status truncateAll();
    /// True when a lookup since the last call failed in the database (not "not found"); clears it.
    bool takeFailure() { return std::exchange(m_failed, false); }

private:
    services::PgConnection &m_db;
    bool m_failed = false;
};

} // namespace okla::sandbox
