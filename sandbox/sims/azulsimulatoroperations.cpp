// The AZUL operations and their business rules (docs/providers.md §3-§7, §18).
#include "sandbox/sims/azulsimulator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include "sandbox/sims/azulcards.h"

namespace okla::sandbox {

namespace {
const QString kInvalidVoid = QStringLiteral("Original transaction is invalid or has already been voided");
const QString kInvalidPost = QStringLiteral("Original transaction is invalid or has already been posted");
const QString kInvalidRefund = QStringLiteral("Original transaction is invalid, exceeds original amount or has already been returned");
constexpr qint64 kVoidWindowSecs = 20 * 60;

/// The simulator's own database failed: AZUL answers such a fault with HTTP 500.
QJsonObject processingError(int *status)
{
    *status = 500;
    return azulError(QStringLiteral("PROCESSING_ERROR"));
}

QJsonObject validation(const QString &field, int *status)
{
    *status = 400;
    return azulError(QStringLiteral("VALIDATION_ERROR:") + field);
}

/// A string field; integers are accepted and written as digits.
QString text(const QHash<QString, QJsonValue> &f, const char *key)
{
    const QJsonValue v = f.value(QLatin1String(key));
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return v.toString().trimmed();
}

/// N(12) minor units as a digit string or a JSON integer; -1 when invalid or missing.
qint64 amount(const QHash<QString, QJsonValue> &f, const char *key)
{
    const QJsonValue v = f.value(QLatin1String(key));
    if (v.isDouble()) {
        const double d = v.toDouble();
        return (d >= 0 && d == qint64(d) && d < 1e12) ? qint64(d) : -1;
    }
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}$"));
    const QString s = v.toString().trimmed();
    return digits.match(s).hasMatch() ? s.toLongLong() : -1;
}

QString dateTimeText(const QDateTime &when)
{
    return when.toOffsetFromUtc(-4 * 3600).toString(QStringLiteral("yyyyMMddHHmmss")); // Santo Domingo, no DST
}
} // namespace

void AzulSimulator::fillApproval(AzulTransaction &t) const
{
    t.isoCode = QStringLiteral("00");
    t.responseMessage = azulcards::isoMessage(t.isoCode);
    t.errorDescription.clear();
    const qint64 seq = m_control.clock().now().toMSecsSinceEpoch();
    t.authorizationCode = QString::number(seq % 1000000).rightJustified(6, u'0');
    t.rrn = m_control.clock().now().toString(QStringLiteral("yyMMdd")) + QString::number(seq % 1000000).rightJustified(6, u'0');
    t.ticket = QString::number(seq % 10000);
    t.lotNumber = QString::number(m_control.clock().now().date().dayOfYear());
}

AzulTransaction AzulSimulator::followUp(const AzulTransaction &original, const QString &trxType,
                                        const QString &customOrderId, const QDateTime &now) const
{
    AzulTransaction t = original;
    t.trxType = trxType;
    t.status = QStringLiteral("approved");
    t.refundedAmount = 0;
    t.originalOrderId = original.azulOrderId;
    t.customOrderId = customOrderId;
    t.createdAt = now;
    fillApproval(t);
    return t;
}

QJsonObject AzulSimulator::recordFollowUp(AzulTransaction t, const QString &originalStatus, int *status)
{
    if (!m_store->begin() || !m_store->insert(t) || !m_store->setStatus(*t.originalOrderId, originalStatus)
        || !m_store->commit()) {
        m_store->rollback();
        return processingError(status);
    }
    return paymentJson(t);
}

QJsonObject AzulSimulator::paymentJson(const AzulTransaction &t) const
{
    QJsonObject o{{QStringLiteral("AuthorizationCode"), t.authorizationCode},
                  {QStringLiteral("AzulOrderId"), QString::number(t.azulOrderId)},
                  {QStringLiteral("CustomOrderId"), t.customOrderId},
                  {QStringLiteral("DateTime"), dateTimeText(t.createdAt)},
                  {QStringLiteral("ErrorDescription"), t.errorDescription},
                  {QStringLiteral("IsoCode"), t.isoCode},
                  {QStringLiteral("LotNumber"), t.lotNumber},
                  {QStringLiteral("RRN"), t.rrn},
                  {QStringLiteral("ResponseCode"), QStringLiteral("ISO8583")},
                  {QStringLiteral("ResponseMessage"), t.responseMessage},
                  {QStringLiteral("Ticket"), t.ticket}};
    return o;
}

