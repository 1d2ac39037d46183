#pragma once

#include <memory>

#include <QHash>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QObject>
#include <QSslCertificate>

#include "models/result.h"
#include "sandbox/sims/azulstore.h"
#include "sandbox/sims/simcontrol.h"
#include "sandbox/sims/simhttpserver.h"
#include "sandbox/sims/simoptions.h"
#include "services/database/pgconnection.h"

namespace okla::sandbox {

/// AZUL's body for ResponseCode "Error" (docs/providers.md §5): used by the HTTP layer and by the operations.
QJsonObject azulError(const QString &description);

/// The AZUL WebServices JSON simulator (docs/providers.md §18): HTTPS with mutual TLS, Auth1/Auth2,
/// ProcessPayment (Sale, Hold, Refund), ProcessPost, ProcessVoid, VerifyPayment, ProcessDatavault
/// and SearchPayments on an injectable clock, with its state in PostgreSQL (schema azul).
/// Lives in one thread: start() and every request run there.
class AzulSimulator : public QObject
{
    Q_OBJECT
public:
    explicit AzulSimulator(SimOptions options, QObject *parent = nullptr);
    ~AzulSimulator() override;

    models::Result<quint16> start(quint16 port);

private:
    using Fields = QHash<QString, QJsonValue>; // keys lower case (AZUL keys are case-insensitive)

    void handle(const SimExchangePtr &exchange);
    void handleControl(const SimExchangePtr &exchange);
    void execute(const SimExchangePtr &exchange, const QString &operation, const Fields &fields,
                 const SimFaultPlan &plan);
    std::optional<QString> checkClientCertificate(const SimRequest &request);

    QJsonObject sale(const QString &trxType, const Fields &f, const SimFaultPlan &plan, int *status);
    QJsonObject post(const Fields &f, int *status);
    QJsonObject voidTransaction(const Fields &f, int *status);
    QJsonObject refund(const Fields &f, int *status);
    QJsonObject verify(const Fields &f, int *status);
    QJsonObject dataVault(const Fields &f, int *status);
    QJsonObject search(const Fields &f, int *status);

    /// A Post, Void or Refund of @p original: approved, new codes, at @p now.
    AzulTransaction followUp(const AzulTransaction &original, const QString &trxType, const QString &customOrderId,
                             const QDateTime &now) const;
    /// Stores @p t (which gets its AzulOrderId) and moves its original to @p originalStatus in one
    /// transaction (Post, Void); answers the stored transaction.
    QJsonObject recordFollowUp(AzulTransaction t, const QString &originalStatus, int *status);
    QJsonObject paymentJson(const AzulTransaction &t) const;
    void fillApproval(AzulTransaction &t) const;
    void persistSettings();

    SimOptions m_options;
    services::PgConnection m_db;
    QElapsedTimer m_lastDbUse;
    std::unique_ptr<AzulStore> m_store;
    SimControl m_control;
    SimHttpServer *m_server = nullptr;
    QByteArray m_auth1;
    QByteArray m_auth2;
    QSslCertificate m_ca;
    QHash<QByteArray, bool> m_verifiedCerts; // certificate digest -> signed by our CA
    bool m_oneRefund = false;  ///< the 2022 rule: one refund per transaction
    int m_postMaxPct = 15;     ///< a Post may exceed its Hold by this much
};

} // namespace okla::sandbox
