#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

#include "models/money.h"
#include "models/result.h"

namespace okla::services::azul {

/// AZUL methods (docs/providers.md §3). The query word picks the method; none = ProcessPayment.
enum class AzulOperation { Sale, Hold, Post, Void, Refund, VerifyPayment, DataVaultCreate, DataVaultDelete, SearchPayments };

QString operationName(AzulOperation op);       ///< "sale", "verify" … (breaker and log names)
QString queryWord(AzulOperation op);           ///< "", "ProcessPost", "VerifyPayment" …
bool movesMoney(AzulOperation op);             ///< Sale, Hold, Post, Refund (Void undoes money)

/// Merchant constants set by AZUL for every body (docs/providers.md §2).
struct AzulMerchant
{
    QString store;                                    ///< merchant id, X(11)
    QString channel = QStringLiteral("EC");
    QString posInputMode = QStringLiteral("E-Commerce");
    QString altMerchantName;                          ///< optional, max 25, no `"` or `\`
    QString eCommerceUrl;                             ///< optional
};

/// A card or token payment (Sale, Hold, token sale). Amounts in DOP, tax included (AZUL charges
/// pesos only: another currency is refused before sending).
/// Card data lives only in this struct for the duration of one request: never logged or stored.
struct AzulPayment
{
    models::Money amount;          ///< > 0
    models::Money itbis;           ///< informational, not added; 0 is sent as "000"
    QString cardNumber;            ///< empty for a token sale
    QString expiration;            ///< YYYYMM; empty for a token sale
    QString cvc;
    QString dataVaultToken;        ///< token sale
    QString orderNumber;           ///< X(15), may be empty
    QString customOrderId;         ///< X(75), unique per attempt: `<operation uuid>-<n>`
    bool saveToDataVault = false;
    bool forceNo3ds = true;        ///< no browser in the worker: 3DS cannot be completed here
};

/// Builds the exact JSON bodies of docs/providers.md §4. Pure QtCore (fuzzed and unit-tested without I/O).
/// Every builder validates formats and returns a typed error ("azul.request.*") instead of
/// sending something AZUL would reject with VALIDATION_ERROR. Amounts come in as Money and must
/// be DOP ("azul.request.currency" otherwise); only amountField/itbisField know AZUL's digits.
class AzulRequestBuilder
{
public:
    explicit AzulRequestBuilder(AzulMerchant merchant) : m_merchant(std::move(merchant)) {}

    models::Result<QByteArray> payment(AzulOperation saleOrHold, const AzulPayment &payment) const;
    models::Result<QByteArray> post(const QString &azulOrderId, const models::Money &amount,
                                    const models::Money &itbis) const;
    models::Result<QByteArray> voidTransaction(const QString &azulOrderId) const;
    models::Result<QByteArray> refund(const QString &azulOrderId, const models::Money &amount,
                                      const models::Money &itbis, const QString &customOrderId) const;
    models::Result<QByteArray> verify(const QString &customOrderId) const;
    models::Result<QByteArray> dataVaultCreate(const QString &cardNumber, const QString &expiration,
                                               const QString &cvc) const;
    models::Result<QByteArray> dataVaultDelete(const QString &token) const;
    /// SearchPayments: the transactions of the days [@p from, @p to] (`DateFrom`/`DateTo`).
    models::Result<QByteArray> searchPayments(QDate from, QDate to) const;

    /// The one currency AZUL charges and refunds in.
    static constexpr models::Currency kCurrency = models::Currency::DOP;
    /// N(12) digits in minor units ("1000" = 10.00); ITBIS 0 is "000" as AZUL's examples send.
    static QString amountField(qint64 minor);
    static QString itbisField(qint64 minor);

private:
    AzulMerchant m_merchant;
};

} // namespace okla::services::azul
