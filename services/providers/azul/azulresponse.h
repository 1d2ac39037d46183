#pragma once

#include <optional>

#include <QCoreApplication>
#include <QByteArray>
#include <QList>
#include <QString>

#include "models/result.h"
#include "services/providers/azul/azulrequest.h"

namespace okla::services::azul {

/// One transaction of a SearchPayments answer (docs/providers.md §3), every field as AZUL sent it
/// except the amounts (minor units) and the card number (masked again here).
struct AzulSearchedTransaction
{
    QString azulOrderId;      ///< digits
    QString customOrderId;
    QString transactionType;  ///< Sale, Hold, Post, Void, Refund
    QString isoCode;          ///< "00" = approved
    QString dateTime;         ///< yyyyMMddHHmmss, Santo Domingo time
    qint64 amount = 0;        ///< tax included
    qint64 itbis = 0;
    QString maskedCardNumber;

    bool approved() const { return isoCode == QLatin1String("00"); }
};

/// A classified AZUL answer (docs/providers.md §5). Built only by AzulResponseParser; pure QtCore.
struct AzulResult
{
    enum class Outcome {
        Approved,
        Declined,       ///< the issuer or AZUL said no; nothing happened
        ThreeDsPending, ///< 3D2METHOD / 3D: needs a browser
        Error,          ///< ResponseCode Error with a known cause: not processed
        NotFound,       ///< VerifyPayment: Found:false
        Ambiguous,      ///< may or may not have happened: VerifyPayment before anything else
    };
    enum class ErrorKind { None, Configuration, RequestBug, Business };

    Outcome outcome = Outcome::Ambiguous;
    ErrorKind errorKind = ErrorKind::None;
    bool retryable = false; ///< IsoCode 91 or SGS-007778: may be resent (new CustomOrderId, after VerifyPayment)

    int httpStatus = 0;
    QString responseCode, isoCode, responseMessage, errorDescription;
    QString authorizationCode, azulOrderId, customOrderId, rrn, ticket, lotNumber, dateTime;
    QString dataVaultToken, dataVaultExpiration, dataVaultBrand;
    QString maskedCardNumber;   ///< as AZUL returns it, masked again here: never a full PAN
    QString transactionType;    ///< VerifyPayment: Sale, Void, Refund…
    std::optional<bool> found;  ///< VerifyPayment only
    std::optional<qint64> amount, itbis; ///< VerifyPayment, minor units
    QList<AzulSearchedTransaction> transactions; ///< SearchPayments (approved only when every one parsed)
    QString reasonEs, reasonEn; ///< human reason for a decline (IsoCode table)
    QString detail;             ///< why it was classified so (ambiguous, error)

    bool approved() const { return outcome == Outcome::Approved; }
    /// A typed error for people (empty code when approved).
    models::Error toError() const;
    static QString outcomeName(Outcome outcome);
    Q_DECLARE_TR_FUNCTIONS(okla::services::azul::AzulResult)
};

/// The IsoCode reasons of docs/providers.md §6, in Spanish and English.
struct AzulIsoReason
{
    QString es;
    QString en;
    bool retryable = false;
};
AzulIsoReason isoReason(const QString &isoCode);

/// Parses and classifies. Total: any bytes give a result; never throws, never "approved" unless
/// the body is a JSON object that says so with every field an approval needs.
class AzulResponseParser
{
public:
    /// @p completeAnswer false (timeout, reset, body too large) gives Ambiguous at once.
    static AzulResult classify(AzulOperation op, bool completeAnswer, int httpStatus, const QByteArray &body);
};

} // namespace okla::services::azul
