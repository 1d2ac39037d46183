#include "services/providers/stripe/stripeformencoder.h"

#include <QUrl>

namespace okla::services::stripe {

StripeFormEncoder &StripeFormEncoder::add(const QString &key, const QString &value)
{
    m_pairs.append({key, value});
    return *this;
}

StripeFormEncoder &StripeFormEncoder::add(const QString &key, qint64 value)
{
    return add(key, QString::number(value));
}

StripeFormEncoder &StripeFormEncoder::add(const QString &key, bool value)
{
    return add(key, value ? QStringLiteral("true") : QStringLiteral("false"));
}

StripeFormEncoder &StripeFormEncoder::addAmount(const QString &key, const models::Money &amount)
{
    if (!m_problem && amount.minorUnits() <= 0)
        m_problem = models::makeError(QStringLiteral("stripe.request.amount"),
                                      tr("A Stripe amount must be greater than zero."),
                                      key + u'=' + amount.toDecimalString() + u' ' + models::isoCode(amount.currency()));
    return add(key, amount.minorUnits());
}

StripeFormEncoder &StripeFormEncoder::addMap(const QString &key, const Entries &entries)
{
    for (const auto &[sub, value] : entries)
        add(key + u'[' + sub + u']', value);
    return *this;
}

StripeFormEncoder &StripeFormEncoder::addList(const QString &key, const QStringList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        add(key + u'[' + QString::number(i) + u']', values.at(i));
    return *this;
}

StripeFormEncoder &StripeFormEncoder::addObjectList(const QString &key, const QList<Entries> &objects)
{
    for (qsizetype i = 0; i < objects.size(); ++i)
        addMap(key + u'[' + QString::number(i) + u']', objects.at(i));
    return *this;
}

StripeFormEncoder &StripeFormEncoder::addMetadata(const Entries &metadata)
{
    if (!m_problem && metadata.size() > 50)
        m_problem = models::makeError(QStringLiteral("stripe.request.metadata"),
                                      tr("Stripe accepts at most 50 metadata keys."), QString::number(metadata.size()));
    for (const auto &[key, value] : metadata) {
        if (!m_problem && (key.isEmpty() || key.size() > 40 || key.contains(u'[') || key.contains(u']')))
            m_problem = models::makeError(QStringLiteral("stripe.request.metadata"),
                                          tr("A Stripe metadata key must have 1 to 40 characters and no brackets."), key.left(60));
        if (!m_problem && value.size() > 500)
            m_problem = models::makeError(QStringLiteral("stripe.request.metadata"),
                                          tr("A Stripe metadata value must have at most 500 characters."), key);
    }
    return addMap(QStringLiteral("metadata"), metadata);
}

models::Status StripeFormEncoder::validity() const
{
    if (m_problem)
        return *m_problem;
    return {};
}

QByteArray StripeFormEncoder::encodeKey(const QString &key)
{
    return QUrl::toPercentEncoding(key, "[]");
}

QByteArray StripeFormEncoder::encodeValue(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

QByteArray StripeFormEncoder::encode() const
{
    QByteArray out;
    for (const auto &[key, value] : m_pairs) {
        if (!out.isEmpty())
            out += '&';
        out += encodeKey(key);
        out += '=';
        out += encodeValue(value);
    }
    return out;
}

} // namespace okla::services::stripe
