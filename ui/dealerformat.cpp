#include "ui/dealerformat.h"

#include <QLocale>
#include <QTimeZone>

namespace okla::ui {

QString DealerFormat::taxId(const QString &digits, const QString &kind)
{
    if (kind == QLatin1String("rnc") && digits.size() == 9) // 1-01-12345-1
        return digits.left(1) + u'-' + digits.mid(1, 2) + u'-' + digits.mid(3, 5) + u'-' + digits.right(1);
    if (kind == QLatin1String("cedula") && digits.size() == 11) // 001-1234567-3
        return digits.left(3) + u'-' + digits.mid(3, 7) + u'-' + digits.right(1);
    return digits;
}

QString DealerFormat::taxIdKind(const QString &kind)
{
    return kind == QLatin1String("rnc") ? tr("RNC") : tr("Cédula");
}

QString DealerFormat::subscriptionStatus(const QString &v)
{
    if (v.isEmpty())
        return tr("No subscription");
    if (v == QLatin1String("trial")) return tr("Trial");
    if (v == QLatin1String("active")) return tr("Active");
    if (v == QLatin1String("past_due")) return tr("Past due");
    if (v == QLatin1String("cancelled")) return tr("Cancelled");
    if (v == QLatin1String("suspended")) return tr("Suspended");
    if (v == QLatin1String("expired")) return tr("Expired");
    return v;
}

QString DealerFormat::verificationStatus(const QString &v)
{
    if (v == QLatin1String("pending")) return tr("Pending verification");
    if (v == QLatin1String("under_review")) return tr("Under review");
    if (v == QLatin1String("verified")) return tr("Verified");
    if (v == QLatin1String("rejected")) return tr("Rejected");
    if (v == QLatin1String("suspended")) return tr("Suspended");
    return v;
}

QString DealerFormat::plan(const QString &planKey)
{
    if (planKey.isEmpty())
        return QStringLiteral("—");
    // Plan names are OKLA's brand names (catalog v5): the same in every language.
    QString name = planKey;
    name[0] = name[0].toUpper();
    return name;
}

QString DealerFormat::money(std::optional<qint64> minor, const QString &currency)
{
    if (!minor)
        return QStringLiteral("—");
    static const QLocale dominican(QStringLiteral("es_DO"));
    const qint64 value = *minor;
    const qint64 magnitude = value < 0 ? -value : value;
    const QString symbol = currency == QLatin1String("DOP") ? QStringLiteral("RD$")
                         : currency == QLatin1String("USD") ? QStringLiteral("US$") : currency + u' ';
    const QString cents = QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return (value < 0 ? QStringLiteral("-") : QString()) + symbol + dominican.toString(magnitude / 100)
           + dominican.decimalPoint() + cents;
}

QString DealerFormat::date(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDate day = utc.toTimeZone(QTimeZone(-4 * 3600)).date();
    return QLocale().toString(day, QLocale::ShortFormat);
}

} // namespace okla::ui
