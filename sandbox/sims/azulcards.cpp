#include "sandbox/sims/azulcards.h"

#include <QHash>

namespace okla::sandbox {

QString AzulCardRule::toString() const
{
    switch (kind) {
    case Kind::Approve: return QStringLiteral("approve");
    case Kind::Iso: return QStringLiteral("iso:") + isoCode;
    case Kind::MaxAmount: return QStringLiteral("max:") + QString::number(maxAmount);
    }
    return QStringLiteral("approve");
}

AzulCardRule AzulCardRule::fromString(const QString &text)
{
    AzulCardRule r;
    if (text.startsWith(QLatin1String("iso:"))) {
        r.kind = Kind::Iso;
        r.isoCode = text.mid(4);
    } else if (text.startsWith(QLatin1String("max:"))) {
        r.kind = Kind::MaxAmount;
        r.maxAmount = text.mid(4).toLongLong();
    }
    return r;
}

QString AzulCardRule::isoFor(qint64 amount) const
{
    switch (kind) {
    case Kind::Approve: return QStringLiteral("00");
    case Kind::Iso: return isoCode;
    case Kind::MaxAmount: return amount > maxAmount ? QStringLiteral("51") : QStringLiteral("00");
    }
    return QStringLiteral("00");
}

namespace azulcards {

bool luhnValid(const QString &digits)
{
    if (digits.size() < 12 || digits.size() > 19)
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits.at(i);
        if (!c.isDigit())
            return false;
        int d = c.digitValue();
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

QString mask(const QString &pan)
{
    if (pan.size() < 10)
        return QString(pan.size(), u'*');
    return pan.left(6) + QString(pan.size() - 10, u'*') + pan.right(4);
}

QString brand(const QString &pan)
{
    if (pan.startsWith(u'4'))
        return QStringLiteral("VISA");
    if (pan.startsWith(QLatin1String("34")) || pan.startsWith(QLatin1String("37")))
        return QStringLiteral("AMEX");
    if (pan.startsWith(QLatin1String("6011")) || pan.startsWith(QLatin1String("65")))
        return QStringLiteral("DISCOVER");
    const int two = pan.left(2).toInt();
    const int four = pan.left(4).toInt();
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720))
        return QStringLiteral("MASTERCARD");
    return QStringLiteral("OTHER");
}

AzulCardRule ruleFor(const QString &pan)
{
    AzulCardRule r;
    if (pan == QLatin1String("4005520000000129")) {
        r.kind = AzulCardRule::Kind::MaxAmount;
        r.maxAmount = 7500;
    } else if (pan.size() == 16 && pan.startsWith(QLatin1String("4999990000000"))) {
        // 4999990000000XXC: declines with IsoCode XX (C is the Luhn check digit).
        r.kind = AzulCardRule::Kind::Iso;
        r.isoCode = pan.mid(13, 2);
    }
    return r;
}

QString isoMessage(const QString &isoCode)
{
    static const QHash<QString, QString> messages = {
        {QStringLiteral("00"), QStringLiteral("APROBADA")},
        {QStringLiteral("03"), QStringLiteral("Comercio invalido")},
        {QStringLiteral("04"), QStringLiteral("Tarjeta cancelada")},
        {QStringLiteral("05"), QStringLiteral("Transaccion declinada")},
        {QStringLiteral("12"), QStringLiteral("Transaccion invalida")},
        {QStringLiteral("13"), QStringLiteral("Monto invalido")},
        {QStringLiteral("14"), QStringLiteral("Tarjeta invalida")},
        {QStringLiteral("43"), QStringLiteral("Tarjeta robada")},
        {QStringLiteral("51"), QStringLiteral("Fondos insuficientes")},
        {QStringLiteral("54"), QStringLiteral("Tarjeta expirada")},
        {QStringLiteral("57"), QStringLiteral("Transaccion no permitida")},
        {QStringLiteral("59"), QStringLiteral("Sospecha de fraude")},
        {QStringLiteral("91"), QStringLiteral("Emisor no disponible")},
        {QStringLiteral("99"), QStringLiteral("Tarjeta Invalida")},
    };
    return messages.value(isoCode, QStringLiteral("Transaccion declinada"));
}

} // namespace azulcards
} // namespace okla::sandbox
