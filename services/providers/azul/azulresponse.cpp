#include "services/providers/azul/azulresponse.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "models/cardmask.h"

namespace okla::services::azul {

using Outcome = AzulResult::Outcome;
using ErrorKind = AzulResult::ErrorKind;

namespace {

/// Keys matched case-insensitively (docs/providers.md §5). A wrong type is remembered, not guessed at.
class Fields
{
public:
    explicit Fields(const QJsonObject &o)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key().toLower();
            // Keys are matched case-insensitively, so "IsoCode" and "Isocode" are the same field:
            // two spellings with different values make the answer ambiguous, never approved.
            const auto existing = m_values.constFind(key);
            if (existing != m_values.constEnd() && *existing != it.value())
                m_conflicts << key;
            m_values.insert(key, it.value());
        }
    }
    const QStringList &conflicts() const { return m_conflicts; }
    bool has(const char *key) const { return m_values.contains(QLatin1String(key)); }
    /// A string field; null/missing = empty; another type = empty and flagged.
    QString text(const char *key)
    {
        const QJsonValue v = m_values.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
        if (!v.isNull() && !v.isUndefined())
            m_wrongTypes << QLatin1String(key);
        return {};
    }
    std::optional<bool> boolean(const char *key) const
    {
        const QJsonValue v = m_values.value(QLatin1String(key));
        if (v.isBool())
            return v.toBool();
        if (v.isString()) {
            const QString s = v.toString().trimmed();
            if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                return true;
            if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return false;
        }
        return std::nullopt;
    }
    std::optional<qint64> minorUnits(const char *key) const
    {
        const QJsonValue v = m_values.value(QLatin1String(key));
        if (v.isString()) {
            const QString s = v.toString();
            if (s.isEmpty() || s.size() > 12 || !std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit() && c.unicode() < 128; }))
                return std::nullopt;
            return s.toLongLong();
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d >= 0 && d <= 999'999'999'999.0 && d == double(qint64(d)))
                return qint64(d);
        }
        return std::nullopt;
    }
    const QStringList &wrongTypes() const { return m_wrongTypes; }

private:
    QHash<QString, QJsonValue> m_values;
    QStringList m_wrongTypes;
    QStringList m_conflicts;
};

bool containsCi(const QString &hay, QLatin1String needle)
{
    return hay.contains(needle, Qt::CaseInsensitive);
}

// docs/providers.md §5: configuration problems: alert, never retry.
bool isConfigError(const QString &d)
{
    static const char *const codes[] = {"MISSING_AUTH_HEADER", "INVALID_AUTH", "DISABLED_PROFILE", "INVALID_MERCHANTID",
                                        "INVALID_CHANNEL", "INVALID_VPN_IPADDRESS", "INVALID_CLIENT_CERT",
                                        "MISSING_CLIENT_CERT", "SSL_OFF", "INVALID_HTTP_METHOD"};
    return std::any_of(std::begin(codes), std::end(codes), [&](const char *c) { return d.startsWith(QLatin1String(c), Qt::CaseInsensitive); });
}

bool isRequestBug(const QString &d)
{
    return d.startsWith(QLatin1String("PARSING_ERROR"), Qt::CaseInsensitive)
        || d.startsWith(QLatin1String("VALIDATION_ERROR"), Qt::CaseInsensitive);
}

bool isBusinessRule(const QString &d)
{
    static const char *const texts[] = {"Original transaction is invalid", "Amount to be posted cannot be greater",
                                        "DataVault TokenId is expired", "DataVault TokenId does not exist",
                                        "3DS repost detected", "3DS time frame expired"};
    return std::any_of(std::begin(texts), std::end(texts), [&](const char *t) { return containsCi(d, QLatin1String(t)); });
}

// docs/providers.md §5, item 4: the request may have been processed anyway.
bool isAmbiguousMarker(const QString &text)
{
    return containsCi(text, QLatin1String("WRONG TRANSACTION STATE")) || containsCi(text, QLatin1String("PROCESSING_ERROR"))
        || containsCi(text, QLatin1String("FATAL_ERROR")) || containsCi(text, QLatin1String("SGS-030508"));
}

