#include "ui/dealers/dealerformat.h"

#include <QLocale>
#include <QTimeZone>

#include "models/currency.h"
#include "models/money.h"
#include "models/statuses.h"
#include "models/taxid.h"

namespace okla::ui {

namespace {
template<typename E>
QString statusLabel(const QString &dbValue)
{
    const auto value = models::fromDb<E>(dbValue);
    return value ? models::label(*value) : dbValue; // an unknown value is shown as stored, not hidden
}
} // namespace

QString DealerFormat::taxId(const QString &digits, const QString &kind)
{
    if (auto parsed = models::TaxId::parse(digits); parsed.ok())
        return parsed->display();
    // A stored number with a wrong check digit is still shown in its usual shape.
    if (kind == QLatin1String("rnc") && digits.size() == 9) // 1-01-12345-1
        return digits.left(1) + u'-' + digits.mid(1, 2) + u'-' + digits.mid(3, 5) + u'-' + digits.right(1);
    if (kind == QLatin1String("cedula") && digits.size() == 11) // 001-1234567-3
        return digits.left(3) + u'-' + digits.mid(3, 7) + u'-' + digits.right(1);
    return digits;
}

QString DealerFormat::taxIdKind(const QString &kind)
{
    return models::TaxId::kindName(kind == QLatin1String("rnc") ? models::TaxId::Kind::Rnc : models::TaxId::Kind::Cedula);
}

QString DealerFormat::subscriptionStatus(const QString &v)
{
    if (v.isEmpty())
        return tr("No subscription");
    return statusLabel<models::SubscriptionStatus>(v);
}

QString DealerFormat::verificationStatus(const QString &v) { return statusLabel<models::DealerVerificationStatus>(v); }

QString DealerFormat::plan(const QString &planKey)
{
    if (planKey.isEmpty())
        return QStringLiteral("—");
    // Plan names are OKLA's brand names (catalog v5): the same in every language.
    QString name = planKey;
    name[0] = name[0].toUpper();
    return name;
}

QString DealerFormat::money(const std::optional<models::Money> &amount)
{
    if (!amount)
        return QStringLiteral("—");
    static const QLocale dominican(QStringLiteral("es_DO"));
    return amount->format(dominican);
}

QString DealerFormat::date(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDate day = utc.toTimeZone(QTimeZone(-4 * 3600)).date();
    // The locale's short date, with a four-digit year (29/11/2026, 11/29/2026).
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return QLocale().toString(day, format);
}

} // namespace okla::ui