QJsonObject AzulSimulator::sale(const QString &trxType, const Fields &f, const SimFaultPlan &plan, int *status)
{
    const qint64 total = amount(f, "amount");
    if (total <= 0)
        return validation(QStringLiteral("Amount"), status);
    const qint64 itbis = amount(f, "itbis");
    if (itbis < 0)
        return validation(QStringLiteral("Itbis"), status);
    const QString customOrderId = text(f, "customorderid");
    if (customOrderId.size() > 75)
        return validation(QStringLiteral("CustomOrderId"), status);
    const QDateTime now = m_control.clock().now();

    AzulTransaction t;
    t.trxType = trxType;
    t.customOrderId = customOrderId;
    t.amount = total;
    t.itbis = itbis;
    t.orderNumber = text(f, "ordernumber");
    t.store = text(f, "store");
    t.createdAt = now;
    AzulCardRule rule;
    bool luhnOk = true;
    QString pan;
    QString expiration;
    const QString token = text(f, "datavaulttoken");
    if (!token.isEmpty()) {
        const auto stored = m_store->findToken(token);
        if (!stored || stored->deletedAt)
            return azulError(QStringLiteral("DataVault TokenId does not exist."));
        if (stored->expiresAt && *stored->expiresAt < now)
            return azulError(QStringLiteral("DataVault TokenId is expired."));
        t.cardMasked = stored->cardMasked;
        t.cardBrand = stored->cardBrand;
        t.dataVaultToken = stored->token;
        rule = AzulCardRule::fromString(stored->cardRule);
    } else {
        pan = text(f, "cardnumber");
        static const QRegularExpression digits(QStringLiteral("^[0-9]{12,19}$"));
        if (!digits.match(pan).hasMatch())
            return validation(QStringLiteral("CardNumber"), status);
        expiration = text(f, "expiration");
        static const QRegularExpression yyyymm(QStringLiteral("^(20[0-9]{2})(0[1-9]|1[0-2])$"));
        const auto m = yyyymm.match(expiration);
        if (!m.hasMatch())
            return validation(QStringLiteral("Expiration"), status);
        if (m.captured(1).toInt() * 100 + m.captured(2).toInt() < now.date().year() * 100 + now.date().month())
            return validation(QStringLiteral("ExpirationPassed"), status);
        const QString cvc = text(f, "cvc");
        static const QRegularExpression cvcDigits(QStringLiteral("^[0-9]{3,4}$"));
        if (!cvc.isEmpty() && !cvcDigits.match(cvc).hasMatch())
            return validation(QStringLiteral("CVC"), status);
        t.cardMasked = azulcards::mask(pan);
        t.cardBrand = azulcards::brand(pan);
        luhnOk = azulcards::luhnValid(pan);
        rule = azulcards::ruleFor(pan);
    }

    QString iso = luhnOk ? rule.isoFor(total) : QStringLiteral("99");
    if (plan.decline && luhnOk)
        iso = plan.decline->isEmpty() ? QStringLiteral("05") : *plan.decline;
    if (iso == QLatin1String("00")) {
        t.status = QStringLiteral("approved");
        fillApproval(t);
    } else {
        t.status = QStringLiteral("declined");
        t.isoCode = iso;
        t.responseMessage = azulcards::isoMessage(iso);
        if (!luhnOk)
            t.errorDescription = QStringLiteral("SGS-002303: Invalid credit card number");
        else if (iso == QLatin1String("99"))
            t.errorDescription = QStringLiteral("SGS-007778: Transaction not processed, please retry");
    }

    QJsonObject vault;
    if (t.status == QLatin1String("approved") && token.isEmpty() && text(f, "savetodatavault") == QLatin1String("1")) {
        AzulToken nt;
        nt.token = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
        nt.cardMasked = t.cardMasked;
        nt.cardBrand = t.cardBrand;
        nt.expiration = expiration;
        nt.hasCvv = !text(f, "cvc").isEmpty();
        nt.cardRule = rule.toString();
        nt.createdAt = now;
        nt.expiresAt = QDateTime(QDate(expiration.left(4).toInt(), expiration.mid(4).toInt(), 1).addMonths(1),
                                 QTime(0, 0), Qt::UTC);
        if (m_store->insertToken(nt)) {
            t.dataVaultToken = nt.token;
            vault = {{QStringLiteral("DataVaultToken"), nt.token},
                     {QStringLiteral("DataVaultExpiration"), expiration},
                     {QStringLiteral("DataVaultBrand"), nt.cardBrand}};
        }
    }
    if (auto s = m_store->insert(t); !s) {
        return processingError(status);
    }
    QJsonObject o = paymentJson(t);
    for (auto it = vault.begin(); it != vault.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject AzulSimulator::post(const Fields &f, int *status)
{
    const qint64 id = text(f, "azulorderid").toLongLong();
    if (id <= 0)
        return validation(QStringLiteral("AzulOrderId"), status);
    const qint64 total = amount(f, "amount");
    if (total <= 0)
        return validation(QStringLiteral("Amount"), status);
    const qint64 itbis = amount(f, "itbis");
    if (itbis < 0)
        return validation(QStringLiteral("Itbis"), status);
    const auto hold = m_store->find(id);
    const QDateTime now = m_control.clock().now();
    if (!hold || hold->trxType != QLatin1String("Hold") || hold->status != QLatin1String("approved")
        || hold->createdAt.addDays(7) < now)
        return azulError(kInvalidPost);
    if (total * 100 > hold->amount * (100 + m_postMaxPct))
        return azulError(QStringLiteral("Amount to be posted cannot be greater than %1pct of original Hold/preAuth.").arg(m_postMaxPct));
    const QString customOrderId = text(f, "customorderid");
    AzulTransaction t = followUp(*hold, QStringLiteral("Post"), customOrderId.isEmpty() ? hold->customOrderId : customOrderId, now);
    t.amount = total;
    t.itbis = itbis;
    return recordFollowUp(t, QStringLiteral("posted"), status);
}

QJsonObject AzulSimulator::voidTransaction(const Fields &f, int *status)
{
    const qint64 id = text(f, "azulorderid").toLongLong();
    if (id <= 0)
        return validation(QStringLiteral("AzulOrderId"), status);
    const auto original = m_store->find(id);
    const QDateTime now = m_control.clock().now();
    if (!original || original->status != QLatin1String("approved"))
        return azulError(kInvalidVoid);
    const bool isHold = original->trxType == QLatin1String("Hold");
    const bool isSaleOrPost = original->trxType == QLatin1String("Sale") || original->trxType == QLatin1String("Post");
    if (!isHold && !isSaleOrPost)
        return azulError(kInvalidVoid);
    // Sale and Post: only within 20 minutes of approval and before any refund; a Hold any time.
    if (isSaleOrPost && (original->createdAt.secsTo(now) > kVoidWindowSecs || original->refundedAmount > 0))
        return azulError(kInvalidVoid);
    return recordFollowUp(followUp(*original, QStringLiteral("Void"), text(f, "customorderid"), now),
                          QStringLiteral("voided"), status);
}

QJsonObject AzulSimulator::refund(const Fields &f, int *status)
{
    const qint64 id = text(f, "azulorderid").toLongLong();
    if (id <= 0)
        return validation(QStringLiteral("AzulOrderId"), status);
    const qint64 total = amount(f, "amount");
    if (total <= 0)
        return validation(QStringLiteral("Amount"), status);
    const qint64 itbis = amount(f, "itbis");
    if (itbis < 0)
        return validation(QStringLiteral("Itbis"), status);
    const QDateTime now = m_control.clock().now();
    if (!m_store->begin())
        return processingError(status);
    // Lock the original so that two concurrent refunds cannot both pass the remaining check.
    if (!m_db.exec(QStringLiteral("SELECT 1 FROM azul.transactions WHERE azul_order_id = $1 FOR UPDATE"), {id})) {
        m_store->rollback(); // without the lock two refunds could both pass the check below
        return processingError(status);
    }
    const auto original = m_store->find(id);
    const bool refundable = original && original->status == QLatin1String("approved")
                            && (original->trxType == QLatin1String("Sale") || original->trxType == QLatin1String("Post"))
                            && original->createdAt.addMonths(6) >= now
                            && total <= original->amount - original->refundedAmount
                            && !(m_oneRefund && original->refundedAmount > 0);
    if (!refundable) {
        m_store->rollback();
        return azulError(kInvalidRefund);
    }
    AzulTransaction t = followUp(*original, QStringLiteral("Refund"), text(f, "customorderid"), now);
    t.amount = total;
    t.itbis = itbis;
    if (!m_store->insert(t) || !m_store->addRefunded(original->azulOrderId, total) || !m_store->commit()) {
        m_store->rollback();
        return processingError(status);
    }
    return paymentJson(t);
}

QJsonObject AzulSimulator::verify(const Fields &f, int *status)
{
    const QString customOrderId = text(f, "customorderid");
    if (customOrderId.isEmpty())
        return validation(QStringLiteral("CustomOrderId"), status);
    const auto t = m_store->latestByCustomOrderId(customOrderId);
    if (!t) {
        return QJsonObject{{QStringLiteral("Found"), false},
                           {QStringLiteral("CustomOrderId"), customOrderId},
                           {QStringLiteral("ResponseCode"), QString()},
                           {QStringLiteral("IsoCode"), QString()},
                           {QStringLiteral("ResponseMessage"), QString()},
                           {QStringLiteral("ErrorDescription"), QString()}};
    }
    QJsonObject o = paymentJson(*t);
    o[QStringLiteral("Found")] = true;
    o[QStringLiteral("Amount")] = QString::number(t->amount);
    o[QStringLiteral("Itbis")] = QString::number(t->itbis);
    o[QStringLiteral("CardNumber")] = t->cardMasked;
    o[QStringLiteral("CurrencyPosCode")] = QStringLiteral("$");
    o[QStringLiteral("TransactionType")] = t->status == QLatin1String("voided") ? QStringLiteral("Void") : t->trxType;
    return o;
}

QJsonObject AzulSimulator::dataVault(const Fields &f, int *status)
{
    const QString trxType = text(f, "trxtype").toUpper();
    const QDateTime now = m_control.clock().now();
    auto vaultReply = [](const QString &token, const QString &masked, const QString &expiration, const QString &brand,
                         bool hasCvv, const QString &iso, const QString &message, const QString &description) {
        return QJsonObject{{QStringLiteral("DataVaultToken"), token}, {QStringLiteral("CardNumber"), masked},
                           {QStringLiteral("Expiration"), expiration}, {QStringLiteral("Brand"), brand},
                           {QStringLiteral("HasCVV"), hasCvv}, {QStringLiteral("IsoCode"), iso},
                           {QStringLiteral("ResponseMessage"), message},
                           {QStringLiteral("ErrorDescription"), description}};
    };
    if (trxType == QLatin1String("DELETE")) {
        const QString token = text(f, "datavaulttoken");
        if (token.isEmpty())
            return validation(QStringLiteral("DataVaultToken"), status);
        const auto stored = m_store->findToken(token);
        if (!stored || stored->deletedAt)
            return vaultReply(token, {}, {}, {}, false, {}, QStringLiteral("ERROR"), QStringLiteral("DataVault TokenId does not exist."));
        if (!m_store->deleteToken(stored->token, now))
            return processingError(status);
        return vaultReply(stored->token, stored->cardMasked, stored->expiration, stored->cardBrand, stored->hasCvv,
                          QStringLiteral("00"), QStringLiteral("APROBADA"), {});
    }
    if (trxType != QLatin1String("CREATE"))
        return validation(QStringLiteral("TrxType"), status);
    const QString pan = text(f, "cardnumber");
    static const QRegularExpression digits(QStringLiteral("^[0-9]{12,19}$"));
    if (!digits.match(pan).hasMatch())
        return validation(QStringLiteral("CardNumber"), status);
    const QString expiration = text(f, "expiration");
    static const QRegularExpression yyyymm(QStringLiteral("^(20[0-9]{2})(0[1-9]|1[0-2])$"));
    if (!yyyymm.match(expiration).hasMatch())
        return validation(QStringLiteral("Expiration"), status);
    if (!azulcards::luhnValid(pan))
        return vaultReply({}, azulcards::mask(pan), expiration, azulcards::brand(pan), false, QStringLiteral("99"),
                          QStringLiteral("Tarjeta Invalida"), QStringLiteral("SGS-002303: Invalid credit card number"));
    AzulToken t;
    t.token = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    t.cardMasked = azulcards::mask(pan);
    t.cardBrand = azulcards::brand(pan);
    t.expiration = expiration;
    t.hasCvv = !text(f, "cvc").isEmpty();
    t.cardRule = azulcards::ruleFor(pan).toString();
    t.createdAt = now;
    t.expiresAt = QDateTime(QDate(expiration.left(4).toInt(), expiration.mid(4).toInt(), 1).addMonths(1), QTime(0, 0), Qt::UTC);
    if (auto s = m_store->insertToken(t); !s) {
        return processingError(status);
    }
    return vaultReply(t.token, t.cardMasked, t.expiration, t.cardBrand, t.hasCvv, QStringLiteral("00"),
                      QStringLiteral("APROBADA"), {});
}

QJsonObject AzulSimulator::search(const Fields &f, int *status)
{
    const QDate from = QDate::fromString(text(f, "datefrom"), QStringLiteral("yyyy-MM-dd"));
    const QDate to = QDate::fromString(text(f, "dateto"), QStringLiteral("yyyy-MM-dd"));
    if (!from.isValid())
        return validation(QStringLiteral("DateFrom"), status);
    if (!to.isValid())
        return validation(QStringLiteral("DateTo"), status);
    QJsonArray list;
    for (const AzulTransaction &t : m_store->between(QDateTime(from, QTime(0, 0), Qt::UTC),
                                                     QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC))) {
        QJsonObject o = paymentJson(t);
        o[QStringLiteral("Amount")] = QString::number(t.amount);
        o[QStringLiteral("Itbis")] = QString::number(t.itbis);
        o[QStringLiteral("CardNumber")] = t.cardMasked;
        o[QStringLiteral("TransactionType")] = t.trxType;
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("ResponseCode"), QStringLiteral("SEARCHED")},
                       {QStringLiteral("ErrorDescription"), QString()},
                       {QStringLiteral("Transactions"), list}};
}

} // namespace okla::sandbox