bool digitsOnly(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

AzulResult ambiguous(AzulResult r, QString why)
{
    r.outcome = Outcome::Ambiguous;
    r.errorKind = ErrorKind::None;
    r.detail = std::move(why);
    return r;
}

AzulResult classifyError(AzulResult r)
{
    const QString &d = r.errorDescription;
    r.outcome = Outcome::Error;
    r.detail = d;
    if (isAmbiguousMarker(d) || isAmbiguousMarker(r.responseMessage))
        return ambiguous(std::move(r), QStringLiteral("AZUL reported a state that may hide a processed request: ") + d);
    if (isConfigError(d))
        r.errorKind = ErrorKind::Configuration;
    else if (isRequestBug(d))
        r.errorKind = ErrorKind::RequestBug;
    else if (isBusinessRule(d))
        r.errorKind = ErrorKind::Business;
    else // docs/providers.md §5: an unexplained Error is ambiguous
        return ambiguous(std::move(r), QStringLiteral("unexplained AZUL error: ") + d);
    return r;
}

/// `ResponseCode:"SEARCHED"` with `Transactions[]` (docs/providers.md §3). One transaction without
/// a digits-only AzulOrderId or with unreadable amounts makes the whole answer ambiguous: a list
/// that reconciliation cannot trust in full is not trusted at all.
AzulResult classifySearch(const QJsonObject &body, AzulResult r)
{
    if (r.responseCode.compare(QLatin1String("SEARCHED"), Qt::CaseInsensitive) != 0)
        return ambiguous(std::move(r), QStringLiteral("SearchPayments answer with ResponseCode '%1'").arg(r.responseCode.left(32)));
    QJsonArray list;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key().compare(QLatin1String("Transactions"), Qt::CaseInsensitive) == 0 && it.value().isArray())
            list = it.value().toArray();
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            return ambiguous(std::move(r), QStringLiteral("transaction %1 is not an object").arg(i));
        Fields f(list.at(i).toObject());
        AzulSearchedTransaction t;
        t.azulOrderId = f.text("azulorderid");
        t.customOrderId = f.text("customorderid");
        t.transactionType = f.text("transactiontype");
        t.isoCode = f.text("isocode");
        t.dateTime = f.text("datetime");
        t.maskedCardNumber = models::maskCardNumbers(f.text("cardnumber"));
        const std::optional<qint64> amount = f.minorUnits("amount");
        const std::optional<qint64> itbis = f.minorUnits("itbis");
        if (!digitsOnly(t.azulOrderId) || !amount || !f.wrongTypes().isEmpty() || !f.conflicts().isEmpty())
            return ambiguous(std::move(r), QStringLiteral("transaction %1 lacks a valid AzulOrderId or Amount").arg(i));
        t.amount = *amount;
        t.itbis = itbis.value_or(0);
        r.transactions.append(t);
    }
    r.outcome = Outcome::Approved;
    return r;
}

AzulResult classifyIso(AzulOperation op, AzulResult r)
{
    // Exact codes only: "00 " or "00\r" is not an approval (found by fuzz_azul_response).
    const QString &iso = r.isoCode;
    if (iso == QLatin1String("00")) {
        // Never "approved" without the id that later voids or refunds it (or the token).
        if (op == AzulOperation::DataVaultCreate) {
            if (r.dataVaultToken.isEmpty())
                return ambiguous(std::move(r), QStringLiteral("DataVault approval without a token"));
        } else if (op != AzulOperation::DataVaultDelete && !digitsOnly(r.azulOrderId)) {
            return ambiguous(std::move(r), QStringLiteral("approval without a valid AzulOrderId"));
        }
        r.outcome = Outcome::Approved;
        return r;
    }
    if (iso.compare(QLatin1String("3D2METHOD"), Qt::CaseInsensitive) == 0 || iso.compare(QLatin1String("3D"), Qt::CaseInsensitive) == 0) {
        r.outcome = Outcome::ThreeDsPending;
        return r;
    }
    if (iso.isEmpty())
        return ambiguous(std::move(r), QStringLiteral("ISO8583 answer without IsoCode"));
    if (isAmbiguousMarker(r.errorDescription))
        return ambiguous(std::move(r), QStringLiteral("AZUL timed out internally: ") + r.errorDescription);
    r.outcome = Outcome::Declined;
    const AzulIsoReason reason = isoReason(iso);
    r.reasonEs = reason.es;
    r.reasonEn = reason.en;
    r.retryable = reason.retryable || containsCi(r.errorDescription, QLatin1String("SGS-007778"));
    if (iso == QLatin1String("99")) {
        struct Sgs { const char *code; const char *es; const char *en; };
        static const Sgs sgs[] = {
            {"SGS-002303", "Número de tarjeta inválido", "Invalid card number"},
            {"SGS-005101", "Autenticación 3DS fallida", "3DS authentication failed"},
            {"SGS-005002", "Marca de tarjeta no soportada", "Card brand not supported"},
            {"SGS-005996", "Marca de tarjeta no soportada", "Card brand not supported"},
            {"SGS-007778", "No procesada, reintente", "Not processed, please retry"},
        };
        for (const Sgs &s : sgs) {
            if (containsCi(r.errorDescription, QLatin1String(s.code))) {
                r.reasonEs = QString::fromUtf8(s.es);
                r.reasonEn = QString::fromUtf8(s.en);
            }
        }
    }
    r.detail = r.errorDescription.isEmpty() ? r.responseMessage : r.errorDescription;
    return r;
}

} // namespace

