#include "services/providers/azul/azulrequest.h"
#include "models/oklatr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace okla::services::azul {

using models::makeError;

namespace {

constexpr qint64 MaxN12 = 999'999'999'999LL;


models::Error invalid(const QString &field, const char *message)
{
    return makeError(QStringLiteral("azul.request.invalid"), Tr::tr(message), field);
}

bool allDigits(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

std::optional<models::Error> checkCurrency(const models::Money &m, const QString &field)
{
    if (m.currency() == AzulRequestBuilder::kCurrency)
        return std::nullopt;
    return makeError(QStringLiteral("azul.request.currency"),
                     QCoreApplication::translate("okla", "AZUL charges and refunds in Dominican pesos (DOP) only; "
                                                         "this amount is in %1.")
                         .arg(models::isoCode(m.currency())),
                     field);
}

std::optional<models::Error> checkAmounts(const models::Money &amountMoney, const models::Money &itbisMoney)
{
    if (auto e = checkCurrency(amountMoney, QStringLiteral("Amount")))
        return e;
    if (auto e = checkCurrency(itbisMoney, QStringLiteral("Itbis")))
        return e;
    const qint64 amount = amountMoney.minorUnits();
    const qint64 itbis = itbisMoney.minorUnits();
    if (amount <= 0 || amount > MaxN12)
        return invalid(QStringLiteral("Amount"), QT_TRANSLATE_NOOP("okla", "The amount must be positive and at most 12 digits."));
    if (itbis < 0 || itbis > amount)
        return invalid(QStringLiteral("Itbis"), QT_TRANSLATE_NOOP("okla", "The ITBIS must be between zero and the amount."));
    return std::nullopt;
}

std::optional<models::Error> checkOrderId(const QString &id, const QString &field, int max)
{
    if (id.isEmpty() || id.size() > max)
        return invalid(field, QT_TRANSLATE_NOOP("okla", "An AZUL order id is missing or too long."));
    return std::nullopt;
}

std::optional<models::Error> checkCard(const QString &pan, const QString &expiration, const QString &cvc)
{
    if (!allDigits(pan) || pan.size() < 12 || pan.size() > 19)
        return invalid(QStringLiteral("CardNumber"), QT_TRANSLATE_NOOP("okla", "The card number must be 12 to 19 digits."));
    static const QRegularExpression yyyymm(QStringLiteral("^20[0-9]{2}(0[1-9]|1[0-2])$"));
    if (!yyyymm.match(expiration).hasMatch())
        return invalid(QStringLiteral("Expiration"), QT_TRANSLATE_NOOP("okla", "The card expiration must be YYYYMM."));
    if (!cvc.isEmpty() && (!allDigits(cvc) || cvc.size() < 3 || cvc.size() > 4))
        return invalid(QStringLiteral("CVC"), QT_TRANSLATE_NOOP("okla", "The card security code must be 3 or 4 digits."));
    return std::nullopt;
}

QByteArray serialize(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QString operationName(AzulOperation op)
{
    switch (op) {
    case AzulOperation::Sale: return QStringLiteral("sale");
    case AzulOperation::Hold: return QStringLiteral("hold");
    case AzulOperation::Post: return QStringLiteral("post");
    case AzulOperation::Void: return QStringLiteral("void");
    case AzulOperation::Refund: return QStringLiteral("refund");
    case AzulOperation::VerifyPayment: return QStringLiteral("verify");
    case AzulOperation::DataVaultCreate: return QStringLiteral("datavault.create");
    case AzulOperation::DataVaultDelete: return QStringLiteral("datavault.delete");
    case AzulOperation::SearchPayments: return QStringLiteral("search");
    }
    return QStringLiteral("unknown");
}

QString queryWord(AzulOperation op)
{
    switch (op) {
    case AzulOperation::Post: return QStringLiteral("ProcessPost");
    case AzulOperation::Void: return QStringLiteral("ProcessVoid");
    case AzulOperation::VerifyPayment: return QStringLiteral("VerifyPayment");
    case AzulOperation::DataVaultCreate:
    case AzulOperation::DataVaultDelete: return QStringLiteral("ProcessDatavault");
    case AzulOperation::SearchPayments: return QStringLiteral("SearchPayments");
    default: return {};
    }
}

bool movesMoney(AzulOperation op)
{
    return op == AzulOperation::Sale || op == AzulOperation::Hold || op == AzulOperation::Post
        || op == AzulOperation::Refund;
}

QString AzulRequestBuilder::amountField(qint64 minor)
{
    return QString::number(minor);
}

QString AzulRequestBuilder::itbisField(qint64 minor)
{
    return minor == 0 ? QStringLiteral("000") : QString::number(minor);
}

models::Result<QByteArray> AzulRequestBuilder::payment(AzulOperation op, const AzulPayment &p) const
{
    if (op != AzulOperation::Sale && op != AzulOperation::Hold)
        return invalid(QStringLiteral("TrxType"), QT_TRANSLATE_NOOP("okla", "Only a Sale or a Hold carries card data."));
    if (auto e = checkAmounts(p.amount, p.itbis))
        return *e;
    if (auto e = checkOrderId(p.customOrderId, QStringLiteral("CustomOrderId"), 75))
        return *e;
    if (p.orderNumber.size() > 15)
        return invalid(QStringLiteral("OrderNumber"), QT_TRANSLATE_NOOP("okla", "The order number is longer than 15 characters."));
    const bool token = !p.dataVaultToken.isEmpty();
    if (token) {
        if (p.dataVaultToken.size() > 100 || !p.cardNumber.isEmpty())
            return invalid(QStringLiteral("DataVaultToken"), QT_TRANSLATE_NOOP("okla", "A token sale carries a token of at most 100 characters and no card number."));
        if (!p.cvc.isEmpty() && (!allDigits(p.cvc) || p.cvc.size() > 4))
            return invalid(QStringLiteral("CVC"), QT_TRANSLATE_NOOP("okla", "The card security code must be 3 or 4 digits."));
    } else if (auto e = checkCard(p.cardNumber, p.expiration, p.cvc)) {
        return *e;
    }
    const QString alt = m_merchant.altMerchantName;
    if (alt.size() > 25 || alt.contains(u'"') || alt.contains(u'\\'))
        return invalid(QStringLiteral("AltMerchantName"), QT_TRANSLATE_NOOP("okla", "The merchant name shown on statements is invalid."));

    QJsonObject o{
        {QStringLiteral("Channel"), m_merchant.channel},
        {QStringLiteral("Store"), m_merchant.store},
        {QStringLiteral("PosInputMode"), m_merchant.posInputMode},
        {QStringLiteral("TrxType"), op == AzulOperation::Sale ? QStringLiteral("Sale") : QStringLiteral("Hold")},
        // Token sale keeps the keys with empty values (docs/providers.md §4).
        {QStringLiteral("CardNumber"), token ? QString() : p.cardNumber},
        {QStringLiteral("Expiration"), p.expiration}, // empty for a token sale unless the 3DS path needs it
        {QStringLiteral("CVC"), p.cvc},
        {QStringLiteral("Amount"), amountField(p.amount.minorUnits())},
        {QStringLiteral("Itbis"), itbisField(p.itbis.minorUnits())},
        {QStringLiteral("OrderNumber"), p.orderNumber},
        {QStringLiteral("CustomOrderId"), p.customOrderId},
        {QStringLiteral("AcquirerRefData"), QStringLiteral("1")},
        {QStringLiteral("CurrencyPosCode"), QStringLiteral("$")},
        {QStringLiteral("Payments"), QStringLiteral("1")},
        {QStringLiteral("Plan"), QStringLiteral("0")},
        {QStringLiteral("ForceNo3DS"), p.forceNo3ds ? QStringLiteral("1") : QStringLiteral("0")},
        {QStringLiteral("SaveToDataVault"), p.saveToDataVault ? QStringLiteral("1") : QStringLiteral("0")},
    };
    if (token)
        o.insert(QStringLiteral("DataVaultToken"), p.dataVaultToken);
    if (!alt.isEmpty())
        o.insert(QStringLiteral("AltMerchantName"), alt);
    if (!m_merchant.eCommerceUrl.isEmpty())
        o.insert(QStringLiteral("ECommerceUrl"), m_merchant.eCommerceUrl);
    return serialize(o);
}

models::Result<QByteArray> AzulRequestBuilder::post(const QString &azulOrderId, const models::Money &amount,
                                                    const models::Money &itbis) const
{
    if (auto e = checkAmounts(amount, itbis))
        return *e;
    if (!allDigits(azulOrderId))
        return invalid(QStringLiteral("AzulOrderId"), QT_TRANSLATE_NOOP("okla", "The AZUL order id must be digits."));
    return serialize({{QStringLiteral("Channel"), m_merchant.channel},
                      {QStringLiteral("Store"), m_merchant.store},
                      {QStringLiteral("AzulOrderId"), azulOrderId},
                      {QStringLiteral("Amount"), amountField(amount.minorUnits())},
                      {QStringLiteral("Itbis"), itbisField(itbis.minorUnits())}});
}

models::Result<QByteArray> AzulRequestBuilder::voidTransaction(const QString &azulOrderId) const
{
    if (!allDigits(azulOrderId))
        return invalid(QStringLiteral("AzulOrderId"), QT_TRANSLATE_NOOP("okla", "The AZUL order id must be digits."));
    return serialize({{QStringLiteral("Channel"), m_merchant.channel},
                      {QStringLiteral("Store"), m_merchant.store},
                      {QStringLiteral("AzulOrderId"), azulOrderId}});
}

models::Result<QByteArray> AzulRequestBuilder::refund(const QString &azulOrderId, const models::Money &amount,
                                                      const models::Money &itbis, const QString &customOrderId) const
{
    if (auto e = checkAmounts(amount, itbis))
        return *e;
    if (!allDigits(azulOrderId))
        return invalid(QStringLiteral("AzulOrderId"), QT_TRANSLATE_NOOP("okla", "The AZUL order id must be digits."));
    if (auto e = checkOrderId(customOrderId, QStringLiteral("CustomOrderId"), 75))
        return *e;
    // No card data on a refund (docs/providers.md §4).
    return serialize({{QStringLiteral("Channel"), m_merchant.channel},
                      {QStringLiteral("Store"), m_merchant.store},
                      {QStringLiteral("PosInputMode"), m_merchant.posInputMode},
                      {QStringLiteral("TrxType"), QStringLiteral("Refund")},
                      {QStringLiteral("AzulOrderId"), azulOrderId},
                      {QStringLiteral("Amount"), amountField(amount.minorUnits())},
                      {QStringLiteral("Itbis"), itbisField(itbis.minorUnits())},
                      {QStringLiteral("OrderNumber"), QString()},
                      {QStringLiteral("AcquirerRefData"), QStringLiteral("1")},
                      {QStringLiteral("CustomOrderId"), customOrderId}});
}

models::Result<QByteArray> AzulRequestBuilder::verify(const QString &customOrderId) const
{
    if (auto e = checkOrderId(customOrderId, QStringLiteral("CustomOrderId"), 75))
        return *e;
    return serialize({{QStringLiteral("Channel"), m_merchant.channel},
                      {QStringLiteral("Store"), m_merchant.store},
                      {QStringLiteral("CustomOrderId"), customOrderId}});
}

models::Result<QByteArray> AzulRequestBuilder::dataVaultCreate(const QString &cardNumber, const QString &expiration,
                                                               const QString &cvc) const
{
    if (auto e = checkCard(cardNumber, expiration, cvc))
        return *e;
    QJsonObject o{{QStringLiteral("Channel"), m_merchant.channel},
                  {QStringLiteral("Store"), m_merchant.store},
                  {QStringLiteral("TrxType"), QStringLiteral("CREATE")},
                  {QStringLiteral("CardNumber"), cardNumber},
                  {QStringLiteral("Expiration"), expiration}};
    if (!cvc.isEmpty())
        o.insert(QStringLiteral("CVC"), cvc);
    return serialize(o);
}

models::Result<QByteArray> AzulRequestBuilder::dataVaultDelete(const QString &token) const
{
    if (token.isEmpty() || token.size() > 100)
        return invalid(QStringLiteral("DataVaultToken"), QT_TRANSLATE_NOOP("okla", "The DataVault token is missing or too long."));
    return serialize({{QStringLiteral("Channel"), m_merchant.channel},
                      {QStringLiteral("Store"), m_merchant.store},
                      {QStringLiteral("TrxType"), QStringLiteral("DELETE")},
                      {QStringLiteral("DataVaultToken"), token}});
}

models::Result<QByteArray> AzulRequestBuilder::searchPayments(QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid() || to < from)
        return invalid(QStringLiteral("DateFrom"), QT_TRANSLATE_NOOP("okla", "A payment search needs a first and a last day, in order."));
    return serialize({{QStringLiteral("Channel"), m_merchant.channel},
                      {QStringLiteral("Store"), m_merchant.store},
                      {QStringLiteral("DateFrom"), from.toString(Qt::ISODate)},
                      {QStringLiteral("DateTo"), to.toString(Qt::ISODate)}});
}

} // namespace okla::services::azul