AzulIsoReason isoReason(const QString &isoCode)
{
    struct Row { const char *code; const char *es; const char *en; bool retry; };
    static const Row rows[] = {
        {"00", "Aprobada", "Approved", false},
        {"03", "Comercio inválido (configuración)", "Invalid merchant (configuration)", false},
        {"04", "Tarjeta cancelada", "Card cancelled", false},
        {"43", "Tarjeta robada", "Stolen card", false},
        {"05", "No honrar", "Do not honor", false},
        {"83", "Transacción declinada", "Transaction declined", false},
        {"08", "Tarjetahabiente no autenticado (3DS)", "Cardholder not authenticated (3DS)", false},
        {"12", "Transacción inválida", "Invalid transaction", false},
        {"13", "Monto inválido", "Invalid amount", false},
        {"14", "Tarjeta inválida", "Invalid card", false},
        {"51", "Fondos insuficientes", "Insufficient funds", false},
        {"54", "Tarjeta vencida", "Expired card", false},
        {"57", "Transacción no permitida", "Transaction not permitted", false},
        {"59", "Sospecha de fraude", "Suspected fraud", false},
        {"62", "Tarjeta restringida", "Restricted card", false},
        {"63", "Violación de seguridad", "Security violation", false},
        {"82", "Bloqueo de seguridad", "Security block", false},
        {"91", "Emisor no disponible, reintente", "Issuer unavailable, retry", true},
        {"99", "Error general", "General error", false},
    };
    for (const Row &row : rows) {
        if (isoCode == QLatin1String(row.code))
            return {QString::fromUtf8(row.es), QString::fromUtf8(row.en), row.retry};
    }
    return {QStringLiteral("Declinada (código %1)").arg(isoCode.left(8)),
            QStringLiteral("Declined (code %1)").arg(isoCode.left(8)), false};
}

AzulResult AzulResponseParser::classify(AzulOperation op, bool completeAnswer, int httpStatus, const QByteArray &body)
{
    AzulResult r;
    r.httpStatus = httpStatus;
    if (!completeAnswer)
        return ambiguous(std::move(r), QStringLiteral("no complete answer"));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return ambiguous(std::move(r), QStringLiteral("HTTP %1 with a body that is not a JSON object (%2 bytes)")
                                           .arg(httpStatus).arg(body.size()));

    Fields f(doc.object());
    if (!f.conflicts().isEmpty())
        return ambiguous(std::move(r), QStringLiteral("fields repeated with different values: ") + f.conflicts().join(u','));
    // Free text AZUL writes ends up in logs, errors and dialogs: a card number echoed in it never does.
    r.responseCode = models::maskCardNumbers(f.text("responsecode"));
    r.isoCode = f.text("isocode");
    r.responseMessage = models::maskCardNumbers(f.has("responsemessage") ? f.text("responsemessage") : f.text("reponsemessage"));
    r.errorDescription = models::maskCardNumbers(f.text("errordescription"));
    r.authorizationCode = f.text("authorizationcode");
    r.azulOrderId = f.text("azulorderid");
    r.customOrderId = f.text("customorderid");
    r.rrn = f.text("rrn");
    r.ticket = f.text("ticket");
    r.lotNumber = f.text("lotnumber");
    r.dateTime = f.text("datetime");
    r.dataVaultToken = f.text("datavaulttoken");
    r.dataVaultExpiration = f.has("datavaultexpiration") ? f.text("datavaultexpiration") : f.text("expiration");
    r.dataVaultBrand = f.has("datavaultbrand") ? f.text("datavaultbrand") : f.text("brand");
    r.maskedCardNumber = models::maskCardNumbers(f.text("cardnumber")); // masked even if AZUL did not
    r.transactionType = f.text("transactiontype");
    r.amount = f.minorUnits("amount");
    r.itbis = f.minorUnits("itbis");
    if (!f.wrongTypes().isEmpty())
        return ambiguous(std::move(r), QStringLiteral("fields of the wrong type: ") + f.wrongTypes().join(u','));

    const bool isError = r.responseCode.compare(QLatin1String("Error"), Qt::CaseInsensitive) == 0;
    const bool isIso = r.responseCode.compare(QLatin1String("ISO8583"), Qt::CaseInsensitive) == 0;
    // Configuration and request errors mean "not processed" whatever the operation.
    if (isError || (r.responseCode.isEmpty() && !r.errorDescription.isEmpty()
                    && (isConfigError(r.errorDescription) || isRequestBug(r.errorDescription))))
        return classifyError(std::move(r));

    if (op == AzulOperation::SearchPayments)
        return classifySearch(doc.object(), std::move(r));
    if (op == AzulOperation::VerifyPayment) {
        r.found = f.boolean("found");
        if (!r.found)
            return ambiguous(std::move(r), QStringLiteral("VerifyPayment answer without a Found boolean"));
        if (!*r.found) {
            r.outcome = Outcome::NotFound;
            return r;
        }
        if (!isIso)
            return ambiguous(std::move(r), QStringLiteral("found transaction without an ISO8583 result"));
        return classifyIso(op, std::move(r));
    }
    if (op == AzulOperation::DataVaultCreate || op == AzulOperation::DataVaultDelete) {
        // DataVault answers carry IsoCode and ErrorDescription but often no ResponseCode.
        if (!r.errorDescription.isEmpty() && r.isoCode != QLatin1String("00"))
            return classifyError(std::move(r));
        if (op == AzulOperation::DataVaultCreate && r.isoCode == QLatin1String("00") && r.dataVaultToken.isEmpty())
            return ambiguous(std::move(r), QStringLiteral("DataVault approval without a token"));
        return classifyIso(op, std::move(r));
    }
    if (!isIso)
        return ambiguous(std::move(r), QStringLiteral("HTTP %1 with an unknown ResponseCode '%2'")
                                           .arg(httpStatus).arg(r.responseCode.left(32)));
    return classifyIso(op, std::move(r));
}

QString AzulResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Approved: return QStringLiteral("approved");
    case Outcome::Declined: return QStringLiteral("declined");
    case Outcome::ThreeDsPending: return QStringLiteral("3ds_pending");
    case Outcome::Error: return QStringLiteral("error");
    case Outcome::NotFound: return QStringLiteral("not_found");
    case Outcome::Ambiguous: return QStringLiteral("ambiguous");
    }
    return QStringLiteral("ambiguous");
}

models::Error AzulResult::toError() const
{
    const bool spanish = QLocale().language() == QLocale::Spanish;
    switch (outcome) {
    case Outcome::Approved:
    case Outcome::NotFound:
        return {};
    case Outcome::Declined:
        return models::makeError(QStringLiteral("azul.declined.") + isoCode.left(8),
                                 tr("AZUL declined the payment: %1").arg(spanish ? reasonEs : reasonEn), detail);
    case Outcome::ThreeDsPending:
        return models::makeError(QStringLiteral("azul.3ds_required"),
                                 tr("The card requires 3-D Secure authentication in a browser."), isoCode);
    case Outcome::Error:
        switch (errorKind) {
        case ErrorKind::Configuration:
            return models::makeError(QStringLiteral("azul.error.configuration"),
                                     tr("AZUL rejected OKLA's merchant configuration; an administrator must fix it."), detail);
        case ErrorKind::RequestBug:
            return models::makeError(QStringLiteral("azul.error.request"),
                                     tr("AZUL rejected the request as malformed."), detail);
        case ErrorKind::Business:
            return models::makeError(QStringLiteral("azul.error.business"),
                                     tr("AZUL refused the operation: %1").arg(errorDescription), detail);
        case ErrorKind::None:
            break;
        }
        return models::makeError(QStringLiteral("azul.error"), tr("AZUL returned an error."), detail);
    case Outcome::Ambiguous:
        break;
    }
    return models::makeError(QStringLiteral("azul.ambiguous"),
                             tr("AZUL's answer was incomplete; the payment is being verified before anything is resent."), detail);
}

} // namespace okla::services::azul
